import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import {
  ALERT_EMAIL, CLUSTER_ARN, CRON, ECR_REPOSITORY_ARN, IMAGE, jobName, MISSED_RUN_HOURS, SCHEDULE,
  SECURITY_GROUP_IDS, SUBNET_IDS, TIME_ZONE, TIMEOUT_SECONDS,
} from './job-spec';

/**
 * The baseline of the synth benchmark: the resources of `addConstructJobs`,
 * written by hand with provider classes and literal policies, as a team
 * without the constructs would. It uses the same construct ids and scopes,
 * so the synthesized Terraform is identical, logical ids included
 * (test/bench/synth-stacks.test.ts holds it to that). No validation, no
 * @ecs-batch/core: the difference in time is what the constructs cost.
 */
export function addRawJobs(scope: Construct, count: number): void {
  // One account, region and partition for the whole stack, where the constructs put theirs.
  const shared = new Construct(scope, 'ecs_batch_aws');
  const aws: SharedData = {
    account: new DataAwsCallerIdentity(shared, 'account'),
    region: new DataAwsRegion(shared, 'region'),
    partition: new DataAwsPartition(shared, 'partition'),
  };
  for (let i = 0; i < count; i++) addRawJob(new Construct(scope, jobName(i)), jobName(i), aws);
}

interface SharedData {
  readonly account: DataAwsCallerIdentity;
  readonly region: DataAwsRegion;
  readonly partition: DataAwsPartition;
}

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

