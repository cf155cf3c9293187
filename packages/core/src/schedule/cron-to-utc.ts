import { daysInMonth } from './civil-time';
import { DAY_OF_MONTH, DAY_OF_WEEK, HOUR, MINUTE, MONTH, formatValues } from './cron-field';
import { CronSpec } from './cron-spec';
import { offsetsDuringYear } from './zone-clock';

/** A local cron converted to the UTC fields of a rule. */
export interface CronUtcFields {
  readonly fields: readonly string[];
  readonly exact: boolean;
  readonly warnings: string[];
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}

function useScheduler(zone: string): string {
  return `use EventBridge Scheduler with schedule_expression_timezone = "${zone}" to run in local time`;
}

/** The years whose offsets matter: those the cron names from `thisYear` on, or this year and next. */
function yearsToCheck(spec: CronSpec, thisYear: number): number[] {
  if (spec.year.all) return [thisYear, thisYear + 1];
  const future = spec.year.values.filter((y) => y >= thisYear).slice(0, 3);
  return future.length > 0 ? future : [spec.year.values[spec.year.values.length - 1]];
}

/**
 * Converts a cron meant in local time in `zone` to the cron an EventBridge
 * rule needs, since rules only run in UTC
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
 *
 * Minutes and hours move by the zone's offset (standard time, when the zone
 * has daylight saving time). Where a time moves to the day before or after,
 * days of week and days of month move with it, when one cron can say so.
 * Anything else is returned as a best effort with `exact: false` and warnings
 * that recommend Scheduler, which evaluates the cron in the zone itself
 * (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#time-zones).
 */
export function cronToUtc(spec: CronSpec, zone: string, thisYear: number): CronUtcFields {
  const warnings: string[] = [];
  const offsets = [...new Set(yearsToCheck(spec, thisYear).flatMap((y) => offsetsDuringYear(zone, y)))].sort((a, b) => a - b);
  // Standard time is the smaller offset, in both hemispheres.
  const offset = offsets[0];
  if (offsets.length > 1) {
    const gap = offsets[offsets.length - 1] - offset;
    warnings.push(
      `${zone} observes daylight saving time (${offsets.map(formatOffset).join(' / ')}): the rule uses standard time ${formatOffset(offset)}, ` +
        `so while daylight saving time is in effect it runs ${gap % 60 ? `${gap} minutes` : `${gap / 60} hour${gap === 60 ? '' : 's'}`} later in local time; ${useScheduler(zone)}`,
    );
  }

  // Each local (hour, minute) lands on a UTC (hour, minute), on the same day, the day before or the day after.
  const pairs = new Set<number>();
  const shifts = new Set<number>();
  for (const h of spec.hour.values) {
    for (const m of spec.minute.values) {
      const total = h * 60 + m - offset;
      const shift = Math.floor(total / 1440);
      shifts.add(shift);
      pairs.add(total - shift * 1440);
    }
  }
  const hours = [...new Set([...pairs].map((t) => Math.floor(t / 60)))];
  const minutes = [...new Set([...pairs].map((t) => t % 60))];
  if (hours.length * minutes.length !== pairs.size) {
    warnings.push(`the local times are not one set of minutes at one set of hours in UTC, so the rule also fires at times in between; ${useScheduler(zone)}`);
  }

  const [, , dom, month, dow, year] = spec.fields;
  let days: readonly string[] = [dom, month, dow];
  const everyDay = spec.month.all && spec.year.all &&
    ((spec.dayOfMonth.kind === 'set' && spec.dayOfMonth.field.all) || (spec.dayOfWeek.kind === 'set' && spec.dayOfWeek.field.all));
  if (!everyDay && shifts.size > 1) {
    warnings.push(`some local times fall on the UTC day before or after and some don't, which one rule can't express; ${useScheduler(zone)}`);
  } else if (!everyDay && !shifts.has(0)) {
    const shift = [...shifts][0];
    const shifted = shiftDays(spec, shift);
    if (shifted) {
      days = shifted;
    } else {
      warnings.push(
        `the local times fall on the UTC day ${shift < 0 ? 'before' : 'after'}, and '${dom} ${month} ${dow}' moved a day ${shift < 0 ? 'back' : 'forward'} ` +
          `can't be written as one cron (e.g. the 1st with other days, or across a month or year edge); ${useScheduler(zone)}`,
      );
    }
  }
  const fields = [formatValues(MINUTE, minutes), formatValues(HOUR, hours), days[0], days[1], days[2], year];
  return { fields, exact: warnings.length === 0, warnings };
}

/** Day-of-month, month and day-of-week moved by `shift` (±1) days, or undefined when one cron can't say it. */
function shiftDays(spec: CronSpec, shift: number): readonly string[] | undefined {
  const [, , , month] = spec.fields;
  const dom = spec.dayOfMonth;
  const dow = spec.dayOfWeek;
  if (dow.kind === 'set') {
    // A weekday moves with the day, but a month or year filter would cut the wrong days at its edges.
    if (!spec.month.all || !spec.year.all) return undefined;
    const values = dow.field.values.map((v) => ((v - 1 + shift + 7) % 7) + 1);
    return ['?', month, formatValues(DAY_OF_WEEK, values, dow.field.usesNames)];
  }
  if (dom.kind === 'set') {
    const values = dom.field.values;
    // Local day d is UTC day d-1 (or d+1) of the same month, unless one of the
    // two doesn't exist in that month: a local 29 FEB in a common year (UTC
    // 28 FEB would fire anyway), or a local 30 APR moved forward (UTC 31 APR never fires).
    const lastDays = possibleLastDays(spec);
    if (shift < 0 && values[0] >= 2 && !values.some((d) => lastDays.has(d - 1))) {
      return [formatValues(DAY_OF_MONTH, values.map((d) => d - 1)), month, '?'];
    }
    if (shift < 0 && values.length === 1 && values[0] === 1 && (spec.year.all || !spec.month.values.includes(1))) {
      // The 1st just after local midnight is still the last day of the previous month in UTC.
      return ['L', shiftMonths(spec, -1), '?'];
    }
    // Day 31 in months of 30 days or fewer never fires locally, and has no day 32 to move to.
    if (shift > 0 && !values.some((d) => lastDays.has(d) || d === 31)) {
      return [formatValues(DAY_OF_MONTH, values.map((d) => d + 1)), month, '?'];
    }
    return undefined;
  }
  if (dom.kind === 'last' && shift > 0 && (spec.year.all || !spec.month.values.includes(12))) {
    // The last day, late in the evening west of UTC, is the 1st of the next month in UTC.
    return ['1', shiftMonths(spec, 1), '?'];
  }
  // LW, 15W, 6L and 3#2 moved by a day have no cron form.
  return undefined;
}

/** The lengths the selected months can have: 28 and 29 for February. */
function possibleLastDays(spec: CronSpec): Set<number> {
  const lengths = new Set<number>();
  for (const m of spec.month.values) {
    if (m === 2) [28, 29].forEach((n) => lengths.add(n));
    else lengths.add(daysInMonth(2001, m));
  }
  return lengths;
}

function shiftMonths(spec: CronSpec, by: number): string {
  if (spec.month.all) return spec.fields[3];
  return formatValues(MONTH, spec.month.values.map((m) => ((m - 1 + by + 12) % 12) + 1), spec.month.usesNames);
}
