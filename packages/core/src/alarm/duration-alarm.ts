import { ValidationError } from '../errors';
import { AwsLimits } from '../limits';
import { RunnerMetrics } from '../runner-contract';

/** What the "duration near timeout" alarm watches. */
export interface DurationAlarmProps {
  /** The job name: the `Job` dimension of the runner's metrics, and the alarm name's prefix. */
  readonly jobName: string;
  /** The job's timeout in seconds (`ECS_BATCH_TIMEOUT_SECONDS`; a team repo's `timeoutMinutes` x 60); a positive integer. */
  readonly timeoutSeconds: number;
  /**
   * The share of the timeout that p95 of `JobDurationMs` may reach before the alarm fires,
   * more than 0 and below 1.
   * @default 0.8
   */
  readonly share?: number;
  /**
   * The CloudWatch namespace of the runner's metrics (`ECS_BATCH_METRIC_NAMESPACE`).
   * @default RunnerMetrics.DEFAULT_NAMESPACE
   */
  readonly namespace?: string;
}

/**
 * A CloudWatch metric alarm, as `PutMetricAlarm` (and Terraform's
 * `aws_cloudwatch_metric_alarm`) takes it.
 */
export interface DurationAlarmDefinition {
  /** `<job>-duration-near-timeout`. */
  readonly alarmName: string;
  /** One line for the alert e-mail. */
  readonly alarmDescription: string;
  /** The runner's namespace. */
  readonly namespace: string;
  /** `JobDurationMs`. */
  readonly metricName: string;
  /** `{ Job: <job> }`. */
  readonly dimensions: { [name: string]: string };
  /** `p95`: a percentile is an extended statistic. */
  readonly extendedStatistic: string;
  /** Seconds per datapoint. */
  readonly period: number;
  /** Datapoints evaluated. */
  readonly evaluationPeriods: number;
  /** Milliseconds: the share of the timeout. */
  readonly threshold: number;
  /** `GreaterThanThreshold`. */
  readonly comparisonOperator: string;
  /** `notBreaching`: no run is the missed-run alarm's business, not this one's. */
  readonly treatMissingData: string;
}

/**
 * The early warning before runs start to be killed by their timeout: p95 of the
 * runner's `JobDurationMs` over a day, above a share of the job's timeout (80% by default).
 * It publishes to the job's alert topic; `AlertTopicPolicy` must list its ARN.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html (percentiles)
 */
export class DurationAlarm {
  /** The share of the timeout when none is given. */
  public static readonly DEFAULT_SHARE = 0.8;
  /** The percentile watched. */
  public static readonly STATISTIC = 'p95';
  /**
   * One datapoint per day: p95 over a day's runs (a daily job's one run, an hourly job's
   * 24), evaluated once. Period x evaluation periods stays within `AwsLimits.ALARM_MAX_HOURS`.
   */
  public static readonly PERIOD_SECONDS = 86_400;
  /** Datapoints evaluated. */
  public static readonly EVALUATION_PERIODS = 1;

  /**
   * Returns `share` when it is a share of the timeout the alarm can watch: more than 0
   * and below 1. Else throws a ValidationError naming `field`.
   * @param share the share as written, e.g. 0.8
   * @param field the caller's name for it, e.g. `durationAlarm.share` or `duration_alarm.share`
   */
  public static validateShare(share: number, field: string): number {
    if (!(share > 0 && share < 1)) {
      throw new ValidationError(field, `${share} is out of range (more than 0 and below 1, e.g. 0.8 for 80% of the timeout)`);
    }
    return share;
  }

  /**
   * The alarm for one job.
   *
   * @throws ValidationError naming `jobName`, `timeoutSeconds` or `share`
   */
  public static definition(props: DurationAlarmProps): DurationAlarmDefinition {
    if (props.jobName.trim() === '') throw new ValidationError('jobName', 'is empty (the job name, the metrics\' Job dimension)');
    if (!Number.isInteger(props.timeoutSeconds) || props.timeoutSeconds < 1) {
      throw new ValidationError('timeoutSeconds', `${props.timeoutSeconds} is not a timeout (a positive integer of seconds); without a timeout there is nothing to warn about`);
    }
    const share = DurationAlarm.validateShare(props.share ?? DurationAlarm.DEFAULT_SHARE, 'share');
    if (DurationAlarm.PERIOD_SECONDS * DurationAlarm.EVALUATION_PERIODS > AwsLimits.ALARM_MAX_HOURS * 3600) {
      throw new Error('DurationAlarm: period x evaluation periods exceeds what CloudWatch evaluates');
    }
    const threshold = Math.round(props.timeoutSeconds * 1000 * share);
    const percent = Math.round(share * 1000) / 10;
    return {
      alarmName: `${props.jobName}-duration-near-timeout`,
      alarmDescription: `Batch job ${props.jobName}: p95 duration over a day is above ${percent}% of its ${props.timeoutSeconds} s timeout (${threshold} ms)`,
      namespace: props.namespace ?? RunnerMetrics.DEFAULT_NAMESPACE,
      metricName: RunnerMetrics.JOB_DURATION_MS,
      dimensions: { [RunnerMetrics.JOB_DIMENSION]: props.jobName },
      extendedStatistic: DurationAlarm.STATISTIC,
      period: DurationAlarm.PERIOD_SECONDS,
      evaluationPeriods: DurationAlarm.EVALUATION_PERIODS,
      threshold,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
    };
  }

  private constructor() {}
}
