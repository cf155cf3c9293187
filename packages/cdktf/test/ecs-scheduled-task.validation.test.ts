/**
 * The construct and the HCL module reject the same inputs: each bad input is
 * given to both, and both must name the same field (camelCase prop, snake_case
 * variable). Values at the edge of every range are accepted by both.
 */
import { Schedule } from '@ecs-batch/core';
import { TerraformStack, Testing } from 'cdktf';
import { DeadLetterQueue, EcsScheduledTask, EcsScheduledTaskProps, LaunchType, ScheduleGroup, TriggerKind } from '../src';
import { asValidationError, CaughtValidationError, errorOf } from './error-of';
import { HclArg, moduleCallTf } from './hcl/module-call';
import { planRoot } from './hcl/module-plan';

const ACCOUNT = '123456789012';
const CLUSTER = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch`;
const TASK_DEFINITION = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task-definition/nightly:3`;

const BASE_PROPS: EcsScheduledTaskProps = {
  name: 'nightly',
  schedule: Schedule.expression('cron(0 17 * * ? *)'),
  clusterArn: CLUSTER,
  taskDefinitionArn: TASK_DEFINITION,
  subnetIds: ['subnet-0a1b2c3d'],
};
const BASE_ARGS: Record<string, HclArg> = {
  name: 'nightly',
  schedule_expression: 'cron(0 17 * * ? *)',
  cluster_arn: CLUSTER,
  task_definition_arn: TASK_DEFINITION,
  subnet_ids: ['subnet-0a1b2c3d'],
};
const SCHEDULER_PROPS = { trigger: TriggerKind.SCHEDULER };
const SCHEDULER_ARGS = { trigger: 'scheduler' };

/** Props come from a function: the DeadLetterQueue/ScheduleGroup factories validate too. */
function constructError(props: () => Partial<EcsScheduledTaskProps>): CaughtValidationError | undefined {
  try {
    new EcsScheduledTask(new TerraformStack(Testing.app(), 'test'), 'nightly', { ...BASE_PROPS, ...props() });
    return undefined;
  } catch (e) {
    const caught = asValidationError(e);
    if (caught) return caught;
    throw e;
  }
}

async function moduleIssues(args: Record<string, HclArg>) {
  const plan = await planRoot(moduleCallTf({ callName: 'nightly', module: 'ecs-scheduled-task', variables: {}, args: { ...BASE_ARGS, ...args } }), __dirname);
  return plan.issues;
}

interface Rule {
  readonly rule: string;
  readonly props: () => Partial<EcsScheduledTaskProps>;
  readonly args: Record<string, HclArg>;
  readonly prop: string;
  readonly variable: string;
}

