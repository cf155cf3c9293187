/** Which kind of expression a schedule is. */
export enum ScheduleKind {
  /** `cron(minutes hours day-of-month month day-of-week year)`: rules and Scheduler */
  CRON = 'CRON',
  /** `rate(value unit)`: rules and Scheduler */
  RATE = 'RATE',
  /** `at(yyyy-mm-ddThh:mm:ss)`: one time, EventBridge Scheduler only */
  AT = 'AT',
}
