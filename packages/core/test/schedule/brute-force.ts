// An independent, obviously-correct evaluator for tests and benchmarks: it
// expands fields naively and checks candidate minutes one by one. It never
// ships; it only holds the fast evaluator to account.
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function expand(text: string, min: number, max: number, names: string[] = []): Set<number> {
  const value = (s: string) => (names.includes(s.toUpperCase()) ? names.indexOf(s.toUpperCase()) + min : Number(s));
  const out = new Set<number>();
  for (const item of text.split(',')) {
    const [range, step] = item.split('/');
    let [a, b] = range === '*' ? [min, max] : range.split('-').map(value);
    if (b === undefined) b = step ? max : a;
    for (let v = a; v <= b; v += step ? Number(step) : 1) out.add(v);
  }
  return out;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 1;

function isWeekday(y: number, m: number, d: number) {
  const w = weekday(y, m, d);
  return w >= 2 && w <= 6;
}

function dayMatches(dom: string, dow: string, y: number, m: number, d: number): boolean {
  const last = lastDay(y, m);
  const wd = weekday(y, m, d);
  if (dom !== '?') {
    if (dom === 'L') return d === last;
    if (dom === 'LW') {
      // The last weekday: the greatest weekday in the month.
      for (let x = last; x >= 1; x--) if (isWeekday(y, m, x)) return d === x;
      return false;
    }
    if (dom.endsWith('W')) {
      const target = Number(dom.slice(0, -1));
      if (target > last || !isWeekday(y, m, d)) return false;
      // The weekday in the month closest to the target day (ties can't happen: weekdays are within 2 days).
      let best = -1;
      for (let x = 1; x <= last; x++) {
        if (isWeekday(y, m, x) && (best < 0 || Math.abs(x - target) < Math.abs(best - target))) best = x;
      }
      return d === best;
    }
    return expand(dom, 1, 31).has(d);
  }
  if (dow.includes('#')) {
    const [w, n] = dow.split('#');
    return wd === expand(w, 1, 7, DAYS).values().next().value && Math.ceil(d / 7) === Number(n);
  }
  if (dow === 'L') return wd === 7 && d + 7 > last;
  if (dow.endsWith('L')) return wd === expand(dow.slice(0, -1), 1, 7, DAYS).values().next().value && d + 7 > last;
  return expand(dow, 1, 7, DAYS).has(wd);
}

/** The first `count` UTC fire times of `cron(...)` strictly after `from`, searching up to `untilYear`. */
export function bruteForceNext(expression: string, from: Date, count: number, untilYear = 2199): Date[] {
  const [mi, h, dom, mo, dow, yr] = expression.slice(5, -1).trim().split(/\s+/);
  const minutes = expand(mi, 0, 59);
  const hours = expand(h, 0, 23);
  const months = expand(mo, 1, 12, MONTHS);
  const years = expand(yr, 1970, 2199);
  const out: Date[] = [];
  const start = new Date(Math.floor(from.getTime() / 60000) * 60000 + 60000);
  for (let day = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); out.length < count; day += 86400000) {
    const d = new Date(day);
    const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    if (y > untilYear) break;
    if (!years.has(y) || !months.has(m) || !dayMatches(dom.toUpperCase(), dow.toUpperCase(), y, m, dd)) continue;
    for (let minute = 0; minute < 1440 && out.length < count; minute++) {
      const t = day + minute * 60000;
      if (t >= start.getTime() && hours.has(Math.floor(minute / 60)) && minutes.has(minute % 60)) out.push(new Date(t));
    }
  }
  return out;
}
