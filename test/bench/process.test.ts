import { canMeasureRss, timeProcess, TimedRunFailed } from '../../bench/lib/process';

describe('timeProcess', () => {
  test('times a real child process and captures its output', async () => {
    const run = await timeProcess(process.execPath, ['-e', 'setTimeout(() => console.log("done"), 200)'], { cwd: __dirname });
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim()).toBe('done');
    expect(run.wallMs).toBeGreaterThanOrEqual(200);
  });

  (canMeasureRss() ? test : test.skip)('measures the peak RSS of the largest process in the tree', async () => {
    // The child allocates ~64 MiB and touches it, so its RSS must show it.
    const grow = 'const b = Buffer.alloc(64 * 2 ** 20, 1); console.log(b[0])';
    const small = await timeProcess(process.execPath, ['-e', '1'], { cwd: __dirname });
    const big = await timeProcess(process.execPath, ['-e', grow], { cwd: __dirname });
    expect(small.peakRssKb).toBeGreaterThan(10 * 1024);
    expect(big.peakRssKb! - small.peakRssKb!).toBeGreaterThan(50 * 1024);
  });

  test('hands over each line of stdout and stderr with when it came', async () => {
    const lines: { atMs: number; line: string }[] = [];
    const script = 'console.log("one"); setTimeout(() => { console.error("two"); console.log("three") }, 300)';
    await timeProcess(process.execPath, ['-e', script], { cwd: __dirname, onLine: (atMs, line) => lines.push({ atMs, line }) });
    expect(lines.map((l) => l.line).sort()).toEqual(['one', 'three', 'two']);
    const at = (line: string) => lines.find((l) => l.line === line)!.atMs;
    expect(at('two') - at('one')).toBeGreaterThanOrEqual(250);
  });

  test('throws with the exit code and the tail of the output on failure', async () => {
    const failing = timeProcess(process.execPath, ['-e', 'console.error("boom"); process.exit(3)'], { cwd: __dirname });
    await expect(failing).rejects.toThrow(TimedRunFailed);
    await expect(failing).rejects.toThrow(/exited with 3 after [\d.]+ s\nboom/);
  });

  test('resolves with the exit code when failure is allowed', async () => {
    const run = await timeProcess(process.execPath, ['-e', 'process.exit(2)'], { cwd: __dirname, allowFailure: true });
    expect(run.exitCode).toBe(2);
  });
});

describe('timeProcess, the bugs it had', () => {
  test('a timeout stops the whole tree, not just the process it spawned (GNU time would leave the command running)', async () => {
    const started = Date.now();
    const run = await timeProcess('sh', ['-c', 'sleep 30; echo finished'], { cwd: __dirname, timeoutMs: 500, allowFailure: true });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).not.toContain('finished');
    expect(run.stderr).toContain('[timed out after 500 ms]');
  });

  test('a character split across two writes reaches onLine whole, and so does a last line without a newline', async () => {
    const lines: string[] = [];
    // projen's task lines start with 👾, four bytes in UTF-8: write them two and two.
    const script = [
      'const bytes = Buffer.from("👾 build » compile | tsc\\nlast");',
      'process.stdout.write(bytes.subarray(0, 2));',
      'setTimeout(() => process.stdout.write(bytes.subarray(2)), 200);',
    ].join('\n');
    await timeProcess(process.execPath, ['-e', script], { cwd: __dirname, onLine: (_, line) => lines.push(line) });
    expect(lines).toEqual(['👾 build » compile | tsc', 'last']);
  });
});
