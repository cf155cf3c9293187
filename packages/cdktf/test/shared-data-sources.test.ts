import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Schedule } from '@ecs-batch/core';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { DeadLetterQueue, EcsBatchJob, EcsScheduledTask, EcsScheduledTaskProps, ScheduleGroup, TriggerKind } from '../src';

const ACCOUNT = '123456789012';
const CLUSTER = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch`;

/** The data sources every ecs-batch construct of a stack shares, by type: their logical ids. */
const SHARED = {
  aws_caller_identity: 'ecs_batch_aws_account_10E2AB9A',
  aws_partition: 'ecs_batch_aws_partition_C89C0C88',
  aws_region: 'ecs_batch_aws_region_AE021E9E',
};

function task(scope: Construct, i: number, props: Partial<EcsScheduledTaskProps> = {}, id: string = `task-${i}`): EcsScheduledTask {
  return new EcsScheduledTask(scope, id, {
    schedule: Schedule.expression('cron(0 2 * * ? *)'),
    clusterArn: CLUSTER,
    taskDefinitionArn: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task-definition/task-${i}:1`,
    subnetIds: ['subnet-0a1b2c3d'],
    ...props,
  });
}

function job(scope: Construct, name: string): EcsBatchJob {
  return new EcsBatchJob(scope, name, {
    name,
    image: `${ACCOUNT}.dkr.ecr.ap-northeast-1.amazonaws.com/payments/jobs:1.0.0`,
    handler: `dist/jobs/${name}.handler`,
    clusterArn: CLUSTER,
    subnetIds: ['subnet-0a1b2c3d'],
    ssmParameters: { API_KEY: 'payments/api-key' },
    schedules: [
      { name: 'run', schedule: Schedule.expression('cron(0 2 * * ? *)'), timeZone: 'Asia/Tokyo', trigger: TriggerKind.SCHEDULER, scheduleGroup: ScheduleGroup.create('batch') },
      { name: 'rule', schedule: Schedule.expression('cron(0 2 * * ? *)'), deadLetterQueue: DeadLetterQueue.create({ retentionDays: 7 }) },
    ],
    alerts: { emails: ['a@example.com'] },
    missedRunAlarm: { hours: 25 },
  });
}

/** `{ aws_region: 1, ... }`: the data sources of one synthesized stack. */
function dataCounts(synthesized: any): Record<string, number> {
  return Object.fromEntries(Object.entries(synthesized.data ?? {}).map(([type, byId]) => [type, Object.keys(byId as object).length]));
}

/** Every `${data.<type>.<id>...}` reference in the stack's resources. */
function dataReferences(synthesized: any): string[] {
  return [...new Set(JSON.stringify(synthesized.resource).match(/data\.aws_[a-z_]+\.[\w-]+/g) ?? [])].sort();
}

