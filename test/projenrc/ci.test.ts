import { synthSnapshot } from 'projen/lib/util/synth';
import { parse as parseYaml } from 'yaml';
import { rootProject } from './fixtures';
import { ACTION_PINS } from '../../packages/ecs-batch-template/src/private/pins';
import { Ci } from '../../projenrc/ci';

describe('Ci', () => {
  const root = rootProject();
  new Ci(root, { nodeMajor: 22, nodeMatrix: [22, 24], testCommand: 'npm test', benchCommand: 'npm run bench -- --quick' });
  const out = synthSnapshot(root);
  const run: string = out['.ci/run'];

  test('provisions Node 22 from the npm registry when the machine has an older node', () => {
    expect(run).toContain('want=22');
    expect(run).toContain('npm i --prefix "$dir" --no-audit --no-fund "node@$want"');
    expect(run).toContain('export PATH="$dir/node_modules/.bin:$PATH"');
  });

  test('installs from the lockfile, proves synth and lint change nothing, then tests and benchmarks', () => {
    const lines = run.trim().split('\n');
    const at = (line: string) => {
      expect(lines).toContain(line);
      return lines.indexOf(line);
    };
    expect(at('npm ci --no-audit --no-fund')).toBeLessThan(at('npx projen --no-post'));
    expect(at('npx projen --no-post')).toBe(at('unchanged "npx projen"') - 1);
    expect(at('npm run lint')).toBe(at('unchanged "npm run lint"') - 1);
    expect(at('unchanged "npm run lint"')).toBeLessThan(at('npm test'));
    expect(lines.slice(-2)).toEqual(['npm test', 'npm run bench -- --quick']);
  });

  test('a dirty tree after synth or lint fails the run, naming the step', () => {
    expect(run).toMatch(/unchanged\(\) \{\n  if \[ -n "\$\(git status --porcelain\)" \]; then\n    echo "\$1 changed files/);
    expect(run).toContain('    exit 1');
  });

  test('.nvmrc and the GitHub workflow agree on Node versions', () => {
    expect(out['.nvmrc'].trim()).toBe('22');
    const wf: string = out['.github/workflows/build.yml'];
    expect(wf).toMatch(/node:\n\s+- 22\n\s+- 24/);
    expect(wf).toContain('run: bash .ci/run');
  });

  test('the build workflow reads the repo and nothing else, with pinned actions', () => {
    const wf = parseYaml(out['.github/workflows/build.yml']);
    expect(wf.permissions).toEqual({});
    expect(wf.jobs.build.permissions).toEqual({ contents: 'read' });
    const checkout = ACTION_PINS.find((p) => p.repo === 'actions/checkout')!;
    expect(wf.jobs.build.steps[0]).toEqual({ uses: `actions/checkout@${checkout.sha}`, with: { 'persist-credentials': false } });
  });
});
