import { ValidationError } from '../errors';

// The six cron fields, their values and the wildcards each allows, exactly as
// the AWS table lists them:
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions
//
//   Minutes       0-59              , - * /
//   Hours         0-23              , - * /
//   Day-of-month  1-31              , - * ? / L W
//   Month         1-12 or JAN-DEC   , - * /
//   Day-of-week   1-7 or SUN-SAT    , - * ? L #
//   Year          1970-2199         , - * /

/** One cron field: which values it takes, which wildcards, and how errors name it. */
export interface FieldSpec {
  /** Field name used in errors. */
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Upper-case names accepted for values, index 0 = `min`. */
  readonly names?: readonly string[];
  /** The values, as an error says them. */
  readonly allowed: string;
  /** The wildcards AWS allows in this field. */
  readonly wildcards: string;
  /**
   * The largest `/` increment. AWS doesn't state one; these are the limits of
   * Quartz, whose syntax AWS cron follows, so a step that would select at most
   * one value by accident (`*\/90`) is caught here rather than at deploy time.
   */
  readonly maxStep: number;
}

export const MINUTE: FieldSpec = { name: 'minute', min: 0, max: 59, allowed: '0-59', wildcards: ', - * /', maxStep: 59 };
export const HOUR: FieldSpec = { name: 'hour', min: 0, max: 23, allowed: '0-23', wildcards: ', - * /', maxStep: 23 };
export const DAY_OF_MONTH: FieldSpec = {
  name: 'day-of-month', min: 1, max: 31, allowed: '1-31', wildcards: ', - * ? / L W', maxStep: 31,
};
export const MONTH: FieldSpec = {
  name: 'month',
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  allowed: '1-12 or JAN-DEC',
  wildcards: ', - * /',
  maxStep: 12,
};
export const DAY_OF_WEEK: FieldSpec = {
  name: 'day-of-week',
  min: 1,
  max: 7,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
  allowed: '1-7 or SUN-SAT',
  wildcards: ', - * ? L #',
  maxStep: 7,
};
export const YEAR: FieldSpec = { name: 'year', min: 1970, max: 2199, allowed: '1970-2199', wildcards: ', - * /', maxStep: 229 };

/** A parsed list/range/step field: the values it selects. */
export interface NumericField {
  /** The selected values, ascending, without duplicates. */
  readonly values: readonly number[];
  /** True when the field selects every value (`*`, or a list that covers the range). */
  readonly all: boolean;
  /** True when the field was written with names (JAN, MON), so output keeps using names. */
  readonly usesNames: boolean;
}

/**
 * Rejects any wildcard the field doesn't allow, naming what it does allow.
 * Names are masked first, so the W of WED or the L of JUL is not a wildcard.
 */
export function checkWildcards(spec: FieldSpec, text: string): void {
  const names = spec.names;
  const masked = names && /[a-z]/i.test(text) ? text.replace(/[a-z]{3}/gi, (s) => (names.includes(s.toUpperCase()) ? '0' : s)) : text;
  for (const c of masked.toUpperCase()) {
    if (',-*/?LW#'.includes(c) && !spec.wildcards.includes(c)) {
      throw new ValidationError(spec.name, `'${c}' is not allowed in '${text}' (${spec.name} allows the wildcards ${spec.wildcards})`);
    }
  }
}

/** Parses one value: a number or, where the field has names, a name (any case). */
export function parseValue(spec: FieldSpec, text: string): number {
  if (spec.names) {
    const i = spec.names.indexOf(text.toUpperCase());
    if (i >= 0) return spec.min + i;
  }
  if (!/^\d+$/.test(text)) {
    throw new ValidationError(spec.name, `'${text}' is not a valid value (${spec.allowed})`);
  }
  const n = Number(text);
  if (n < spec.min || n > spec.max) {
    throw new ValidationError(spec.name, `${n} is out of range (${spec.allowed})`);
  }
  return n;
}

