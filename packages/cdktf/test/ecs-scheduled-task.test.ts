import { parse } from '@cdktf/hcl2json';
import { Schedule, TaskDefinitionArn } from '@ecs-batch/core';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { appliedDocument } from './hcl/apply-values';
import { planStack } from './hcl/cdktf-plan';
import { Value } from './hcl/hcl-values';
import { PlannedResource } from './hcl/module-plan';
import { identityDecision, resourcePolicyDecision } from './iam-simulation';
import {
  DeadLetterQueue, EcsScheduledTask, EcsScheduledTaskProps, LaunchType, ScheduleGroup, TriggerKind,
} from '../src';
import { errorOf } from './error-of';

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-1';
const CLUSTER = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/batch`;
const FAMILY = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/nightly`;
const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/nightly-execution`;
const TASK_ROLE = `arn:aws:iam::${ACCOUNT}:role/nightly-task`;
const RULE_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:rule/nightly`;
const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:nightly-dlq`;

/** The values Terraform knows after apply, by canonical address. */
const APPLIED: Record<string, string> = {
  'ecs_batch_aws/data.aws_caller_identity.account.account_id': ACCOUNT,
  'ecs_batch_aws/data.aws_partition.partition.partition': 'aws',
  'ecs_batch_aws/data.aws_region.region.region': REGION,
  'nightly/aws_cloudwatch_event_rule.rule.arn': RULE_ARN,
  'nightly/aws_sqs_queue.dead_letter_queue.arn': QUEUE_ARN,
};

const BASE: EcsScheduledTaskProps = {
  name: 'nightly',
  schedule: Schedule.cron({ minute: '0', hour: '17' }),
  clusterArn: CLUSTER,
  taskDefinitionArn: `${FAMILY}:3`,
  subnetIds: ['subnet-0a1b2c3d'],
  executionRoleArn: EXECUTION_ROLE,
  taskRoleArn: TASK_ROLE,
};

function synth(props: Partial<EcsScheduledTaskProps>, variables: Record<string, Value> = {}) {
  const stack = new TerraformStack(Testing.app(), 'test');
  const task = new EcsScheduledTask(stack, 'nightly', { ...BASE, ...props });
  const plan = planStack(stack, variables, APPLIED);
  const resource = (type: string): PlannedResource | undefined => plan.resources.find((r) => r.type === type && r.mode === 'managed');
  return { stack, task, plan, resource };
}

describe('the schedule always runs the latest revision', () => {
  test.each([TriggerKind.RULE, TriggerKind.SCHEDULER])('%s: a literal ARN with a revision becomes the family ARN', (trigger) => {
    const { resource, task } = synth({ trigger });
    const target = trigger === TriggerKind.RULE
      ? (resource('aws_cloudwatch_event_target')!.attributes.ecs_target as any)
      : (resource('aws_scheduler_schedule')!.attributes.target as any).ecs_parameters;
    expect(target.task_definition_arn).toBe(FAMILY);
    expect(task.targetTaskDefinitionArn).toBe(FAMILY);
  });

  test('a token ARN goes through Terraform\'s replace() with core\'s pattern, written so Terraform can parse it', async () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const arn = new TerraformVariable(stack, 'task_definition_arn', { type: 'string' });
    new EcsScheduledTask(stack, 'nightly', { ...BASE, taskDefinitionArn: arn.stringValue });
    const raw = JSON.parse(Testing.synth(stack));
    const target = Object.values<any>(raw.resource.aws_cloudwatch_event_target)[0].ecs_target.task_definition_arn as string;
    expect(target).toBe('${replace(var.task_definition_arn, "/:\\\\d+$/", "")}');

    // The real HCL parser reads the expression, and its pattern is exactly core's.
    const parsed = await parse('check.tf', `x = ${target.slice(2, -1)}\n`);
    expect(parsed.x).toBe('${replace(var.task_definition_arn, "/:\\\\d+$/", "")}');
    const evaluated = planStack(stack, { task_definition_arn: `${FAMILY}:42` }).resources.find((r) => r.type === 'aws_cloudwatch_event_target')!;
    expect((evaluated.attributes.ecs_target as any).task_definition_arn).toBe(FAMILY);
    expect(TaskDefinitionArn.REVISION_SUFFIX_PATTERN).toBe('/:\\d+$/');
  });

  test('pinRevision keeps the revision in the target and in IAM', async () => {
    const { resource } = synth({ pinRevision: true });
    expect((resource('aws_cloudwatch_event_target')!.attributes.ecs_target as any).task_definition_arn).toBe(`${FAMILY}:3`);
    const policy = appliedDocument(resource('aws_iam_role_policy')!.attributes.policy);
    const runTask = (revision: number) => identityDecision(policy, { action: 'ecs:RunTask', resource: `${FAMILY}:${revision}`, context: { 'ecs:cluster': CLUSTER } });
    expect(await runTask(3)).toBe('Allowed');
    expect(await runTask(4)).toBe('ImplicitlyDenied');
  });

  test('pinRevision needs a revision', () => {
    expect(errorOf(() => synth({ pinRevision: true, taskDefinitionArn: FAMILY })).field).toBe('pinRevision');
  });
});

describe('the invoking role, evaluated by the IAM simulator', () => {
  const { resource } = synth({ deadLetterQueue: DeadLetterQueue.create() });
  const policy = appliedDocument(resource('aws_iam_role_policy')!.attributes.policy);
  const trust = appliedDocument(resource('aws_iam_role')!.attributes.assume_role_policy);
  const runTask = (taskDefinition: string, cluster = CLUSTER) =>
    identityDecision(policy, { action: 'ecs:RunTask', resource: taskDefinition, context: { 'ecs:cluster': cluster } });

  test('runs whatever revision is latest today, or after CI registers more', async () => {
    expect(await runTask(`${FAMILY}:3`)).toBe('Allowed');
    expect(await runTask(`${FAMILY}:4711`)).toBe('Allowed');
  });

  test('nothing else: another family, another cluster', async () => {
    expect(await runTask(`arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/nightly-other:1`)).toBe('ImplicitlyDenied');
    expect(await runTask(`${FAMILY}:3`, `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/other`)).toBe('ImplicitlyDenied');
  });

  test('passes exactly the task\'s two roles, and only to ECS tasks', async () => {
    const passRole = (role: string, service: string) =>
      identityDecision(policy, { action: 'iam:PassRole', resource: role, context: { 'iam:PassedToService': service } });
    expect(await passRole(EXECUTION_ROLE, 'ecs-tasks.amazonaws.com')).toBe('Allowed');
    expect(await passRole(TASK_ROLE, 'ecs-tasks.amazonaws.com')).toBe('Allowed');
    expect(await passRole(`arn:aws:iam::${ACCOUNT}:role/admin`, 'ecs-tasks.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await passRole(EXECUTION_ROLE, 'lambda.amazonaws.com')).toBe('ImplicitlyDenied');
  });

  test('a rule sends to its dead-letter queue with the queue policy, not the role', async () => {
    expect(policy.Statement.map((s: any) => s.Sid)).not.toContain('SendToDeadLetterQueue');
    const queuePolicy = appliedDocument(resource('aws_sqs_queue_policy')!.attributes.policy);
    const send = (sourceArn: string) => resourcePolicyDecision(queuePolicy, {
      principal: 'events.amazonaws.com', action: 'sqs:SendMessage', resource: QUEUE_ARN, context: { 'aws:SourceArn': sourceArn },
    });
    expect(await send(RULE_ARN)).toBe('Allowed');
    expect(await send(`arn:aws:events:${REGION}:${ACCOUNT}:rule/someone-else`)).toBe('ImplicitlyDenied');
  });

  test('only this rule of this account may assume it (confused deputy)', async () => {
    const assume = (principal: string, context: Record<string, string>) => resourcePolicyDecision(trust, {
      principal, action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCOUNT}:role/invoker`, context,
    });
    expect(await assume('events.amazonaws.com', { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': RULE_ARN })).toBe('Allowed');
    expect(await assume('events.amazonaws.com', { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': `arn:aws:events:${REGION}:${ACCOUNT}:rule/other` })).toBe('ImplicitlyDenied');
    expect(await assume('events.amazonaws.com', { 'aws:SourceAccount': '999999999999', 'aws:SourceArn': RULE_ARN })).toBe('ImplicitlyDenied');
    expect(await assume('scheduler.amazonaws.com', { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': RULE_ARN })).toBe('ImplicitlyDenied');
  });
});

describe('EventBridge Scheduler', () => {
  test('is the default with a time zone, and runs in it', () => {
    const { resource, task } = synth({ schedule: Schedule.expression('cron(0 2 * * ? *)'), timeZone: 'Asia/Tokyo' });
    const schedule = resource('aws_scheduler_schedule')!.attributes as any;
    expect(task.trigger).toBe(TriggerKind.SCHEDULER);
    expect(schedule.schedule_expression).toBe('cron(0 2 * * ? *)');
    expect(schedule.schedule_expression_timezone).toBe('Asia/Tokyo');
    expect(schedule.flexible_time_window).toEqual({ mode: 'OFF' });
    expect(resource('aws_cloudwatch_event_rule')).toBeUndefined();
  });

  test('the role trusts Scheduler for this schedule group only, and may send to the dead-letter queue', async () => {
    const { resource } = synth({
      schedule: Schedule.expression('cron(0 2 * * ? *)'),
      timeZone: 'Asia/Tokyo',
      scheduleGroup: ScheduleGroup.create('batch'),
      deadLetterQueue: DeadLetterQueue.create(),
    });
    expect(resource('aws_scheduler_schedule_group')!.attributes.name).toBe('batch');
    const trust = appliedDocument(resource('aws_iam_role')!.attributes.assume_role_policy);
    const group = (name: string) => `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule-group/${name}`;
    const assume = (sourceArn: string) => resourcePolicyDecision(trust, {
      principal: 'scheduler.amazonaws.com',
      action: 'sts:AssumeRole',
      resource: `arn:aws:iam::${ACCOUNT}:role/invoker`,
      context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': sourceArn },
    });
    expect(await assume(group('batch'))).toBe('Allowed');
    expect(await assume(group('default'))).toBe('ImplicitlyDenied');

    const policy = appliedDocument(resource('aws_iam_role_policy')!.attributes.policy);
    expect(await identityDecision(policy, { action: 'sqs:SendMessage', resource: QUEUE_ARN })).toBe('Allowed');
    expect(resource('aws_sqs_queue_policy')).toBeUndefined();
  });

  test('flexible window, start and end dates', () => {
    const { resource } = synth({
      trigger: TriggerKind.SCHEDULER, flexibleTimeWindowMinutes: 30, startDate: '2030-01-01T00:00:00Z', endDate: '2030-06-30T00:00:00Z',
    });
    const schedule = resource('aws_scheduler_schedule')!.attributes as any;
    expect(schedule.flexible_time_window).toEqual({ mode: 'FLEXIBLE', maximum_window_in_minutes: 30 });
    expect([schedule.start_date, schedule.end_date]).toEqual(['2030-01-01T00:00:00Z', '2030-06-30T00:00:00Z']);
  });
});

describe('a rule with a time zone', () => {
  test('converts local time to UTC through core: 02:00 Asia/Tokyo is cron(0 17 * * ? *)', () => {
    const { resource, task } = synth({ trigger: TriggerKind.RULE, schedule: Schedule.expression('cron(0 2 * * ? *)'), timeZone: 'Asia/Tokyo' });
    expect(resource('aws_cloudwatch_event_rule')!.attributes.schedule_expression).toBe('cron(0 17 * * ? *)');
    expect(task.utcConversionWarnings).toEqual([]);
  });

  test('refuses a conversion that drifts with daylight saving time, unless allowed', () => {
    const props = { trigger: TriggerKind.RULE, schedule: Schedule.expression('cron(0 2 * * ? *)'), timeZone: 'Europe/Berlin' };
    const error = errorOf(() => synth(props));
    expect(error.field).toBe('timeZone');
    expect(error.message).toMatch(/^timeZone: .*Europe\/Berlin.*trigger 'scheduler'/);
    const { task } = synth({ ...props, allowInexactUtcConversion: true });
    expect(task.utcConversionWarnings.length).toBeGreaterThan(0);
    expect(task.scheduleExpression).toMatch(/^cron\(0 [01] \* \* \? \*\)$/);
  });
});

describe('task and network settings', () => {
  test('the article\'s case: FARGATE launch type with a public IP', () => {
    const { resource } = synth({ assignPublicIp: true });
    const target = resource('aws_cloudwatch_event_target')!.attributes.ecs_target as any;
    expect(target.launch_type).toBe('FARGATE');
    expect(target.network_configuration).toEqual({ subnets: ['subnet-0a1b2c3d'], assign_public_ip: true });
  });

  test('a capacity provider strategy replaces the launch type', () => {
    const { resource } = synth({ capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }, { capacityProvider: 'FARGATE', base: 1 }] });
    const target = resource('aws_cloudwatch_event_target')!.attributes.ecs_target as any;
    expect(target.launch_type).toBeUndefined();
    expect(target.capacity_provider_strategy).toEqual([{ capacity_provider: 'FARGATE_SPOT', weight: 1 }, { capacity_provider: 'FARGATE', base: 1 }]);
  });

  test('container overrides are the target input (RunTask overrides)', () => {
    const { resource } = synth({ containerOverrides: [{ name: 'app', command: ['node', 'job.js'], environment: { B: '2', A: '1' } }] });
    expect(JSON.parse(resource('aws_cloudwatch_event_target')!.attributes.input as string)).toEqual({
      containerOverrides: [{ name: 'app', command: ['node', 'job.js'], environment: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }],
    });
  });

  test('retries default to 3 attempts within an hour, not AWS\'s 185', () => {
    const { resource } = synth({});
    expect(resource('aws_cloudwatch_event_target')!.attributes.retry_policy).toEqual({ maximum_retry_attempts: 3, maximum_event_age_in_seconds: 3600 });
    expect([EcsScheduledTask.DEFAULT_MAXIMUM_RETRY_ATTEMPTS, EcsScheduledTask.DEFAULT_MAXIMUM_EVENT_AGE_SECONDS]).toEqual([3, 3600]);
  });

  test('tags, propagated tags and ECS managed tags need ecs:TagResource on RunTask; none do not', () => {
    const sids = (props: Partial<EcsScheduledTaskProps>) =>
      (appliedDocument(synth(props).resource('aws_iam_role_policy')!.attributes.policy).Statement as any[]).map((s) => s.Sid);
    expect(sids({})).not.toContain('TagTasksOnRunTask');
    expect(sids({ tags: { team: 'payments' } })).toContain('TagTasksOnRunTask');
    expect(sids({ propagateTags: true })).toContain('TagTasksOnRunTask');
    expect(sids({ enableEcsManagedTags: true })).toContain('TagTasksOnRunTask');
  });

  test('an existing dead-letter queue is used as it is, and its needed policy is exposed', () => {
    const { resource, task } = synth({ deadLetterQueue: DeadLetterQueue.fromArn(QUEUE_ARN) });
    expect(resource('aws_sqs_queue')).toBeUndefined();
    expect((resource('aws_cloudwatch_event_target')!.attributes.dead_letter_config as any).arn).toBe(QUEUE_ARN);
    expect(task.deadLetterQueuePolicyJson).toBeDefined();
  });

  test('a created dead-letter queue keeps failures for 14 days unless told otherwise', () => {
    expect(synth({ deadLetterQueue: DeadLetterQueue.create() }).resource('aws_sqs_queue')!.attributes).toEqual({
      name: 'nightly-dlq', message_retention_seconds: 14 * 86400, sqs_managed_sse_enabled: true,
    });
    expect(synth({ deadLetterQueue: DeadLetterQueue.create({ retentionDays: 3 }) }).resource('aws_sqs_queue')!.attributes.message_retention_seconds).toBe(3 * 86400);
  });

  test('a default name comes from the construct path', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const task = new EcsScheduledTask(stack, 'nightly-settlement', { ...BASE, name: undefined });
    expect(task.name).toBe('nightly-settlement');
  });

  test('disabled', () => {
    expect(synth({ enabled: false }).resource('aws_cloudwatch_event_rule')!.attributes.state).toBe('DISABLED');
  });
});

describe('synth-time validation names the prop', () => {
  const cases: Array<[string, Partial<EcsScheduledTaskProps> | (() => Partial<EcsScheduledTaskProps>), string]> = [
    ['a public IP on EC2', { assignPublicIp: true, launchType: LaunchType.EC2 }, 'assignPublicIp'],
    ['a public IP on an EC2 capacity provider', { assignPublicIp: true, capacityProviderStrategy: [{ capacityProvider: 'my-asg-provider', weight: 1 }] }, 'assignPublicIp'],
    ['both a launch type and a strategy', { launchType: LaunchType.FARGATE, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] }, 'launchType'],
    ['no schedule', { schedule: undefined as unknown as Schedule }, 'schedule'],
    ['an invalid schedule', () => ({ schedule: Schedule.expression('cron(0 25 * * ? *)') }), 'hour'],
    ['a one-time schedule on a rule', { schedule: Schedule.at('2030-01-01T02:00:00') }, 'schedule'],
    ['an invalid time zone', { timeZone: 'Asia/Tokio' }, 'timeZone'],
    ['an invalid cluster ARN', { clusterArn: 'arn:aws:ecs:ap-northeast-1:123456789012:service/batch' }, 'clusterArn'],
    ['an invalid task definition ARN', { taskDefinitionArn: 'nightly:3' }, 'taskDefinitionArn'],
    ['an invalid execution role ARN', { executionRoleArn: 'arn:aws:iam::123456789012:user/bob' }, 'executionRoleArn'],
    ['a FIFO dead-letter queue', { deadLetterQueue: DeadLetterQueue.fromArn(`arn:aws:sqs:${REGION}:${ACCOUNT}:q.fifo`) }, 'deadLetterQueue'],
    ['a rule with taskCount 0', { taskCount: 0 }, 'taskCount'],
    ['Scheduler with taskCount 11', { trigger: TriggerKind.SCHEDULER, taskCount: 11 }, 'taskCount'],
    ['empty subnets', { subnetIds: [] }, 'subnetIds'],
    ['186 retry attempts', { retryPolicy: { maximumRetryAttempts: 186 } }, 'retryPolicy.maximumRetryAttempts'],
    ['an event age of 59 s', { retryPolicy: { maximumEventAgeSeconds: 59 } }, 'retryPolicy.maximumEventAgeSeconds'],
    ['a flexible window on a rule', { flexibleTimeWindowMinutes: 10 }, 'flexibleTimeWindowMinutes'],
    ['a flexible window of 1441 minutes', { trigger: TriggerKind.SCHEDULER, flexibleTimeWindowMinutes: 1441 }, 'flexibleTimeWindowMinutes'],
    ['a schedule group on a rule', { scheduleGroup: ScheduleGroup.fromName('batch') }, 'scheduleGroup'],
    ['an end before the start', { trigger: TriggerKind.SCHEDULER, startDate: '2030-02-01T00:00:00Z', endDate: '2030-01-01T00:00:00Z' }, 'endDate'],
    ['a start date that is not UTC', { trigger: TriggerKind.SCHEDULER, startDate: '2030-02-01 00:00' }, 'startDate'],
    ['an invalid name', { name: 'nightly job' }, 'name'],
    ['a 15-day queue retention', () => ({ deadLetterQueue: DeadLetterQueue.create({ retentionDays: 15 }) }), 'deadLetterQueue.retentionDays'],
  ];

  test.each(cases)('%s', (_, props, field) => {
    const error = errorOf(() => synth(typeof props === 'function' ? props() : props));
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  test('tokens are not checked at synth time', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const subnets = new TerraformVariable(stack, 'subnets', { type: 'list(string)' });
    const cluster = new TerraformVariable(stack, 'cluster', { type: 'string' });
    expect(() => new EcsScheduledTask(stack, 'nightly', { ...BASE, subnetIds: subnets.listValue, clusterArn: cluster.stringValue })).not.toThrow();
  });
});
