import { ValidationError } from '../errors';
import { AtSpec, parseAt } from './at-expression';
import { MINUTE_MS } from './civil-time';
import { CronEvaluator } from './cron-evaluator';
import { CronOptions } from './cron-options';
import { CronSpec, parseCronFields } from './cron-spec';
import { cronToUtc } from './cron-to-utc';
import { describeCron } from './describe';
import { LastFireTimeOptions } from './last-fire-time-options';
import { NextFireTimesOptions } from './next-fire-times-options';
import { RateSpec, formatRate, parseRate } from './rate-expression';
import { RuleScheduleOptions } from './rule-schedule-options';
import { ScheduleKind } from './schedule-kind';
import { ScheduleTrigger } from './schedule-trigger';
import { TimeUnit } from './time-unit';
import { TimeZone } from './time-zone';
import { UtcConversion } from './utc-conversion';
import { instantsOf, wallMsIn } from './zone-clock';
import { TriggerKinds } from '../job/job-vocabulary';

/** Ever wider windows that `lastFireTime` searches back: an hour, a day, 32 days, 367 days, 30 years. */
const LAST_FIRE_WINDOWS_MS = [1, 24, 32 * 24, 367 * 24, 30 * 366 * 24].map((hours) => hours * 3_600_000);

const UNIT_WORDS: { [unit: string]: string } = {
  [TimeUnit.MINUTES]: 'minute',
  [TimeUnit.HOURS]: 'hour',
  [TimeUnit.DAYS]: 'day',
};

