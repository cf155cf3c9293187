import { spawnSync } from 'child_process';
import { tmpdir } from 'os';
import { join } from 'path';
import { FakeAwsCli } from './fake-aws-cli';
import { newProject, synth, synthInPlace, tempDir } from '../fixtures';

/** A generated repo on disk, with its scripts. */
function generatedRepo(): string {
  const dir = tempDir();
  const project = newProject({}, dir);
  project.addJob({ name: 'weekly', schedule: 'cron(0 9 ? * MON *)' });
  synthInPlace(project);
  return dir;
}

function rollback(dir: string, args: string[], path = process.env.PATH) {
  return spawnSync(process.execPath, [join(dir, 'scripts/rollback.mjs'), ...args], {
    cwd: dir, encoding: 'utf8', env: { PATH: path, HOME: process.env.HOME },
  });
}

const awsLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('aws '));

describe('rollback', () => {
  const dir = generatedRepo();

  test('is a projen task that passes its arguments on', () => {
    const out = synth(newProject());
    expect(out['.projen/tasks.json'].tasks.rollback).toMatchObject({ steps: [{ exec: 'node scripts/rollback.mjs', receiveArgs: true }] });
  });

  test('--dry-run prints the exact AWS CLI commands and runs none', () => {
    const result = rollback(dir, ['--job', 'weekly', '--dry-run']);
    expect(result.status).toBe(0);
    expect(awsLines(result.stdout)).toEqual([
      'aws ecs list-task-definitions --family-prefix payments-weekly --status ACTIVE --sort DESC --region ap-northeast-1 --output json',
      "aws ecs describe-task-definition --task-definition 'payments-weekly:<previous>' --include TAGS --region ap-northeast-1 --output json",
      `aws ecs register-task-definition --cli-input-json 'file://${join(tmpdir(), 'rollback-payments-weekly-<previous>.json')}' --region ap-northeast-1 --output json`,
    ]);
    expect(result.stdout).toContain('# <previous> is the second revision this lists');
  });

  test('takes its flags after a --, as `npx projen rollback -- --job <name>` passes them', () => {
    const result = rollback(dir, ['--', '--job', 'weekly', '--dry-run']);
    expect(result.status).toBe(0);
    expect(awsLines(result.stdout)).toHaveLength(3);
  });

  test('--dry-run with --to-revision and --region prints complete commands', () => {
    const result = rollback(dir, ['--job', 'nightly', '--to-revision', '41', '--region', 'us-east-1', '--dry-run']);
    expect(awsLines(result.stdout)).toEqual([
      'aws ecs describe-task-definition --task-definition payments-nightly:41 --include TAGS --region us-east-1 --output json',
      `aws ecs register-task-definition --cli-input-json file://${join(tmpdir(), 'rollback-payments-nightly-41.json')} --region us-east-1 --output json`,
    ]);
  });

  test.each([
    [[], '--job: is required (one of nightly, weekly)'],
    [['--job', 'monthly'], "--job: 'monthly' is not a job of this repo (nightly, weekly)"],
    [['--job', 'nightly', '--to-revision', 'latest'], "--to-revision: 'latest' is not a revision number"],
    [['--job', 'nightly', '--revision', '3'], "Unknown option '--revision'"],
  ])('refuses %j, naming the flag', (args, message) => {
    const result = rollback(dir, [...args, '--dry-run']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });

  test('registers the previous revision\'s definition as the newest, without its read-only fields', () => {
    const aws = new FakeAwsCli([
      { family: 'payments-nightly', revision: 41, image: 'repo:1.1.0' },
      { family: 'payments-nightly', revision: 42, image: 'repo:1.2.0' },
      // A longer family that --family-prefix also matches: never a rollback target.
      { family: 'payments-nightly-v2', revision: 7, image: 'repo:9.9.9' },
    ]);
    const result = rollback(dir, ['--job', 'nightly'], `${aws.binDir}:${process.env.PATH}`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const calls = aws.calls();
    expect(calls.map((c) => c.args.slice(0, 2).join(' '))).toEqual(['ecs list-task-definitions', 'ecs describe-task-definition', 'ecs register-task-definition']);
    expect(calls[1].args).toContain('payments-nightly:41');
    const input = calls[2].input;
    expect(input.containerDefinitions[0].image).toBe('repo:1.1.0');
    expect(input.tags).toEqual([{ key: 'team', value: 'payments' }]);
    for (const field of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy']) {
      expect(input).not.toHaveProperty(field);
    }
    expect(input).toMatchObject({ family: 'payments-nightly', cpu: '256', memory: '512', requiresCompatibilities: ['FARGATE'] });
    expect(result.stdout).toContain('nightly: payments-nightly:43 now has the definition of revision 41 (repo:1.1.0)');
  });

  test('a family with one revision has nothing to roll back to', () => {
    const aws = new FakeAwsCli([{ family: 'payments-nightly', revision: 1, image: 'repo:0.1.0' }]);
    const result = rollback(dir, ['--job', 'nightly'], `${aws.binDir}:${process.env.PATH}`);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('payments-nightly has no earlier ACTIVE revision to roll back to (revisions: 1)');
    expect(aws.calls()).toHaveLength(1);
  });

  test('the generated repo\'s own test covers the dry run', () => {
    const out = synth(newProject());
    const test: string = out['test/rollback.test.ts'];
    expect(test).toContain("const result = rollback('--job', 'nightly', '--dry-run');");
    expect(test).toContain("'aws ecs list-task-definitions --family-prefix payments-nightly --status ACTIVE --sort DESC --region ap-northeast-1 --output json',");
  });
});
