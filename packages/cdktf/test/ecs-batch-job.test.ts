import { JobTaskDefinition, RunnerEnvironment, RunnerMetrics, Schedule } from '@ecs-batch/core';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AlertTopic, CpuArchitecture, DeadLetterQueue, EcsBatchJob, EcsBatchJobProps, OverlapPolicy, TriggerKind,
} from '../src';
import { errorOf } from './error-of';
import { appliedDocument } from './hcl/apply-values';
import { planStack } from './hcl/cdktf-plan';
import { PlannedResource } from './hcl/module-plan';
import { identityDecision, resourcePolicyDecision } from './iam-simulation';

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-1';
const CLUSTER = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/batch`;
const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/payments/jobs:1.4.2`;
const REPOSITORY = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/payments/jobs`;
const LOG_GROUP = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs-batch/settlement`;
const DB_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:payments/db-AbCdEf`;
const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:settlement-alerts`;
const ALERT_RULE = `arn:aws:events:${REGION}:${ACCOUNT}:rule/settlement-failed`;
const ALARM = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:settlement-missed-run`;
const DURATION_ALARM = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:settlement-duration-near-timeout`;

const APPLIED: Record<string, string> = {
  'ecs_batch_aws/data.aws_caller_identity.account.account_id': ACCOUNT,
  'ecs_batch_aws/data.aws_region.region.region': REGION,
  'settlement/aws_cloudwatch_log_group.logs.arn': LOG_GROUP,
  'settlement/aws_cloudwatch_log_group.logs.name': '/ecs-batch/settlement',
  'settlement/aws_sns_topic.alerts_topic.arn': TOPIC,
  'settlement/aws_cloudwatch_event_rule.alerts.arn': ALERT_RULE,
  'settlement/aws_cloudwatch_metric_alarm.missed_run.arn': ALARM,
  'settlement/aws_cloudwatch_metric_alarm.duration_near_timeout.arn': DURATION_ALARM,
  'settlement/aws_ecs_task_definition.task.arn': `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/settlement:7`,
  'settlement/aws_iam_role.execution_role.arn': `arn:aws:iam::${ACCOUNT}:role/exec`,
  'settlement/aws_iam_role.task_role.arn': `arn:aws:iam::${ACCOUNT}:role/task`,
};
const FAMILY = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/settlement`;

const BASE: EcsBatchJobProps = {
  name: 'settlement',
  image: IMAGE,
  handler: 'dist/jobs/settlement.handler',
  clusterArn: CLUSTER,
  subnetIds: ['subnet-0a1b2c3d'],
  assignPublicIp: true,
  schedules: [{ name: 'nightly', schedule: Schedule.cron({ minute: '0', hour: '2' }), timeZone: 'Asia/Tokyo' }],
};

function synth(props: Partial<EcsBatchJobProps>) {
  const stack = new TerraformStack(Testing.app(), 'test');
  const job = new EcsBatchJob(stack, 'settlement', { ...BASE, ...props });
  const plan = planStack(stack, {}, APPLIED);
  const resource = (address: string): PlannedResource => {
    const found = plan.resources.find((r) => r.address === `settlement/${address}`);
    if (!found) throw new Error(`no ${address} in ${plan.resources.map((r) => r.address).join(', ')}`);
    return found;
  };
  const has = (address: string) => plan.resources.some((r) => r.address === `settlement/${address}`);
  return { stack, job, plan, resource, has };
}

function containerOf(resource: PlannedResource): any {
  return appliedDocument(resource.attributes.container_definitions)[0];
}

describe('revisions that CI deploys', () => {
  const { resource } = synth({});
  const task = resource('aws_ecs_task_definition.task');

  test('Terraform creates the family, follows the latest revision and never reverts the container definitions', () => {
    expect(task.attributes.family).toBe('settlement');
    expect(task.attributes.track_latest).toBe(true);
    expect(task.ignoreChanges).toEqual(['all']);
  });

  test('roles are named after the family, so a release knows their ARNs without Terraform state', () => {
    expect(resource('aws_iam_role.execution_role').attributes.name).toBe('settlement-execution');
    expect(resource('aws_iam_role.task_role').attributes.name).toBe('settlement-task');
    expect(resource('schedules/nightly/aws_iam_role.invoker').attributes.name).toBe('settlement-nightly-invoker');
  });

  test('the container is core\'s JobTaskDefinition, the renderer register-revision uses too', () => {
    expect(appliedDocument(task.attributes.container_definitions)).toEqual([JobTaskDefinition.container({
      family: 'settlement',
      image: BASE.image,
      cpu: 256,
      memory: 512,
      handler: BASE.handler,
      environment: BASE.environment,
      timeoutSeconds: 3600,
      region: REGION,
      executionRoleArn: 'unused',
      taskRoleArn: 'unused',
    })]);
  });

  test('every schedule runs the revisionless family ARN, so the newest revision CI registered', () => {
    const schedule = resource('schedules/nightly/aws_scheduler_schedule.schedule').attributes.target as any;
    // Terraform's replace() with core's pattern, on the ARN of revision 7: the family.
    expect(schedule.ecs_parameters.task_definition_arn).toBe(FAMILY);
  });

  test('the invoker may run any revision of the family, now and later', async () => {
    const policy = appliedDocument(resource('schedules/nightly/aws_iam_role_policy.invoker_policy').attributes.policy);
    for (const revision of [7, 8, 120]) {
      expect(await identityDecision(policy, {
        action: 'ecs:RunTask', resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/settlement:${revision}`, context: { 'ecs:cluster': CLUSTER },
      })).toBe('Allowed');
    }
    expect(await identityDecision(policy, {
      action: 'ecs:RunTask', resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/other:1`, context: { 'ecs:cluster': CLUSTER },
    })).toBe('ImplicitlyDenied');
  });
});

describe('the task definition', () => {
  test('Fargate, awsvpc, the given size and architecture', () => {
    const task = synth({ cpu: 1024, memory: 3072, architecture: CpuArchitecture.ARM64 }).resource('aws_ecs_task_definition.task').attributes;
    expect(task).toMatchObject({
      requires_compatibilities: ['FARGATE'],
      network_mode: 'awsvpc',
      cpu: '1024',
      memory: '3072',
      runtime_platform: { operating_system_family: 'LINUX', cpu_architecture: 'ARM64' },
    });
  });

  test('the container gets the runner\'s environment, named by core', () => {
    const container = containerOf(synth({ timeoutSeconds: 900, overlap: OverlapPolicy.SKIP, environment: { CURRENCY: 'JPY' } }).resource('aws_ecs_task_definition.task'));
    const environment = Object.fromEntries(container.environment.map((e: any) => [e.name, e.value]));
    expect(environment).toEqual({
      CURRENCY: 'JPY',
      [RunnerEnvironment.JOB_NAME]: 'settlement',
      [RunnerEnvironment.HANDLER]: 'dist/jobs/settlement.handler',
      [RunnerEnvironment.TIMEOUT_SECONDS]: '900',
      [RunnerEnvironment.OVERLAP]: 'skip',
      [RunnerEnvironment.METRIC_NAMESPACE]: RunnerMetrics.DEFAULT_NAMESPACE,
    });
  });

  test('logs go to /ecs-batch/<job> with a retention', () => {
    const { resource } = synth({ logRetentionDays: 14 });
    expect(resource('aws_cloudwatch_log_group.logs').attributes).toEqual({ name: '/ecs-batch/settlement', retention_in_days: 14 });
    expect(containerOf(resource('aws_ecs_task_definition.task')).logConfiguration).toEqual({
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs-batch/settlement', 'awslogs-region': REGION, 'awslogs-stream-prefix': 'ecs-batch' },
    });
  });

  test('secrets reach the container by name', () => {
    const container = containerOf(synth({ secretsManagerSecrets: { DB_PASSWORD: DB_SECRET } }).resource('aws_ecs_task_definition.task'));
    expect(container.secrets).toEqual([{ name: 'DB_PASSWORD', valueFrom: DB_SECRET }]);
  });
});

describe('the execution role, evaluated by the IAM simulator', () => {
  const { resource } = synth({ secretsManagerSecrets: { DB_PASSWORD: DB_SECRET } });
  const policy = appliedDocument(resource('aws_iam_role_policy.execution_role_policy').attributes.policy);
  const trust = appliedDocument(resource('aws_iam_role.execution_role').attributes.assume_role_policy);

  test('pulls the image from its ECR repository only', async () => {
    expect(await identityDecision(policy, { action: 'ecr:BatchGetImage', resource: REPOSITORY })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 'ecr:BatchGetImage', resource: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/other` })).toBe('ImplicitlyDenied');
  });

  test('writes to its own log group only', async () => {
    const put = (group: string) => identityDecision(policy, { action: 'logs:PutLogEvents', resource: `${group}:log-stream:ecs-batch/settlement/abc` });
    expect(await put(LOG_GROUP)).toBe('Allowed');
    expect(await put(`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs-batch/other`)).toBe('ImplicitlyDenied');
  });

  test('reads exactly the given secret', async () => {
    expect(await identityDecision(policy, { action: 'secretsmanager:GetSecretValue', resource: DB_SECRET })).toBe('Allowed');
    expect(await identityDecision(policy, {
      action: 'secretsmanager:GetSecretValue', resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:payments/admin-XyZ123`,
    })).toBe('ImplicitlyDenied');
  });

  test('only ECS tasks of this account may assume it', async () => {
    const assume = (principal: string, account: string) => resourcePolicyDecision(trust, {
      principal, action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCOUNT}:role/exec`, context: { 'aws:SourceAccount': account },
    });
    expect(await assume('ecs-tasks.amazonaws.com', ACCOUNT)).toBe('Allowed');
    expect(await assume('ecs-tasks.amazonaws.com', '999999999999')).toBe('ImplicitlyDenied');
    expect(await assume('lambda.amazonaws.com', ACCOUNT)).toBe('ImplicitlyDenied');
  });
});

