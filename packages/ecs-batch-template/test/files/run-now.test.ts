import { spawnSync } from 'child_process';
import { symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { FakeAwsCli } from './fake-aws-cli';
import { newProject, synth, synthInPlace, tempDir } from '../fixtures';

function generatedRepo(): string {
  const dir = tempDir();
  const project = newProject({ assignPublicIp: true }, dir);
  project.addJob({ name: 'weekly', schedule: 'cron(0 9 ? * MON *)', input: '{"scope":"week"}' });
  synthInPlace(project);
  writeFileSync(join(dir, 'infra/environments/production.tfvars'), [
    'cluster_arn        = "arn:aws:ecs:ap-northeast-1:111122223333:cluster/batch"',
    'subnet_ids         = ["subnet-0a", "subnet-0b"]',
    'security_group_ids = ["sg-0c"]',
    '',
  ].join('\n'));
  symlinkSync(join(__dirname, '..', '..', '..', '..', 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function runNow(dir: string, args: string[], path = process.env.PATH) {
  return spawnSync(process.execPath, [join(dir, 'scripts/run-now.mjs'), '--', ...args], {
    cwd: dir, encoding: 'utf8', env: { PATH: path, HOME: process.env.HOME, ECS_BATCH_POLL_SECONDS: '0' },
  });
}

describe('run-now', () => {
  const dir = generatedRepo();

  test('is a projen task that passes its arguments on', () => {
    expect(synth(newProject())['.projen/tasks.json'].tasks['run-now']).toMatchObject({ steps: [{ exec: 'node scripts/run-now.mjs', receiveArgs: true }] });
  });

  test('starts the job with the schedule\'s RunTask input, from tfvars and .projenrc.ts, started by ecs-batch-run-now', () => {
    const aws = new FakeAwsCli([]);
    const result = runNow(dir, ['--job', 'weekly'], `${aws.binDir}:${process.env.PATH}`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [call] = aws.calls();
    expect(call.args.slice(0, 2)).toEqual(['ecs', 'run-task']);
    expect(call.args).toEqual(expect.arrayContaining(['--region', 'ap-northeast-1']));
    expect(call.input).toEqual({
      cluster: 'arn:aws:ecs:ap-northeast-1:111122223333:cluster/batch',
      taskDefinition: 'payments-weekly',
      count: 1,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a', 'subnet-0b'], securityGroups: ['sg-0c'], assignPublicIp: 'ENABLED' } },
      overrides: { containerOverrides: [{ name: 'payments-weekly', environment: [{ name: 'ECS_BATCH_EVENT', value: '{"scope":"week"}' }] }] },
      enableECSManagedTags: false,
      enableExecuteCommand: false,
      startedBy: 'ecs-batch-run-now',
    });
    expect(result.stdout).toContain('weekly: started arn:aws:ecs:ap-northeast-1:111122223333:task/batch/0123456789abcdef');
    expect(result.stdout).toContain('logs: https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1#logsV2:log-groups/log-group/$252Fecs-batch$252Fpayments-weekly/log-events/ecs-batch$252Fpayments-weekly$252F0123456789abcdef');
  });

  test('--wait polls until the task stops and exits with the container\'s exit code', () => {
    const aws = new FakeAwsCli([], { exitCode: 3 });
    const result = runNow(dir, ['--job', 'nightly', '--wait'], `${aws.binDir}:${process.env.PATH}`);
    expect(result.status).toBe(3);
    expect(aws.calls().map((c) => c.args[1])).toEqual(['run-task', 'describe-tasks', 'describe-tasks']);
    expect(result.stdout).toContain('exit code 3');
  });

  test('--dry-run prints the run-task command and makes no AWS call', () => {
    const aws = new FakeAwsCli([]);
    const result = runNow(dir, ['--job', 'nightly', '--dry-run'], `${aws.binDir}:${process.env.PATH}`);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^aws ecs run-task --cli-input-json file:\/\/\S+run-now-payments-nightly\.json --region ap-northeast-1 --output json$/m);
    expect(result.stdout).toContain('"startedBy": "ecs-batch-run-now"');
    expect(aws.calls()).toEqual([]);
  });

  test('an environment without subnets is refused, naming the variable', () => {
    const result = runNow(dir, ['--job', 'nightly', '--environment', 'staging', '--dry-run']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cluster_arn: is not set in infra/environments/staging.tfvars');
  });
});