/**
 * An EventBridge schedule expression, `cron(...)`, `rate(...)` or `at(...)`,
 * validated exactly as AWS defines them, with its next fire times, its UTC
 * form for a rule, and a one-line description.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
export class Schedule {
  /** The most fire times `nextFireTimes` returns at once. */
  public static readonly MAX_FIRE_TIMES = 1000;

  /** How many fire times `nextFireTimes` returns by default. */
  public static readonly DEFAULT_FIRE_TIMES = 10;

  /**
   * A cron schedule from its fields, e.g. `Schedule.cron({ minute: '0', hour: '2' })` is `cron(0 2 * * ? *)`.
   */
  public static cron(options: CronOptions): Schedule {
    const day = options.day ?? (options.weekDay !== undefined ? '?' : '*');
    const weekDay = options.weekDay ?? '?';
    const fields = [options.minute ?? '*', options.hour ?? '*', day, options.month ?? '*', weekDay, options.year ?? '*'];
    return Schedule.expression(`cron(${fields.join(' ')})`);
  }

  /**
   * A rate schedule, e.g. `Schedule.rate(5, TimeUnit.MINUTES)` is `rate(5 minutes)`.
   *
   * @param value a positive whole number
   * @param unit minutes, hours or days
   */
  public static rate(value: number, unit: TimeUnit): Schedule {
    const word = UNIT_WORDS[unit];
    if (word === undefined) throw new ValidationError('rate', `unit '${unit}' is not a TimeUnit (MINUTES, HOURS, DAYS)`);
    if (!Number.isInteger(value) || value < 1) {
      throw new ValidationError('rate', `value '${value}' is not a positive whole number (1, 2, 3, …)`);
    }
    return Schedule.expression(formatRate(value, word));
  }

  /**
   * A one-time schedule (EventBridge Scheduler only), read in the schedule's time zone.
   *
   * @param localDateTime `yyyy-mm-ddThh:mm:ss`, e.g. `2026-12-01T09:00:00`
   */
  public static at(localDateTime: string): Schedule {
    return Schedule.expression(`at(${localDateTime})`);
  }

  /**
   * Parses and validates an expression: `cron(...)`, `rate(...)` or `at(...)`.
   * Throws a ValidationError that names the field and the reason, e.g.
   * `day-of-week: 8 is out of range (1-7 or SUN-SAT)`.
   *
   * @param expression the expression
   * @param field what the caller calls the expression, e.g. `--schedule`: the error then names it,
   * and the part of the expression that is wrong goes in the reason
   * (`--schedule: day-of-week 8 is out of range (1-7 or SUN-SAT)`). @default - the error names the part
   */
  public static expression(expression: string, field?: string): Schedule {
    if (field === undefined) return Schedule.parse(expression);
    try {
      return Schedule.parse(expression);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      throw new ValidationError(field, e.field === 'expression' ? e.reason : `${e.field} ${e.reason}`);
    }
  }

  /**
   * Parses and validates an expression as the given trigger accepts it, normalized to the form
   * every trigger accepts. EventBridge Scheduler takes a rate's unit in either number
   * (`rate(5 minute)` becomes `rate(5 minutes)`); a rule does not, and runs no one-time `at(...)`.
   * Throws a ValidationError that names the field and the reason.
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html
   * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html#scheduler-CreateSchedule-request-ScheduleExpression
   */
  public static forTrigger(expression: string, trigger: ScheduleTrigger): Schedule {
    if (trigger === ScheduleTrigger.SCHEDULER && typeof expression === 'string') {
      const m = /^\s*rate\((.*)\)\s*$/s.exec(expression);
      if (m) {
        const rate = parseRate(m[1], true);
        return new Schedule(formatRate(rate.value, rate.unit), ScheduleKind.RATE, { rate });
      }
    }
    const schedule = Schedule.expression(expression);
    if (trigger === ScheduleTrigger.RULE && schedule.kind === ScheduleKind.AT) {
      throw new ValidationError('expression', oneTimeOnRule(schedule.expressionString));
    }
    return schedule;
  }

  private static parse(expression: string): Schedule {
    if (typeof expression !== 'string') throw new ValidationError('expression', `${typeof expression} is not a string (cron(...), rate(...) or at(...))`);
    const m = /^\s*(cron|rate|at)\((.*)\)\s*$/s.exec(expression);
    if (!m) {
      throw new ValidationError('expression', `'${expression}' is not a schedule expression (cron(...), rate(...) or at(...))`);
    }
    const [, kind, body] = m;
    if (kind === 'cron') {
      const spec = parseCronFields(body);
      return new Schedule(`cron(${spec.fields.join(' ')})`, ScheduleKind.CRON, { cron: spec, evaluator: new CronEvaluator(spec) });
    }
    if (kind === 'rate') {
      const rate = parseRate(body);
      return new Schedule(formatRate(rate.value, rate.unit), ScheduleKind.RATE, { rate });
    }
    const at = parseAt(body);
    return new Schedule(`at(${at.text})`, ScheduleKind.AT, { at });
  }

  /** The expression, normalized to single spaces, e.g. `cron(0 2 * * ? *)`. */
  public readonly expressionString: string;

  /** Whether this is a cron, rate or one-time schedule. */
  public readonly kind: ScheduleKind;

  private readonly parsed: ParsedExpression;

  private constructor(expressionString: string, kind: ScheduleKind, parsed: ParsedExpression) {
    this.expressionString = expressionString;
    this.kind = kind;
    this.parsed = parsed;
  }

  /**
   * The next fire times strictly after `from`, as instants, earliest first.
   *
   * - cron: read in UTC, as an EventBridge rule does, or in `timeZone`, as
   *   EventBridge Scheduler does: a local time skipped by a spring-forward
   *   doesn't run, and one repeated by a fall-back runs once, at its first
   *   occurrence.
   * - rate: `from` is taken as the start of the schedule (AWS counts a rate
   *   from when the rule is created, or from a schedule's start date), so the
   *   fire times are `from` + 1, 2, 3, … intervals. A day is always 24 hours,
   *   even across a daylight saving change, so the zone doesn't matter.
   * - at: the one instant, if it is after `from`; none when it was skipped by a spring-forward.
   *
   * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#daylist-savings-time
   */
  public nextFireTimes(options?: NextFireTimesOptions): Date[] {
    const count = options?.count ?? Schedule.DEFAULT_FIRE_TIMES;
    if (!Number.isInteger(count) || count < 1 || count > Schedule.MAX_FIRE_TIMES) {
      throw new ValidationError('count', `${count} is out of range (1-${Schedule.MAX_FIRE_TIMES})`);
    }
    const from = options?.from ?? new Date();
    if (!(from instanceof Date) || isNaN(from.getTime())) throw new ValidationError('from', `${String(from)} is not a valid date (a Date)`);
    const zone = options?.timeZone === undefined ? undefined : TimeZone.validate(options.timeZone);
    const fromMs = from.getTime();
    const { cron, evaluator, rate, at } = this.parsed;

    if (rate) {
      return Array.from({ length: count }, (_, i) => new Date(fromMs + (i + 1) * rate.minutes * MINUTE_MS));
    }
    if (at) {
      const ms = zone === undefined ? at.wallMs : instantsOf(zone, at.wallMs - (at.wallMs % MINUTE_MS))[0] + (at.wallMs % MINUTE_MS);
      return ms > fromMs ? [new Date(ms)] : [];
    }
    if (cron && evaluator) {
      return zone === undefined || TimeZone.isUtc(zone) ? nextUtc(evaluator, fromMs, count) : nextInZone(evaluator, fromMs, count, zone);
    }
    return [];
  }

  /**
   * The latest fire time at or before `at`: when the run that starts at `at`
   * was due. The runner gives it to the handler as `event.time` when the
   * target could not pass the time itself.
   *
   * - cron: read in UTC or in `timeZone`, with Scheduler's daylight saving rules (see `nextFireTimes`).
   * - at: the one instant, if it is not after `at`.
   * - rate: undefined. A rate counts from when the rule or schedule was created, which the expression doesn't say.
   *
   * @returns the instant, or undefined when there is none (a rate, an `at()` still ahead, a cron that never fired in the last 30 years)
   */
  public lastFireTime(options?: LastFireTimeOptions): Date | undefined {
    const at = options?.at ?? new Date();
    if (!(at instanceof Date) || isNaN(at.getTime())) throw new ValidationError('at', `${String(at)} is not a valid date (a Date)`);
    const atMs = at.getTime();
    if (this.parsed.rate) return undefined;
    // Fire times strictly after `from`: step `from` back until one lands at or before `at`.
    // The widest window covers the rarest cron (29 February on a given weekday: every 28 years).
    for (const windowMs of LAST_FIRE_WINDOWS_MS) {
      let from = new Date(atMs - windowMs);
      let last: Date | undefined;
      for (;;) {
        const times = this.nextFireTimes({ count: Schedule.MAX_FIRE_TIMES, from, timeZone: options?.timeZone });
        const due = times.filter((t) => t.getTime() <= atMs);
        if (due.length > 0) last = due[due.length - 1];
        if (due.length < times.length || times.length < Schedule.MAX_FIRE_TIMES) break;
        from = times[times.length - 1];
      }
      if (last !== undefined) return last;
    }
    return undefined;
  }

  /**
   * The schedule an EventBridge rule runs: the one rule check the constructs and
   * the template share. A rule evaluates cron and rate in UTC only and runs no
   * one-time `at(...)`, so a schedule meant in a time zone converts to UTC
   * (`toUtc`), and a conversion that drifts with daylight saving time is refused
   * unless `allowInexact` is set. Throws a ValidationError naming
   * `scheduleField` (a one-time schedule) or `timeZoneField` (an inexact conversion).
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
   */
  public forRule(options: RuleScheduleOptions = {}): UtcConversion {
    if (this.kind === ScheduleKind.AT) {
      throw new ValidationError(options.scheduleField ?? 'schedule', oneTimeOnRule(this.expressionString));
    }
    if (options.timeZone === undefined) {
      return { schedule: this, expression: this.expressionString, exact: true, warnings: [] };
    }
    const conversion = this.toUtc(options.timeZone);
    if (!conversion.exact && options.allowInexact !== true) {
      const accept = options.allowInexactField === undefined ? '' : `, or set ${options.allowInexactField} to accept ${conversion.expression}`;
      throw new ValidationError(options.timeZoneField ?? 'timeZone',
        `${this.expressionString} in ${options.timeZone} has no exact UTC equivalent for a rule: ${conversion.warnings.join('; ')} (use trigger '${TriggerKinds.SCHEDULER}', which runs in the time zone${accept})`);
    }
    return conversion;
  }

  /**
   * Converts this schedule, meant in local time in `timeZone`, to the UTC
   * schedule an EventBridge rule needs (rules only run in UTC).
   *
   * Hours (and minutes, for zones like Asia/Kolkata) move by the zone's
   * offset; days of week and days of month move where the day changes:
   * Asia/Tokyo `cron(0 8 ? * MON *)` is `cron(0 23 ? * SUN *)`. When the zone
   * observes daylight saving time, or one UTC cron can't say the same days,
   * the result is not exact and its warnings recommend EventBridge Scheduler
   * with `schedule_expression_timezone`. A rate is the same in every zone; an
   * `at()` becomes the UTC date and time.
   *
   * @param timeZone the IANA time zone the expression is meant in, e.g. `Asia/Tokyo`
   */
  public toUtc(timeZone: string): UtcConversion {
    const zone = TimeZone.validate(timeZone);
    const { cron, rate, at } = this.parsed;
    if (rate || TimeZone.isUtc(zone)) {
      return { schedule: this, expression: this.expressionString, exact: true, warnings: [] };
    }
    if (at) {
      const instant = instantsOf(zone, at.wallMs - (at.wallMs % MINUTE_MS))[0];
      if (instant === undefined) {
        const warning = `${at.text} doesn't exist in ${zone} (a daylight saving change skips it), so Scheduler never runs it; pick another time`;
        return { schedule: this, expression: this.expressionString, exact: false, warnings: [warning] };
      }
      const utc = Schedule.at(new Date(instant + (at.wallMs % MINUTE_MS)).toISOString().slice(0, 19));
      return { schedule: utc, expression: utc.expressionString, exact: true, warnings: [] };
    }
    const converted = cronToUtc(cron!, zone, new Date().getUTCFullYear());
    const schedule = Schedule.expression(`cron(${converted.fields.join(' ')})`);
    return { schedule, expression: schedule.expressionString, exact: converted.exact, warnings: converted.warnings };
  }

  /**
   * One line for people, e.g. "At 02:00 every day, Asia/Tokyo".
   *
   * @param timeZone the zone the expression is read in. Default: 'UTC'
   */
  public describe(timeZone?: string): string {
    const zone = timeZone === undefined ? 'UTC' : TimeZone.validate(timeZone);
    const { cron, rate, at } = this.parsed;
    if (cron) return describeCron(cron, zone);
    if (rate) return `Every ${rate.value === 1 ? rate.unit : `${rate.value} ${rate.unit}s`}`;
    return `Once at ${at!.text.replace('T', ' ')}, ${zone}`;
  }

  /** The expression string. */
  public toString(): string {
    return this.expressionString;
  }
}

