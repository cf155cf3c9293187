import * as fc from 'fast-check';
import { bruteForceNext } from './brute-force';
import { Schedule } from '../../src';

const num = (min: number, max: number) => fc.integer({ min, max }).map(String);
const field = (min: number, max: number, names: string[] = []) =>
  fc.oneof(
    fc.constant('*'),
    num(min, max),
    fc.tuple(num(min, max), num(min, max)).map(([a, b]) => (Number(a) <= Number(b) ? `${a}-${b}` : `${b}-${a}`)),
    fc.tuple(fc.oneof(fc.constant('*'), num(min, max)), fc.integer({ min: 1, max: Math.max(1, max - min) })).map(([a, s]) => `${a}/${s}`),
    fc.uniqueArray(fc.integer({ min, max }), { minLength: 2, maxLength: 4 }).map((v) => v.join(',')),
    ...(names.length ? [fc.constantFrom(...names), fc.constantFrom(...names).map((n) => n.toLowerCase())] : []),
  );
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const dayOfMonth = fc.oneof(field(1, 31), fc.constant('L'), fc.constant('LW'), num(1, 31).map((d) => `${d}W`), fc.constantFrom('29', '30', '31'));
const dayOfWeek = fc.oneof(
  field(1, 7, DAYS),
  fc.constant('L'),
  num(1, 7).map((d) => `${d}L`),
  fc.tuple(fc.constantFrom(...DAYS, '1', '4', '7'), fc.integer({ min: 1, max: 5 })).map(([d, n]) => `${d}#${n}`),
);
const days = fc.oneof(dayOfMonth.map((d) => [d, '?']), dayOfWeek.map((d) => ['?', d]));
const year = fc.oneof(fc.constant('*'), num(2026, 2029), fc.constant('2026-2028'), fc.constant('2027,2029'));

const cron = fc
  .tuple(field(0, 59), field(0, 23), days, field(1, 12, MONTHS), year)
  .map(([mi, h, [dom, dow], mo, y]) => `cron(${mi} ${h} ${dom} ${mo} ${dow} ${y})`);
const from = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T23:59:59Z'), noInvalidDate: true });

describe('nextFireTimes equals a minute-by-minute brute force', () => {
  test('over random expressions: ranges, steps, lists, names, L, W, #, years and month ends', () => {
    fc.assert(
      fc.property(cron, from, (expression, start) => {
        const expected = bruteForceNext(expression, start, 5, 2031).map((d) => d.toISOString());
        const actual = Schedule.expression(expression)
          .nextFireTimes({ from: start, count: 5 })
          .filter((d) => d.getUTCFullYear() <= 2031)
          .map((d) => d.toISOString());
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    // The property is only as good as its inputs: most samples must actually fire.
    const firing = fc.sample(fc.tuple(cron, from), { numRuns: 200, seed: 42 }).filter(([e, s]) => bruteForceNext(e, s, 1, 2031).length > 0);
    expect(firing.length).toBeGreaterThan(150);
  });

  test.each([
    'cron(0 0 31 * ? *)', // only months with 31 days
    'cron(0 12 29 2 ? *)', // leap days
    'cron(59 23 L * ? *)',
    'cron(0 9 1W * ? *)', // the 1st on a Saturday moves forward to Monday the 3rd
    'cron(0 9 31W * ? *)', // the 31st on a Sunday moves back to Friday
    'cron(0 9 ? * 6#5 *)', // fifth Friday: not every month has one
    'cron(0 9 ? * 2L *)',
    'cron(*/7 */5 ? * MON-FRI 2026-2027)',
  ])('%s', (expression) => {
    const start = new Date('2026-01-01T00:00:00Z');
    const expected = bruteForceNext(expression, start, 40).map((d) => d.toISOString());
    const actual = Schedule.expression(expression).nextFireTimes({ from: start, count: 40 }).map((d) => d.toISOString());
    expect(actual).toEqual(expected);
  });
});
