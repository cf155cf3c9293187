/**
 * How `Schedule.forRule` checks a schedule for an EventBridge rule, and which
 * fields its errors name.
 */
export interface RuleScheduleOptions {
  /**
   * The IANA time zone the expression is meant in, e.g. `Asia/Tokyo`.
   * @default - UTC: the expression is used as it is
   */
  readonly timeZone?: string;

  /**
   * Accept a UTC conversion that is not exact (it drifts with daylight saving
   * time); its warnings are returned instead of thrown.
   * @default false
   */
  readonly allowInexact?: boolean;

  /**
   * The field a one-time schedule's error names.
   * @default 'schedule'
   */
  readonly scheduleField?: string;

  /**
   * The field an inexact conversion's error names.
   * @default 'timeZone'
   */
  readonly timeZoneField?: string;

  /**
   * The setting that accepts an inexact conversion, named in its error.
   * @default - none is named
   */
  readonly allowInexactField?: string;
}
