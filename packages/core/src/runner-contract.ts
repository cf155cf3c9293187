import { ValidationError } from './errors';

/**
 * Metric names the runner emits (CloudWatch Embedded Metric Format) and the
 * alarms of the constructs read. One place, so the two cannot drift.
 */
export class RunnerMetrics {
  /** Namespace used when `ECS_BATCH_METRIC_NAMESPACE` is not set. */
  public static readonly DEFAULT_NAMESPACE = 'EcsBatch';
  /** Count, 1 per successful run. The missed-run alarm watches this one. */
  public static readonly JOB_SUCCEEDED = 'JobSucceeded';
  /** Count, 1 per failed run (error, timeout, SIGTERM). */
  public static readonly JOB_FAILED = 'JobFailed';
  /** Milliseconds from handler start to outcome. */
  public static readonly JOB_DURATION_MS = 'JobDurationMs';
  /**
   * Count, 1 per run the overlap guard skipped (`ECS_BATCH_OVERLAP=skip` and an
   * earlier task of the family is running). The handler did not run.
   */
  public static readonly JOB_SKIPPED = 'JobSkipped';
  /** The single dimension: the job name. */
  public static readonly JOB_DIMENSION = 'Job';

  /**
   * Returns `namespace` when it can be the runner's CloudWatch namespace (not empty);
   * else throws a ValidationError naming `field`.
   * @param namespace the namespace as written
   * @param field the caller's name for it, e.g. `metricNamespace` or `ECS_BATCH_METRIC_NAMESPACE`
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
   */
  public static validateNamespace(namespace: string, field: string): string {
    if (namespace.trim() === '') throw new ValidationError(field, 'is empty (a CloudWatch namespace, e.g. EcsBatch)');
    return namespace;
  }

  private constructor() {}
}

/**
 * Environment variables the runner reads and the constructs set.
 */
export class RunnerEnvironment {
  /**
   * The prefix every name of the runner starts with. A job's own environment may
   * not use it (the construct, the template and the HCL module refuse such names),
   * so that nothing shadows what the infra sets. `isRunnerName` checks it.
   */
  public static readonly PREFIX = 'ECS_BATCH_';

  /** `file.export` of the handler, Lambda style (e.g. `dist/jobs/nightly.handler`). */
  public static readonly HANDLER = 'ECS_BATCH_HANDLER';
  /** JSON event passed to the handler; the schedule's container override sets it. */
  public static readonly EVENT = 'ECS_BATCH_EVENT';
  /** The job name: Lambda's `functionName` and the metric dimension. */
  public static readonly JOB_NAME = 'ECS_BATCH_JOB_NAME';
  /** Seconds before the run is stopped with exit code 124. */
  public static readonly TIMEOUT_SECONDS = 'ECS_BATCH_TIMEOUT_SECONDS';
  /** `allow` (default) or `skip`: what to do when another run of the family is running. */
  public static readonly OVERLAP = 'ECS_BATCH_OVERLAP';
  /**
   * Milliseconds the overlap guard waits before it lists the family's running tasks,
   * so that tasks started by the same fire all see each other (default 3000).
   */
  public static readonly OVERLAP_SETTLE_MS = 'ECS_BATCH_OVERLAP_SETTLE_MS';
  /** CloudWatch namespace for the EMF metrics. */
  public static readonly METRIC_NAMESPACE = 'ECS_BATCH_METRIC_NAMESPACE';
  /**
   * When the schedule fired (ISO 8601), where the target can pass it: a rule's
   * input transformer over the event's `time`. The handler's `event.time`.
   */
  public static readonly SCHEDULED_TIME = 'ECS_BATCH_SCHEDULED_TIME';
  /**
   * The schedule expression as the trigger reads it (a rule's UTC cron, or
   * Scheduler's). Without `ECS_BATCH_SCHEDULED_TIME`, the runner takes the
   * latest fire time at or before it started as `event.time`.
   */
  public static readonly SCHEDULE = 'ECS_BATCH_SCHEDULE';
  /** The IANA time zone `ECS_BATCH_SCHEDULE` is read in (`UTC` for a rule). */
  public static readonly SCHEDULE_TIME_ZONE = 'ECS_BATCH_SCHEDULE_TIME_ZONE';
  /**
   * Which delivery attempt of the schedule's fire started this task (1 = the first),
   * where the target can tell: EventBridge Scheduler's `<aws.scheduler.attempt-number>`
   * context attribute. Scheduler documents its context attributes with universal targets
   * (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html);
   * a rule's input transformer only sees the event, which carries no attempt
   * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html).
   * So the ECS templated targets of the constructs do not set it; the runner logs
   * `attempt` only when it is set (a universal target, a manual run).
   */
  public static readonly ATTEMPT = 'ECS_BATCH_ATTEMPT';

  /**
   * Whether `name` is reserved for the runner (starts with `PREFIX`), so a job's
   * own environment variable, secret or parameter may not use it.
   */
  public static isRunnerName(name: string): boolean {
    return name.startsWith(RunnerEnvironment.PREFIX);
  }

  private constructor() {}
}
