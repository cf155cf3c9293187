import { MINUTES_PER_DAY, civilFromDays, cronWeekday, daysFromCivil, daysInMonth } from './civil-time';
import { DAY_OF_MONTH, YEAR } from './cron-field';
import { CronSpec } from './cron-spec';
import { DayRule, singleDay } from './day-rule';

const NONE = -1;

/**
 * `table[v - min]` = the smallest selected value ≥ v, or -1. One slot past
 * `max` holds -1, so "the value after the last" needs no bounds check. Plain
 * arrays of small integers: cheaper to build than typed arrays for a few
 * dozen slots, and as fast to read.
 */
function nextValueTable(values: readonly number[], min: number, max: number): number[] {
  const table = new Array<number>(max - min + 2).fill(NONE);
  for (const v of values) table[v - min] = v;
  let next = NONE;
  for (let i = max - min; i >= 0; i--) {
    if (table[i] === NONE) table[i] = next;
    else next = table[i];
  }
  return table;
}

/** The year table of `*`, shared: most schedules run every year. */
const EVERY_YEAR = Object.freeze(nextValueTable(Array.from({ length: YEAR.max - YEAR.min + 1 }, (_, i) => YEAR.min + i), YEAR.min, YEAR.max));

/** How the day fields are evaluated. */
const DAY_OF_MONTH_SET = 0;
const DAY_OF_WEEK_SET = 1;
const SINGLE_DAY = 2;

/**
 * A cron compiled for fast evaluation: every field becomes a lookup table of
 * "next selected value", built once at parse time, so finding the next match
 * jumps field by field (year → month → day → hour → minute) in a handful of
 * array reads, never scanning minute by minute, and never allocating a Date.
 *
 * Times are "wall minutes": minutes since 1970-01-01T00:00 of a clock read as
 * if it were UTC. For a rule they are UTC; for Scheduler the caller maps wall
 * minutes in a zone to instants.
 */
export class CronEvaluator {
  private readonly minuteNext: readonly number[];
  private readonly hourNext: readonly number[];
  private readonly monthNext: readonly number[];
  private readonly yearNext: readonly number[];
  private readonly dayMode: number;
  /** Day of month: next selected day ≥ d (index d, 1-based; slot 32 = none). */
  private readonly dayOfMonthNext: readonly number[];
  /** Day of week: days to wait from cron weekday w (1-7) to the next selected weekday. */
  private readonly weekdayWait: number[];
  private readonly singleDayRule: DayRule;
  private cachedMonthKey = NONE;
  private cachedSingleDay = NONE;

  constructor(spec: CronSpec) {
    this.minuteNext = nextValueTable(spec.minute.values, 0, 59);
    this.hourNext = nextValueTable(spec.hour.values, 0, 23);
    // Months and days are indexed from 0 so that `table[month]` reads naturally; slot 0 is unused.
    this.monthNext = nextValueTable(spec.month.values, 0, 12);
    this.yearNext = spec.year.all ? EVERY_YEAR : nextValueTable(spec.year.values, YEAR.min, YEAR.max);
    const dom = spec.dayOfMonth;
    const dow = spec.dayOfWeek;
    this.dayOfMonthNext = dom.kind === 'set' ? nextValueTable(dom.field.values, 0, DAY_OF_MONTH.max) : [];
    this.weekdayWait = [0, 0, 0, 0, 0, 0, 0, 0];
    this.singleDayRule = dom.kind !== 'any' ? dom : dow;
    if (dom.kind === 'set') {
      this.dayMode = DAY_OF_MONTH_SET;
    } else if (dom.kind === 'any' && dow.kind === 'set') {
      this.dayMode = DAY_OF_WEEK_SET;
      const selected = new Set(dow.field.values);
      for (let w = 1; w <= 7; w++) {
        let wait = 0;
        while (!selected.has(((w - 1 + wait) % 7) + 1)) wait++;
        this.weekdayWait[w] = wait;
      }
    } else {
      this.dayMode = SINGLE_DAY;
    }
  }

