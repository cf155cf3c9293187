import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule';
import { SchedulerScheduleGroup } from '@cdktf/provider-aws/lib/scheduler-schedule-group';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { AwsLimits, DeadLetterQueuePolicy, InvokerTrustPolicy, JobRoleNames, ManagedPolicyArn, RunTaskPolicy, Schedule } from '@ecs-batch/core';
import { Construct } from 'constructs';
import { ContainerOverride } from './container-override';
import { DeadLetterQueue } from './dead-letter-queue';
import { defaultName } from './private/default-name';
import { ScheduleTarget } from './private/family-arn';
import { PropName, PropNames } from './private/prop-names';
import { ScheduledTaskDefaults, ScheduledTaskSettings } from './private/scheduled-task-settings';
import { StackAwsContext } from './private/stack-aws-context';
import { RetryPolicy } from './retry-policy';
import { ScheduleGroup } from './schedule-group';
import { TaskLaunchProps } from './task-launch-props';
import { TriggerKind } from './trigger-kind';

/**
 * Props of `EcsScheduledTask`.
 */
export interface EcsScheduledTaskProps extends TaskLaunchProps {
  /**
   * When to run: `Schedule.cron({ minute: '0', hour: '2' })`, `Schedule.rate(...)`,
   * `Schedule.at(...)` (Scheduler only) or `Schedule.expression('cron(0 2 * * ? *)')`.
   * Read in `timeZone`.
   */
  readonly schedule: Schedule;

  /**
   * The IANA time zone the schedule is written in, e.g. `Asia/Tokyo`.
   *
   * Scheduler runs in it (`schedule_expression_timezone`). A rule only knows UTC,
   * so the schedule is converted through core's `Schedule.toUtc`, and synth fails
   * when no single UTC cron matches all year (daylight saving time) unless
   * `allowInexactUtcConversion` is set.
   *
   * @default - UTC
   */
  readonly timeZone?: string;

  /**
   * What starts the task.
   * @default - TriggerKind.SCHEDULER when `timeZone` is set, otherwise TriggerKind.RULE
   */
  readonly trigger?: TriggerKind;

  /**
   * Accept a rule whose UTC schedule drifts from the local time part of the year
   * (e.g. 02:00 Europe/Berlin becomes 01:00 UTC, which is 03:00 in summer).
   * @default false
   */
  readonly allowInexactUtcConversion?: boolean;

  /**
   * The rule or schedule name (1-64 letters, numbers, `.`, `-`, `_`).
   * @default - derived from the construct path
   */
  readonly name?: string;

  /**
   * A description of the rule or schedule.
   * @default - none
   */
  readonly description?: string;

  /**
   * Whether the rule or schedule is enabled.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The task definition, with or without a revision; a literal ARN or a token
   * (e.g. `aws_ecs_task_definition.arn`).
   *
   * The target gets the revisionless family ARN, so each run starts the latest
   * ACTIVE revision, including revisions CI registers outside Terraform.
   */
  readonly taskDefinitionArn: string;

  /**
   * Run exactly the revision in `taskDefinitionArn` instead of the latest one;
   * the IAM policy then allows only that revision.
   * @default false
   */
  readonly pinRevision?: boolean;

  /**
   * Tasks started per run: 1 or more for a rule, 1-10 for Scheduler.
   * @default 1
   */
  readonly taskCount?: number;

  /**
   * Allow ECS Exec into the running task.
   * @default false
   */
  readonly enableExecuteCommand?: boolean;

  /**
   * Tags for the task and for the resources this construct creates.
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * Per-container command and environment for this schedule (the target input).
   * @default - none: the task definition runs as it is
   */
  readonly containerOverrides?: ContainerOverride[];

  /**
   * The container that learns when the schedule fired: the target adds the
   * schedule (`ECS_BATCH_SCHEDULE`, `ECS_BATCH_SCHEDULE_TIME_ZONE`) to its
   * environment, and a rule also its event's `time` (`ECS_BATCH_SCHEDULED_TIME`,
   * through an input transformer), which the ecs-batch runner gives the handler
   * as `event.time`.
   * @default - none
   */
  readonly scheduledTimeContainer?: string;

  /**
   * Retries of a RunTask call that fails.
   * @default - 3 attempts within one hour
   */
  readonly retryPolicy?: RetryPolicy;

