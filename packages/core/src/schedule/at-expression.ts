import { ValidationError } from '../errors';

/** A parsed `at(yyyy-mm-ddThh:mm:ss)`: a local date and time, without a zone. */
export interface AtSpec {
  /** The text inside `at(...)`. */
  readonly text: string;
  /** The wall time as milliseconds, reading it as if it were UTC. */
  readonly wallMs: number;
}

/**
 * Parses the body of `at(yyyy-mm-ddThh:mm:ss)`, a one-time schedule of
 * EventBridge Scheduler, read in the schedule's time zone.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#one-time
 */
export function parseAt(body: string): AtSpec {
  const text = body.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new ValidationError('at', `'${body}' is not a date and time (yyyy-mm-ddThh:mm:ss, e.g. at(2026-12-01T09:00:00))`);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(wallMs);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new ValidationError('at', `'${text}' is not a real date and time (months 01-12, days in the month, hours 00-23, minutes and seconds 00-59)`);
  }
  return { text, wallMs };
}
