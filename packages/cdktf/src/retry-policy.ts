/**
 * How long and how often EventBridge retries a RunTask call that failed
 * (throttling, no capacity, a missing subnet...). A task that starts and then
 * fails is not retried: see the `alerts` of `EcsBatchJob`.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-retry-policy.html
 */
export interface RetryPolicy {
  /**
   * Retries after the first attempt (0-185).
   * @default 3 - AWS's own default is 185, which keeps a failing nightly job retrying for a day
   */
  readonly maximumRetryAttempts?: number;

  /**
   * How long an event keeps being retried, in seconds (60-86400).
   * @default 3600 - one hour: a nightly job should not start in the morning
   */
  readonly maximumEventAgeSeconds?: number;
}