const RULES: Rule[] = [
  { rule: 'a public IP on EC2', props: () => ({ assignPublicIp: true, launchType: LaunchType.EC2 }), args: { assign_public_ip: true, launch_type: 'EC2' }, prop: 'assignPublicIp', variable: 'assign_public_ip' },
  {
    rule: 'a public IP on an EC2 capacity provider',
    props: () => ({ assignPublicIp: true, capacityProviderStrategy: [{ capacityProvider: 'asg-provider', weight: 1 }] }),
    args: { assign_public_ip: true, capacity_provider_strategy: [{ capacity_provider: 'asg-provider', weight: 1 }] },
    prop: 'assignPublicIp',
    variable: 'assign_public_ip',
  },
  {
    rule: 'both a launch type and a strategy',
    props: () => ({ launchType: LaunchType.FARGATE, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] }),
    args: { launch_type: 'FARGATE', capacity_provider_strategy: [{ capacity_provider: 'FARGATE', weight: 1 }] },
    prop: 'launchType',
    variable: 'launch_type',
  },
  { rule: 'a one-time schedule on a rule', props: () => ({ schedule: Schedule.at('2030-01-01T02:00:00') }), args: { schedule_expression: 'at(2030-01-01T02:00:00)' }, prop: 'schedule', variable: 'schedule_expression' },
  { rule: 'a time zone that is not a zone', props: () => ({ timeZone: 'Tokyo time' }), args: { time_zone: 'Tokyo time' }, prop: 'timeZone', variable: 'time_zone' },
  { rule: 'a rule in a zone it cannot follow all year', props: () => ({ trigger: TriggerKind.RULE, timeZone: 'Europe/Berlin' }), args: { trigger: 'rule', time_zone: 'Europe/Berlin' }, prop: 'timeZone', variable: 'time_zone' },
  { rule: 'a cluster ARN that is not one', props: () => ({ clusterArn: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:service/batch` }), args: { cluster_arn: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:service/batch` }, prop: 'clusterArn', variable: 'cluster_arn' },
  { rule: 'a task definition ARN that is not one', props: () => ({ taskDefinitionArn: 'nightly:3' }), args: { task_definition_arn: 'nightly:3' }, prop: 'taskDefinitionArn', variable: 'task_definition_arn' },
  { rule: 'pinning a revisionless ARN', props: () => ({ pinRevision: true, taskDefinitionArn: TASK_DEFINITION.replace(/:3$/, '') }), args: { pin_revision: true, task_definition_arn: TASK_DEFINITION.replace(/:3$/, '') }, prop: 'pinRevision', variable: 'pin_revision' },
  { rule: 'an execution role that is a user', props: () => ({ executionRoleArn: `arn:aws:iam::${ACCOUNT}:user/bob` }), args: { execution_role_arn: `arn:aws:iam::${ACCOUNT}:user/bob` }, prop: 'executionRoleArn', variable: 'execution_role_arn' },
  { rule: 'a task role that is a user', props: () => ({ taskRoleArn: `arn:aws:iam::${ACCOUNT}:user/bob` }), args: { task_role_arn: `arn:aws:iam::${ACCOUNT}:user/bob` }, prop: 'taskRoleArn', variable: 'task_role_arn' },
  {
    rule: 'a FIFO dead-letter queue',
    props: () => ({ deadLetterQueue: DeadLetterQueue.fromArn(`arn:aws:sqs:ap-northeast-1:${ACCOUNT}:jobs.fifo`) }),
    args: { dead_letter_queue: { arn: `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:jobs.fifo` } },
    prop: 'deadLetterQueue',
    variable: 'dead_letter_queue.arn',
  },
  { rule: 'a queue retention of 15 days', props: () => ({ deadLetterQueue: DeadLetterQueue.create({ retentionDays: 15 }) }), args: { dead_letter_queue: { retention_days: 15 } }, prop: 'deadLetterQueue.retentionDays', variable: 'dead_letter_queue.retention_days' },
  { rule: 'no task for a rule', props: () => ({ taskCount: 0 }), args: { task_count: 0 }, prop: 'taskCount', variable: 'task_count' },
  { rule: '11 tasks for Scheduler', props: () => ({ ...SCHEDULER_PROPS, taskCount: 11 }), args: { ...SCHEDULER_ARGS, task_count: 11 }, prop: 'taskCount', variable: 'task_count' },
  { rule: 'no subnets', props: () => ({ subnetIds: [] }), args: { subnet_ids: [] }, prop: 'subnetIds', variable: 'subnet_ids' },
  { rule: '186 retry attempts', props: () => ({ retryPolicy: { maximumRetryAttempts: 186 } }), args: { retry_policy: { maximum_retry_attempts: 186 } }, prop: 'retryPolicy.maximumRetryAttempts', variable: 'retry_policy.maximum_retry_attempts' },
  { rule: '-1 retry attempts', props: () => ({ retryPolicy: { maximumRetryAttempts: -1 } }), args: { retry_policy: { maximum_retry_attempts: -1 } }, prop: 'retryPolicy.maximumRetryAttempts', variable: 'retry_policy.maximum_retry_attempts' },
  { rule: 'an event age of 59 s', props: () => ({ retryPolicy: { maximumEventAgeSeconds: 59 } }), args: { retry_policy: { maximum_event_age_seconds: 59 } }, prop: 'retryPolicy.maximumEventAgeSeconds', variable: 'retry_policy.maximum_event_age_seconds' },
  { rule: 'an event age of 86401 s', props: () => ({ retryPolicy: { maximumEventAgeSeconds: 86401 } }), args: { retry_policy: { maximum_event_age_seconds: 86401 } }, prop: 'retryPolicy.maximumEventAgeSeconds', variable: 'retry_policy.maximum_event_age_seconds' },
  { rule: 'a flexible window on a rule', props: () => ({ flexibleTimeWindowMinutes: 10 }), args: { flexible_time_window_minutes: 10 }, prop: 'flexibleTimeWindowMinutes', variable: 'flexible_time_window_minutes' },
  { rule: 'a flexible window of 1441 minutes', props: () => ({ ...SCHEDULER_PROPS, flexibleTimeWindowMinutes: 1441 }), args: { ...SCHEDULER_ARGS, flexible_time_window_minutes: 1441 }, prop: 'flexibleTimeWindowMinutes', variable: 'flexible_time_window_minutes' },
  { rule: 'a start date on a rule', props: () => ({ startDate: '2030-01-01T00:00:00Z' }), args: { start_date: '2030-01-01T00:00:00Z' }, prop: 'startDate', variable: 'start_date' },
  { rule: 'a schedule group on a rule', props: () => ({ scheduleGroup: ScheduleGroup.fromName('batch') }), args: { schedule_group: { name: 'batch' } }, prop: 'scheduleGroup', variable: 'schedule_group' },
  { rule: 'a start date that is not UTC', props: () => ({ ...SCHEDULER_PROPS, startDate: '2030-01-01 09:00' }), args: { ...SCHEDULER_ARGS, start_date: '2030-01-01 09:00' }, prop: 'startDate', variable: 'start_date' },
  {
    rule: 'an end before the start',
    props: () => ({ ...SCHEDULER_PROPS, startDate: '2030-02-01T00:00:00Z', endDate: '2030-01-01T00:00:00Z' }),
    args: { ...SCHEDULER_ARGS, start_date: '2030-02-01T00:00:00Z', end_date: '2030-01-01T00:00:00Z' },
    prop: 'endDate',
    variable: 'end_date',
  },
  { rule: 'a name with a space', props: () => ({ name: 'nightly job' }), args: { name: 'nightly job' }, prop: 'name', variable: 'name' },
  {
    rule: 'a capacity provider weight of 1001',
    props: () => ({ capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1001 }] }),
    args: { capacity_provider_strategy: [{ capacity_provider: 'FARGATE', weight: 1001 }] },
    prop: 'capacityProviderStrategy[0].weight',
    variable: 'capacity_provider_strategy',
  },
];

