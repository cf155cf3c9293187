import { DAY_OF_MONTH, DAY_OF_WEEK, HOUR, MINUTE, MONTH, formatValues } from './cron-field';
import { CronSpec } from './cron-spec';
import { DayRule } from './day-rule';
import { monthlyOffsets } from './zone-clock';

export interface CronUtcConversion {
  readonly fields: string[];
  readonly exact: boolean;
  readonly warnings: string[];
}

const formatOffset = (min: number) => {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `UTC${sign}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
};

const useScheduler = (zone: string) =>
  `use EventBridge Scheduler with schedule_expression_timezone = "${zone}" to run at local time`;

/**
 * Converts a cron meant in local time to the UTC cron an EventBridge rule
 * needs (rules only run in UTC). Hours and minutes shift by the zone's offset;
 * days of week and days of month shift where the day changes.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 */
export function cronToUtc(spec: CronSpec, zone: string, year?: number): CronUtcConversion {
  const warnings: string[] = [];
  const offsets = [...new Set(monthlyOffsets(zone, year))].sort((a, b) => a - b);
  // Standard time is the smaller offset, in both hemispheres.
  const offset = offsets[0];
  if (offsets.length > 1) {
    warnings.push(
      `${zone} observes daylight saving time (${offsets.map(formatOffset).join(' / ')}): the rule uses ${formatOffset(offset)}, ` +
        `so it runs ${(offsets[offsets.length - 1] - offset) / 60} hour(s) later in local time while DST is in effect; ${useScheduler(zone)}`,
    );
  }

  // Each local (hour, minute) lands on a UTC (hour, minute), maybe on another day.
  const byHour = new Map<number, Set<number>>();
  const shifts = new Set<number>();
  for (const h of spec.hour.values) {
    for (const m of spec.minute.values) {
      const total = h * 60 + m - offset;
      const shift = Math.floor(total / 1440);
      const t = total - shift * 1440;
      shifts.add(shift);
      const set = byHour.get(Math.floor(t / 60)) ?? new Set<number>();
      set.add(t % 60);
      byHour.set(Math.floor(t / 60), set);
    }
  }
  const minuteSets = [...byHour.values()].map((s) => [...s].sort((a, b) => a - b).join(','));
  if (new Set(minuteSets).size > 1) {
    warnings.push(`the local times don't map to one minutes × hours grid in UTC; ${useScheduler(zone)}`);
  }
  const minutes = [...new Set([...byHour.values()].flatMap((s) => [...s]))];
  const hours = [...byHour.keys()];

  const everyDay =
    spec.month.all &&
    spec.year.all &&
    ((spec.dayOfMonth.kind === 'set' && spec.dayOfMonth.field.all) || (spec.dayOfWeek.kind === 'set' && spec.dayOfWeek.field.all));

  let [dom, month, dow, year_] = [spec.fields[2], spec.fields[3], spec.fields[4], spec.fields[5]];
  if (!everyDay && shifts.size > 1) {
    warnings.push(`the local times fall on different UTC days, which one rule can't express; ${useScheduler(zone)}`);
  } else if (!everyDay && !shifts.has(0)) {
    const shift = [...shifts][0];
    const shifted = shiftDays(spec, shift);
    if (shifted) {[dom, month, dow] = shifted;} else {
      warnings.push(
        `moving '${spec.fields[2]} ${spec.fields[3]} ${spec.fields[4]}' ${shift < 0 ? 'back' : 'forward'} a day can't be expressed in one cron; ${useScheduler(zone)}`,
      );
    }
  }
  const fields = [
    formatValues(MINUTE, minutes),
    formatValues(HOUR, hours),
    dom,
    month,
    dow,
    year_,
  ];
  return { fields, exact: warnings.length === 0, warnings };
}

/** Day, month and weekday fields moved by one day, or undefined when one cron can't say it. */
function shiftDays(spec: CronSpec, shift: number): [string, string, string] | undefined {
  const monthAndYearFree = spec.month.all && spec.year.all;
  const dom: DayRule = spec.dayOfMonth;
  const dow: DayRule = spec.dayOfWeek;
  if (dow.kind === 'set') {
    // A weekday moves with the day; but a month or year filter would cut the wrong days at its edges.
    if (!monthAndYearFree) return undefined;
    const values = dow.field.values.map((v) => ((v - 1 + shift + 7) % 7) + 1);
    return ['?', spec.fields[3], formatValues(DAY_OF_WEEK, values, dow.field.usesNames)];
  }
  if (dow.kind !== 'any') return undefined;
  const yearSafe = spec.year.all;
  if (dom.kind === 'set') {
    const values = dom.field.values;
    if (shift < 0 && values.every((d) => d >= 2)) {
      return [formatValues(DAY_OF_MONTH, values.map((d) => d - 1)), spec.fields[3], '?'];
    }
    if (shift < 0 && values.length === 1 && values[0] === 1 && (yearSafe || !spec.month.values.includes(1))) {
      // The 1st at local midnight-ish is the last day of the previous month in UTC.
      return ['L', shiftMonths(spec, -1), '?'];
    }
    // Days up to 27 stay inside every month after moving forward.
    if (shift > 0 && values.every((d) => d <= 27)) {
      return [formatValues(DAY_OF_MONTH, values.map((d) => d + 1)), spec.fields[3], '?'];
    }
    return undefined;
  }
  if (dom.kind === 'last' && shift > 0 && (yearSafe || !spec.month.values.includes(12))) {
    return ['1', shiftMonths(spec, 1), '?'];
  }
  return undefined;
}

function shiftMonths(spec: CronSpec, by: number): string {
  if (spec.month.all) return spec.fields[3];
  const values = spec.month.values.map((m) => ((m - 1 + by + 12) % 12) + 1);
  return formatValues(MONTH, values, spec.month.usesNames);
}
