import { DAY_OF_WEEK } from './cron-field';
import { CronSpec } from './cron-spec';
import { DayRule } from './day-rule';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const pad = (n: number) => String(n).padStart(2, '0');

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Consecutive runs of 3+ read as "Monday through Friday". */
function runs(values: readonly number[], name: (v: number) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j] + 1) j++;
    if (j - i >= 2) parts.push(`${name(values[i])} through ${name(values[j])}`);
    else for (let k = i; k <= j; k++) parts.push(name(values[k]));
    i = j + 1;
  }
  return list(parts);
}

function step(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  const s = values[1] - values[0];
  return values.every((v, i) => i === 0 || v - values[i - 1] === s) ? s : undefined;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The step when the values are `start/step` over the whole field (start < step), else undefined. */
function wholeFieldStep(values: readonly number[], max: number): number | undefined {
  const s = step(values);
  return s !== undefined && s > 1 && values[0] < s && values[values.length - 1] + s > max ? s : undefined;
}

function timeOfDay(spec: CronSpec): string {
  const { minute, hour } = spec;
  if (minute.values.length === 1 && hour.values.length <= 6) {
    return `At ${list(hour.values.map((h) => `${pad(h)}:${pad(minute.values[0])}`))}`;
  }
  if (minute.all && hour.all) return 'Every minute';
  const minuteStep = wholeFieldStep(minute.values, 59);
  const minutePart = minute.all
    ? 'Every minute'
    : minuteStep !== undefined
      ? `Every ${minuteStep} minutes${minute.values[0] === 0 ? '' : ` from minute ${minute.values[0]}`}`
      : `At minute ${list(minute.values.map(String))}`;
  if (hour.all) return minute.values.length === 1 ? `${minutePart} past every hour` : minutePart;
  const hourStep = wholeFieldStep(hour.values, 23);
  if (hourStep !== undefined) {
    return `${minutePart}${minute.all ? ' of' : ' past'} every ${ordinal(hourStep)} hour${hour.values[0] === 0 ? '' : ` from ${pad(hour.values[0])}:00`}`;
  }
  return `${minutePart}, during hour${hour.values.length === 1 ? '' : 's'} ${runs(hour.values, (h) => pad(h))}`;
}

function days(rule: DayRule, isDayOfWeek: boolean): string | undefined {
  switch (rule.kind) {
    case 'any':
      return undefined;
    case 'last':
      return 'on the last day of the month';
    case 'lastWeekday':
      return 'on the last weekday of the month';
    case 'nearestWeekday':
      return `on the weekday nearest day ${rule.day} of the month`;
    case 'lastOf':
      return `on the last ${WEEKDAYS[rule.weekday - 1]} of the month`;
    case 'nth':
      return `on the ${ORDINALS[rule.nth - 1]} ${WEEKDAYS[rule.weekday - 1]} of the month`;
    case 'set':
      if (rule.field.all) return 'every day';
      if (isDayOfWeek) return `on ${runs(rule.field.values, (v) => WEEKDAYS[v - DAY_OF_WEEK.min])}`;
      return `on day${rule.field.values.length === 1 ? '' : 's'} ${runs(rule.field.values, String)} of the month`;
  }
}

/** "At 02:00 every day, Asia/Tokyo". */
export function describeCron(spec: CronSpec, zone: string): string {
  const parts = [timeOfDay(spec)];
  parts.push(days(spec.dayOfMonth, false) ?? days(spec.dayOfWeek, true) ?? 'every day');
  if (!spec.month.all) parts.push(`in ${runs(spec.month.values, (m) => MONTHS[m - 1])}`);
  if (!spec.year.all) parts.push(`in ${runs(spec.year.values, String)}`);
  return `${parts.join(' ')}, ${zone}`;
}