  /** The first matching wall minute at or after `start`, or -1 when there is none before 2200. */
  public nextMinute(start: number): number {
    const found = this.nextMinutes(start, 1);
    return found.length === 0 ? NONE : found[0];
  }

  /**
   * Up to `count` matching wall minutes at or after `start`, ascending; fewer
   * when the schedule ends before 2200. After a match the search goes on from
   * the next minute without leaving the loop, so consecutive fire times cost
   * a table read or two each.
   */
  public nextMinutes(start: number, count: number): number[] {
    const out: number[] = [];
    let days = Math.floor(start / MINUTES_PER_DAY);
    const minuteOfDay = start - days * MINUTES_PER_DAY;
    let hour = Math.floor(minuteOfDay / 60);
    let minute = minuteOfDay - hour * 60;
    const date = civilFromDays(days);
    let year = date.year;
    let month = date.month;
    let day = date.day;
    // Plain assignments, not destructuring: this loop is the hot path of every fire time.
    let dayMoved = false;
    if (year < YEAR.min) {
      year = YEAR.min; month = 1; day = 1; hour = 0; minute = 0; dayMoved = true;
    }
    while (out.length < count) {
      if (year > YEAR.max) break;
      const y = this.yearNext[year - YEAR.min];
      if (y === NONE) break;
      if (y !== year) {
        year = y; month = 1; day = 1; hour = 0; minute = 0; dayMoved = true;
      }

      const mo = this.monthNext[month];
      if (mo === NONE) {
        year++; month = 1; day = 1; hour = 0; minute = 0; dayMoved = true;
        continue;
      }
      if (mo !== month) {
        month = mo; day = 1; hour = 0; minute = 0; dayMoved = true;
      }

      const d = this.firstDayFrom(year, month, day);
      if (d === NONE) {
        if (month === 12) {
          year++; month = 1;
        } else {
          month++;
        }
        day = 1; hour = 0; minute = 0; dayMoved = true;
        continue;
      }
      if (d !== day) {
        day = d; hour = 0; minute = 0; dayMoved = true;
      }

      const h = this.hourNext[hour];
      if (h === NONE) {
        // Day 32 is past every month's end: firstDayFrom then moves to the next month.
        day++; hour = 0; minute = 0; dayMoved = true;
        continue;
      }
      if (h !== hour) {
        hour = h; minute = 0;
      }

      const mi = this.minuteNext[minute];
      if (mi === NONE) {
        // Hour 24 reads as "none" in hourNext, which moves to the next day.
        hour++; minute = 0;
        continue;
      }
      if (dayMoved) {
        days = daysFromCivil(year, month, day);
        dayMoved = false;
      }
      out.push(days * MINUTES_PER_DAY + hour * 60 + mi);
      // Minute 60 reads as "none" in minuteNext, which moves to the next hour.
      minute = mi + 1;
    }
    return out;
  }

  /** The first selected day of `year-month` at or after `day`, or -1. */
  private firstDayFrom(year: number, month: number, day: number): number {
    const last = daysInMonth(year, month);
    if (day > last) return NONE;
    switch (this.dayMode) {
      case DAY_OF_MONTH_SET: {
        const d = this.dayOfMonthNext[day];
        return d !== NONE && d <= last ? d : NONE;
      }
      case DAY_OF_WEEK_SET: {
        const d = day + this.weekdayWait[cronWeekday(year, month, day)];
        return d <= last ? d : NONE;
      }
      default: {
        const key = year * 12 + month;
        if (key !== this.cachedMonthKey) {
          this.cachedMonthKey = key;
          this.cachedSingleDay = singleDay(this.singleDayRule, year, month);
        }
        return this.cachedSingleDay >= day ? this.cachedSingleDay : NONE;
      }
    }
  }
}