/**
 * Parses `*`, `a`, `a-b`, `*\/n`, `a/n`, `a-b/n` and comma lists of them.
 * `a/n` runs from `a` to the end of the range, as in the AWS example
 * `1/10` = minutes 1, 11, 21, … The special day wildcards (`? L W #`) are
 * handled before this, in day-rule.ts.
 */
export function parseNumericField(spec: FieldSpec, text: string): NumericField {
  // The common forms first: schedules are parsed often (every CLI call, every synth).
  if (text === '*') return everyValue(spec);
  if (/^\d{1,4}$/.test(text)) return { values: [parseValue(spec, text)], all: spec.min === spec.max, usesNames: false };
  checkWildcards(spec, text);
  const set = new Set<number>();
  let usesNames = false;
  for (const item of text.split(',')) {
    if (item === '') throw new ValidationError(spec.name, `'${text}' has an empty list item (write a,b,c)`);
    const [range, stepText, extra] = item.split('/');
    if (extra !== undefined) throw new ValidationError(spec.name, `'${item}' has more than one '/' (write start/step)`);
    let start: number;
    let end: number;
    if (range === '*') {
      start = spec.min;
      end = spec.max;
    } else {
      const parts = range.split('-');
      if (parts.length > 2 || parts.some((p) => p === '')) {
        throw new ValidationError(spec.name, `'${item}' is not a valid range (write a-b, e.g. ${spec.min}-${spec.min + 1})`);
      }
      usesNames ||= parts.some((p) => /[a-z]/i.test(p));
      start = parseValue(spec, parts[0]);
      end = parts.length === 2 ? parseValue(spec, parts[1]) : stepText !== undefined ? spec.max : start;
      if (start > end) {
        // Quartz wraps such ranges around; AWS documents none, so we ask for a list instead of guessing.
        throw new ValidationError(spec.name, `range '${range}' starts after it ends (write it ascending, or as a list: a-${spec.max},${spec.min}-b)`);
      }
    }
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText)) {
        throw new ValidationError(spec.name, `step '${stepText}' in '${item}' is not a whole number (1-${spec.maxStep})`);
      }
      step = Number(stepText);
      if (step < 1 || step > spec.maxStep) {
        throw new ValidationError(spec.name, `step ${step} in '${item}' is out of range (1-${spec.maxStep})`);
      }
    }
    for (let v = start; v <= end; v += step) set.add(v);
  }
  const values = [...set].sort((a, b) => a - b);
  return { values, all: values.length === spec.max - spec.min + 1, usesNames };
}

const EVERY_VALUE = new Map<string, NumericField>();

/** `*`: every value of the field (one shared, frozen instance per field). */
function everyValue(spec: FieldSpec): NumericField {
  let field = EVERY_VALUE.get(spec.name);
  if (!field) {
    const values = Object.freeze(Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i));
    field = Object.freeze({ values, all: true, usesNames: false });
    EVERY_VALUE.set(spec.name, field);
  }
  return field;
}

/** Formats a value set back into cron syntax: `*`, `*\/n`, `a/n`, ranges and lists. */
export function formatValues(spec: FieldSpec, values: readonly number[], useNames = false): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length === spec.max - spec.min + 1) return '*';
  const name = (v: number) => (useNames && spec.names ? spec.names[v - spec.min] : String(v));
  if (sorted.length >= 3 && !useNames && spec.wildcards.includes('/')) {
    const step = sorted[1] - sorted[0];
    const isProgression = sorted.every((v, i) => i === 0 || v - sorted[i - 1] === step);
    if (isProgression && step > 1 && sorted[sorted.length - 1] + step > spec.max && sorted[0] - step < spec.min) {
      return sorted[0] === spec.min ? `*/${step}` : `${sorted[0]}/${step}`;
    }
  }
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${name(sorted[i])}-${name(sorted[j])}`);
    else for (let k = i; k <= j; k++) parts.push(name(sorted[k]));
    i = j + 1;
  }
  return parts.join(',');
}
