import { DAY_OF_MONTH, DAY_OF_WEEK, FieldSpec, NumericField, parseNumericField, parseValue } from './cron-field';
import { ValidationError } from '../errors';

/**
 * What a day-of-month or day-of-week field selects.
 *
 * `L`, `W` and `#` stand alone: AWS documents them as single values, not as
 * list or range items.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions
 */
export type DayRule =
  | { readonly kind: 'any' } // `?`
  | { readonly kind: 'set'; readonly field: NumericField } // numbers, ranges, lists, steps, `*`
  | { readonly kind: 'last' } // day-of-month `L`
  | { readonly kind: 'lastWeekday' } // day-of-month `LW`
  | { readonly kind: 'nearestWeekday'; readonly day: number } // day-of-month `15W`
  | { readonly kind: 'lastOf'; readonly weekday: number } // day-of-week `5L`: last Thursday
  | { readonly kind: 'nth'; readonly weekday: number; readonly nth: number }; // day-of-week `3#2`

function special(spec: FieldSpec, text: string, what: string): never {
  throw new ValidationError(spec.name, `'${text}': ${what}`);
}

export function parseDayOfMonth(text: string): DayRule {
  const upper = text.toUpperCase();
  if (upper === '?') return { kind: 'any' };
  if (upper === 'L') return { kind: 'last' };
  if (upper === 'LW') return { kind: 'lastWeekday' };
  if (upper.includes('#')) special(DAY_OF_MONTH, text, "'#' is only allowed in day-of-week");
  if (upper.includes('W') || upper.includes('L')) {
    const m = /^(\d+)W$/.exec(upper);
    if (!m) special(DAY_OF_MONTH, text, "use 'L', 'LW' or '<day>W' alone, not in a list or range");
    return { kind: 'nearestWeekday', day: parseValue(DAY_OF_MONTH, m[1]) };
  }
  return { kind: 'set', field: parseNumericField(DAY_OF_MONTH, text) };
}

export function parseDayOfWeek(text: string): DayRule {
  const upper = text.toUpperCase();
  if (upper === '?') return { kind: 'any' };
  if (upper.includes('W')) {
    // Names contain no W, except WED: only reject W when it isn't part of WED.
    if (upper.replace(/WED/g, '').includes('W')) special(DAY_OF_WEEK, text, "'W' is only allowed in day-of-month");
  }
  if ((upper.match(/#/g) ?? []).length > 1) special(DAY_OF_WEEK, text, "at most one '#' is allowed");
  if (upper.includes('#')) {
    const m = /^([A-Z0-9]+)#(\d+)$/.exec(upper);
    if (!m) special(DAY_OF_WEEK, text, "use '<weekday>#<n>' alone, not in a list or range");
    const nth = Number(m[2]);
    if (nth < 1 || nth > 5) throw new ValidationError(DAY_OF_WEEK.name, `'${text}': occurrence ${nth} is out of range (1-5)`);
    return { kind: 'nth', weekday: parseValue(DAY_OF_WEEK, m[1]), nth };
  }
  if (upper === 'L') return { kind: 'lastOf', weekday: 7 };
  if (upper.endsWith('L') && !/^[A-Z]{3}$/.test(upper)) {
    const m = /^([A-Z0-9]+)L$/.exec(upper);
    if (!m) special(DAY_OF_WEEK, text, "use 'L' or '<weekday>L' alone, not in a list or range");
    return { kind: 'lastOf', weekday: parseValue(DAY_OF_WEEK, m[1]) };
  }
  return { kind: 'set', field: parseNumericField(DAY_OF_WEEK, text) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Cron weekday (1 = SUN … 7 = SAT) of a calendar date. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

/** The days of `year-month` that the rule selects, ascending. */
export function matchingDays(rule: DayRule, isDayOfWeek: boolean, year: number, month: number): number[] {
  const last = daysInMonth(year, month);
  switch (rule.kind) {
    case 'any':
      return [];
    case 'last':
      return [last];
    case 'lastWeekday': {
      const wd = weekdayOf(year, month, last);
      return [wd === 1 ? last - 2 : wd === 7 ? last - 1 : last];
    }
    case 'nearestWeekday': {
      // The nearest weekday never leaves the month (AWS/Quartz `W` semantics).
      if (rule.day > last) return [];
      const wd = weekdayOf(year, month, rule.day);
      if (wd === 7) return [rule.day === 1 ? 3 : rule.day - 1];
      if (wd === 1) return [rule.day === last ? rule.day - 2 : rule.day + 1];
      return [rule.day];
    }
    case 'lastOf': {
      const offset = (weekdayOf(year, month, last) - rule.weekday + 7) % 7;
      return [last - offset];
    }
    case 'nth': {
      const first = (rule.weekday - weekdayOf(year, month, 1) + 7) % 7 + 1;
      const day = first + 7 * (rule.nth - 1);
      return day <= last ? [day] : [];
    }
    case 'set': {
      if (!isDayOfWeek) return rule.field.values.filter((d) => d <= last);
      const allowed = new Set(rule.field.values);
      const out: number[] = [];
      let wd = weekdayOf(year, month, 1);
      for (let d = 1; d <= last; d++) {
        if (allowed.has(wd)) out.push(d);
        wd = wd === 7 ? 1 : wd + 1;
      }
      return out;
    }
  }
}