function addRawJob(job: Construct, name: string, aws: SharedData): void {
  const { account, region } = aws;
  const logs = new CloudwatchLogGroup(job, 'logs', { name: `/ecs-batch/${name}`, retentionInDays: 30 });
  const ecsTasksTrust = (sid: string) => policy({
    Sid: sid,
    Effect: 'Allow',
    Principal: { Service: 'ecs-tasks.amazonaws.com' },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'aws:SourceAccount': account.accountId } },
  });
  const executionRole = new IamRole(job, 'execution_role', {
    name: `${name}-execution`,
    description: `ECS task execution role of batch job ${name}`,
    assumeRolePolicy: ecsTasksTrust('EcsTasksAssumeExecutionRole'),
  });
  new IamRolePolicy(job, 'execution_role_policy', {
    name: 'execution',
    role: executionRole.name,
    policy: policy(
      { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      { Sid: 'EcrPullImage', Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: ECR_REPOSITORY_ARN },
      { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logs.arn}:log-stream:*` },
    ),
  });
  const taskRole = new IamRole(job, 'task_role', {
    name: `${name}-task`,
    description: `Task role of batch job ${name}`,
    assumeRolePolicy: ecsTasksTrust('EcsTasksAssumeTaskRole'),
  });
  const environment = {
    ECS_BATCH_HANDLER: `dist/jobs/${name}.handler`,
    ECS_BATCH_JOB_NAME: name,
    ECS_BATCH_METRIC_NAMESPACE: 'EcsBatch',
    ECS_BATCH_OVERLAP: 'allow',
    ECS_BATCH_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
  };
  const task = new EcsTaskDefinition(job, 'task', {
    family: name,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: executionRole.arn,
    taskRoleArn: taskRole.arn,
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    containerDefinitions: JSON.stringify([{
      name,
      image: IMAGE,
      essential: true,
      environment: Object.entries(environment).map(([key, value]) => ({ name: key, value })),
      readonlyRootFilesystem: true,
      mountPoints: [{ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': logs.name, 'awslogs-region': region.region, 'awslogs-stream-prefix': 'ecs-batch' },
      },
    }]),
    volume: [{ name: 'tmp' }],
    trackLatest: true,
    lifecycle: { ignoreChanges: 'all' },
  });
  // The revisionless family ARN; Terraform reads `"/:\\d+$/"` as the regex /:\d+$/.
  const family = Fn.replace(task.arn, '/:\\\\d+$/', '');

  addRawSchedule(new Construct(new Construct(job, 'schedules'), SCHEDULE), name, `${name}-${SCHEDULE}`, family, [executionRole.arn, taskRole.arn], aws);

  const topic = new SnsTopic(job, 'alerts_topic', { name: `${name}-alerts` });
  const rule = new CloudwatchEventRule(job, 'alerts', {
    name: `${name}-failed`,
    description: `Failed runs of batch job ${name}`,
    eventPattern: JSON.stringify({
      'source': ['aws.ecs'],
      'detail-type': ['ECS Task State Change'],
      'detail': {
        clusterArn: [CLUSTER_ARN],
        taskDefinitionArn: [{ prefix: `${family}:` }],
        lastStatus: ['STOPPED'],
        $or: [{ containers: { exitCode: [{ 'anything-but': 0 }] } }, { stopCode: ['TaskFailedToStart'] }],
      },
    }),
  });
  new CloudwatchEventTarget(job, 'alerts_target', {
    rule: rule.name,
    arn: topic.arn,
    inputTransformer: {
      inputPaths: {
        exit_code: '$.detail.containers[0].exitCode',
        reason: '$.detail.stoppedReason',
        stop_code: '$.detail.stopCode',
        task: '$.detail.taskArn',
        time: '$.time',
      },
      inputTemplate: `"ecs-batch job ${name} failed at <time>: task <task> stopped (<stop_code>, exit code <exit_code>): <reason>"`,
    },
  });
  new SnsTopicSubscription(job, `alert_email[${JSON.stringify(ALERT_EMAIL)}]`, { topicArn: topic.arn, protocol: 'email', endpoint: ALERT_EMAIL });
  const alarm = new CloudwatchMetricAlarm(job, 'missed_run', {
    alarmName: `${name}-missed-run`,
    alarmDescription: `Batch job ${name} has not succeeded in ${MISSED_RUN_HOURS} hours`,
    namespace: 'EcsBatch',
    metricName: 'JobSucceeded',
    dimensions: { Job: name },
    statistic: 'Sum',
    period: 3600,
    evaluationPeriods: MISSED_RUN_HOURS,
    datapointsToAlarm: MISSED_RUN_HOURS,
    threshold: 1,
    comparisonOperator: 'LessThanThreshold',
    treatMissingData: 'breaching',
    alarmActions: [topic.arn],
  });
  const publishFrom = (sid: string, service: string, sourceArn: string | string[]) => ({
    Sid: sid,
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sns:Publish',
    Resource: topic.arn,
    Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } },
  });
  new SnsTopicPolicy(job, 'alerts_topic_policy', {
    arn: topic.arn,
    policy: policy(
      publishFrom('EventBridgeRulePublishAlerts', 'events.amazonaws.com', rule.arn),
      publishFrom('CloudWatchAlarmPublishAlerts', 'cloudwatch.amazonaws.com', [alarm.arn]),
    ),
  });
}

function addRawSchedule(scope: Construct, container: string, name: string, family: string, passRoleArns: string[], aws: SharedData): void {
  const { account, partition, region } = aws;
  const invoker = new IamRole(scope, 'invoker', {
    name: `${name}-invoker`,
    description: `Lets EventBridge Scheduler schedule ${name} run its ECS task`,
    assumeRolePolicy: policy({
      Sid: 'EventBridgeSchedulerAssumeRole',
      Effect: 'Allow',
      Principal: { Service: 'scheduler.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': account.accountId },
        ArnEquals: { 'aws:SourceArn': `arn:${partition.partition}:scheduler:${region.region}:${account.accountId}:schedule-group/default` },
      },
    }),
  });
  new IamRolePolicy(scope, 'invoker_policy', {
    name: 'run-task',
    role: invoker.name,
    policy: policy(
      { Sid: 'RunTask', Effect: 'Allow', Action: 'ecs:RunTask', Resource: `${family}:*`, Condition: { ArnEquals: { 'ecs:cluster': CLUSTER_ARN } } },
      { Sid: 'PassRoleToEcsTasks', Effect: 'Allow', Action: 'iam:PassRole', Resource: passRoleArns, Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } },
    ),
  });
  new SchedulerSchedule(scope, 'schedule', {
    name,
    scheduleExpression: CRON,
    scheduleExpressionTimezone: TIME_ZONE,
    state: 'ENABLED',
    flexibleTimeWindow: { mode: 'OFF' },
    target: {
      arn: CLUSTER_ARN,
      roleArn: invoker.arn,
      ecsParameters: {
        taskDefinitionArn: family,
        taskCount: 1,
        launchType: 'FARGATE',
        enableEcsManagedTags: false,
        enableExecuteCommand: false,
        networkConfiguration: { subnets: SUBNET_IDS, securityGroups: SECURITY_GROUP_IDS, assignPublicIp: true },
      },
      // The runner reads the schedule to know when this run was due.
      input: JSON.stringify({
        containerOverrides: [{
          name: container,
          environment: [{ name: 'ECS_BATCH_SCHEDULE', value: CRON }, { name: 'ECS_BATCH_SCHEDULE_TIME_ZONE', value: TIME_ZONE }],
        }],
      }),
      retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
    },
  });
}
