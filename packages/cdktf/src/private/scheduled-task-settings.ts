import { AwsLimits, ClusterArn, RunnerEnvironment, Schedule, TaskDefinitionArn, TimeZone, TriggerKinds } from '@ecs-batch/core';
import { ValidationError } from '@ecs-batch/core/lib/errors';
import { CapacityProviderStrategyItem } from '../capacity-provider-strategy-item';
import { ContainerOverride } from '../container-override';
import type { EcsScheduledTaskProps } from '../ecs-scheduled-task';
import { LaunchType } from '../launch-type';
import { TriggerKind } from '../trigger-kind';
import { PropCheck } from './prop-check';
import { PropName, PropNames } from './prop-names';

/** Retry settings with the defaults applied. */
export interface ResolvedRetryPolicy {
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
}

/** Defaults shared by the construct and (as variable defaults) the HCL module. */
export class ScheduledTaskDefaults {
  /** @see RetryPolicy.maximumRetryAttempts */
  public static readonly MAXIMUM_RETRY_ATTEMPTS = 3;
  /** @see RetryPolicy.maximumEventAgeSeconds */
  public static readonly MAXIMUM_EVENT_AGE_SECONDS = 3600;

  private constructor() {}
}

/**
 * The validated, defaulted settings of one `EcsScheduledTask`: every synth-time
 * check of the props happens here, before any resource exists.
 */
export class ScheduledTaskSettings {
  public static resolve(props: EcsScheduledTaskProps, fallbackName: () => string): ScheduledTaskSettings {
    return new ScheduledTaskSettings(props, fallbackName, PropNames.of(props));
  }

  /** The input transformer's name for the event's `time`. */
  private static readonly TIME_PATH_NAME = 'time';

  private static schedule(schedule: Schedule | undefined, field: PropName): Schedule {
    if (!(schedule instanceof Schedule)) {
      throw new ValidationError(field('schedule'), 'is required (Schedule.cron({...}), Schedule.rate(...), Schedule.at(...) or Schedule.expression(\'...\'))');
    }
    return schedule;
  }

  /** @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html */
  private static checkStrategyItem(item: CapacityProviderStrategyItem, i: number, field: PropName): void {
    const at = `capacityProviderStrategy[${i}]`;
    if (typeof item.capacityProvider !== 'string' || item.capacityProvider.trim() === '') {
      throw new ValidationError(field(`${at}.capacityProvider`), 'is empty (FARGATE, FARGATE_SPOT or a capacity provider name)');
    }
    PropCheck.integerInRange(item.weight, 0, 1000, field(`${at}.weight`));
    PropCheck.integerInRange(item.base, 0, 100000, field(`${at}.base`));
  }

