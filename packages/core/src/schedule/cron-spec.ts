import { HOUR, MINUTE, MONTH, NumericField, YEAR, parseNumericField } from './cron-field';
import { DayRule, matchingDays, parseDayOfMonth, parseDayOfWeek } from './day-rule';
import { ValidationError } from '../errors';

/** A validated cron expression, ready to evaluate. */
export interface CronSpec {
  readonly fields: readonly string[];
  readonly minute: NumericField;
  readonly hour: NumericField;
  readonly dayOfMonth: DayRule;
  readonly month: NumericField;
  readonly dayOfWeek: DayRule;
  readonly year: NumericField;
}

/**
 * Parses the six fields inside `cron(...)`.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions
 */
export function parseCronFields(body: string): CronSpec {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new ValidationError(
      'expression',
      `cron needs 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`,
    );
  }
  const [mi, h, dom, mo, dow, y] = fields;
  for (const [name, text] of [['minute', mi], ['hour', h], ['month', mo], ['year', y]] as const) {
    const bad = /[?LW#]/i.exec(text.replace(/[A-Z]{3}/gi, (s) => (name === 'month' ? '' : s)));
    if (bad) throw new ValidationError(name, `'${bad[0]}' is not allowed here (only in day-of-month or day-of-week)`);
  }
  const spec: CronSpec = {
    fields,
    minute: parseNumericField(MINUTE, mi),
    hour: parseNumericField(HOUR, h),
    dayOfMonth: parseDayOfMonth(dom),
    month: parseNumericField(MONTH, mo),
    dayOfWeek: parseDayOfWeek(dow),
    year: parseNumericField(YEAR, y),
  };
  const domAny = spec.dayOfMonth.kind === 'any';
  const dowAny = spec.dayOfWeek.kind === 'any';
  if (domAny === dowAny) {
    throw new ValidationError(
      domAny ? 'day-of-month' : 'day-of-week',
      domAny
        ? "both day-of-month and day-of-week are '?' (exactly one must be '?')"
        : "one of day-of-month or day-of-week must be '?' (you can't specify both)",
    );
  }
  return spec;
}

/** Wall-clock fields of a moment, in whichever zone the caller reasons in. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

function firstAtLeast(values: readonly number[], v: number): number | undefined {
  // Field value lists are short (≤ 60); a linear scan beats a binary search here.
  for (const x of values) if (x >= v) return x;
  return undefined;
}

/**
 * The first wall time at or after `t` that the spec matches, jumping field by
 * field (year → month → day → hour → minute). Never scans minute by minute.
 */
export function nextMatch(spec: CronSpec, t: WallTime): WallTime | undefined {
  let { year, month, day, hour, minute } = t;
  const days = spec.dayOfMonth.kind === 'any'
    ? (y: number, m: number) => matchingDays(spec.dayOfWeek, true, y, m)
    : (y: number, m: number) => matchingDays(spec.dayOfMonth, false, y, m);
  for (;;) {
    const y = firstAtLeast(spec.year.values, year);
    if (y === undefined) return undefined;
    if (y !== year) [year, month, day, hour, minute] = [y, 1, 1, 0, 0];

    const mo = firstAtLeast(spec.month.values, month);
    if (mo === undefined) {
      [year, month, day, hour, minute] = [year + 1, 1, 1, 0, 0];
      continue;
    }
    if (mo !== month) [month, day, hour, minute] = [mo, 1, 0, 0];

    const d = firstAtLeast(days(year, month), day);
    if (d === undefined) {
      if (month === 12) [year, month] = [year + 1, 1];
      else month++;
      [day, hour, minute] = [1, 0, 0];
      continue;
    }
    if (d !== day) [day, hour, minute] = [d, 0, 0];

    const h = firstAtLeast(spec.hour.values, hour);
    if (h === undefined) {
      [day, hour, minute] = [day + 1, 0, 0];
      continue;
    }
    if (h !== hour) [hour, minute] = [h, 0];

    const mi = firstAtLeast(spec.minute.values, minute);
    if (mi === undefined) {
      [hour, minute] = [hour + 1, 0];
      if (hour === 24) [day, hour] = [day + 1, 0];
      continue;
    }
    return { year, month, day, hour, minute: mi };
  }
}
