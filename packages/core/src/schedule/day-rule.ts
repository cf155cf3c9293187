import { cronWeekday, daysInMonth } from './civil-time';
import { DAY_OF_MONTH, DAY_OF_WEEK, NumericField, checkWildcards, parseNumericField, parseValue } from './cron-field';
import { ValidationError } from '../errors';

/**
 * What a day-of-month or day-of-week field selects.
 *
 * AWS defines the day wildcards only by example
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions):
 * `L` is "the last day of the month or week", `3W` "the weekday closest to the
 * third day of the month", `3#2` "the second Tuesday of the month", and only
 * one `#` expression is allowed. Where the docs are silent we follow Quartz,
 * whose syntax AWS cron is: `L` alone in day-of-week is 7 (SAT), `6L` is the
 * last Friday of the month, `LW` the last weekday of the month; and `L`, `W`
 * and `#` stand alone, never inside a list, range or step. `L-3` (an offset
 * from the last day) is not in the AWS syntax and is rejected.
 */
export type DayRule =
  | { readonly kind: 'any' } // `?`
  | { readonly kind: 'set'; readonly field: NumericField } // numbers, ranges, lists, steps, `*` (and day-of-week `L` = SAT)
  | { readonly kind: 'last' } // day-of-month `L`
  | { readonly kind: 'lastWeekday' } // day-of-month `LW`
  | { readonly kind: 'nearestWeekday'; readonly day: number } // day-of-month `15W`
  | { readonly kind: 'lastOf'; readonly weekday: number } // day-of-week `6L`: last Friday
  | { readonly kind: 'nth'; readonly weekday: number; readonly nth: number }; // day-of-week `3#2`: second Tuesday

const SATURDAY: NumericField = { values: [7], all: false, usesNames: false };

export function parseDayOfMonth(text: string): DayRule {
  const upper = text.toUpperCase();
  if (upper === '?') return { kind: 'any' };
  checkWildcards(DAY_OF_MONTH, text);
  if (upper === 'L') return { kind: 'last' };
  if (upper === 'LW') return { kind: 'lastWeekday' };
  if (/^L-\d+$/.test(upper)) {
    throw new ValidationError(DAY_OF_MONTH.name, `'${text}': an offset from the last day is not in the AWS cron syntax (use L, LW or <day>W)`);
  }
  if (upper.includes('L') || upper.includes('W')) {
    const m = /^(\d+)W$/.exec(upper);
    if (!m) {
      throw new ValidationError(DAY_OF_MONTH.name, `'${text}': L and W stand alone, not in a list, range or step (use L, LW or <day>W, e.g. 15W)`);
    }
    return { kind: 'nearestWeekday', day: parseValue(DAY_OF_MONTH, m[1]) };
  }
  if (upper.includes('?')) throw new ValidationError(DAY_OF_MONTH.name, `'${text}': '?' stands alone (use ? or a day)`);
  return { kind: 'set', field: parseNumericField(DAY_OF_MONTH, text) };
}

export function parseDayOfWeek(text: string): DayRule {
  const upper = text.toUpperCase();
  if (upper === '?') return { kind: 'any' };
  checkWildcards(DAY_OF_WEEK, text);
  const hashes = upper.split('#').length - 1;
  if (hashes > 1) {
    throw new ValidationError(DAY_OF_WEEK.name, `'${text}' has ${hashes} '#' expressions (at most one, e.g. 3#2)`);
  }
  if (hashes === 1) {
    const m = /^([A-Z0-9]+)#(\d+)$/.exec(upper);
    if (!m) throw new ValidationError(DAY_OF_WEEK.name, `'${text}': '#' stands alone, not in a list or range (use <weekday>#<n>, e.g. 3#2)`);
    const nth = Number(m[2]);
    if (nth < 1 || nth > 5) throw new ValidationError(DAY_OF_WEEK.name, `occurrence ${nth} in '${text}' is out of range (1-5)`);
    return { kind: 'nth', weekday: parseValue(DAY_OF_WEEK, m[1]), nth };
  }
  // No weekday name contains an L, so any L here is the wildcard.
  if (upper === 'L') return { kind: 'set', field: SATURDAY };
  if (upper.includes('L')) {
    const m = /^([A-Z0-9]+)L$/.exec(upper);
    if (!m) throw new ValidationError(DAY_OF_WEEK.name, `'${text}': L stands alone, not in a list or range (use L or <weekday>L, e.g. 6L)`);
    return { kind: 'lastOf', weekday: parseValue(DAY_OF_WEEK, m[1]) };
  }
  if (upper.includes('?')) throw new ValidationError(DAY_OF_WEEK.name, `'${text}': '?' stands alone (use ? or a weekday)`);
  return { kind: 'set', field: parseNumericField(DAY_OF_WEEK, text) };
}

/**
 * The one day of `year-month` that a single-day rule (`L`, `LW`, `15W`, `6L`,
 * `3#2`) selects, or -1 when the month has none (a fifth Friday, a 31st).
 */
export function singleDay(rule: DayRule, year: number, month: number): number {
  const last = daysInMonth(year, month);
  switch (rule.kind) {
    case 'last':
      return last;
    case 'lastWeekday': {
      const wd = cronWeekday(year, month, last);
      return wd === 1 ? last - 2 : wd === 7 ? last - 1 : last;
    }
    case 'nearestWeekday': {
      // The nearest weekday never leaves the month (Quartz: 1W on a Saturday is Monday the 3rd).
      // A target past the month's end selects nothing, like a plain 31 in a 30-day month.
      if (rule.day > last) return -1;
      const wd = cronWeekday(year, month, rule.day);
      if (wd === 7) return rule.day === 1 ? 3 : rule.day - 1;
      if (wd === 1) return rule.day === last ? rule.day - 2 : rule.day + 1;
      return rule.day;
    }
    case 'lastOf':
      return last - ((cronWeekday(year, month, last) - rule.weekday + 7) % 7);
    case 'nth': {
      const day = ((rule.weekday - cronWeekday(year, month, 1) + 7) % 7) + 1 + 7 * (rule.nth - 1);
      return day <= last ? day : -1;
    }
    default:
      throw new Error(`not a single-day rule: ${rule.kind}`);
  }
}
