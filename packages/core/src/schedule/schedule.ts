import { ValidationError } from '../errors';
import { CronSpec, WallTime, nextMatch, parseCronFields } from './cron-spec';
import { describeCron } from './describe';
import { parseAt, parseRate } from './rate-and-at';
import { TimeZone } from './time-zone';
import { cronToUtc } from './utc-conversion';
import { instantsOf, wallTimeIn, wallTimeToUtcMs, wallTimeUtc } from './zone-clock';

/** Which kind of expression a schedule is. */
export enum ScheduleKind {
  /** `cron(minutes hours day-of-month month day-of-week year)` */
  CRON = 'CRON',
  /** `rate(value unit)` */
  RATE = 'RATE',
  /** `at(yyyy-mm-ddThh:mm:ss)`, one time (EventBridge Scheduler only) */
  AT = 'AT',
}

/** Units of a `rate()` expression. */
export enum TimeUnit {
  /** minute(s) */
  MINUTES = 'MINUTES',
  /** hour(s) */
  HOURS = 'HOURS',
  /** day(s) */
  DAYS = 'DAYS',
}

/** The fields of a cron expression, in the style of aws-cdk's `Schedule.cron`. */
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
   * Day of month, 1-31, `L`, `LW` or `<day>W`.
   * @default '*' unless `weekDay` is given, then '?'
   */
  readonly day?: string;
  /**
   * Month, 1-12 or JAN-DEC.
   * @default '*'
   */
  readonly month?: string;
  /**
   * Day of week, 1-7 or SUN-SAT, `<day>L` or `<day>#<n>`.
   * @default '?' unless only `weekDay` is given
   */
  readonly weekDay?: string;
  /**
   * Year, 1970-2199.
   * @default '*'
   */
  readonly year?: string;
}

/** Options for `Schedule.nextFireTimes`. */
export interface NextFireTimesOptions {
  /**
   * How many fire times to return (1-1000).
   * @default 10
   */
  readonly count?: number;
  /**
   * Fire times strictly after this instant.
   * @default now
   */
  readonly from?: Date;
  /**
   * Read the expression in this IANA zone, as EventBridge Scheduler does with
   * `schedule_expression_timezone`: a local time skipped by a spring-forward
   * doesn't run, and one repeated by a fall-back runs once, at its first occurrence.
   * @default 'UTC' (EventBridge rule semantics)
   */
  readonly timeZone?: string;
}

/** A schedule for an EventBridge rule, converted from local time. */
export interface UtcConversion {
  /** The UTC schedule. */
  readonly schedule: Schedule;
  /** Its expression, e.g. `cron(0 17 * * ? *)`. */
  readonly expression: string;
  /** Whether the UTC schedule fires at exactly the local times, all year. */
  readonly exact: boolean;
  /** Why it isn't exact, each with what to do instead. */
  readonly warnings: string[];
}

const DEFAULT_COUNT = 10;
const MAX_COUNT = 1000;
const MINUTE_MS = 60_000;
const UNIT_WORDS: Record<TimeUnit, string> = { MINUTES: 'minute', HOURS: 'hour', DAYS: 'day' };

