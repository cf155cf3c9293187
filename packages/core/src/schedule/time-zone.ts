import { ValidationError } from '../errors';
import { offsetsDuringYear } from './zone-clock';

const UTC_ALIASES = [
  'UTC', 'UCT', 'GMT', 'GMT0', 'GMT+0', 'GMT-0', 'Greenwich', 'Universal', 'Zulu',
  'Etc/UTC', 'Etc/UCT', 'Etc/GMT', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Etc/Greenwich', 'Etc/Universal', 'Etc/Zulu',
];
const UTC_NAMES = new Set(UTC_ALIASES.map((name) => name.toUpperCase()));

/** Canonical spellings of the zones seen so far: an Intl.DateTimeFormat costs ~0.2 ms, and synth asks per schedule. */
const CANONICAL = new Map<string, string>();

/**
 * IANA time zones, as EventBridge Scheduler's `ScheduleExpressionTimezone`
 * (Terraform `schedule_expression_timezone`) takes them. EventBridge rules
 * always run in UTC.
 *
 * Zone data comes from the runtime's Intl (ICU); no time zone library.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#time-zones
 */
export class TimeZone {
  /**
   * The names of UTC itself (any case): a rule, which only reads UTC, can take a
   * schedule meant in one of these unchanged.
   */
  public static readonly UTC_ALIASES: string[] = Object.freeze([...UTC_ALIASES]) as string[];

  /**
   * Checks that `name` is an IANA time zone and returns its canonical spelling
   * (`asia/tokyo` → `Asia/Tokyo`).
   *
   * @param name e.g. `Asia/Tokyo`
   * @param field the field to name in the error. Default: 'timeZone'
   */
  public static validate(name: string, field?: string): string {
    const f = field ?? 'timeZone';
    if (typeof name !== 'string' || name.trim() === '') {
      throw new ValidationError(f, 'is empty (an IANA time zone, e.g. Asia/Tokyo or UTC)');
    }
    // Intl also takes bare offsets (+09:00); Scheduler wants a zone name.
    if (!/^[A-Za-z]/.test(name)) {
      throw new ValidationError(f, `'${name}' is an offset, not an IANA time zone (e.g. Asia/Tokyo, Etc/GMT-9, UTC)`);
    }
    const known = CANONICAL.get(name);
    if (known !== undefined) return known;
    try {
      const canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      CANONICAL.set(name, canonical);
      return canonical;
    } catch {
      throw new ValidationError(f, `'${name}' is not an IANA time zone (e.g. Asia/Tokyo, Europe/Berlin, UTC)`);
    }
  }

  /**
   * Whether `name` is UTC under any of its aliases (UTC, Etc/UTC, GMT, Zulu, …).
   * Throws a ValidationError when `name` is not a time zone.
   */
  public static isUtc(name: string): boolean {
    const canonical = TimeZone.validate(name);
    return UTC_NAMES.has(name.toUpperCase()) || UTC_NAMES.has(canonical.toUpperCase());
  }

  /**
   * Whether `name` changes its UTC offset during the year (daylight saving time).
   *
   * @param name an IANA time zone
   * @param year the year to look at. Default: the current year
   */
  public static observesDst(name: string, year?: number): boolean {
    return offsetsDuringYear(TimeZone.validate(name), year ?? new Date().getUTCFullYear()).length > 1;
  }

  private constructor() {}
}
