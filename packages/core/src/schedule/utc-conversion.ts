import { Schedule } from './schedule';

/** A schedule converted from local time to UTC, for an EventBridge rule. */
export interface UtcConversion {
  /** The UTC schedule. */
  readonly schedule: Schedule;

  /** Its expression, e.g. `cron(0 17 * * ? *)`. */
  readonly expression: string;

  /** Whether the UTC schedule fires at exactly the local times, all year. */
  readonly exact: boolean;

  /** Why it isn't exact, each with what to do instead (EventBridge Scheduler with `schedule_expression_timezone`). */
  readonly warnings: string[];
}
