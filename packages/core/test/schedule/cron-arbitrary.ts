import * as fc from 'fast-check';

// Random valid cron expressions for property tests: every form AWS allows in
// every field, weighted so that most samples fire within a few years.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const value = (min: number, max: number, names: string[] = []) => {
  const n = fc.integer({ min, max });
  return names.length === 0
    ? n.map(String)
    : fc.oneof(n.map(String), n.map((v) => names[v - min]), n.map((v) => names[v - min].toLowerCase()));
};

const range = (min: number, max: number, names: string[] = []) =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }), fc.boolean()).map(([a, b, named]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const say = (v: number) => (named && names.length ? names[v - min] : String(v));
    return `${say(lo)}-${say(hi)}`;
  });

/** `*`, a value, a range, a list, and (where AWS allows '/') steps. */
export const field = (min: number, max: number, names: string[] = [], steps = true) =>
  fc.oneof(
    fc.constant('*'),
    value(min, max, names),
    range(min, max, names),
    fc.uniqueArray(fc.integer({ min, max }), { minLength: 2, maxLength: 4 }).map((v) => v.join(',')),
    fc.tuple(range(min, max), value(min, max)).map(([r, v]) => `${r},${v}`),
    ...(steps
      ? [
        fc.tuple(fc.oneof(fc.constant('*'), fc.integer({ min, max }).map(String), range(min, max)), fc.integer({ min: 1, max: Math.min(max - min, 20) })).map(([a, s]) => `${a}/${s}`),
      ]
      : []),
  );

export const dayOfMonth = fc.oneof(
  field(1, 31),
  fc.constantFrom('L', 'LW', '29', '30', '31', '28-31'),
  fc.integer({ min: 1, max: 31 }).map((d) => `${d}W`),
);

export const dayOfWeek = fc.oneof(
  field(1, 7, DAYS, false),
  fc.constant('L'),
  value(1, 7, DAYS).map((d) => `${d}L`),
  fc.tuple(value(1, 7, DAYS), fc.integer({ min: 1, max: 5 })).map(([d, n]) => `${d}#${n}`),
);

const days = fc.oneof(dayOfMonth.map((d) => [d, '?']), dayOfWeek.map((d) => ['?', d]));

export const year = fc.oneof(
  { weight: 4, arbitrary: fc.constant('*') },
  { weight: 1, arbitrary: fc.integer({ min: 2026, max: 2029 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('2026-2028', '2027,2029', '2026/2', '2025-2027,2029') },
);

/** Any valid cron expression. */
export const cronExpression = fc
  .tuple(field(0, 59), field(0, 23), days, field(1, 12, MONTHS), year)
  .map(([mi, h, [dom, dow], mo, y]) => `cron(${mi} ${h} ${dom} ${mo} ${dow} ${y})`);

/** A cron that fires at least once a day, every year: for windows of a few days. */
export const dailyCronExpression = fc
  .tuple(field(0, 59), field(0, 23))
  .map(([mi, h]) => `cron(${mi} ${h} * * ? *)`);

/** An instant in 2026-2027, with seconds, so `from` is rarely on a minute boundary. */
export const instant = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T23:59:59Z'), noInvalidDate: true });
