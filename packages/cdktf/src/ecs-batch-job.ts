import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { AlertTopicPolicy, DurationAlarm, ExecutionRolePolicy, FailureAlert, JobRoleNames, JobTaskDefinition, Permission, RunnerEnvironment, RunnerMetrics, TaskRolePermissions, TaskRolePolicy } from '@ecs-batch/core';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { AlertsOptions } from './alerts-options';
import { CpuArchitecture } from './cpu-architecture';
import { DurationAlarmOptions } from './duration-alarm-options';
import { EcsScheduledTask, EcsScheduledTaskProps } from './ecs-scheduled-task';
import { JobSchedule } from './job-schedule';
import { MissedRunAlarmOptions } from './missed-run-alarm-options';
import { OverlapPolicy } from './overlap-policy';
import { BatchJobSettings } from './private/batch-job-settings';
import { ScheduleTarget } from './private/family-arn';
import { PropNames } from './private/prop-names';
import { StackAwsContext } from './private/stack-aws-context';
import { TASK_LAUNCH_PROPS, taskLaunchOf } from './private/task-launch';
import { TaskLaunchProps } from './task-launch-props';

/**
 * Props of `EcsBatchJob`.
 */
export interface EcsBatchJobProps extends TaskLaunchProps {
  /**
   * The job name (1-40 letters, numbers, `-`, `_`): the task definition family,
   * the container, the log group `/ecs-batch/<name>`, the metric dimension.
   */
  readonly name: string;

  /**
   * The container image. CI registers new revisions with new tags outside
   * Terraform; this is the image of the revision Terraform creates.
   */
  readonly image: string;

  /**
   * The Lambda-style handler the runner calls, e.g. `dist/jobs/nightly.handler`
   * (`ECS_BATCH_HANDLER`), so one image can serve every job.
   * @default - none: the image's command names it
   */
  readonly handler?: string;

  /**
   * The container command.
   * @default - the image's CMD
   */
  readonly command?: string[];

  /**
   * Environment variables of the container. Names starting with `ECS_BATCH_`
   * are the runner's.
   * @default - none
   */
  readonly environment?: { [name: string]: string };

  /**
   * Secrets Manager secrets as environment variables: name to secret ARN, as ECS
   * takes it in `valueFrom` (optionally `:<json-key>:<version-stage>:<version-id>`,
   * e.g. `...:secret:db-AbCdEf:password::`). The execution role may read exactly these secrets.
   * @default - none
   */
  readonly secretsManagerSecrets?: { [name: string]: string };

  /**
   * SSM parameters as environment variables: name to parameter ARN, or to a
   * parameter name (`/team/db/host`), which becomes the ARN in the job's account
   * and region. The execution role may read exactly these.
   * @default - none
   */
  readonly ssmParameters?: { [name: string]: string };

  /**
   * Customer managed KMS keys that encrypt the secrets or parameters: the execution
   * role may `kms:Decrypt` with them, only through Secrets Manager / SSM (`kms:ViaService`).
   * Not needed for the AWS managed keys.
   * @default - none
   */
  readonly kmsKeyArns?: string[];

  /**
   * CPU units (256 = 0.25 vCPU); with `memory`, a valid Fargate size.
   * @default 256
   */
  readonly cpu?: number;

  /**
   * Memory in MiB; with `cpu`, a valid Fargate size.
   * @default 512
   */
  readonly memory?: number;

  /**
   * CPU architecture. ARM64 (Graviton) cannot run on `FARGATE_SPOT`.
   * @default CpuArchitecture.X86_64
   */
  readonly architecture?: CpuArchitecture;

  /**
   * Ephemeral storage of the task in GiB (21-200).
   * @default - Fargate's 20 GiB
   */
  readonly ephemeralStorageGiB?: number;

  /**
   * Seconds the container has to exit after SIGTERM before it is killed (1-120 on Fargate).
   * @default - ECS's 30 seconds
   */
  readonly stopTimeoutSeconds?: number;

  /**
   * Mount the container's root filesystem read-only, with a writable `/tmp`
   * volume (Lambda code writes to `/tmp`).
   * @default true
   */
  readonly readonlyRootFilesystem?: boolean;

