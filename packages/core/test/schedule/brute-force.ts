// An independent, obviously correct cron evaluator, for tests and the
// benchmark only (it never ships). It shares no code with src/schedule: it
// expands each field naively and checks days one by one and minutes one by
// one, with Date and Intl doing all the calendar work.
//
// It assumes a valid expression (the parser's tests cover validation) and
// follows the semantics documented in docs/scheduling.md: L in day-of-week is
// Saturday, 6L the last Friday, 3#2 the second Tuesday, 15W the weekday
// nearest the 15th within the month, LW the last weekday.

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MINUTE = 60_000;
const DAY = 86_400_000;

function expand(text: string, min: number, max: number, names: string[] = []): Set<number> {
  const value = (s: string) => (names.includes(s.toUpperCase()) ? names.indexOf(s.toUpperCase()) + min : Number(s));
  const out = new Set<number>();
  for (const item of text.split(',')) {
    const [range, step] = item.split('/');
    let first: number;
    let last: number;
    if (range === '*') {
      [first, last] = [min, max];
    } else if (range.includes('-')) {
      [first, last] = range.split('-').map(value);
    } else {
      first = value(range);
      last = step === undefined ? first : max;
    }
    for (let v = first; v <= last; v += step === undefined ? 1 : Number(step)) out.add(v);
  }
  return out;
}

const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** 1 = SUN … 7 = SAT */
const weekdayOf = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 1;
const isWeekday = (y: number, m: number, d: number) => weekdayOf(y, m, d) >= 2 && weekdayOf(y, m, d) <= 6;

type DayTest = (y: number, m: number, d: number) => boolean;

function dayOfMonthTest(dom: string): DayTest {
  if (dom === 'L') return (y, m, d) => d === lastDayOf(y, m);
  if (dom === 'LW') {
    return (y, m, d) => {
      let x = lastDayOf(y, m);
      while (!isWeekday(y, m, x)) x--;
      return d === x;
    };
  }
  if (dom.endsWith('W')) {
    const target = Number(dom.slice(0, -1));
    return (y, m, d) => {
      if (target > lastDayOf(y, m)) return false;
      let best = -1;
      for (let x = 1; x <= lastDayOf(y, m); x++) {
        if (isWeekday(y, m, x) && (best < 0 || Math.abs(x - target) < Math.abs(best - target))) best = x;
      }
      return d === best;
    };
  }
  const days = expand(dom, 1, 31);
  return (_y, _m, d) => days.has(d);
}

function dayOfWeekTest(dow: string): DayTest {
  if (dow === 'L') return (y, m, d) => weekdayOf(y, m, d) === 7;
  if (dow.includes('#')) {
    const [w, n] = dow.split('#');
    const weekday = [...expand(w, 1, 7, DAY_NAMES)][0];
    return (y, m, d) => weekdayOf(y, m, d) === weekday && Math.ceil(d / 7) === Number(n);
  }
  if (dow.endsWith('L')) {
    const weekday = [...expand(dow.slice(0, -1), 1, 7, DAY_NAMES)][0];
    return (y, m, d) => weekdayOf(y, m, d) === weekday && d + 7 > lastDayOf(y, m);
  }
  const weekdays = expand(dow, 1, 7, DAY_NAMES);
  return (y, m, d) => weekdays.has(weekdayOf(y, m, d));
}

/** A cron split into a test on dates and a test on times of day. */
interface Matcher {
  date(y: number, m: number, d: number): boolean;
  time(h: number, mi: number): boolean;
}

/** What `cron(...)` selects, as tests on a wall date and a wall time. */
export function bruteForceMatcher(expression: string): Matcher {
  const [mi, h, dom, mo, dow, yr] = expression.slice(5, -1).trim().split(/\s+/).map((f) => f.toUpperCase());
  const minutes = expand(mi, 0, 59);
  const hours = expand(h, 0, 23);
  const months = expand(mo, 1, 12, MONTH_NAMES);
  const years = expand(yr, 1970, 2199);
  const day = dom === '?' ? dayOfWeekTest(dow) : dayOfMonthTest(dom);
  return {
    date: (y, m, d) => years.has(y) && months.has(m) && day(y, m, d),
    time: (hh, mm) => hours.has(hh) && minutes.has(mm),
  };
}

/**
 * The first `count` fire times of `cron(...)` in UTC (rule semantics),
 * strictly after `from`, looking no further than the end of `untilYear`.
 * Days that don't match are skipped whole; matching days are walked minute by minute.
 */
export function bruteForceNext(expression: string, from: Date, count: number, untilYear = 2199): Date[] {
  const matcher = bruteForceMatcher(expression);
  const out: Date[] = [];
  const start = Math.floor(from.getTime() / MINUTE) * MINUTE + MINUTE;
  const end = Date.UTC(untilYear + 1, 0, 1);
  for (let day = Math.floor(start / DAY) * DAY; day < end && out.length < count; day += DAY) {
    const date = new Date(day);
    if (!matcher.date(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())) continue;
    for (let t = Math.max(day, start); t < day + DAY && out.length < count; t += MINUTE) {
      const minuteOfDay = (t - day) / MINUTE;
      if (matcher.time(Math.floor(minuteOfDay / 60), minuteOfDay % 60)) out.push(new Date(t));
    }
  }
  return out;
}

/**
 * The first `count` fire times of `cron(...)` read in `timeZone` (Scheduler
 * semantics), strictly after `from`, walking every UTC minute for at most
 * `windowMinutes`. A wall time fires at the first instant the zone's clock
 * shows it; wall times the clock skips never fire.
 */
export function bruteForceNextInZone(expression: string, from: Date, count: number, timeZone: string, windowMinutes: number): Date[] {
  const matcher = bruteForceMatcher(expression);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  });
  const seen = new Set<string>();
  const out: Date[] = [];
  const fromMinute = Math.floor(from.getTime() / MINUTE) * MINUTE;
  // Start early enough that a wall time first shown before `from` (then repeated by a fall-back) is known as seen.
  for (let t = fromMinute - 3 * 60 * MINUTE; t <= fromMinute + windowMinutes * MINUTE && out.length < count; t += MINUTE) {
    const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, Number(x.value)]));
    const key = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (t > from.getTime() && matcher.date(p.year, p.month, p.day) && matcher.time(p.hour, p.minute)) out.push(new Date(t));
  }
  return out;
}