describe('one aws_caller_identity, aws_partition and aws_region per stack', () => {
  test('50 Scheduler tasks read each once, and every invoker trusts through the one account', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    for (let i = 0; i < 50; i++) task(stack, i, { timeZone: 'Asia/Tokyo', trigger: TriggerKind.SCHEDULER });
    const synthesized = JSON.parse(Testing.synth(stack));
    expect(dataCounts(synthesized)).toEqual({ aws_caller_identity: 1, aws_partition: 1, aws_region: 1 });
    expect(Object.keys(synthesized.data.aws_caller_identity)).toEqual([SHARED.aws_caller_identity]);
    expect(Object.keys(synthesized.resource.aws_scheduler_schedule)).toHaveLength(50);
    const trusts = Object.values<any>(synthesized.resource.aws_iam_role).map((r) => r.assume_role_policy);
    expect(trusts).toHaveLength(50);
    for (const trust of trusts) {
      expect(trust).toContain(`\${data.aws_caller_identity.${SHARED.aws_caller_identity}.account_id}`);
      expect(trust).toContain(`arn:\${data.aws_partition.${SHARED.aws_partition}.partition}:scheduler:\${data.aws_region.${SHARED.aws_region}.region}:`);
    }
  });

  test('50 rule tasks read only the account: a rule\'s trust needs no partition or region', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    for (let i = 0; i < 50; i++) task(stack, i);
    const synthesized = JSON.parse(Testing.synth(stack));
    expect(dataCounts(synthesized)).toEqual({ aws_caller_identity: 1 });
    expect(Object.keys(synthesized.resource.aws_cloudwatch_event_rule)).toHaveLength(50);
  });

  test('jobs, their schedules and tasks of their own all share them, at any depth under the stack', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const team = new Construct(stack, 'team');
    for (const name of ['settlement', 'reports', 'cleanup']) job(team, name);
    task(stack, 0);
    task(new Construct(team, 'more'), 1, { timeZone: 'Asia/Tokyo', trigger: TriggerKind.SCHEDULER });
    const synthesized = JSON.parse(Testing.synth(stack));
    expect(dataCounts(synthesized)).toEqual({ aws_caller_identity: 1, aws_partition: 1, aws_region: 1 });
    expect(dataReferences(synthesized)).toEqual(Object.entries(SHARED).map(([type, id]) => `data.${type}.${id}`));
  });

  test('two stacks of one app each read their own, and refer to no other stack', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-data-sources-'));
    try {
      const app = new App({ outdir });
      for (const name of ['staging', 'production']) {
        const stack = new TerraformStack(app, name);
        new AwsProvider(stack, 'aws', { region: 'ap-northeast-1' });
        job(stack, 'settlement');
        for (let i = 0; i < 3; i++) task(stack, i);
      }
      app.synth();
      for (const name of ['staging', 'production']) {
        const synthesized = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
        expect([name, dataCounts(synthesized)]).toEqual([name, { aws_caller_identity: 1, aws_partition: 1, aws_region: 1 }]);
        expect([name, dataReferences(synthesized)]).toEqual([name, Object.entries(SHARED).map(([type, id]) => `data.${type}.${id}`)]);
        // A value shared across stacks would be an output of one and a terraform_remote_state of the other.
        expect([name, synthesized.output]).toEqual([name, undefined]);
        expect(JSON.stringify(synthesized)).not.toContain('terraform_remote_state');
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('the reserved id, taken by another construct, fails clearly', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new Construct(stack, 'ecs_batch_aws');
    expect(() => task(stack, 0)).toThrow(/^test\/ecs_batch_aws is not the ecs-batch AWS context .*rename that construct/);
  });
});

test('resources keep their logical ids: only the data sources moved', () => {
  const stack = new TerraformStack(Testing.app(), 's');
  job(stack, 'settlement');
  task(stack, 0, {}, 'nightly');
  const synthesized = JSON.parse(Testing.synth(stack));
  const ids = Object.fromEntries(Object.entries<any>(synthesized.resource).map(([type, byId]) => [type, Object.keys(byId).sort()]));
  // The ids these constructs had while each declared its own data sources.
  expect(ids).toEqual({
    aws_cloudwatch_event_rule: ['nightly_rule_C1177FF7', 'settlement_alerts_DF0BE1B7', 'settlement_schedules_rule_A85589FC'],
    aws_cloudwatch_event_target: ['nightly_target_48000FA5', 'settlement_alerts_target_CD6CB0BA', 'settlement_schedules_rule_target_2F9972A7'],
    aws_cloudwatch_log_group: ['settlement_logs_D7116970'],
    aws_cloudwatch_metric_alarm: ['settlement_missed_run_AF068A7E'],
    aws_ecs_task_definition: ['settlement_task_7690EB59'],
    aws_iam_role: [
      'nightly_invoker_6C746D8D', 'settlement_execution_role_5A34F4BC', 'settlement_schedules_rule_invoker_673C16CA',
      'settlement_schedules_run_invoker_85ED2C78', 'settlement_task_role_A6BDC5C8',
    ],
    aws_iam_role_policy: [
      'nightly_invoker_policy_8FCF35D3', 'settlement_execution_role_policy_2BF37352',
      'settlement_schedules_rule_invoker_policy_F85E12C0', 'settlement_schedules_run_invoker_policy_D602F717',
    ],
    aws_scheduler_schedule: ['settlement_schedules_run_schedule_7529BC7D'],
    aws_scheduler_schedule_group: ['settlement_schedules_run_schedule_group_5FB32264'],
    aws_sns_topic: ['settlement_alerts_topic_64117129'],
    aws_sns_topic_policy: ['settlement_alerts_topic_policy_53900B19'],
    aws_sns_topic_subscription: ['settlement_alert_emailaexamplecom_329AFAAF'],
    aws_sqs_queue: ['settlement_schedules_rule_dead_letter_queue_6E9025C6'],
    aws_sqs_queue_policy: ['settlement_schedules_rule_dead_letter_queue_policy_0702C798'],
  });
});
