/** Options for `Schedule.lastFireTime`. */
export interface LastFireTimeOptions {
  /**
   * The latest fire time at or before this instant.
   * @default now
   */
  readonly at?: Date;

  /**
   * Read the expression in this IANA time zone, as EventBridge Scheduler does.
   * @default 'UTC' (EventBridge rule semantics)
   */
  readonly timeZone?: string;
}
