import { UsageError } from './usage-error';

/**
 * Typed flag values. A value of the wrong type is a usage error (exit 2), like
 * an unknown option; a well-typed value that the core modules reject is a
 * ValidationError (exit 1).
 */
export class FlagValues {
  /** An integer flag such as `--count 10`. */
  public static integer(value: string | undefined, flag: string): number | undefined {
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) {
      throw new UsageError(`${flag} must be an integer (got '${value}')`);
    }
    return Number(value);
  }

  /**
   * An ISO-8601 date or date-time such as `2026-01-01`, `2026-01-01T09:00`,
   * `2026-01-01T09:00:00Z` or `2026-01-01T18:00:00+09:00`. Without an offset the
   * value is read as UTC, like the schedules without `--tz`.
   */
  public static instant(value: string | undefined, flag: string): Date | undefined {
    if (value === undefined) return undefined;
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
    const problem = `${flag} must be an ISO-8601 date-time such as 2026-01-01T00:00:00Z (got '${value}')`;
    if (match === null) {
      throw new UsageError(problem);
    }
    const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
    const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${zone}`);
    // Reject values the Date parser would roll over or refuse (2026-02-30, 25:00).
    const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
    if (Number.isNaN(date.getTime()) || check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1
      || check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h) || check.getUTCMinutes() !== Number(mi)) {
      throw new UsageError(problem);
    }
    return date;
  }

  private constructor() {}
}
