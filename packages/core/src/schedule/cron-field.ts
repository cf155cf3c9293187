import { ValidationError } from '../errors';

/** One numeric cron field: which values it allows, and how it was written. */
export interface FieldSpec {
  /** Field name used in errors, as the AWS docs name it. */
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Upper-case names accepted for values, index 0 = `min`. */
  readonly names?: readonly string[];
  /** How to say the allowed range in an error. */
  readonly allowed: string;
}

export const MINUTE: FieldSpec = { name: 'minute', min: 0, max: 59, allowed: '0-59' };
export const HOUR: FieldSpec = { name: 'hour', min: 0, max: 23, allowed: '0-23' };
export const DAY_OF_MONTH: FieldSpec = { name: 'day-of-month', min: 1, max: 31, allowed: '1-31' };
export const MONTH: FieldSpec = {
  name: 'month',
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  allowed: '1-12 or JAN-DEC',
};
export const DAY_OF_WEEK: FieldSpec = {
  name: 'day-of-week',
  min: 1,
  max: 7,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
  allowed: '1-7 or SUN-SAT',
};
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions
export const YEAR: FieldSpec = { name: 'year', min: 1970, max: 2199, allowed: '1970-2199' };

/** A parsed numeric field: the sorted allowed values. */
export interface NumericField {
  readonly values: readonly number[];
  /** True when the field is `*` (or covers every value). */
  readonly all: boolean;
  /** True when the field was written with names (JAN, MON), so output keeps using names. */
  readonly usesNames: boolean;
}

/** Parses one value: a number or, where the field has names, a name. */
export function parseValue(spec: FieldSpec, text: string): number {
  const upper = text.toUpperCase();
  if (spec.names) {
    const i = spec.names.indexOf(upper);
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
 * Special characters (`? L W #`) are handled by the caller before this.
 */
export function parseNumericField(spec: FieldSpec, text: string): NumericField {
  if (text === '') throw new ValidationError(spec.name, 'is empty');
  const set = new Set<number>();
  let usesNames = false;
  for (const item of text.split(',')) {
    if (item === '') throw new ValidationError(spec.name, `'${text}' has an empty list item`);
    const [range, stepText, extra] = item.split('/');
    if (extra !== undefined) throw new ValidationError(spec.name, `'${item}' has more than one '/'`);
    let start: number;
    let end: number;
    if (range === '*') {
      start = spec.min;
      end = spec.max;
    } else {
      const parts = range.split('-');
      if (parts.length > 2 || parts.some((p) => p === '')) {
        throw new ValidationError(spec.name, `'${item}' is not a valid range (use a-b)`);
      }
      usesNames ||= parts.some((p) => /[a-z]/i.test(p));
      start = parseValue(spec, parts[0]);
      end = parts.length === 2 ? parseValue(spec, parts[1]) : stepText !== undefined ? spec.max : start;
      if (start > end) {
        throw new ValidationError(spec.name, `range '${range}' starts after it ends (${spec.allowed}, ascending)`);
      }
    }
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) {
        throw new ValidationError(spec.name, `step '${stepText}' in '${item}' must be a positive integer`);
      }
      step = Number(stepText);
    }
    for (let v = start; v <= end; v += step) set.add(v);
  }
  const values = [...set].sort((a, b) => a - b);
  return { values, all: values.length === spec.max - spec.min + 1, usesNames };
}

/** Formats a value set back into cron syntax: `*`, `*\/n`, ranges and lists. */
export function formatValues(spec: FieldSpec, values: readonly number[], useNames = false): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length === spec.max - spec.min + 1) return '*';
  const name = (v: number) => (useNames && spec.names ? spec.names[v - spec.min] : String(v));
  if (sorted.length >= 3 && !useNames) {
    const step = sorted[1] - sorted[0];
    const isProgression = sorted.every((v, i) => i === 0 || v - sorted[i - 1] === step);
    if (isProgression && step > 1 && sorted[sorted.length - 1] + step > spec.max && sorted[0] - step < spec.min) {
      return sorted[0] === spec.min ? `*/${step}` : `${sorted[0]}/${step}`;
    }
  }
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${name(sorted[i])}-${name(sorted[j])}`);
    else for (let k = i; k <= j; k++) parts.push(name(sorted[k]));
    i = j + 1;
  }
  return parts.join(',');
}