  /**
   * Days the log group keeps the job's logs (a CloudWatch Logs retention value).
   * @default 30
   */
  readonly logRetentionDays?: number;

  /**
   * Seconds a run may take before the runner stops it (exit code 124).
   * @default 3600
   */
  readonly timeoutSeconds?: number;

  /**
   * What a run does while the previous one is still running.
   * @default OverlapPolicy.ALLOW
   */
  readonly overlap?: OverlapPolicy;

  /**
   * CloudWatch namespace of the runner's metrics.
   * @default 'EcsBatch'
   */
  readonly metricNamespace?: string;

  /**
   * The private ECR repository of the image, for the execution role's pull
   * permission.
   * @default - derived from a literal private ECR image URI by core; none for
   * other registries (and for a token image: pass it then)
   */
  readonly ecrRepositoryArn?: string;

  /**
   * What the job's own code may do: the task role's statements. `*` and `iam:*`
   * actions are refused; a `*` resource gets a warning unless the actions support
   * no resource-level permissions.
   * @default - none: the task role can do nothing (but the overlap check)
   */
  readonly permissions?: Permission[];

  /**
   * Managed policies attached to the task role (not AdministratorAccess or IAMFullAccess).
   * @default - none
   */
  readonly managedPolicyArns?: string[];

  /**
   * IAM statements (JSON objects) for the task role, after `permissions`.
   * @default - none
   * @deprecated use `permissions` (typed and checked); removed in the next minor version
   */
  readonly taskRolePolicyStatements?: any[];

  /**
   * A permissions boundary for every role this job creates: task, execution and
   * each schedule's invoker role.
   * @default - none
   */
  readonly permissionsBoundaryArn?: string;

  /** When to run: one or more schedules, each with its own overrides. */
  readonly schedules: JobSchedule[];

  /**
   * Alert when a run fails.
   * @default - no alerts
   */
  readonly alerts?: AlertsOptions;

  /**
   * Alarm when the job has not succeeded for a while.
   * @default - no alarm
   */
  readonly missedRunAlarm?: MissedRunAlarmOptions;

  /**
   * Alarm, on the alert topic, when p95 of the job's duration over a day is above a
   * share of `timeoutSeconds`: a warning before runs start to be killed.
   * @default - no alarm
   */
  readonly durationAlarm?: DurationAlarmOptions;

  /**
   * Tags for every resource and task.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A whole scheduled batch job, the unit a team deploys: a Fargate task
 * definition family with its log group, execution role and task role, one
 * `EcsScheduledTask` per schedule (always the latest revision), and optionally
 * failure alerts and a missed-run alarm.
 *
 * Terraform creates the family; CI registers new revisions (new image tags)
 * outside Terraform. Terraform ignores the container definitions and tracks the
 * latest revision, so it never reverts a deploy (see docs/deploying.md).
 *
 * Resources (names as in `templates/terraform/modules/ecs-batch-job`): `logs`,
 * `execution_role` + `execution_role_policy`, `task_role` (+ `task_role_policy`,
 * `task_role_managed_policy["<policy name>"]`),
 * `task`, `schedules/<name>/...`, and with alerts `alerts` + `alerts_target`
 * (+ `alerts_topic`, `alerts_topic_policy`, `alert_email["<address>"]`), with the
 * alarm `missed_run`. The account, region and partition come from data
 * sources that every ecs-batch construct of the stack shares, under `ecs_batch_aws`.
 */
export class EcsBatchJob extends Construct {
  private static executionPermissions(settings: BatchJobSettings, logGroupArn: string, region: string): any {
    // The settings checked each secret under its environment variable's name.
    return ExecutionRolePolicy.permissions({
      logGroupArn,
      ecrRepositoryArn: settings.ecrRepositoryArn,
      secretsManagerSecretArns: settings.secretsManagerSecretArns,
      ssmParameterArns: settings.ssmParameterArns,
      kmsKeyArns: settings.kmsKeyArns,
      region,
    });
  }