describe('the task role', () => {
  test('can do nothing by default', () => {
    expect(synth({}).has('aws_iam_role_policy.task_role_policy')).toBe(false);
  });

  test('with overlap SKIP, may list tasks in the job\'s cluster only (the runner\'s check)', async () => {
    const policy = appliedDocument(synth({ overlap: OverlapPolicy.SKIP }).resource('aws_iam_role_policy.task_role_policy').attributes.policy);
    const list = (cluster: string) => identityDecision(policy, {
      action: 'ecs:ListTasks', resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:container-instance/batch/abc`, context: { 'ecs:cluster': cluster },
    });
    expect(await list(CLUSTER)).toBe('Allowed');
    expect(await list(`arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/other`)).toBe('ImplicitlyDenied');
  });

  test('taskRolePolicyStatements add to it', async () => {
    const policy = appliedDocument(synth({
      taskRolePolicyStatements: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports/*' }],
    }).resource('aws_iam_role_policy.task_role_policy').attributes.policy);
    expect(await identityDecision(policy, { action: 's3:PutObject', resource: 'arn:aws:s3:::reports/2030/01.csv' })).toBe('Allowed');
  });
});

describe('schedules', () => {
  test('each schedule is a scheduled task named <job>-<schedule>, with its own input', () => {
    const { resource, job } = synth({
      schedules: [
        { name: 'nightly', schedule: Schedule.cron({ minute: '0', hour: '2' }), timeZone: 'Asia/Tokyo' },
        { name: 'weekly', schedule: Schedule.expression('cron(0 3 ? * MON *)'), trigger: TriggerKind.RULE, event: '{"scope":"week"}', command: ['node', 'full.js'] },
      ],
    });
    expect(job.scheduledTasks.map((t) => t.name)).toEqual(['settlement-nightly', 'settlement-weekly']);
    // A rule: an input transformer passes the event's time as ECS_BATCH_SCHEDULED_TIME, with the UTC schedule.
    const weekly = resource('schedules/weekly/aws_cloudwatch_event_target.target').attributes as any;
    expect(weekly.input).toBeUndefined();
    expect([weekly.input_transformer].flat()[0].input_paths).toEqual({ time: '$.time' });
    expect(JSON.parse([weekly.input_transformer].flat()[0].input_template)).toEqual({
      containerOverrides: [{
        name: 'settlement',
        command: ['node', 'full.js'],
        environment: [
          { name: RunnerEnvironment.EVENT, value: '{"scope":"week"}' },
          { name: RunnerEnvironment.SCHEDULE, value: 'cron(0 3 ? * MON *)' },
          { name: RunnerEnvironment.SCHEDULED_TIME, value: '<time>' },
          { name: RunnerEnvironment.SCHEDULE_TIME_ZONE, value: 'UTC' },
        ],
      }],
    });
    // Scheduler: the schedule and its zone; the runner computes the time it fired.
    expect(JSON.parse([(resource('schedules/nightly/aws_scheduler_schedule.schedule').attributes as any).target].flat()[0].input)).toEqual({
      containerOverrides: [{
        name: 'settlement',
        environment: [
          { name: RunnerEnvironment.SCHEDULE, value: 'cron(0 2 * * ? *)' },
          { name: RunnerEnvironment.SCHEDULE_TIME_ZONE, value: 'Asia/Tokyo' },
        ],
      }],
    });
  });

  test('the invoker may pass exactly the job\'s two roles', async () => {
    const { resource } = synth({});
    const policy = appliedDocument(resource('schedules/nightly/aws_iam_role_policy.invoker_policy').attributes.policy);
    const pass = (role: string) => identityDecision(policy, { action: 'iam:PassRole', resource: role, context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } });
    expect(await pass(`arn:aws:iam::${ACCOUNT}:role/exec`)).toBe('Allowed');
    expect(await pass(`arn:aws:iam::${ACCOUNT}:role/task`)).toBe('Allowed');
    expect(await pass(`arn:aws:iam::${ACCOUNT}:role/admin`)).toBe('ImplicitlyDenied');
  });

  test('a schedule\'s error names the schedule', () => {
    const error = errorOf(() => synth({ schedules: [{ name: 'nightly', schedule: Schedule.cron({ hour: '2', minute: '0' }), trigger: TriggerKind.SCHEDULER, taskCount: 11 }] }));
    expect(error.field).toBe('schedules[0].taskCount');
  });

  test('a dead-letter queue per schedule', () => {
    const { has } = synth({ schedules: [{ name: 'nightly', schedule: Schedule.cron({ minute: '0', hour: '17' }), deadLetterQueue: DeadLetterQueue.create() }] });
    expect(has('schedules/nightly/aws_sqs_queue.dead_letter_queue')).toBe(true);
    expect(has('schedules/nightly/aws_sqs_queue_policy.dead_letter_queue_policy')).toBe(true);
  });
});

describe('alerts', () => {
  const { resource, job, has } = synth({ alerts: { emails: ['ops@example.com'] }, missedRunAlarm: { hours: 25 }, durationAlarm: {} });

  test('an EventBridge rule on failed runs of this family in this cluster', () => {
    const pattern = appliedDocument(resource('aws_cloudwatch_event_rule.alerts').attributes.event_pattern);
    expect(pattern).toEqual({
      'source': ['aws.ecs'],
      'detail-type': ['ECS Task State Change'],
      'detail': {
        clusterArn: [CLUSTER],
        taskDefinitionArn: [{ prefix: `${FAMILY}:` }],
        lastStatus: ['STOPPED'],
        $or: [{ containers: { exitCode: [{ 'anything-but': 0 }] } }, { stopCode: ['TaskFailedToStart'] }],
      },
    });
  });

  test('a readable one-line message on the topic, and an email subscription', () => {
    const target = resource('aws_cloudwatch_event_target.alerts_target').attributes as any;
    expect(target.input_transformer.input_paths).toMatchObject({ task: '$.detail.taskArn', stop_code: '$.detail.stopCode', reason: '$.detail.stoppedReason' });
    expect(JSON.parse(target.input_transformer.input_template)).toBe(
      'ecs-batch job settlement failed at <time>: task <task> stopped (<stop_code>, exit code <exit_code>): <reason>');
    expect(resource('aws_sns_topic_subscription.alert_email["ops@example.com"]').attributes).toMatchObject({ protocol: 'email', endpoint: 'ops@example.com' });
    expect(job.alertTopicArn).toBeDefined();
  });

  test('the created topic accepts this rule and these alarms only', async () => {
    const policy = appliedDocument(resource('aws_sns_topic_policy.alerts_topic_policy').attributes.policy);
    const publish = (principal: string, sourceArn: string) => resourcePolicyDecision(policy, {
      principal, action: 'sns:Publish', resource: TOPIC, context: { 'aws:SourceArn': sourceArn },
    });
    expect(await publish('events.amazonaws.com', ALERT_RULE)).toBe('Allowed');
    expect(await publish('cloudwatch.amazonaws.com', ALARM)).toBe('Allowed');
    expect(await publish('cloudwatch.amazonaws.com', DURATION_ALARM)).toBe('Allowed');
    expect(await publish('events.amazonaws.com', `arn:aws:events:${REGION}:${ACCOUNT}:rule/other`)).toBe('ImplicitlyDenied');
    expect(await publish('cloudwatch.amazonaws.com', `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:other`)).toBe('ImplicitlyDenied');
  });

  test('the missed-run alarm watches the runner\'s success metric, and no data is a miss', () => {
    expect(resource('aws_cloudwatch_metric_alarm.missed_run').attributes).toMatchObject({
      namespace: RunnerMetrics.DEFAULT_NAMESPACE,
      metric_name: RunnerMetrics.JOB_SUCCEEDED,
      dimensions: { [RunnerMetrics.JOB_DIMENSION]: 'settlement' },
      statistic: 'Sum',
      period: 3600,
      evaluation_periods: 25,
      datapoints_to_alarm: 25,
      threshold: 1,
      comparison_operator: 'LessThanThreshold',
      treat_missing_data: 'breaching',
    });
    expect(job.missedRunAlarmName).toBeDefined();
  });

  test('the duration alarm: p95 of JobDurationMs over a day above 80% of the timeout, in ms, to the topic (DurationAlarm in core)', () => {
    const attributes = resource('aws_cloudwatch_metric_alarm.duration_near_timeout').attributes as any;
    expect(attributes).toMatchObject({
      alarm_name: 'settlement-duration-near-timeout',
      namespace: RunnerMetrics.DEFAULT_NAMESPACE,
      metric_name: RunnerMetrics.JOB_DURATION_MS,
      dimensions: { [RunnerMetrics.JOB_DIMENSION]: 'settlement' },
      extended_statistic: 'p95',
      period: 86400,
      evaluation_periods: 1,
      comparison_operator: 'GreaterThanThreshold',
      treat_missing_data: 'notBreaching',
    });
    // The job's timeout is 3600 s: 80% of it, in ms.
    expect(attributes.threshold).toBe(2_880_000);
    expect(attributes.alarm_actions).toEqual((resource('aws_cloudwatch_metric_alarm.missed_run').attributes as any).alarm_actions);
    expect(attributes.alarm_actions).toHaveLength(1);
    expect(job.durationAlarmName).toBeDefined();
  });

  test('an existing topic is used as it is', () => {
    const existing = synth({ alerts: { topic: AlertTopic.fromArn(TOPIC) } });
    expect(existing.has('aws_sns_topic.alerts_topic')).toBe(false);
    expect(existing.has('aws_sns_topic_policy.alerts_topic_policy')).toBe(false);
    expect(existing.resource('aws_cloudwatch_event_target.alerts_target').attributes.arn).toBe(TOPIC);
  });

  test('none without alerts', () => {
    expect(has('aws_cloudwatch_event_rule.alerts')).toBe(true);
    const quiet = synth({});
    expect(quiet.plan.resources.filter((r) => /alert|missed_run/.test(r.address))).toEqual([]);
  });
});

describe('synth-time validation names the prop', () => {
  const cases: Array<[string, Partial<EcsBatchJobProps>, string]> = [
    ['a job name with a space', { name: 'nightly job' }, 'name'],
    ['a 41-character job name', { name: 'j'.repeat(41) }, 'name'],
    ['no image', { image: ' ' }, 'image'],
    ['a CPU value Fargate does not have', { cpu: 300 }, 'cpu'],
    ['memory that does not fit the CPU', { cpu: 256, memory: 4096 }, 'memory'],
    ['a log retention CloudWatch does not offer', { logRetentionDays: 31 }, 'logRetentionDays'],
    ['a zero timeout', { timeoutSeconds: 0 }, 'timeoutSeconds'],
    ['an environment variable of the runner', { environment: { ECS_BATCH_HANDLER: 'x' } }, 'environment'],
    ['an overlap policy that is not core\'s (a JavaScript caller)', { overlap: 'queue' as OverlapPolicy }, 'overlap'],
    ['a secret that is not a Secrets Manager ARN', { secretsManagerSecrets: { DB: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/db` } }, 'secretsManagerSecrets.DB'],
    ['a secret twice', { secretsManagerSecrets: { DB: DB_SECRET }, ssmParameters: { DB: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/db` } }, 'ssmParameters'],
    ['no schedules', { schedules: [] }, 'schedules'],
    ['a schedule name twice', { schedules: [BASE.schedules[0], BASE.schedules[0]] }, 'schedules[1].name'],
    ['a schedule name too long for <job>-<schedule>', { schedules: [{ ...BASE.schedules[0], name: 's'.repeat(60) }] }, 'schedules[0].name'],
    ['a missed-run alarm over 7 days', { missedRunAlarm: { hours: 169 } }, 'missedRunAlarm.hours'],
    ['a duration alarm at the whole timeout', { durationAlarm: { share: 1 } }, 'durationAlarm.share'],
    ['a public IP on EC2 (a job-wide prop)', { launchType: 'EC2' as any }, 'assignPublicIp'],
  ];

  test.each(cases)('%s', (_, props, field) => {
    const error = errorOf(() => synth(props));
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  test('a token image without ecrRepositoryArn gets no pull permission, and a warning says so', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const image = new TerraformVariable(stack, 'image', { type: 'string' });
    const job = new EcsBatchJob(stack, 'settlement', { ...BASE, image: image.stringValue });
    expect(job.node.metadata.map((m) => String(m.data))).toEqual([expect.stringContaining('ecrRepositoryArn')]);
  });
});
