import { RunnerEnvironment, Schedule, TimeZone } from '@ecs-batch/core';
import { ValidationError } from '@ecs-batch/core/lib/errors';

/**
 * When the schedule fired, for the handler's `event.time`, as Lambda gets it:
 *
 * 1. `ECS_BATCH_SCHEDULED_TIME`, where the target passed it (a rule's input transformer over the event's `time`);
 * 2. else the latest fire time of `ECS_BATCH_SCHEDULE` (read in `ECS_BATCH_SCHEDULE_TIME_ZONE`) at or before `now`, from core;
 * 3. else `now`: a manual run (no schedule), or a `rate()`, which has no anchor.
 *
 * @throws ValidationError naming the variable when one is set but invalid
 */
export function scheduledTime(env: { [name: string]: string | undefined }, now: Date): Date {
  const value = (name: string) => (env[name] ?? '').trim() || undefined;
  const passed = value(RunnerEnvironment.SCHEDULED_TIME);
  if (passed !== undefined) {
    const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(passed) ? Date.parse(passed) : NaN;
    if (Number.isNaN(ms)) throw new ValidationError(RunnerEnvironment.SCHEDULED_TIME, `'${passed}' is not a UTC time (ISO 8601, e.g. 2026-03-10T17:00:00Z)`);
    return new Date(ms);
  }
  const expression = value(RunnerEnvironment.SCHEDULE);
  if (expression === undefined) return now;
  // Core names each variable, with the part that is wrong in the reason.
  const schedule = Schedule.expression(expression, RunnerEnvironment.SCHEDULE);
  const timeZone = TimeZone.validate(value(RunnerEnvironment.SCHEDULE_TIME_ZONE) ?? 'UTC', RunnerEnvironment.SCHEDULE_TIME_ZONE);
  return schedule.lastFireTime({ at: now, timeZone }) ?? now;
}
