import { spawnSync } from 'child_process';
import { symlinkSync } from 'fs';
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
  // As npm ci gives it: the scripts render with @ecs-batch/core and read tfvars with @cdktf/hcl2json.
  symlinkSync(join(__dirname, '..', '..', '..', '..', 'node_modules'), join(dir, 'node_modules'));
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

  test('--dry-run --to-version prints the exact AWS CLI commands and runs none', () => {
    const result = rollback(dir, ['--job', 'weekly', '--to-version', '1.2.0', '--account-id', '111122223333', '--dry-run']);
    expect(result.status).toBe(0);
    expect(awsLines(result.stdout)).toEqual([
      'aws ecr describe-images --registry-id 111122223333 --repository-name payments-batch --image-ids imageTag=1.2.0 --region ap-northeast-1 --output json',
      `aws ecs register-task-definition --cli-input-json file://${join(tmpdir(), 'rollback-payments-weekly-1.2.0.json')} --region ap-northeast-1 --output json`,
    ]);
  });

  test('takes its flags after a --, as `npx projen rollback -- --job <name>` passes them', () => {
    const result = rollback(dir, ['--', '--job', 'weekly', '--to-version', '1.2.0', '--dry-run']);
    expect(result.status).toBe(0);
    expect(awsLines(result.stdout)[0]).toBe('aws sts get-caller-identity --region ap-northeast-1 --output json');
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

  test('--to-version registers the current settings with that release\'s image; a second run does the same', () => {
    const aws = new FakeAwsCli([
      { family: 'payments-nightly', revision: 41, image: 'repo:1.1.0' },
      { family: 'payments-nightly', revision: 42, image: 'repo:1.2.0' },
    ], { images: ['1.1.0', '1.2.0'] });
    const path = `${aws.binDir}:${process.env.PATH}`;
    const first = rollback(dir, ['--job', 'nightly', '--to-version', '1.1.0', '--account-id', '111122223333'], path);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const second = rollback(dir, ['--job', 'nightly', '--to-version', '1.1.0', '--account-id', '111122223333'], path);
    expect(second.status).toBe(0);
    const registered = aws.calls().filter((c) => c.args[1] === 'register-task-definition').map((c) => c.input);
    expect(registered).toHaveLength(2);
    // The same input twice: a rollback is idempotent, not "the previous position".
    expect(registered[1]).toEqual(registered[0]);
    const image = '111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/payments-batch:1.1.0';
    expect(registered[0].containerDefinitions[0].image).toBe(image);
    // The repo's current settings, not those of the old revision.
    expect(registered[0].containerDefinitions[0].environment).toContainEqual({ name: 'ECS_BATCH_HANDLER', value: 'lib/jobs/nightly/handler.handler' });
    expect(registered[0].executionRoleArn).toBe('arn:aws:iam::111122223333:role/payments-nightly-execution');
    expect(first.stdout).toContain(`nightly: payments-nightly:43 runs release 1.1.0 (${image})`);
  });

  test('a version whose image ECR has expired fails before anything is registered', () => {
    const aws = new FakeAwsCli([{ family: 'payments-nightly', revision: 42, image: 'repo:1.2.0' }], { images: ['1.2.0'] });
    const result = rollback(dir, ['--job', 'nightly', '--to-version', '0.9.0', '--account-id', '111122223333'], `${aws.binDir}:${process.env.PATH}`);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--to-version: 111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/payments-batch:0.9.0 is not in ECR');
    expect(aws.calls().filter((c) => c.args[1] === 'register-task-definition')).toEqual([]);
  });

  test('without --to-version or --to-revision it lists the recent releases and exits 2', () => {
    const aws = new FakeAwsCli([
      { family: 'payments-nightly', revision: 41, image: 'repo:1.1.0' },
      { family: 'payments-nightly', revision: 42, image: 'repo:1.2.0' },
      // A longer family that --family-prefix also matches: not listed.
      { family: 'payments-nightly-v2', revision: 7, image: 'repo:9.9.9' },
    ]);
    const result = rollback(dir, ['--job', 'nightly'], `${aws.binDir}:${process.env.PATH}`);
    expect(result.status).toBe(2);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual(['version\trevision\tregistered', '1.2.0\t42\t2024-06-01T00:00:00Z', '1.1.0\t41\t2024-06-01T00:00:00Z']);
    expect(result.stderr).toContain('Run again with --to-version <version>');
    expect(aws.calls().some((c) => c.args[1] === 'register-task-definition')).toBe(false);
  });

  test('--to-revision registers that revision\'s definition as the newest, without its read-only fields', () => {
    const aws = new FakeAwsCli([
      { family: 'payments-nightly', revision: 41, image: 'repo:1.1.0' },
      { family: 'payments-nightly', revision: 42, image: 'repo:1.2.0' },
    ]);
    const result = rollback(dir, ['--job', 'nightly', '--to-revision', '41'], `${aws.binDir}:${process.env.PATH}`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const calls = aws.calls();
    expect(calls.map((c) => c.args.slice(0, 2).join(' '))).toEqual(['ecs describe-task-definition', 'ecs register-task-definition']);
    const input = calls[1].input;
    expect(input.containerDefinitions[0].image).toBe('repo:1.1.0');
    for (const field of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy']) {
      expect(input).not.toHaveProperty(field);
    }
    expect(result.stdout).toContain('nightly: payments-nightly:43 now has the definition of revision 41 (repo:1.1.0)');
  });

  test('the generated repo\'s own test covers the dry run', () => {
    const out = synth(newProject());
    const test: string = out['test/rollback.test.ts'];
    expect(test).toContain("const result = rollback('--job', 'nightly', '--to-version', '1.2.0', '--account-id', '123456789012', '--dry-run');");
  });
});
