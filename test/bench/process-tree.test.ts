import { spawn } from 'child_process';
import * as fs from 'fs';
import { descendantPids, signalTree } from '../../bench/lib/process-tree';

const hasProc = process.platform === 'linux';

/** Gone, or a zombie (dead, waiting for a parent to reap it: in a container PID 1 may never do so). */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

(hasProc ? describe : describe.skip)('process trees, from /proc', () => {
  test('descendants include grandchildren, and signalTree stops them all', async () => {
    // sh → sleep: the sleep is a grandchild of this test's process.
    const child = spawn('sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const tree = descendantPids(child.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(1);
    expect(descendantPids(process.pid)).toEqual(expect.arrayContaining([child.pid, ...tree]));

    const exited = new Promise((resolve) => child.on('exit', resolve));
    expect(signalTree(child.pid!, 'SIGKILL')).toEqual([child.pid, ...tree]);
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const pid of tree) expect(running(pid)).toBe(false);
  });

  test('a pid without children has no descendants, and signalling a gone pid is no error', () => {
    expect(descendantPids(2 ** 22 + 1)).toEqual([]);
    expect(() => signalTree(2 ** 22 + 1, 'SIGTERM')).not.toThrow();
  });
});
