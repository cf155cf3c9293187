/**
 * Units of a `rate()` expression.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-rate-expressions
 */
export enum TimeUnit {
  /** minute(s) */
  MINUTES = 'MINUTES',
  /** hour(s) */
  HOURS = 'HOURS',
  /** day(s): always 24 hours, even across a daylight saving change */
  DAYS = 'DAYS',
}