  /**
   * Where runs that could not be started end up: `DeadLetterQueue.create()` or
   * `DeadLetterQueue.fromArn(arn)`.
   * @default - none
   */
  readonly deadLetterQueue?: DeadLetterQueue;

  /**
   * The task execution role, which the invoking role may pass to ECS.
   * @default - none
   */
  readonly executionRoleArn?: string;

  /**
   * The task role, which the invoking role may pass to ECS.
   * @default - none
   */
  readonly taskRoleArn?: string;

  /**
   * A permissions boundary for the invoker role.
   * @default - none
   */
  readonly permissionsBoundaryArn?: string;

  /**
   * Scheduler only: the schedule group, existing or created.
   * @default - the `default` group
   */
  readonly scheduleGroup?: ScheduleGroup;

  /**
   * Scheduler only: let Scheduler start the run up to this many minutes late
   * (1-1440), to spread load.
   * @default - OFF: on time
   */
  readonly flexibleTimeWindowMinutes?: number;

  /**
   * Scheduler only: no run before this UTC time (`2030-01-01T00:00:00Z`).
   * @default - none
   */
  readonly startDate?: string;

  /**
   * Scheduler only: no run after this UTC time (`2030-12-31T00:00:00Z`).
   * @default - none
   */
  readonly endDate?: string;
}

/**
 * Runs an existing ECS task definition on a schedule, through an EventBridge
 * rule or EventBridge Scheduler, always on the latest revision of its family.
 *
 * The invoking role is exactly what `@ecs-batch/core` builds: `ecs:RunTask` on
 * the family's revisions in this cluster only, `iam:PassRole` on the given roles
 * towards ECS tasks only, and a trust limited to this rule or schedule group of
 * this account.
 *
 * Resources (names as in `templates/terraform/modules/ecs-scheduled-task`):
 * `rule` + `target` or `schedule` (+ `schedule_group`), `invoker` +
 * `invoker_policy`, and optionally `dead_letter_queue` (+ `dead_letter_queue_policy`).
 * The account (and for Scheduler the partition and region) come from
 * `aws_caller_identity`, `aws_partition` and `aws_region` data sources that
 * every ecs-batch construct of the stack shares, under `ecs_batch_aws`.
 */
export class EcsScheduledTask extends Construct {
  /** Retries of a failed RunTask call when `retryPolicy` does not say. */
  public static readonly DEFAULT_MAXIMUM_RETRY_ATTEMPTS = ScheduledTaskDefaults.MAXIMUM_RETRY_ATTEMPTS;
  /** Maximum event age in seconds when `retryPolicy` does not say. */
  public static readonly DEFAULT_MAXIMUM_EVENT_AGE_SECONDS = ScheduledTaskDefaults.MAXIMUM_EVENT_AGE_SECONDS;

  /** The trigger in use. */
  public readonly trigger: TriggerKind;
  /** The rule or schedule name. */
  public readonly name: string;
  /** The expression deployed: UTC for a rule, local time (see `timeZone`) for Scheduler. */
  public readonly scheduleExpression: string;
  /**
   * The time zone of a Scheduler schedule.
   * @default - undefined for rules, which run in UTC
   */
  public readonly timeZone?: string;
  /** Why the UTC schedule of a rule drifts from the local time (empty when exact). */
  public readonly utcConversionWarnings: string[];
  /** What the target runs: the revisionless family ARN, or the pinned revision. */
  public readonly targetTaskDefinitionArn: string;
  /** The role EventBridge assumes to run the task. */
  public readonly invokerRoleArn: string;
  /** The invoker role's name. */
  public readonly invokerRoleName: string;
  /**
   * The rule ARN.
   * @default - undefined with Scheduler
   */
  public readonly ruleArn?: string;
  /**
   * The schedule ARN.
   * @default - undefined with a rule
   */
  public readonly scheduleArn?: string;
  /**
   * The dead-letter queue ARN.
   * @default - undefined without a dead-letter queue
   */
  public readonly deadLetterQueueArn?: string;
  /**
   * The queue policy an existing dead-letter queue needs so that this rule can
   * send to it (JSON). Attach it to the queue: the construct does not overwrite
   * the policy of a queue it does not own.
   * @default - undefined unless a rule uses `DeadLetterQueue.fromArn`
   */
  public readonly deadLetterQueuePolicyJson?: string;