/** Why a rule cannot run a one-time schedule (`Schedule.forTrigger` and `Schedule.forRule`). */
function oneTimeOnRule(expression: string): string {
  return `'${expression}' is a one-time schedule: EventBridge rules take cron(...) or rate(...), Scheduler takes at(...)`;
}

/** What the expression parsed into; exactly one of cron, rate and at is set. */
interface ParsedExpression {
  readonly cron?: CronSpec;
  readonly evaluator?: CronEvaluator;
  readonly rate?: RateSpec;
  readonly at?: AtSpec;
}

/** Fire times of a rule: the cron's wall clock is UTC. */
function nextUtc(evaluator: CronEvaluator, fromMs: number, count: number): Date[] {
  const minutes = evaluator.nextMinutes(Math.floor(fromMs / MINUTE_MS) + 1, count);
  const out = new Array<Date>(minutes.length);
  for (let i = 0; i < minutes.length; i++) out[i] = new Date(minutes[i] * MINUTE_MS);
  return out;
}

/**
 * Fire times of a Scheduler schedule in `zone`. The search starts at the wall
 * minute showing at `from`: any earlier wall time has already been shown (or
 * skipped) by then, so its first occurrence is not after `from`.
 */
function nextInZone(evaluator: CronEvaluator, fromMs: number, count: number, zone: string): Date[] {
  const out: Date[] = [];
  let minute = wallMsIn(zone, fromMs) / MINUTE_MS;
  while (out.length < count) {
    const next = evaluator.nextMinute(minute);
    if (next < 0) break;
    // A skipped local time has no instant; a repeated one runs at the first.
    const instant = instantsOf(zone, next * MINUTE_MS)[0];
    if (instant !== undefined && instant > fromMs) out.push(new Date(instant));
    minute = next + 1;
  }
  return out;
}
