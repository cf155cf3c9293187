/** Options for `Schedule.nextFireTimes`. */
export interface NextFireTimesOptions {
  /**
   * How many fire times to return, 1-1000. Fewer come back when the schedule ends sooner.
   * @default 10
   */
  readonly count?: number;

  /**
   * Fire times strictly after this instant. For a rate, the start of the schedule.
   * @default now
   */
  readonly from?: Date;

  /**
   * Read the expression in this IANA time zone, as EventBridge Scheduler does
   * with `schedule_expression_timezone`: a local time skipped by a
   * spring-forward doesn't run, and one repeated by a fall-back runs once, at
   * its first occurrence.
   *
   * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#daylist-savings-time
   * @default 'UTC' (EventBridge rule semantics)
   */
  readonly timeZone?: string;
}
