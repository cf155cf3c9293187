import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const script = join(__dirname, '..', 'scripts', 'require-node.js');

/** Runs the check as if on the given Node version (process.versions replaced before it loads). */
function check(version: string) {
  const preload = join(tmpdir(), `node-${version}-${process.pid}.js`);
  writeFileSync(preload, `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${version}' } });\n`);
  return spawnSync(process.execPath, ['-r', preload, script], { encoding: 'utf8' });
}

describe('npm run new and npm test on an old Node', () => {
  test('Node 20 stops at once with one line that says what to do', () => {
    const result = check('20.11.1');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('ecs-batch needs Node 22 or later, and this is Node 20.11.1: run `nvm use 22`');
  });

  test('Node 22 and later pass silently', () => {
    for (const version of ['22.0.0', '24.1.0']) {
      const result = check(version);
      expect([result.status, result.stderr]).toEqual([0, '']);
    }
  });

  test('both scripts run the check first', () => {
    const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    expect(scripts.new).toMatch(/^node scripts\/require-node\.js && /);
    expect(scripts.test).toMatch(/^node scripts\/require-node\.js && /);
  });
});
