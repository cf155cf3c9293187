import { ValidationError } from '../errors';

/**
 * Service limits of EventBridge, Scheduler, SQS, CloudWatch and Fargate that a
 * scheduled task's settings must respect, each with the AWS page that states it.
 * The constructs validate against these at synth time, and the HCL modules'
 * `validation` blocks are tested against the same numbers.
 */
export class AwsLimits {
  /**
   * RunTask starts 1-10 tasks per call; Scheduler's EcsParameters.TaskCount is 1-10.
   * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_EcsParameters.html
   */
  public static readonly SCHEDULER_TASK_COUNT_MAX = 10;

  /**
   * Retry attempts, for rules and for Scheduler: 0-185.
   * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html
   * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html
   */
  public static readonly RETRY_ATTEMPTS_MAX = 185;

  /**
   * Maximum event age, for rules and for Scheduler: 60-86400 seconds.
   * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html
   * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html
   */
  public static readonly EVENT_AGE_MIN_SECONDS = 60;
  /** The oldest event a retry may deliver. @see AwsLimits.EVENT_AGE_MIN_SECONDS */
  public static readonly EVENT_AGE_MAX_SECONDS = 86400;

  /**
   * Scheduler's flexible time window: 1-1440 minutes.
   * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_FlexibleTimeWindow.html
   */
  public static readonly FLEXIBLE_WINDOW_MAX_MINUTES = 1440;

  /**
   * SQS message retention: 60 seconds to 14 days.
   * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
   */
  public static readonly SQS_RETENTION_MAX_DAYS = 14;

  /**
   * Rule names and schedule names: 1-64 letters, numbers, `.`, `-`, `_`.
   * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html#eventbridge-PutRule-request-Name
   * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html#scheduler-CreateSchedule-request-Name
   */
  public static readonly SCHEDULE_NAME_PATTERN: string = '^[.\\-_A-Za-z0-9]{1,64}$';
  /** The longest rule or schedule name. @see AwsLimits.SCHEDULE_NAME_PATTERN */
  public static readonly SCHEDULE_NAME_MAX_LENGTH = 64;

  /**
   * An alarm evaluates at most 7 days (Period x EvaluationPeriods <= 604800 s),
   * so "no success in N hours" with one-hour periods allows 1-168 hours.
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
   */
  public static readonly ALARM_MAX_HOURS = 168;

  /**
   * CloudWatch Logs retention values, in days.
   * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
   */
  public static readonly LOG_RETENTION_DAYS: number[] = Object.freeze([
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
  ]) as number[];

  /**
   * Fargate lets the container stop gracefully for at most 120 seconds after SIGTERM.
   * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-stopTimeout
   */
  public static readonly FARGATE_STOP_TIMEOUT_MAX_SECONDS = 120;

  /**
   * Fargate ephemeral storage: 21-200 GiB (20 GiB without the setting).
   * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html
   */
  public static readonly FARGATE_EPHEMERAL_STORAGE_MIN_GIB = 21;
  /** The most ephemeral storage a Fargate task may have. @see AwsLimits.FARGATE_EPHEMERAL_STORAGE_MIN_GIB */
  public static readonly FARGATE_EPHEMERAL_STORAGE_MAX_GIB = 200;

  /** Capacity providers that run on Fargate; any other name is an EC2 Auto Scaling group provider. */
  public static readonly FARGATE_CAPACITY_PROVIDERS: string[] = Object.freeze(['FARGATE', 'FARGATE_SPOT']) as string[];

  /**
   * Returns `days` when CloudWatch Logs offers it as a retention (`LOG_RETENTION_DAYS`);
   * else throws a ValidationError naming `field`.
   * @param days the retention as written
   * @param field the caller's name for it, e.g. `logRetentionDays` or `log_retention_days`
   * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
   */
  public static validateLogRetentionDays(days: number, field: string): number {
    if (!AwsLimits.LOG_RETENTION_DAYS.includes(days)) {
      throw new ValidationError(field, `${days} is not a CloudWatch Logs retention (${AwsLimits.LOG_RETENTION_DAYS.join(', ')})`);
    }
    return days;
  }

  private constructor() {}
}
