/**
 * A CloudWatch alarm that warns before runs start to be killed by their timeout:
 * p95 of the runner's `JobDurationMs` over a day above `share` of the job's timeout
 * (`DurationAlarm` in @ecs-batch/core). It publishes to the job's alert topic.
 */
export interface DurationAlarmOptions {
  /**
   * The share of `timeoutSeconds` p95 may reach (more than 0, below 1).
   * @default 0.8
   */
  readonly share?: number;
}
