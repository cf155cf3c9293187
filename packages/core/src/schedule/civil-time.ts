// Proleptic Gregorian calendar arithmetic on plain numbers, so the cron
// evaluator never allocates a Date while it searches. The day-count formulas
// are Howard Hinnant's `days_from_civil` / `civil_from_days`
// (http://howardhinnant.github.io/date_algorithms.html), valid for every year
// a cron can name (1970-2199).

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month];
}

/** Days since 1970-01-01 of a calendar date (month 1-12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** A calendar date; month 1-12. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The calendar date `days` days after 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** Day of week of a day count, as cron numbers it: 1 = SUN … 7 = SAT (1970-01-01 was a Thursday). */
export function cronWeekdayOfDays(days: number): number {
  return ((((days + 4) % 7) + 7) % 7) + 1;
}

/** Day of week of a calendar date, as cron numbers it: 1 = SUN … 7 = SAT. */
export function cronWeekday(year: number, month: number, day: number): number {
  return cronWeekdayOfDays(daysFromCivil(year, month, day));
}
