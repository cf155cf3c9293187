import { ValidationError } from '../errors';
import { monthlyOffsets } from './zone-clock';

const UTC_NAMES = new Set(['UTC', 'ETC/UTC', 'ETC/UCT', 'UCT', 'GMT', 'ETC/GMT', 'ETC/GMT0', 'ETC/GMT+0', 'ETC/GMT-0', 'ETC/UNIVERSAL', 'UNIVERSAL', 'ETC/ZULU', 'ZULU', 'GMT0']);

/**
 * IANA time zones, as EventBridge Scheduler's `ScheduleExpressionTimezone` takes them.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#time-zones
 */
export class TimeZone {
  /**
   * Checks that `name` is an IANA time zone and returns its canonical spelling.
   *
   * @param name e.g. `Asia/Tokyo`
   * @param field the field to name in the error
   * @default field 'timeZone'
   */
  public static validate(name: string, field: string = 'timeZone'): string {
    if (typeof name !== 'string' || name.trim() === '') {
      throw new ValidationError(field, 'is empty (an IANA time zone such as Asia/Tokyo or UTC)');
    }
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      throw new ValidationError(field, `'${name}' is not an IANA time zone (e.g. Asia/Tokyo, Europe/Berlin, UTC)`);
    }
  }

  /** Whether `name` is UTC under any of its aliases (UTC, Etc/UTC, GMT, …). */
  public static isUtc(name: string): boolean {
    return UTC_NAMES.has(name.toUpperCase()) || TimeZone.validate(name) === 'UTC';
  }

  /**
   * Whether `name` changes its UTC offset during the year (daylight saving time).
   *
   * @param year the year to look at
   * @default year the current year
   */
  public static observesDst(name: string, year?: number): boolean {
    return new Set(monthlyOffsets(TimeZone.validate(name), year)).size > 1;
  }

  private constructor() {}
}
