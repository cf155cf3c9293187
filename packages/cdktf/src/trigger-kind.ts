/**
 * What starts the task on schedule.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/what-is-scheduler.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-rule-schedule.html
 */
export enum TriggerKind {
  /**
   * An EventBridge rule (`aws_cloudwatch_event_rule` + `aws_cloudwatch_event_target`).
   * Rules evaluate cron in UTC only.
   */
  RULE = 'rule',

  /**
   * An EventBridge Scheduler schedule (`aws_scheduler_schedule`): time zones,
   * one-time `at()` schedules, a flexible time window and start/end dates.
   */
  SCHEDULER = 'scheduler',
}
