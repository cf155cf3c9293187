/**
 * What runs a schedule expression: an EventBridge rule or an EventBridge Scheduler schedule.
 * They accept slightly different expressions (see `Schedule.forTrigger`).
 */
export enum ScheduleTrigger {
  /**
   * An EventBridge scheduled rule: cron and rate, in UTC. A rate's unit is singular for 1 and
   * plural above 1 (`rate(5 hour)` is rejected).
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html
   */
  RULE = 'RULE',
  /**
   * An EventBridge Scheduler schedule: cron, rate and one-time `at`, in an IANA time zone. A
   * rate's unit is any of `minute | minutes | hour | hours | day | days`, whatever the value.
   * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html#scheduler-CreateSchedule-request-ScheduleExpression
   */
  SCHEDULER = 'SCHEDULER',
}
