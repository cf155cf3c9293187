/**
 * Errors name the prop the user wrote, not core's internal field: core's
 * validators take the construct's names (no catch-and-rename), and
 * `Errors.isValidationError` / `Errors.fieldOf` from the core index recognize them.
 */
import { Errors, Schedule } from '@ecs-batch/core';
import { TerraformStack, Testing } from 'cdktf';
import { DeadLetterQueue, EcsBatchDashboard, EcsBatchDashboardProps, EcsBatchJob, EcsBatchJobProps, EcsScheduledTask, EcsScheduledTaskProps, ScheduleGroup, TriggerKind } from '../src';

const ACCOUNT = '123456789012';
const CLUSTER = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch`;
const TASK_DEFINITION = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task-definition/nightly:3`;
const USER = `arn:aws:iam::${ACCOUNT}:user/bob`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/nightly`;
const FIFO_QUEUE = `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:jobs.fifo`;
const CORE_NAMES = /passRoleArns|deadLetterQueueArn|queueArn|taskDefinitionFamilyArn|groupName/;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('EcsScheduledTask', () => {
  const task = (props: Partial<EcsScheduledTaskProps>) => thrown(() => new EcsScheduledTask(new TerraformStack(Testing.app(), 'test'), 'nightly', {
    name: 'nightly',
    schedule: Schedule.expression('cron(0 17 * * ? *)'),
    clusterArn: CLUSTER,
    taskDefinitionArn: TASK_DEFINITION,
    subnetIds: ['subnet-0a1b2c3d'],
    ...props,
  }));

  test.each([
    ['the execution role', { executionRoleArn: USER, taskRoleArn: ROLE }, 'executionRoleArn'],
    ['the task role, after an execution role', { executionRoleArn: ROLE, taskRoleArn: USER }, 'taskRoleArn'],
    // Alone, the task role is core's passRoleArns[0]: still named as the user wrote it.
    ['the task role alone', { taskRoleArn: USER }, 'taskRoleArn'],
    ['a FIFO dead-letter queue of a rule (its queue policy)', { deadLetterQueue: DeadLetterQueue.fromArn(FIFO_QUEUE) }, 'deadLetterQueue'],
    ['a FIFO dead-letter queue of a Scheduler schedule (the invoker\'s policy)',
      { trigger: TriggerKind.SCHEDULER, timeZone: 'Asia/Tokyo', deadLetterQueue: DeadLetterQueue.fromArn(FIFO_QUEUE) }, 'deadLetterQueue'],
    ['a schedule group name that is not valid', { trigger: TriggerKind.SCHEDULER, timeZone: 'Asia/Tokyo', scheduleGroup: ScheduleGroup.fromName('night ly') }, 'scheduleGroup'],
  ])('%s: named by its prop', (_, props, prop) => {
    const error = task(props);
    expect(Errors.isValidationError(error)).toBe(true);
    expect(Errors.fieldOf(error)).toBe(prop);
    expect((error as Error).message.startsWith(`${prop}: `)).toBe(true);
    expect((error as Error).message).not.toMatch(CORE_NAMES);
  });

});

describe('EcsBatchJob', () => {
  const job = (props: Partial<EcsBatchJobProps>) => thrown(() => new EcsBatchJob(new TerraformStack(Testing.app(), 'test'), 'settlement', {
    name: 'settlement',
    image: 'public.ecr.aws/docker/library/node:22-slim',
    clusterArn: CLUSTER,
    subnetIds: ['subnet-0a1b2c3d'],
    schedules: [{ name: 'nightly', schedule: Schedule.expression('cron(0 17 * * ? *)') }],
    ...props,
  }));
  const schedule = { name: 'nightly', schedule: Schedule.expression('cron(0 17 * * ? *)') };

  test.each([
    ['a schedule\'s dead-letter queue', { schedules: [schedule, { ...schedule, name: 'weekly', deadLetterQueue: DeadLetterQueue.fromArn(FIFO_QUEUE) }] }, 'schedules[1].deadLetterQueue'],
    ['a schedule\'s Scheduler dead-letter queue',
      { schedules: [{ ...schedule, trigger: TriggerKind.SCHEDULER, timeZone: 'Asia/Tokyo', deadLetterQueue: DeadLetterQueue.fromArn(FIFO_QUEUE) }] }, 'schedules[0].deadLetterQueue'],
    ['a schedule\'s schedule group', { schedules: [{ ...schedule, trigger: TriggerKind.SCHEDULER, timeZone: 'Asia/Tokyo', scheduleGroup: ScheduleGroup.fromName('night ly') }] },
      'schedules[0].scheduleGroup'],
    ['a schedule\'s retry policy', { schedules: [{ ...schedule, retryPolicy: { maximumRetryAttempts: 200 } }] }, 'schedules[0].retryPolicy.maximumRetryAttempts'],
    ['a job-wide capacity provider strategy, inside a schedule', { capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1001 }] }, 'capacityProviderStrategy[0].weight'],
    ['a permission\'s action', { permissions: [{ actions: ['*'], resources: ['*'] }] }, 'permissions[0].actions[0]'],
    // Core's AwsLimits.validateLogRetentionDays, RunnerMetrics.validateNamespace and DurationAlarm.validateShare.
    ['the log retention', { logRetentionDays: 31 }, 'logRetentionDays'],
    ['the metric namespace', { metricNamespace: ' ' }, 'metricNamespace'],
    ['the duration alarm\'s share', { durationAlarm: { share: 0 } }, 'durationAlarm.share'],
  ])('%s: named by the job\'s prop', (_, props, prop) => {
    const error = job(props);
    expect(Errors.isValidationError(error)).toBe(true);
    expect(Errors.fieldOf(error)).toBe(prop);
    expect((error as Error).message.startsWith(`${prop}: `)).toBe(true);
    expect((error as Error).message).not.toMatch(CORE_NAMES);
  });
});

describe('EcsBatchDashboard', () => {
  const dashboard = (props: Partial<EcsBatchDashboardProps>) => thrown(() => new EcsBatchDashboard(new TerraformStack(Testing.app(), 'test'), 'dashboard', {
    name: 'payments',
    clusterArn: CLUSTER,
    jobs: [{ name: 'nightly' }],
    ...props,
  }));

  test.each([
    // Core's JobDashboard says `jobs[i].jobName`; told the construct's name, it says `jobs[i].name`.
    ['a job that is not a family', { jobs: [{ name: 'night ly' }] }, 'jobs[0].name'],
    ['a job twice', { jobs: [{ name: 'nightly' }, { name: 'nightly' }] }, 'jobs[1].name'],
    ['the events log retention', { eventsLogRetentionDays: 2 }, 'eventsLogRetentionDays'],
    ['the metric namespace', { metricNamespace: '' }, 'metricNamespace'],
  ])('%s: named by the dashboard\'s prop', (_, props, prop) => {
    const error = dashboard(props);
    expect(Errors.fieldOf(error)).toBe(prop);
    expect((error as Error).message.startsWith(`${prop}: `)).toBe(true);
    expect((error as Error).message).not.toMatch(/jobName/);
  });
});

test('Errors.isValidationError: false for a plain Error, even one that looks like a field error', () => {
  expect(Errors.isValidationError(new Error('taskRoleArn: bad'))).toBe(false);
  expect(Errors.fieldOf(new Error('taskRoleArn: bad'))).toBeUndefined();
});
