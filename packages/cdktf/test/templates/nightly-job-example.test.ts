/**
 * templates/terraform/examples/nightly-job: the original case (02:00 Asia/Tokyo
 * every day, Fargate, public IP) as a root module on an EventBridge rule and on
 * EventBridge Scheduler. Each variant is parsed, planned with its
 * terraform.tfvars.example, and held to the EcsBatchJob that says the same.
 */
import { existsSync } from 'fs';
import { join } from 'path';
import { Schedule, TerraformVersions } from '@ecs-batch/core';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { EXAMPLES_DIR, parseTfFiles, planRootDir, readTfvars } from './root-module';
import { EcsBatchDashboard, EcsBatchJob, JobSchedule, LaunchType, TriggerKind } from '../../src';
import { planStack } from '../hcl/cdktf-plan';
import { Unknown, Value, decodeJson } from '../hcl/hcl-values';
import { Plan, PlannedResource } from '../hcl/module-plan';
import { comparablePlans, iamDocuments, typeCounts, withSharedDataSources } from '../hcl/plan-parity';

const DIR = join(EXAMPLES_DIR, 'nightly-job');

/** Root variables the module call passes on: TerraformVariables of the same type in the stack. */
const PASSED: Record<string, string> = {
  image: 'string',
  ecr_repository_arn: 'string',
  handler: 'string',
  cluster_arn: 'string',
  subnet_ids: 'list(string)',
  security_group_ids: 'list(string)',
};

/** What each variant means, said as construct props. */
const SCHEDULES: Record<'rule' | 'scheduler', JobSchedule> = {
  // Local time converted by core: the example's hand-written UTC cron must be what core computes.
  rule: {
    name: 'daily',
    description: 'Every day at 02:00 Asia/Tokyo (17:00 UTC)',
    schedule: Schedule.cron({ minute: '0', hour: '2' }),
    timeZone: 'Asia/Tokyo',
    trigger: TriggerKind.RULE,
  },
  scheduler: {
    name: 'daily',
    description: 'Every day at 02:00 Asia/Tokyo',
    schedule: Schedule.cron({ minute: '0', hour: '2' }),
    timeZone: 'Asia/Tokyo',
    trigger: TriggerKind.SCHEDULER,
  },
};

async function plans(variant: 'rule' | 'scheduler') {
  const dir = join(DIR, variant);
  const tfvars = await readTfvars(join(dir, 'terraform.tfvars.example'));
  const hcl = await planRootDir(dir, tfvars);

  const stack = new TerraformStack(Testing.app(), 'example');
  const v = Object.fromEntries(Object.entries(PASSED).map(([name, type]) => [name, new TerraformVariable(stack, name, { type })]));
  const job = new EcsBatchJob(stack, 'nightly', {
    name: 'nightly',
    image: v.image.stringValue,
    ecrRepositoryArn: v.ecr_repository_arn.stringValue,
    handler: v.handler.stringValue,
    clusterArn: v.cluster_arn.stringValue,
    subnetIds: v.subnet_ids.listValue,
    securityGroupIds: v.security_group_ids.listValue,
    launchType: LaunchType.FARGATE,
    assignPublicIp: true,
    schedules: [SCHEDULES[variant]],
    // A list of addresses makes one subscription each, so the construct needs them as literals.
    alerts: { emails: tfvars.alert_emails as string[] },
    missedRunAlarm: { hours: 25 },
  });
  const dashboard = new EcsBatchDashboard(stack, 'dashboard', { name: 'nightly', clusterArn: v.cluster_arn.stringValue, jobs: [EcsBatchDashboard.jobOf(job)] });
  // The example's output, which reads the partition (the console's host) as the module does.
  new TerraformOutput(stack, 'dashboard_url', { value: dashboard.dashboardUrl });
  const cdktf = planStack(stack, Object.fromEntries(Object.keys(PASSED).map((name) => [name, tfvars[name]])));
  return { hcl, cdktf, job, tfvars };
}

function resourceOf(plan: Plan, address: string): PlannedResource {
  const found = plan.resources.find((r) => r.address === address);
  if (!found) throw new Error(`no ${address} in ${plan.resources.map((r) => r.address).join(', ')}`);
  return found;
}

/** An unknown's canonical expression text (what Terraform computes at apply time). */
function textOf(value: Value): string {
  if (!(value instanceof Unknown)) throw new Error(`expected a value known only at apply time, got ${JSON.stringify(value)}`);
  return value.text;
}

/** The RunTask parameters of the rule's target or the schedule's target. */
function ecsParameters(plan: Plan, variant: 'rule' | 'scheduler'): any {
  return variant === 'rule'
    ? (resourceOf(plan, 'nightly/schedules/daily/aws_cloudwatch_event_target.target').attributes.ecs_target as any)[0]
    : (resourceOf(plan, 'nightly/schedules/daily/aws_scheduler_schedule.schedule').attributes.target as any)[0].ecs_parameters[0];
}

const FAMILY_ARN = 'replace(nightly/aws_ecs_task_definition.task.arn, "/:\\\\d+$/", "")';

