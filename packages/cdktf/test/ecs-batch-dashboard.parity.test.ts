/**
 * EcsBatchDashboard and templates/terraform/modules/ecs-batch-dashboard are the same
 * dashboard in two languages: for every case, the same resources, attributes, body and
 * IAM. The module's widgets are also evaluated by the real Terraform (where installed):
 * its body is exactly core's JobDashboard.body.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { JobDashboard, Schedule } from '@ecs-batch/core';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { EcsBatchDashboard, EcsBatchDashboardProps } from '../src';
import { planStack } from './hcl/cdktf-plan';
import { HclArg, hcl, moduleCallTf } from './hcl/module-call';
import { moduleDir, planRoot } from './hcl/module-plan';
import { comparablePlans, iamDocuments, typeCounts } from './hcl/plan-parity';

const ACCOUNT = '123456789012';
const VALUES = { cluster_arn: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch` };
const TYPES = { cluster_arn: 'string' };
const NIGHTLY = [
  { name: 'nightly', schedule: Schedule.expression('cron(0 2 * * ? *)'), timeZone: 'Asia/Tokyo' },
  { name: 'weekdays', schedule: Schedule.expression('cron(0 9 ? * MON-FRI *)') },
];

interface Case {
  readonly name: string;
  readonly rich: boolean;
}
const CASES: Case[] = [{ name: 'defaults', rich: false }, { name: 'namespace, retention and tags', rich: true }];

function constructProps(c: Case, cluster: string): EcsBatchDashboardProps {
  return {
    name: 'payments-jobs',
    clusterArn: cluster,
    jobs: [
      { name: 'payments-nightly', timeoutSeconds: 1800, schedules: NIGHTLY },
      { name: 'payments-hourly', timeoutSeconds: 900, schedules: [{ name: 'hourly', schedule: Schedule.expression('rate(1 hour)') }] },
      { name: 'payments-manual' },
    ],
    metricNamespace: c.rich ? 'Payments' : undefined,
    eventsLogRetentionDays: c.rich ? 90 : undefined,
    tags: c.rich ? { team: 'payments' } : undefined,
  };
}

/** The module takes the runs per day; a team repo writes what core counts. */
function moduleArgs(c: Case): Record<string, HclArg> {
  const nightlyRuns = JobDashboard.expectedRunsPerDay('cron(0 2 * * ? *)', 'Asia/Tokyo') + JobDashboard.expectedRunsPerDay('cron(0 9 ? * MON-FRI *)');
  const args: Record<string, HclArg> = {
    name: 'payments-jobs',
    cluster_arn: hcl('var.cluster_arn'),
    jobs: [
      { name: 'payments-nightly', timeout_seconds: 1800, expected_runs_per_day: Math.round(nightlyRuns * 100) / 100 },
      { name: 'payments-hourly', timeout_seconds: 900, expected_runs_per_day: 24 },
      { name: 'payments-manual' },
    ],
  };
  if (c.rich) Object.assign(args, { metric_namespace: 'Payments', events_log_retention_days: 90, tags: { team: 'payments' } });
  return args;
}

async function plans(c: Case) {
  const stack = new TerraformStack(Testing.app(), 'parity');
  const cluster = new TerraformVariable(stack, 'cluster_arn', { type: 'string' });
  new EcsBatchDashboard(stack, 'dashboard', constructProps(c, cluster.stringValue));
  const cdktf = planStack(stack, VALUES);
  const tf = moduleCallTf({ callName: 'dashboard', module: 'ecs-batch-dashboard', variables: TYPES, args: moduleArgs(c) });
  return { cdktf, hcl: await planRoot(tf, __dirname, VALUES) };
}

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
  let result: Awaited<ReturnType<typeof plans>>;
  beforeAll(async () => {
    result = await plans(c);
  });

  test('the module call passes every validation and precondition', () => {
    expect(result.hcl.issues).toEqual([]);
  });

  test('same resource types and counts', () => {
    expect(typeCounts(result.cdktf)).toEqual(typeCounts(result.hcl));
    expect(typeCounts(result.hcl)).toMatchObject({ aws_cloudwatch_dashboard: 1, aws_cloudwatch_log_resource_policy: 1 });
  });

  test('same resources, each with the same attribute set and values (the dashboard body decoded)', () => {
    const { hcl: fromHcl, cdktf: fromCdktf } = comparablePlans(result.hcl, result.cdktf);
    expect(Object.keys(fromCdktf).sort()).toEqual(Object.keys(fromHcl).sort());
    for (const address of Object.keys(fromHcl)) {
      expect([address, fromCdktf[address]]).toEqual([address, fromHcl[address]]);
    }
  });

  test('same IAM (the log group\'s resource policy)', () => {
    const documents = iamDocuments(result.hcl);
    expect(Object.keys(documents)).toEqual(['dashboard/aws_cloudwatch_log_resource_policy.task_events_policy.policy_document']);
    expect(iamDocuments(result.cdktf)).toEqual(documents);
  });
});

