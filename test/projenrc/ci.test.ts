import { synthSnapshot } from 'projen/lib/util/synth';
import { rootProject } from './fixtures';
import { Ci } from '../../projenrc/ci';

describe('Ci', () => {
  const root = rootProject();
  new Ci(root, { nodeMajor: 22, nodeMatrix: [22, 24], testCommand: 'npm test' });
  const out = synthSnapshot(root);
  const run: string = out['.ci/run'];

  test('provisions Node 22 from the npm registry when the machine has an older node', () => {
    expect(run).toContain('want=22');
    expect(run).toContain('npm i --prefix "$dir" --no-audit --no-fund "node@$want"');
    expect(run).toContain('export PATH="$dir/node_modules/.bin:$PATH"');
  });

  test('installs from the lockfile, proves synth is clean, then runs the README test command last', () => {
    const lines = run.trim().split('\n');
    expect(lines).toContain('npm ci --no-audit --no-fund');
    expect(lines).toContain('npx projen --no-post');
    expect(lines[lines.length - 1]).toBe('npm test');
  });

  test('.nvmrc and the GitHub workflow agree on Node versions', () => {
    expect(out['.nvmrc'].trim()).toBe('22');
    const wf: string = out['.github/workflows/build.yml'];
    expect(wf).toMatch(/node:\n\s+- 22\n\s+- 24/);
    expect(wf).toContain('run: bash .ci/run');
  });
});