  /**
   * Scheduler takes UTC timestamps without fractions (the Terraform provider
   * requires RFC 3339), and the end must come after the start.
   * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html#scheduler-CreateSchedule-request-StartDate
   */
  private static checkDates(startDate: string | undefined, endDate: string | undefined, field: PropName): void {
    const parse = (value: string | undefined, prop: string): number | undefined => {
      if (value === undefined || PropCheck.isToken(value)) return undefined;
      const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value) ? Date.parse(value) : NaN;
      if (Number.isNaN(ms)) {
        throw new ValidationError(field(prop), `'${value}' is not a UTC timestamp (RFC 3339, e.g. 2030-01-01T00:00:00Z)`);
      }
      return ms;
    };
    const start = parse(startDate, 'startDate');
    const end = parse(endDate, 'endDate');
    if (start !== undefined && end !== undefined && end <= start) {
      throw new ValidationError(field('endDate'), `${endDate} is not after ${field('startDate')} ${startDate} (the end must come after the start)`);
    }
  }

  /**
   * The overrides with the schedule (`ECS_BATCH_SCHEDULE`, `..._TIME_ZONE`, and
   * for a rule `ECS_BATCH_SCHEDULED_TIME`) added to the scheduled-time container's
   * environment, so the runner knows when the run was due.
   */
  private static withScheduleEnvironment(
    overrides: ContainerOverride[], container: string | undefined, environment: { [name: string]: string }, field: PropName,
  ): ContainerOverride[] {
    if (container === undefined) return overrides;
    if (typeof container !== 'string' || container.trim() === '') {
      throw new ValidationError(field('scheduledTimeContainer'), 'is empty (the container name in the task definition)');
    }
    const merged = overrides.map((o) => (o.name === container ? { ...o, environment: { ...o.environment, ...environment } } : o));
    return overrides.some((o) => o.name === container) ? merged : [...merged, { name: container, environment }];
  }

  /**
   * RunTask overrides, which both rules and Scheduler take as the target input.
   * Environment variables are sorted by name, as Terraform iterates a map.
   * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskOverride.html
   */
  private static inputOf(overrides: ContainerOverride[] | undefined, field: PropName): string | undefined {
    if (overrides === undefined || overrides.length === 0) return undefined;
    const containerOverrides = overrides.map((o, i) => {
      if (typeof o.name !== 'string' || o.name.trim() === '') {
        throw new ValidationError(field(`containerOverrides[${i}].name`), 'is empty (the container name in the task definition)');
      }
      const out: any = { name: o.name };
      if (o.command !== undefined) out.command = o.command;
      if (o.environment !== undefined) {
        out.environment = Object.keys(o.environment).sort().map((name) => ({ name, value: o.environment![name] }));
      }
      return out;
    });
    return JSON.stringify({ containerOverrides });
  }

  public readonly trigger: TriggerKind;
  public readonly name: string;
  /** The expression deployed: UTC for a rule, local time for Scheduler. */
  public readonly expression: string;
  /** Scheduler's `schedule_expression_timezone`; undefined for rules. */
  public readonly timeZone?: string;
  /** Why a rule's UTC conversion is not exact (only with allowInexactUtcConversion). */
  public readonly utcConversionWarnings: string[];
  public readonly launchType?: LaunchType;
  public readonly capacityProviderStrategy: CapacityProviderStrategyItem[];
  public readonly taskCount: number;
  public readonly retryPolicy: ResolvedRetryPolicy;
  public readonly flexibleTimeWindowMinutes?: number;
  /** Whether RunTask applies tags, so the invoker needs `ecs:TagResource`. */
  public readonly tagsOnRunTask: boolean;
  /** The target input (RunTask overrides) as JSON, when there are container overrides. */
  public readonly input?: string;
  /**
   * A rule's input transformer: the overrides with the event's `time` as
   * `ECS_BATCH_SCHEDULED_TIME`, when a scheduled-time container is set.
   */
  public readonly inputTransformer?: { inputPaths: { [name: string]: string }; inputTemplate: string };

  private constructor(props: EcsScheduledTaskProps, fallbackName: () => string, field: PropName) {
    const schedule = ScheduledTaskSettings.schedule(props.schedule, field);
    const timeZone = props.timeZone === undefined ? undefined : TimeZone.validate(props.timeZone, field('timeZone'));
    if (props.trigger !== undefined) TriggerKinds.validate(props.trigger, field('trigger'));
    this.trigger = props.trigger ?? (timeZone !== undefined ? TriggerKind.SCHEDULER : TriggerKind.RULE);
    const isRule = this.trigger === TriggerKind.RULE;

    this.name = props.name ?? fallbackName();
    if (!PropCheck.isToken(this.name) && !new RegExp(AwsLimits.SCHEDULE_NAME_PATTERN).test(this.name)) {
      throw new ValidationError(field('name'), `'${this.name}' is not a valid ${isRule ? 'rule' : 'schedule'} name (1-${AwsLimits.SCHEDULE_NAME_MAX_LENGTH} letters, numbers, '.', '-', '_')`);
    }

    // Rules only know UTC cron and rate: convert local time through core, and refuse
    // a conversion that would drift (DST) unless the user accepts it.
    // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
    if (isRule) {
      // Core's one rule check (the template runs the same one).
      const conversion = schedule.forRule({
        timeZone,
        allowInexact: props.allowInexactUtcConversion === true,
        scheduleField: field('schedule'),
        timeZoneField: field('timeZone'),
        allowInexactField: field('allowInexactUtcConversion'),
      });
      this.expression = conversion.expression;
      this.utcConversionWarnings = conversion.warnings;
      for (const [prop, value] of Object.entries({
        flexibleTimeWindowMinutes: props.flexibleTimeWindowMinutes,
        startDate: props.startDate,
        endDate: props.endDate,
        scheduleGroup: props.scheduleGroup,
      })) {
        if (value !== undefined) {
          throw new ValidationError(field(prop), 'only applies to trigger SCHEDULER (remove it, or use EventBridge Scheduler)');
        }
      }
    } else {
      this.expression = schedule.expressionString;
      this.timeZone = timeZone;
      this.utcConversionWarnings = [];
    }

    if (!PropCheck.isToken(props.clusterArn ?? '')) {
      ClusterArn.parse(props.clusterArn, field('clusterArn'));
    }
    if (!PropCheck.isToken(props.taskDefinitionArn ?? '')) {
      TaskDefinitionArn.parse(props.taskDefinitionArn, field('taskDefinitionArn'));
    }
    PropCheck.nonEmptyList(props.subnetIds, field('subnetIds'), 'at least one subnet ID, for the task\'s awsvpc network interface');

    const strategy = props.capacityProviderStrategy ?? [];
    if (props.launchType !== undefined && strategy.length > 0) {
      throw new ValidationError(field('launchType'), 'cannot be combined with capacityProviderStrategy (set one of them: with a strategy, the launch type is omitted)');
    }
    strategy.forEach((item, i) => ScheduledTaskSettings.checkStrategyItem(item, i, field));
    this.capacityProviderStrategy = strategy;
    this.launchType = strategy.length > 0 ? undefined : (props.launchType ?? LaunchType.FARGATE);

    // A public IP needs awsvpc on Fargate: EC2 and EXTERNAL tasks cannot get one.
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
    if (props.assignPublicIp === true) {
      const ec2Provider = strategy.find((item) =>
        !PropCheck.isToken(item.capacityProvider) && !AwsLimits.FARGATE_CAPACITY_PROVIDERS.includes(item.capacityProvider));
      if (this.launchType !== undefined && this.launchType !== LaunchType.FARGATE) {
        throw new ValidationError(field('assignPublicIp'), `is only supported on Fargate, but launchType is ${this.launchType} (remove assignPublicIp, or use LaunchType.FARGATE)`);
      }
      if (ec2Provider !== undefined) {
        throw new ValidationError(field('assignPublicIp'), `is only supported on Fargate, but capacity provider '${ec2Provider.capacityProvider}' is an EC2 Auto Scaling group provider (use FARGATE / FARGATE_SPOT, or remove assignPublicIp)`);
      }
    }

    this.taskCount = props.taskCount ?? 1;
    PropCheck.integerInRange(this.taskCount, 1, isRule ? Number.MAX_SAFE_INTEGER : AwsLimits.SCHEDULER_TASK_COUNT_MAX, field('taskCount'));

    this.retryPolicy = {
      maximumRetryAttempts: props.retryPolicy?.maximumRetryAttempts ?? ScheduledTaskDefaults.MAXIMUM_RETRY_ATTEMPTS,
      maximumEventAgeSeconds: props.retryPolicy?.maximumEventAgeSeconds ?? ScheduledTaskDefaults.MAXIMUM_EVENT_AGE_SECONDS,
    };
    PropCheck.integerInRange(this.retryPolicy.maximumRetryAttempts, 0, AwsLimits.RETRY_ATTEMPTS_MAX, field('retryPolicy.maximumRetryAttempts'));
    PropCheck.integerInRange(this.retryPolicy.maximumEventAgeSeconds, AwsLimits.EVENT_AGE_MIN_SECONDS, AwsLimits.EVENT_AGE_MAX_SECONDS, field('retryPolicy.maximumEventAgeSeconds'));

    this.flexibleTimeWindowMinutes = props.flexibleTimeWindowMinutes;
    PropCheck.integerInRange(props.flexibleTimeWindowMinutes, 1, AwsLimits.FLEXIBLE_WINDOW_MAX_MINUTES, field('flexibleTimeWindowMinutes'));
    ScheduledTaskSettings.checkDates(props.startDate, props.endDate, field);

    this.tagsOnRunTask = props.propagateTags === true || props.enableEcsManagedTags === true || Object.keys(props.tags ?? {}).length > 0;
    const overrides = ScheduledTaskSettings.withScheduleEnvironment(props.containerOverrides ?? [], props.scheduledTimeContainer, {
      [RunnerEnvironment.SCHEDULE]: this.expression,
      [RunnerEnvironment.SCHEDULE_TIME_ZONE]: isRule ? 'UTC' : (this.timeZone ?? 'UTC'),
      // A rule's input transformer puts the event's time here; Scheduler documents its
      // <aws.scheduler.scheduled-time> for universal targets only, so the runner computes it.
      // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
      ...(isRule ? { [RunnerEnvironment.SCHEDULED_TIME]: `<${ScheduledTaskSettings.TIME_PATH_NAME}>` } : {}),
    }, field);
    const input = ScheduledTaskSettings.inputOf(overrides, field);
    if (isRule && props.scheduledTimeContainer !== undefined) {
      this.inputTransformer = { inputPaths: { [ScheduledTaskSettings.TIME_PATH_NAME]: '$.time' }, inputTemplate: input! };
    } else {
      this.input = input;
    }
  }
}
