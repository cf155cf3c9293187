/**
 * `npm run new -- --dir <folder> --team <name> [flags]`, the main job from a
 * checkout (issue 6), run as a user runs it: through npm, from another folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { run, RunResult, tryRun } from '../../scripts/lib/command';
import { developerEnv } from '../../scripts/lib/projen-new';

const ROOT = resolve(__dirname, '..', '..');
const MINUTE = 60_000;
let work: string;

/** `npm run new -- <args>` from `work` (so --dir resolves against it, as INIT_CWD). */
function npmRunNew(...args: string[]): Promise<RunResult> {
  return tryRun('npm', ['--prefix', ROOT, 'run', '--silent', 'new', '--', ...args], { cwd: work });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ecs-batch-new-test-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('checks the command line before building anything', () => {
  test('--dir is required', async () => {
    const result = await npmRunNew('--team', 'payments');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe('--dir: is missing (the folder to create the repo in, empty or absent)');
  }, MINUTE);

  test('--dir must be empty or absent, and is left as it was', async () => {
    mkdirSync(join(work, 'taken'));
    writeFileSync(join(work, 'taken', 'keep.txt'), 'mine');
    const result = await npmRunNew('--dir', 'taken', '--team', 'payments');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe(`--dir: ${join(work, 'taken')} is not empty (an empty or absent folder)`);
    expect(readdirSync(join(work, 'taken'))).toEqual(['keep.txt']);
    expect(result.stdout).not.toContain('build');
  }, MINUTE);

  test('--team is required', async () => {
    const result = await npmRunNew('--dir', 'fresh');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe('--team: is missing (the owning team, lowercase, e.g. --team payments)');
    expect(existsSync(join(work, 'fresh'))).toBe(false);
  }, MINUTE);

  test('--from is ours to set', async () => {
    const result = await npmRunNew('--dir', 'fresh', '--team', 'payments', '--from', 'projen-vue');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('--from: ');
  }, MINUTE);
});

describe('a flag the project type refuses', () => {
  test('fails after the registry phases, names the flag, and leaves --dir absent', async () => {
    const result = await npmRunNew('--dir', 'refused', '--team', 'payments', '--time-zone', 'Mars/Olympus_Mons');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^--time-zone: /m);
    for (const phase of ['build', 'pack', 'registry', 'publish']) expect(result.stdout).toMatch(new RegExp(`^✓ ${phase} \\d+\\.\\ds$`, 'm'));
    expect(result.stdout).toMatch(/^✗ new \d+\.\ds$/m);
    expect(existsSync(join(work, 'refused'))).toBe(false);
  }, 5 * MINUTE);
});

describe('a repo from the checkout', () => {
  let dir: string;
  let result: RunResult;

  beforeAll(async () => {
    result = await npmRunNew('--dir', 'payments-batch', '--team', 'payments', '--infra', 'hcl');
    dir = join(work, 'payments-batch');
  }, 10 * MINUTE);

  test('prints each phase with its time', () => {
    expect(result.exitCode).toBe(0);
    for (const phase of ['build', 'pack', 'registry', 'publish', 'new', 'install']) {
      expect(result.stdout).toMatch(new RegExp(`^▸ ${phase}: `, 'm'));
      expect(result.stdout).toMatch(new RegExp(`^✓ ${phase} \\d+\\.\\ds$`, 'm'));
    }
  });

  test('is committed, and re-running npx projen leaves it clean', async () => {
    expect((await run('git', ['log', '--oneline'], { cwd: dir })).stdout).toMatch(/project created with ecs-batch-template@/);
    await run(join(dir, 'node_modules', '.bin', 'projen'), [], { cwd: dir, env: developerEnv(process.env) });
    expect((await run('git', ['status', '--porcelain'], { cwd: dir })).stdout.trim()).toBe('');
  }, 3 * MINUTE);

  test('is lint-clean from its first commit: the first build\'s eslint --fix changes nothing', async () => {
    await run(join(dir, 'node_modules', '.bin', 'projen'), ['eslint'], { cwd: dir, env: developerEnv(process.env) });
    expect((await run('git', ['status', '--porcelain'], { cwd: dir })).stdout.trim()).toBe('');
  }, 3 * MINUTE);

  test('keeps our tarballs in .ecs-batch/ and names no temporary registry in its lockfile', () => {
    const lockfile = readFileSync(join(dir, 'package-lock.json'), 'utf8');
    expect(lockfile).not.toMatch(/127\.0\.0\.1/);
    const vendored = readdirSync(join(dir, '.ecs-batch'));
    expect(vendored).toEqual(expect.arrayContaining([expect.stringMatching(/^ecs-batch-template-.*\.tgz$/), expect.stringMatching(/^ecs-batch-core-.*\.tgz$/)]));
    const lock = JSON.parse(lockfile);
    expect(lock.packages['node_modules/ecs-batch-template'].resolved).toMatch(/^file:\.ecs-batch\/ecs-batch-template-.*\.tgz$/);
  });

  test('installs again with npm ci after the registry is gone', async () => {
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    // The user's own npm config: whatever registry they use, and no 127.0.0.1.
    await run('npm', ['ci', '--prefer-offline'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'node_modules', 'ecs-batch-template', 'package.json'), 'utf8')).name).toBe('ecs-batch-template');
    expect((await run('git', ['status', '--porcelain'], { cwd: dir })).stdout.trim()).toBe('');
  }, 5 * MINUTE);
});