/**
 * An EventBridge schedule expression: `cron(...)`, `rate(...)` or `at(...)`,
 * validated exactly as AWS defines them.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
export class Schedule {
  /**
   * A cron schedule from its fields.
   */
  public static cron(options: CronOptions): Schedule {
    const day = options.day ?? (options.weekDay !== undefined ? '?' : '*');
    const weekDay = options.weekDay ?? (options.day !== undefined || day === '*' ? '?' : '*');
    const fields = [options.minute ?? '*', options.hour ?? '*', day, options.month ?? '*', weekDay, options.year ?? '*'];
    return Schedule.expression(`cron(${fields.join(' ')})`);
  }

  /**
   * A rate schedule, e.g. `rate(5 minutes)`.
   *
   * @param value a positive whole number
   */
  public static rate(value: number, unit: TimeUnit): Schedule {
    const word = UNIT_WORDS[unit];
    return Schedule.expression(`rate(${value} ${value === 1 ? word : `${word}s`})`);
  }

  /**
   * A one-time schedule (EventBridge Scheduler only).
   *
   * @param localDateTime `yyyy-mm-ddThh:mm:ss`, read in the schedule's time zone
   */
  public static at(localDateTime: string): Schedule {
    return Schedule.expression(`at(${localDateTime})`);
  }

  /**
   * Parses and validates an expression: `cron(...)`, `rate(...)` or `at(...)`.
   */
  public static expression(expression: string): Schedule {
    if (typeof expression !== 'string') throw new ValidationError('expression', 'must be a string');
    const m = /^\s*(cron|rate|at)\((.*)\)\s*$/s.exec(expression);
    if (!m) {
      throw new ValidationError('expression', `'${expression}' must be cron(...), rate(...) or at(...)`);
    }
    const [, kind, body] = m;
    if (kind === 'cron') {
      const spec = parseCronFields(body);
      return new Schedule(`cron(${spec.fields.join(' ')})`, ScheduleKind.CRON, spec);
    }
    if (kind === 'rate') {
      const rate = parseRate(body);
      return new Schedule(`rate(${rate.value} ${rate.value === 1 ? rate.unit : `${rate.unit}s`})`, ScheduleKind.RATE, undefined, rate.minutes);
    }
    const at = parseAt(body);
    return new Schedule(`at(${body.trim()})`, ScheduleKind.AT, undefined, undefined, at);
  }

  /** The expression, normalized (single spaces), e.g. `cron(0 2 * * ? *)`. */
  public readonly expressionString: string;

  /** Whether this is a cron, rate or one-time schedule. */
  public readonly kind: ScheduleKind;

  private constructor(
    expressionString: string,
    kind: ScheduleKind,
    private readonly cron?: CronSpec,
    private readonly rateMinutes?: number,
    private readonly atTime?: WallTime,
  ) {
    this.expressionString = expressionString;
    this.kind = kind;
  }

  /**
   * The next fire times after `from`, as UTC instants.
   *
   * A rate schedule counts from `from`, as AWS counts from the moment the rule
   * or schedule is created.
   */
  public nextFireTimes(options: NextFireTimesOptions = {}): Date[] {
    const count = options.count ?? DEFAULT_COUNT;
    if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
      throw new ValidationError('count', `${count} is out of range (1-${MAX_COUNT})`);
    }
    const from = options.from ?? new Date();
    if (!(from instanceof Date) || isNaN(from.getTime())) throw new ValidationError('from', 'is not a valid date');
    const zone = options.timeZone === undefined ? 'UTC' : TimeZone.validate(options.timeZone);
    const fromMs = from.getTime();

    if (this.rateMinutes !== undefined) {
      return Array.from({ length: count }, (_, i) => new Date(fromMs + (i + 1) * this.rateMinutes! * MINUTE_MS));
    }
    if (this.atTime) {
      const ms = zone === 'UTC' ? wallTimeToUtcMs(this.atTime) : instantsOf(zone, this.atTime)[0];
      const withSeconds = ms === undefined ? undefined : ms + ((this.atTime as { second?: number }).second ?? 0) * 1000;
      return withSeconds !== undefined && withSeconds > fromMs ? [new Date(withSeconds)] : [];
    }
    return zone === 'UTC' ? this.nextUtc(fromMs, count) : this.nextInZone(fromMs, count, zone);
  }

  /**
   * Converts this schedule, meant in local time in `timeZone`, to the UTC
   * schedule an EventBridge rule needs.
   */
  public toUtc(timeZone: string): UtcConversion {
    const zone = TimeZone.validate(timeZone);
    if (this.kind === ScheduleKind.RATE || TimeZone.isUtc(zone)) {
      return { schedule: this, expression: this.expressionString, exact: true, warnings: [] };
    }
    if (this.kind === ScheduleKind.AT) {
      const at = this.nextFireTimes({ from: new Date(0), timeZone: zone, count: 1 })[0];
      if (!at) {
        const warning = `${this.expressionString} doesn't exist in ${zone} (skipped by a daylight saving change)`;
        return { schedule: this, expression: this.expressionString, exact: false, warnings: [warning] };
      }
      const utc = Schedule.at(at.toISOString().slice(0, 19));
      return { schedule: utc, expression: utc.expressionString, exact: true, warnings: [] };
    }
    const converted = cronToUtc(this.cron!, zone);
    const schedule = Schedule.expression(`cron(${converted.fields.join(' ')})`);
    return { schedule, expression: schedule.expressionString, exact: converted.exact, warnings: converted.warnings };
  }

  /**
   * One line for humans, e.g. "At 02:00 every day, Asia/Tokyo".
   *
   * @default timeZone 'UTC'
   */
  public describe(timeZone?: string): string {
    const zone = timeZone === undefined ? 'UTC' : TimeZone.validate(timeZone);
    if (this.cron) return describeCron(this.cron, zone);
    if (this.rateMinutes !== undefined) {
      const body = this.expressionString.slice(5, -1);
      return `Every ${body.startsWith('1 ') ? body.slice(2) : body}`;
    }
    return `Once at ${this.expressionString.slice(3, -1).replace('T', ' ')}, ${zone}`;
  }

  /** The expression string. */
  public toString(): string {
    return this.expressionString;
  }

  private nextUtc(fromMs: number, count: number): Date[] {
    const out: Date[] = [];
    // The first candidate is the minute after `from`.
    let t: WallTime | undefined = wallTimeUtc(Math.floor(fromMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS);
    while (out.length < count && (t = nextMatch(this.cron!, t))) {
      const ms = wallTimeToUtcMs(t);
      out.push(new Date(ms));
      t = wallTimeUtc(ms + MINUTE_MS);
    }
    return out;
  }

  private nextInZone(fromMs: number, count: number, zone: string): Date[] {
    const out: Date[] = [];
    // Start an hour early in wall time: after a fall-back the local clock is behind `from`.
    let t: WallTime | undefined = wallTimeUtc(wallTimeToUtcMs(wallTimeIn(zone, fromMs)) - 60 * MINUTE_MS);
    while (out.length < count && (t = nextMatch(this.cron!, t))) {
      // Skipped local times have no instant; repeated ones run at the first.
      const ms = instantsOf(zone, t)[0];
      if (ms !== undefined && ms > fromMs) out.push(new Date(ms));
      t = wallTimeUtc(wallTimeToUtcMs(t) + MINUTE_MS);
    }
    return out;
  }
}
