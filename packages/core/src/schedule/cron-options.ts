/**
 * The fields of a cron expression, in the style of aws-cdk's `Schedule.cron`.
 * Each is a cron field as AWS writes it: a value, a list, a range, a step, a
 * name (JAN, MON) or a day wildcard.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions
 */
export interface CronOptions {
  /**
   * Minutes, 0-59.
   * @default '*'
   */
  readonly minute?: string;

  /**
   * Hours, 0-23.
   * @default '*'
   */
  readonly hour?: string;

  /**
   * Day of month: 1-31, `L` (last day), `LW` (last weekday) or `<day>W` (weekday nearest that day).
   * @default '*', or '?' when `weekDay` is given
   */
  readonly day?: string;

  /**
   * Month, 1-12 or JAN-DEC.
   * @default '*'
   */
  readonly month?: string;

  /**
   * Day of week: 1-7 or SUN-SAT (1 = SUN), `<weekday>L` (last in the month) or `<weekday>#<n>` (n-th in the month).
   * @default '?' (every day, through `day`)
   */
  readonly weekDay?: string;

  /**
   * Year, 1970-2199.
   * @default '*'
   */
  readonly year?: string;
}