  constructor(scope: Construct, id: string, props: EcsScheduledTaskProps) {
    super(scope, id);
    const settings = ScheduledTaskSettings.resolve(props, () => defaultName(this, AwsLimits.SCHEDULE_NAME_MAX_LENGTH));
    const pin = props.pinRevision ?? false;
    // Core names each prop as the user wrote it (inside an EcsBatchJob: schedules[<i>].<prop>).
    const field = PropNames.of(props);
    const target = ScheduleTarget.of(props.taskDefinitionArn, pin, field('taskDefinitionArn'));
    const isRule = settings.trigger === TriggerKind.RULE;
    // Empty tags and security groups are left out, as the HCL module does.
    const tags = Object.keys(props.tags ?? {}).length > 0 ? props.tags : undefined;
    const securityGroups = (props.securityGroupIds ?? []).length > 0 ? props.securityGroupIds : undefined;

    this.trigger = settings.trigger;
    this.name = settings.name;
    this.scheduleExpression = settings.expression;
    this.timeZone = settings.timeZone;
    this.utcConversionWarnings = settings.utcConversionWarnings;
    this.targetTaskDefinitionArn = target.targetArn;

    // The account, partition and region come from data sources the whole stack shares.
    const aws = StackAwsContext.of(this);

    const dlq = props.deadLetterQueue;
    const queue = dlq?.created
      ? new SqsQueue(this, 'dead_letter_queue', {
        name: `${settings.name}-dlq`,
        messageRetentionSeconds: dlq.retentionDays! * 86400,
        sqsManagedSseEnabled: true,
        tags,
      })
      : undefined;
    this.deadLetterQueueArn = queue?.arn ?? dlq?.queueArn;

    const passRoleArns = [props.executionRoleArn, props.taskRoleArn].filter((arn): arn is string => arn !== undefined);
    const permissions = ScheduledTaskPermissions.build(props, passRoleArns, target, settings.tagsOnRunTask,
      isRule ? undefined : this.deadLetterQueueArn, field);

    const rule = isRule
      ? new CloudwatchEventRule(this, 'rule', {
        name: settings.name,
        description: props.description,
        scheduleExpression: settings.expression,
        state: props.enabled === false ? 'DISABLED' : 'ENABLED',
        tags,
      })
      : undefined;
    const group = props.scheduleGroup?.created
      ? new SchedulerScheduleGroup(this, 'schedule_group', { name: props.scheduleGroup.name, tags })
      : undefined;
    // The schedule refers to the created group (so Terraform creates it first);
    // the trust names it, which needs no ordering.
    const groupName = props.scheduleGroup?.name;

    // Each attribute read creates a token: read each once.
    const ruleArn = rule?.arn;
    const trust = ruleArn !== undefined
      ? InvokerTrustPolicy.forRule({ accountId: aws.accountId, sourceArn: ruleArn })
      : InvokerTrustPolicy.forScheduler({
        accountId: aws.accountId,
        sourceArn: InvokerTrustPolicy.scheduleGroupArn(aws.partition, aws.region, aws.accountId, groupName, field('scheduleGroup')),
      });
    const invoker = new IamRole(this, 'invoker', {
      name: JobRoleNames.invokerRole(settings.name),
      description: `Lets ${isRule ? 'EventBridge rule' : 'EventBridge Scheduler schedule'} ${settings.name} run its ECS task`,
      assumeRolePolicy: JSON.stringify(trust),
      permissionsBoundary: props.permissionsBoundaryArn === undefined ? undefined : ManagedPolicyArn.check(props.permissionsBoundaryArn, field('permissionsBoundaryArn')),
      tags,
    });
    this.invokerRoleArn = invoker.arn;
    this.invokerRoleName = invoker.name;
    new IamRolePolicy(this, 'invoker_policy', { name: 'run-task', role: this.invokerRoleName, policy: JSON.stringify(permissions) });

    const ecs = {
      taskDefinitionArn: target.targetArn,
      taskCount: settings.taskCount,
      launchType: settings.launchType,
      capacityProviderStrategy: settings.capacityProviderStrategy.length > 0
        ? settings.capacityProviderStrategy.map((item) => ({ capacityProvider: item.capacityProvider, weight: item.weight, base: item.base }))
        : undefined,
      platformVersion: props.platformVersion,
      propagateTags: props.propagateTags === true ? 'TASK_DEFINITION' : undefined,
      enableEcsManagedTags: props.enableEcsManagedTags ?? false,
      enableExecuteCommand: props.enableExecuteCommand ?? false,
      tags,
      networkConfiguration: {
        subnets: props.subnetIds,
        securityGroups,
        assignPublicIp: props.assignPublicIp ?? false,
      },
    };
    const retryPolicy = {
      maximumRetryAttempts: settings.retryPolicy.maximumRetryAttempts,
      maximumEventAgeInSeconds: settings.retryPolicy.maximumEventAgeSeconds,
    };
    const deadLetterConfig = this.deadLetterQueueArn === undefined ? undefined : { arn: this.deadLetterQueueArn };

    if (rule !== undefined) {
      new CloudwatchEventTarget(this, 'target', {
        rule: rule.name,
        arn: props.clusterArn,
        roleArn: this.invokerRoleArn,
        input: settings.input,
        inputTransformer: settings.inputTransformer,
        ecsTarget: ecs,
        retryPolicy,
        deadLetterConfig,
      });
      this.ruleArn = ruleArn;
      if (this.deadLetterQueueArn !== undefined) {
        // A rule sends to its dead-letter queue as events.amazonaws.com, which the
        // queue's own policy must allow.
        const queuePolicy = JSON.stringify(DeadLetterQueuePolicy.forRule({
          queueArn: this.deadLetterQueueArn, ruleArn: ruleArn!, queueArnField: field('deadLetterQueue'),
        }));
        if (queue !== undefined) {
          new SqsQueuePolicy(this, 'dead_letter_queue_policy', { queueUrl: queue.url, policy: queuePolicy });
        } else {
          this.deadLetterQueuePolicyJson = queuePolicy;
        }
      }
    } else {
      const schedule = new SchedulerSchedule(this, 'schedule', {
        name: settings.name,
        groupName: group?.name ?? groupName,
        description: props.description,
        scheduleExpression: settings.expression,
        scheduleExpressionTimezone: settings.timeZone,
        state: props.enabled === false ? 'DISABLED' : 'ENABLED',
        startDate: props.startDate,
        endDate: props.endDate,
        flexibleTimeWindow: settings.flexibleTimeWindowMinutes === undefined
          ? { mode: 'OFF' }
          : { mode: 'FLEXIBLE', maximumWindowInMinutes: settings.flexibleTimeWindowMinutes },
        target: {
          arn: props.clusterArn,
          roleArn: this.invokerRoleArn,
          input: settings.input,
          ecsParameters: ecs,
          retryPolicy,
          deadLetterConfig,
        },
      });
      this.scheduleArn = schedule.arn;
    }
  }
}