test.each(['rule', 'scheduler'])('the %s variant is valid HCL in every file, with a README next to it', async (variant) => {
  const files = await parseTfFiles(join(DIR, variant));
  expect(Object.keys(files)).toEqual(['main.tf', 'outputs.tf', 'variables.tf', 'versions.tf']);
  expect(files['main.tf'].module.nightly[0].source).toBe('../../../modules/ecs-batch-job');
  expect(files['versions.tf'].terraform[0].required_version).toBe(TerraformVersions.MODULES);
  expect(existsSync(join(DIR, 'README.md'))).toBe(true);
});

describe.each(['rule', 'scheduler'] as const)('the %s variant', (variant) => {
  let result: Awaited<ReturnType<typeof plans>>;
  beforeAll(async () => {
    result = await plans(variant);
  });

  test('plans with its terraform.tfvars.example: every variable known, every validation and precondition passed', () => {
    expect(result.hcl.issues).toEqual([]);
  });

  test('is the same job and dashboard as the EcsBatchJob and EcsBatchDashboard with the same props: resources, attributes and IAM', () => {
    // The module reads the account, partition and region per module instance; the stack, once.
    const [hcl, cdktf] = [withSharedDataSources(result.hcl), withSharedDataSources(result.cdktf)];
    expect(typeCounts(cdktf)).toEqual(typeCounts(hcl));
    const { hcl: fromHcl, cdktf: fromCdktf } = comparablePlans(hcl, cdktf);
    expect(Object.keys(fromCdktf).sort()).toEqual(Object.keys(fromHcl).sort());
    for (const address of Object.keys(fromHcl)) {
      expect([address, fromCdktf[address]]).toEqual([address, fromHcl[address]]);
    }
    expect(iamDocuments(cdktf)).toEqual(iamDocuments(hcl));
  });

  test('runs the revisionless family, so whatever revision CI registered last', () => {
    const ecs = ecsParameters(result.hcl, variant);
    expect(textOf(ecs.task_definition_arn)).toBe(FAMILY_ARN);
    const task = resourceOf(result.hcl, 'nightly/aws_ecs_task_definition.task');
    expect(task.attributes.track_latest).toBe(true);
    expect(task.ignoreChanges).toEqual(['all']);
  });

  test('on Fargate with a public IP, in the given subnets', () => {
    const ecs = ecsParameters(result.hcl, variant);
    expect(ecs.launch_type).toBe('FARGATE');
    expect(ecs.capacity_provider_strategy).toBeUndefined();
    expect(ecs.network_configuration).toEqual([{
      subnets: result.tfvars.subnet_ids,
      security_groups: result.tfvars.security_group_ids,
      assign_public_ip: true,
    }]);
  });

  test('the invoker may RunTask any revision of the family (family:*), only in the cluster', () => {
    const policy = decodeJson(resourceOf(result.hcl, 'nightly/schedules/daily/aws_iam_role_policy.invoker_policy').attributes.policy) as any;
    const runTask = policy.Statement.find((s: any) => s.Action === 'ecs:RunTask');
    // The 2024 RunTask authorization checks the revision ARN: the bare family ARN would deny every run.
    expect(textOf(runTask.Resource)).toBe(`"\${${FAMILY_ARN}}:*"`);
    expect(runTask.Condition).toEqual({ ArnEquals: { 'ecs:cluster': result.tfvars.cluster_arn } });
  });

  test('alerts on failed runs and alarms after 25 hours without a success, missing data included', () => {
    const alarm = resourceOf(result.hcl, 'nightly/aws_cloudwatch_metric_alarm.missed_run').attributes;
    expect(alarm).toMatchObject({ evaluation_periods: 25, period: 3600, treat_missing_data: 'breaching' });
    expect(resourceOf(result.hcl, 'nightly/aws_sns_topic_subscription.alert_email["ops@example.com"]').attributes).toMatchObject({ protocol: 'email', endpoint: 'ops@example.com' });
  });
});

test('the rule variant: 02:00 Asia/Tokyo written as the UTC cron core computes for it', async () => {
  const { hcl, job } = await plans('rule');
  const rule = resourceOf(hcl, 'nightly/schedules/daily/aws_cloudwatch_event_rule.rule').attributes;
  expect(rule.schedule_expression).toBe('cron(0 17 * * ? *)');
  expect(job.scheduledTasks[0].scheduleExpression).toBe('cron(0 17 * * ? *)');
  expect(job.scheduledTasks[0].utcConversionWarnings).toEqual([]);
  expect(hcl.resources.some((r) => r.type === 'aws_scheduler_schedule')).toBe(false);
});

test('the scheduler variant: 02:00 in the Asia/Tokyo time zone, on time', async () => {
  const { hcl } = await plans('scheduler');
  const schedule = resourceOf(hcl, 'nightly/schedules/daily/aws_scheduler_schedule.schedule').attributes;
  expect(schedule).toMatchObject({
    schedule_expression: 'cron(0 2 * * ? *)',
    schedule_expression_timezone: 'Asia/Tokyo',
    flexible_time_window: [{ mode: 'OFF' }],
    state: 'ENABLED',
  });
  expect(hcl.resources.some((r) => r.type === 'aws_cloudwatch_event_rule' && r.address.includes('/schedules/'))).toBe(false);
});