  private static schedule(
    scope: Construct, props: EcsBatchJobProps, settings: BatchJobSettings, s: JobSchedule, i: number,
    refs: { taskDefinitionArn: string; executionRoleArn: string; taskRoleArn: string },
  ): EcsScheduledTask {
    const environment = s.environment === undefined && s.event === undefined
      ? undefined
      : { ...s.environment, ...(s.event === undefined ? {} : { [RunnerEnvironment.EVENT]: s.event }) };
    const overrides = s.command === undefined && environment === undefined
      ? undefined
      : [{ name: settings.name, command: s.command, environment }];
    // Job-wide props keep their name; per-schedule ones are the schedule's: schedules[<i>].<prop>.
    const jobWide: string[] = [...TASK_LAUNCH_PROPS, 'tags', 'permissionsBoundaryArn'];
    const field = (prop: string) => (jobWide.includes(prop.split(/[.[]/)[0]) ? prop : `schedules[${i}].${prop}`);
    return new EcsScheduledTask(scope, s.name, PropNames.register<EcsScheduledTaskProps>({
      name: `${settings.name}-${s.name}`,
      description: s.description,
      schedule: s.schedule,
      timeZone: s.timeZone,
      trigger: s.trigger,
      allowInexactUtcConversion: s.allowInexactUtcConversion,
      enabled: s.enabled,
      ...taskLaunchOf(props),
      taskDefinitionArn: refs.taskDefinitionArn,
      taskCount: s.taskCount,
      tags: props.tags,
      containerOverrides: overrides,
      scheduledTimeContainer: settings.name,
      retryPolicy: s.retryPolicy,
      deadLetterQueue: s.deadLetterQueue,
      executionRoleArn: refs.executionRoleArn,
      taskRoleArn: refs.taskRoleArn,
      permissionsBoundaryArn: settings.permissionsBoundaryArn,
      scheduleGroup: s.scheduleGroup,
      flexibleTimeWindowMinutes: s.flexibleTimeWindowMinutes,
      startDate: s.startDate,
      endDate: s.endDate,
    }, field));
  }

  /** The task definition family (the job name). */
  public readonly family: string;
  /** The ARN of the latest revision Terraform knows of. */
  public readonly taskDefinitionArn: string;
  /** The revisionless family ARN the schedules target. */
  public readonly taskDefinitionFamilyArn: string;
  /** The task execution role. */
  public readonly executionRoleArn: string;
  /** The task execution role's name. */
  public readonly executionRoleName: string;
  /** The task role: the job code's identity. */
  public readonly taskRoleArn: string;
  /** The task role's name, to attach more policies. */
  public readonly taskRoleName: string;
  /** The log group. */
  public readonly logGroupName: string;
  /** One scheduled task per schedule, in the order given. */
  public readonly scheduledTasks: EcsScheduledTask[];
  /** The schedules, as given (for `EcsBatchDashboard.jobOf`). */
  public readonly schedules: JobSchedule[];
  /** Seconds a run may take before the runner stops it. */
  public readonly timeoutSeconds: number;
  /**
   * The alert topic.
   * @default - undefined without alerts
   */
  public readonly alertTopicArn?: string;
  /**
   * The missed-run alarm.
   * @default - undefined without the alarm
   */
  public readonly missedRunAlarmName?: string;
  /**
   * The duration-near-timeout alarm.
   * @default - undefined without the alarm
   */
  public readonly durationAlarmName?: string;

  constructor(scope: Construct, id: string, props: EcsBatchJobProps) {
    super(scope, id);
    // The account, region and partition come from data sources the whole stack shares;
    // the partition is read only where an SSM parameter given by name needs it.
    const aws = StackAwsContext.of(this);
    const settings = BatchJobSettings.resolve(props, {
      get partition() { return aws.partition; },
      get region() { return aws.region; },
      get account() { return aws.accountId; },
    });
    const tags = Object.keys(props.tags ?? {}).length > 0 ? props.tags : undefined;
    this.family = settings.name;
    this.schedules = props.schedules;
    this.timeoutSeconds = settings.timeoutSeconds;
    for (const warning of settings.permissionWarnings) Annotations.of(this).addWarning(warning);

    const logs = new CloudwatchLogGroup(this, 'logs', {
      name: JobTaskDefinition.logGroupName(settings.name),
      retentionInDays: settings.logRetentionDays,
      tags,
    });
    this.logGroupName = logs.name;

    if (settings.imageRegistryUnknown) {
      Annotations.of(this).addWarning('image is a token and ecrRepositoryArn is not set: the execution role gets no ECR pull permission (set ecrRepositoryArn for a private ECR image)');
    }
    const executionRole = new IamRole(this, 'execution_role', {
      name: JobRoleNames.executionRole(settings.name),
      description: `ECS task execution role of batch job ${settings.name}`,
      assumeRolePolicy: JSON.stringify(ExecutionRolePolicy.trust({ accountId: aws.accountId })),
      permissionsBoundary: settings.permissionsBoundaryArn,
      tags,
    });
    // Each attribute read creates a token: read each once.
    this.executionRoleArn = executionRole.arn;
    this.executionRoleName = executionRole.name;
    new IamRolePolicy(this, 'execution_role_policy', {
      name: 'execution',
      role: this.executionRoleName,
      policy: JSON.stringify(EcsBatchJob.executionPermissions(settings, logs.arn, aws.region)),
    });

    const taskRole = new IamRole(this, 'task_role', {
      name: JobRoleNames.taskRole(settings.name),
      description: `Task role of batch job ${settings.name}`,
      assumeRolePolicy: JSON.stringify(TaskRolePolicy.trust({ accountId: aws.accountId })),
      permissionsBoundary: settings.permissionsBoundaryArn,
      tags,
    });
    this.taskRoleArn = taskRole.arn;
    this.taskRoleName = taskRole.name;
    const taskStatements = [
      ...(settings.overlap === OverlapPolicy.SKIP ? TaskRolePolicy.overlapGuard({ clusterArn: props.clusterArn }).Statement : []),
      ...TaskRolePermissions.document({ permissions: settings.permissions, field: 'permissions' }).Statement,
      ...(props.taskRolePolicyStatements ?? []),
    ];
    if (taskStatements.length > 0) {
      new IamRolePolicy(this, 'task_role_policy', {
        name: 'task',
        role: this.taskRoleName,
        policy: JSON.stringify({ Version: '2012-10-17', Statement: taskStatements }),
      });
    }
    for (const [name, arn] of Object.entries(settings.managedPolicyArnsByName)) {
      new IamRolePolicyAttachment(this, `task_role_managed_policy[${JSON.stringify(name)}]`, { role: this.taskRoleName, policyArn: arn });
    }

    // One renderer for the infra and the release (register-revision): core's.
    const container = JobTaskDefinition.container({
      family: settings.name,
      image: props.image,
      cpu: settings.cpu,
      memory: settings.memory,
      handler: props.handler,
      command: props.command,
      environment: props.environment,
      secrets: Object.fromEntries(settings.secrets.map((s) => [s.name, s.valueFrom])),
      timeoutSeconds: settings.timeoutSeconds,
      overlap: settings.overlap,
      metricNamespace: settings.metricNamespace,
      readonlyRootFilesystem: settings.readonlyRootFilesystem,
      stopTimeoutSeconds: settings.stopTimeoutSeconds,
      logGroupName: this.logGroupName,
      region: aws.region,
      executionRoleArn: this.executionRoleArn,
      taskRoleArn: this.taskRoleArn,
    });
    const taskDefinition = new EcsTaskDefinition(this, 'task', {
      family: settings.name,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: String(settings.cpu),
      memory: String(settings.memory),
      executionRoleArn: this.executionRoleArn,
      taskRoleArn: this.taskRoleArn,
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: settings.architecture },
      ephemeralStorage: settings.ephemeralStorageGiB === undefined ? undefined : { sizeInGib: settings.ephemeralStorageGiB },
      volume: settings.readonlyRootFilesystem ? [{ name: JobTaskDefinition.TMP_VOLUME }] : undefined,
      containerDefinitions: JSON.stringify([container]),
      // Terraform registers the first revision; CI registers every later one from
      // the same settings (JobTaskDefinition) with the release's image. Follow the
      // latest and never replace it, so an apply cannot revert a release.
      trackLatest: true,
      lifecycle: { ignoreChanges: 'all' },
      tags,
    });
    this.taskDefinitionArn = taskDefinition.arn;
    this.taskDefinitionFamilyArn = ScheduleTarget.familyOfToken(this.taskDefinitionArn);

    const schedules = new Construct(this, 'schedules');
    this.scheduledTasks = props.schedules.map((s, i) => EcsBatchJob.schedule(schedules, props, settings, s, i, {
      taskDefinitionArn: this.taskDefinitionArn,
      executionRoleArn: this.executionRoleArn,
      taskRoleArn: this.taskRoleArn,
    }));

    let alertTopicArn: string | undefined;
    let alertRuleArn: string | undefined;
    let topicCreated = false;
    if (props.alerts !== undefined) {
      const topic = props.alerts.topic?.created === false
        ? undefined
        : new SnsTopic(this, 'alerts_topic', { name: `${settings.name}-alerts`, tags });
      topicCreated = topic !== undefined;
      alertTopicArn = topic?.arn ?? props.alerts.topic!.topicArn!;
      const rule = new CloudwatchEventRule(this, 'alerts', {
        name: `${settings.name}-failed`,
        description: `Failed runs of batch job ${settings.name}`,
        eventPattern: JSON.stringify(FailureAlert.eventPattern(props.clusterArn, this.taskDefinitionFamilyArn)),
        tags,
      });
      alertRuleArn = rule.arn;
      new CloudwatchEventTarget(this, 'alerts_target', {
        rule: rule.name,
        arn: alertTopicArn,
        inputTransformer: { inputPaths: FailureAlert.INPUT_PATHS, inputTemplate: FailureAlert.inputTemplate(settings.name) },
      });
      for (const email of [...new Set(props.alerts.emails ?? [])].sort()) {
        new SnsTopicSubscription(this, `alert_email[${JSON.stringify(email)}]`, { topicArn: alertTopicArn, protocol: 'email', endpoint: email });
      }
    }
    this.alertTopicArn = alertTopicArn;

    const alarmArns: string[] = [];
    if (props.missedRunAlarm !== undefined) {
      const hours = props.missedRunAlarm.hours;
      const alarm = new CloudwatchMetricAlarm(this, 'missed_run', {
        alarmName: `${settings.name}-missed-run`,
        alarmDescription: `Batch job ${settings.name} has not succeeded in ${hours} hours`,
        namespace: settings.metricNamespace,
        metricName: RunnerMetrics.JOB_SUCCEEDED,
        dimensions: { [RunnerMetrics.JOB_DIMENSION]: settings.name },
        statistic: 'Sum',
        period: 3600,
        evaluationPeriods: hours,
        datapointsToAlarm: hours,
        threshold: 1,
        comparisonOperator: 'LessThanThreshold',
        // No data means no run: that is what this alarm is for.
        treatMissingData: 'breaching',
        alarmActions: alertTopicArn === undefined ? undefined : [alertTopicArn],
        tags,
      });
      this.missedRunAlarmName = alarm.alarmName;
      alarmArns.push(alarm.arn);
    }

    if (props.durationAlarm !== undefined) {
      const share = DurationAlarm.validateShare(props.durationAlarm.share ?? DurationAlarm.DEFAULT_SHARE, 'durationAlarm.share');
      const definition = DurationAlarm.definition({
        jobName: settings.name, timeoutSeconds: settings.timeoutSeconds, share, namespace: settings.metricNamespace,
      });
      const alarm = new CloudwatchMetricAlarm(this, 'duration_near_timeout', {
        ...definition,
        alarmActions: alertTopicArn === undefined ? undefined : [alertTopicArn],
        tags,
      });
      this.durationAlarmName = alarm.alarmName;
      alarmArns.push(alarm.arn);
    }

    if (topicCreated) {
      new SnsTopicPolicy(this, 'alerts_topic_policy', {
        arn: alertTopicArn!,
        policy: JSON.stringify(AlertTopicPolicy.document({ topicArn: alertTopicArn!, ruleArn: alertRuleArn!, alarmArns: alarmArns })),
      });
    }
  }
}
