import * as fc from 'fast-check';
import { bruteForceNext, bruteForceNextInZone } from './brute-force';
import { cronExpression, dailyCronExpression, instant } from './cron-arbitrary';
import { Schedule } from '../../src';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('nextFireTimes equals a minute-by-minute brute force', () => {
  test('in UTC, over random expressions: ranges, steps, lists, names, L, W, #, years and month ends', () => {
    fc.assert(
      fc.property(cronExpression, instant, (expression, from) => {
        // The brute force looks up to 2031 only; the evaluator may find later ones.
        const expected = iso(bruteForceNext(expression, from, 5, 2031));
        const actual = iso(Schedule.expression(expression).nextFireTimes({ from, count: 5 }).filter((d) => d.getUTCFullYear() <= 2031));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  test('the random expressions mostly fire, so the property is not vacuous', () => {
    const samples = fc.sample(fc.tuple(cronExpression, instant), { numRuns: 200, seed: 42 });
    const firing = samples.filter(([e, from]) => bruteForceNext(e, from, 1, 2031).length > 0);
    expect(firing.length).toBeGreaterThan(150);
  });

  test.each([
    ['America/New_York', '2026-03-07T00:00:00Z'], // spring forward 2026-03-08 02:00 → 03:00
    ['America/New_York', '2026-10-31T00:00:00Z'], // fall back 2026-11-01 02:00 → 01:00
    ['Australia/Lord_Howe', '2026-04-04T00:00:00Z'], // a 30-minute fall back
    ['Europe/Berlin', '2026-03-28T12:00:00Z'],
    ['Asia/Kolkata', '2026-06-01T00:00:00Z'], // +05:30, no DST
  ])('in %s around %s, as Scheduler reads it', (timeZone, start) => {
    fc.assert(
      fc.property(dailyCronExpression, fc.integer({ min: 0, max: 36 * 60 }), (expression, offsetMinutes) => {
        const from = new Date(Date.parse(start) + offsetMinutes * 60_000 + 17_000);
        // Six days: a daily time that spring-forward skips fires on the other five.
        const expected = iso(bruteForceNextInZone(expression, from, 4, timeZone, 6 * 1440));
        expect(expected).toHaveLength(4);
        const actual = iso(Schedule.expression(expression).nextFireTimes({ from, count: 4, timeZone }));
        expect(actual).toEqual(expected);
      }),
      // 02:00 daily, from just before Berlin's spring-forward: once failed on a too-short search.
      { numRuns: 25, examples: [['cron(0 2-2 * * ? *)', 0]] },
    );
  });
});
