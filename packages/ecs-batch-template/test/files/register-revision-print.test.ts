import { spawnSync } from 'child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { EcsBatchJobOptions } from '../../src';
import { newProject, synthInPlace, tempDir } from '../fixtures';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const IMAGE = '111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/payments-batch:2.0.0';
const ACCOUNT = '111122223333';
const REPORT: EcsBatchJobOptions = { name: 'report', schedule: 'cron(0 6 * * ? *)', environment: { MODE: 'full' }, handler: 'handler.handler' };
/** The same job after a day-2 change of its environment, handler, size and overlap. */
const CHANGED: EcsBatchJobOptions = { ...REPORT, environment: { MODE: 'delta', API_URL: 'https://api.example.com' }, handler: 'main.run', cpu: 1024, memory: 4096, overlap: 'skip' };

/** A generated repo on disk that borrows the monorepo's node_modules, as npm ci would give it. */
function repo(infra: 'cdktf' | 'hcl', job: EcsBatchJobOptions): string {
  const dir = tempDir();
  const project = newProject({ infra, clusterArn: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch` }, dir);
  project.addJob(job);
  synthInPlace(project);
  // The team's own environment file: the release reads the account from its cluster_arn.
  writeFileSync(join(dir, 'infra/environments/production.tfvars'), `cluster_arn = "arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch"\nsubnet_ids = ["subnet-0a"]\n`);
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function print(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(dir, 'scripts/register-revision.mjs'), '--', ...args], {
    cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
}

/** The stack as `npx projen synth:infra` writes it. */
function synthStack(dir: string): any {
  const script = [
    "require('ts-node').register({ project: 'infra/tsconfig.json', transpileOnly: true });",
    "const { Testing } = require('cdktf');",
    "const { BatchStack } = require('./infra/main');",
    "process.stdout.write(Testing.synth(new BatchStack(Testing.app(), 'test')));",
  ].join('\n');
  const result = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

describe('register-revision --print: the exact RegisterTaskDefinition input, from .projenrc.ts, no AWS call', () => {
  const cdktf = repo('cdktf', CHANGED);

  test('prints the whole input: container, size, platform, roles named after the family, tags', () => {
    const result = print(cdktf, '--job', 'report', '--image', IMAGE, '--print');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const input = JSON.parse(result.stdout);
    expect(input).toMatchObject({
      family: 'payments-report',
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/payments-report-execution`,
      taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/payments-report-task`,
      cpu: '1024',
      memory: '4096',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
      tags: [{ key: 'managed-by', value: 'ecs-batch' }, { key: 'team', value: 'payments' }],
    });
    const [container] = input.containerDefinitions;
    expect(container.image).toBe(IMAGE);
    expect(container.environment).toEqual(expect.arrayContaining([
      { name: 'MODE', value: 'delta' },
      { name: 'API_URL', value: 'https://api.example.com' },
      { name: 'ECS_BATCH_HANDLER', value: 'lib/jobs/report/main.run' },
      { name: 'ECS_BATCH_OVERLAP', value: 'skip' },
    ]));
  });

  test('its container definitions equal the synthesized cdktf infra\'s, with the image replaced', () => {
    const input = JSON.parse(print(cdktf, '--job', 'report', '--image', IMAGE, '--print').stdout);
    const stack = synthStack(cdktf);
    const task = Object.entries<any>(stack.resource.aws_ecs_task_definition).find(([id]) => id.includes('report'))![1];
    // Terraform's values where the infra has references: the log group, the region, the image.
    const synthesized = JSON.parse(task.container_definitions
      .replace(/\$\{aws_cloudwatch_log_group\.[^}]+\.name\}/g, '/ecs-batch/payments-report')
      .replace(/\$\{data\.aws_region\.[^}]+\.region\}/g, 'ap-northeast-1')
      .replace(/\$\{aws_ecr_repository\.images\.repository_url\}:\$\{var\.image_tag\}/g, IMAGE));
    expect(synthesized).toEqual(input.containerDefinitions);
    expect({ cpu: task.cpu, memory: task.memory }).toEqual({ cpu: input.cpu, memory: input.memory });
    expect(task.lifecycle.ignore_changes).toBe('all');
    const roles = Object.entries<any>(stack.resource.aws_iam_role).filter(([id]) => id.includes('report')).map(([, r]) => r.name).sort();
    expect(roles).toEqual(['payments-report-execution', 'payments-report-run-invoker', 'payments-report-task']);
  });

  test('after a day-2 change in .projenrc.ts, the infra and --print both carry the new values', () => {
    const before = repo('cdktf', REPORT);
    const old = JSON.parse(print(before, '--job', 'report', '--image', IMAGE, '--print').stdout);
    const changed = JSON.parse(print(cdktf, '--job', 'report', '--image', IMAGE, '--print').stdout);
    expect(old.cpu).toBe('256');
    expect(old.containerDefinitions[0].environment).toContainEqual({ name: 'ECS_BATCH_OVERLAP', value: 'allow' });
    expect(changed.cpu).toBe('1024');
    expect(changed.containerDefinitions[0].environment).toContainEqual({ name: 'ECS_BATCH_OVERLAP', value: 'skip' });
  });

  test('hcl: the module gets the same settings from jobs.auto.tfvars.json as --print renders', () => {
    const hcl = repo('hcl', CHANGED);
    const input = JSON.parse(print(hcl, '--job', 'report', '--image', IMAGE, '--print').stdout);
    const { jobs } = JSON.parse(readFileSync(join(hcl, 'infra/jobs.auto.tfvars.json'), 'utf8'));
    const job = jobs.report;
    const env = Object.fromEntries(input.containerDefinitions[0].environment.map((e: any) => [e.name, e.value]));
    expect(env.ECS_BATCH_HANDLER).toBe(job.handler);
    expect(env.ECS_BATCH_TIMEOUT_SECONDS).toBe(String(job.timeout_seconds));
    expect(env.ECS_BATCH_OVERLAP).toBe(job.overlap);
    expect(env.ECS_BATCH_JOB_NAME).toBe(job.family);
    for (const [name, value] of Object.entries(job.environment)) expect(env[name]).toBe(value);
    expect([input.cpu, input.memory]).toEqual([String(job.cpu), String(job.memory)]);
  });

  test('the account comes from the environment\'s tfvars (account_id, or its cluster_arn) or --account-id', () => {
    const missing = print(cdktf, '--job', 'report', '--image', IMAGE, '--print', '--environment', 'staging');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('--account-id: is required');
    const flag = JSON.parse(print(cdktf, '--job', 'report', '--image', IMAGE, '--print', '--environment', 'staging', '--account-id', '444455556666').stdout);
    expect(flag.taskRoleArn).toBe('arn:aws:iam::444455556666:role/payments-report-task');
  });

  test('--print needs --job', () => {
    const result = print(cdktf, '--image', IMAGE, '--print');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--job: is required with --print');
  });
});