test('the module\'s checks fail where the construct\'s do', async () => {
  const call = (args: Record<string, HclArg>) => planRoot(moduleCallTf({
    callName: 'dashboard', module: 'ecs-batch-dashboard', variables: TYPES, args: { ...moduleArgs(CASES[0]), ...args },
  }), __dirname, VALUES);
  const messages = async (args: Record<string, HclArg>) => (await call(args)).issues.map((i) => i.message).join('\n');
  expect(await messages({ name: 'payments jobs' })).toContain('name: is not a dashboard name');
  expect(await messages({ name: 'x'.repeat(JobDashboard.NAME_MAX_LENGTH + 1) })).toContain('name: is not a dashboard name');
  expect(await messages({ jobs: [] })).toContain('jobs: is empty');
  expect(await messages({ jobs: [{ name: 'a' }, { name: 'a' }] })).toContain('jobs: a job is on the dashboard twice');
  expect(await messages({ jobs: [{ name: 'a', timeout_seconds: 0 }] })).toContain('jobs: a timeout_seconds is not a timeout');
  expect(await messages({ jobs: [{ name: 'a', expected_runs_per_day: -1 }] })).toContain('jobs: an expected_runs_per_day is not a number of runs');
  expect(await messages({ events_log_retention_days: 31 })).toContain('events_log_retention_days: 31 is not a CloudWatch Logs retention');
  const many = Array.from({ length: JobDashboard.MAX_JOBS + 1 }, (_, i) => ({ name: `j${i}` }));
  expect(await messages({ jobs: many })).toContain('jobs: has 101 jobs (at most 100');
  expect(await messages({})).toBe('');
});

test('the module\'s name check is core\'s NAME_PATTERN', () => {
  expect(readFileSync(join(moduleDir('ecs-batch-dashboard'), 'variables.tf'), 'utf8')).toContain(`regex("${JobDashboard.NAME_PATTERN}", var.name)`);
});

function hasTerraform(): boolean {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The real Terraform evaluates the module's generated widgets (no provider needed: the
 * data sources and resource attributes they read are replaced by literals), and the body
 * is exactly core's for the same jobs: the test planner's reading of the HCL is not trusted alone.
 */
(hasTerraform() ? test : test.skip)('real Terraform: the module\'s body is core\'s JobDashboard.body', () => {
  const source = readFileSync(join(moduleDir('ecs-batch-dashboard'), 'main.tf'), 'utf8');
  const locals = source.slice(source.indexOf('locals {'), source.indexOf('resource "'));
  const generated = source.slice(source.indexOf('# BEGIN GENERATED'));
  const tf = `${locals}${generated}`
    .replace(/data\.aws_region\.region\.region/g, '"eu-west-1"')
    .replace(/data\.aws_partition\.partition\.partition/g, '"aws"')
    .replace(/aws_cloudwatch_log_group\.task_events\.arn/g, '"arn:aws:logs:eu-west-1:123456789012:log-group:/aws/events/ecs-batch/x"')
    .replace(/aws_cloudwatch_event_rule\.task_events_rule\.arn/g, '"arn:aws:events:eu-west-1:123456789012:rule/x"')
    .replace(/aws_cloudwatch_dashboard\.dashboard\.dashboard_name/g, 'var.name');
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-'));
  try {
    writeFileSync(join(dir, 'main.tf'), `${tf}\noutput "body" {\n  value = jsonencode({ widgets = local.dashboard_widgets })\n}\n`);
    writeFileSync(join(dir, 'variables.tf'), readFileSync(join(moduleDir('ecs-batch-dashboard'), 'variables.tf'), 'utf8'));
    const jobs = [
      { name: 'payments-nightly', timeout_seconds: 1800, expected_runs_per_day: 0.71 },
      { name: 'payments-hourly', timeout_seconds: 900, expected_runs_per_day: 24 },
      { name: 'payments-manual' },
    ];
    writeFileSync(join(dir, 'terraform.tfvars.json'), JSON.stringify({ name: 'payments-jobs', cluster_arn: VALUES.cluster_arn, jobs, metric_namespace: 'Payments' }));
    const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
    execFileSync('terraform', ['init', '-input=false'], { cwd: dir, env, stdio: 'ignore' });
    execFileSync('terraform', ['apply', '-auto-approve', '-input=false'], { cwd: dir, env, stdio: 'ignore' });
    const body = JSON.parse(JSON.parse(execFileSync('terraform', ['output', '-json', 'body'], { cwd: dir, env, encoding: 'utf8' })));
    expect(body).toEqual(JSON.parse(JobDashboard.body({
      region: 'eu-west-1',
      eventsLogGroupName: '/aws/events/ecs-batch/payments-jobs',
      namespace: 'Payments',
      jobs: [
        { jobName: 'payments-nightly', timeoutSeconds: 1800, expectedRunsPerDay: 0.71 },
        { jobName: 'payments-hourly', timeoutSeconds: 900, expectedRunsPerDay: 24 },
        { jobName: 'payments-manual', timeoutSeconds: 3600 },
      ],
    })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test('the URL output is core\'s JobDashboard.url in both', async () => {
  const stack = new TerraformStack(Testing.app(), 'url');
  const d = new EcsBatchDashboard(stack, 'dashboard', constructProps(CASES[0], VALUES.cluster_arn));
  new TerraformOutput(stack, 'dashboard_url', { value: d.dashboardUrl });
  const applied = {
    'dashboard/data.aws_region.region.region': 'ap-northeast-1',
    'dashboard/data.aws_partition.partition.partition': 'aws-cn',
    'dashboard/aws_cloudwatch_dashboard.dashboard.dashboard_name': 'payments-jobs',
  };
  expect(planStack(stack, {}, applied).outputs.dashboard_url)
    .toBe(JobDashboard.url(JobDashboard.CONSOLE_HOSTS['aws-cn'], 'ap-northeast-1', 'payments-jobs'));
});