describe.each(RULES.map((r) => [r.rule, r] as const))('%s', (_, rule) => {
  test(`the construct names ${rule.prop}`, () => {
    const error = constructError(rule.props);
    expect(error?.field).toBe(rule.prop);
    expect(error?.message.startsWith(`${rule.prop}: `)).toBe(true);
  });

  test(`the module names ${rule.variable}`, async () => {
    const issues = await moduleIssues(rule.args);
    expect(issues.map((i) => i.field)).toContain(rule.variable);
    expect(issues.every((i) => i.kind === 'validation' || i.kind === 'precondition')).toBe(true);
  });
});

test('an invalid cron is rejected by core before the construct sees it, and by the module\'s shape check', async () => {
  expect(errorOf(() => Schedule.expression('cron(0 2 * *)')).message).toMatch(/^[\w-]+: /);
  expect((await moduleIssues({ schedule_expression: 'cron(0 2 * *)' })).map((i) => i.field)).toEqual(['schedule_expression']);
});

describe('values at the edges of every range pass both', () => {
  const EDGES: Array<[string, Partial<EcsScheduledTaskProps>, Record<string, HclArg>]> = [
    ['10 tasks for Scheduler', { ...SCHEDULER_PROPS, taskCount: 10 }, { ...SCHEDULER_ARGS, task_count: 10 }],
    ['no retry, shortest event age', { retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 } }, { retry_policy: { maximum_retry_attempts: 0, maximum_event_age_seconds: 60 } }],
    ['185 retries, a day of event age', { retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86400 } }, { retry_policy: { maximum_retry_attempts: 185, maximum_event_age_seconds: 86400 } }],
    ['a window of 1440 minutes', { ...SCHEDULER_PROPS, flexibleTimeWindowMinutes: 1440 }, { ...SCHEDULER_ARGS, flexible_time_window_minutes: 1440 }],
    ['1 day of retention', { deadLetterQueue: DeadLetterQueue.create({ retentionDays: 1 }) }, { dead_letter_queue: { retention_days: 1 } }],
    ['14 days of retention', { deadLetterQueue: DeadLetterQueue.create({ retentionDays: 14 }) }, { dead_letter_queue: { retention_days: 14 } }],
    ['a 64-character name', { name: 'n'.repeat(64) }, { name: 'n'.repeat(64) }],
    ['a public IP on FARGATE_SPOT', { assignPublicIp: true, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }, { assign_public_ip: true, capacity_provider_strategy: [{ capacity_provider: 'FARGATE_SPOT', weight: 1 }] }],
    ['a UTC time zone with Scheduler', { timeZone: 'UTC' }, { time_zone: 'UTC' }],
    ['a UTC time zone with a rule, by any of its names', { trigger: TriggerKind.RULE, timeZone: 'etc/utc' }, { trigger: 'rule', time_zone: 'etc/utc' }],
  ];

  test.each(EDGES)('%s', async (_, props, args) => {
    expect(constructError(() => props)).toBeUndefined();
    expect(await moduleIssues(args)).toEqual([]);
  });
});