/**
 * The invoking role's permissions, from core, which names each field as the
 * user wrote the prop it comes from.
 */
class ScheduledTaskPermissions {
  public static build(
    props: EcsScheduledTaskProps, passRoleArns: string[], target: ScheduleTarget, tagsOnRunTask: boolean, deadLetterQueueArn: string | undefined,
    field: PropName,
  ): any {
    // passRoleArns holds the roles that are given, in this order.
    const roleProps = [props.executionRoleArn !== undefined ? 'executionRoleArn' : undefined, props.taskRoleArn !== undefined ? 'taskRoleArn' : undefined]
      .filter((p): p is string => p !== undefined);
    return RunTaskPolicy.permissions({
      clusterArn: props.clusterArn,
      taskDefinitionArn: props.taskDefinitionArn,
      taskDefinitionFamilyArn: target.familyArn,
      passRoleArns,
      pinRevision: props.pinRevision ?? false,
      propagateTags: tagsOnRunTask,
      deadLetterQueueArn,
      fieldNames: {
        clusterArn: field('clusterArn'),
        taskDefinitionArn: field('taskDefinitionArn'),
        // The family is parsed from taskDefinitionArn (or derived from it): the user wrote only that.
        taskDefinitionFamilyArn: field('taskDefinitionArn'),
        passRoleArns: roleProps.map(field),
        deadLetterQueueArn: field('deadLetterQueue'),
      },
    });
  }
}
