import * as fc from 'fast-check';
import { cronExpression, instant } from './cron-arbitrary';
import { Schedule } from '../../src';

const toUtc = (expression: string, zone: string) => Schedule.expression(expression).toUtc(zone);
const SCHEDULER = 'use EventBridge Scheduler with schedule_expression_timezone';

describe('toUtc: exact conversions', () => {
  test('Asia/Tokyo 02:00 every day → cron(0 17 * * ? *)', () => {
    const c = toUtc('cron(0 2 * * ? *)', 'Asia/Tokyo');
    expect(c.expression).toBe('cron(0 17 * * ? *)');
    expect(c.schedule.expressionString).toBe('cron(0 17 * * ? *)');
    expect(c.exact).toBe(true);
    expect(c.warnings).toEqual([]);
  });

  test('Tokyo 08:00 on MON → cron(0 23 ? * SUN *)', () => {
    expect(toUtc('cron(0 8 ? * MON *)', 'Asia/Tokyo')).toMatchObject({ expression: 'cron(0 23 ? * SUN *)', exact: true });
  });

  test.each([
    ['cron(0 8 ? * MON-FRI *)', 'Asia/Tokyo', 'cron(0 23 ? * SUN-THU *)'],
    ['cron(0 8 ? * 1 *)', 'Asia/Tokyo', 'cron(0 23 ? * 7 *)'],
    ['cron(0 8 ? * SUN,MON *)', 'Asia/Tokyo', 'cron(0 23 ? * SUN,SAT *)'],
    ['cron(0 8 ? * L *)', 'Asia/Tokyo', 'cron(0 23 ? * 6 *)'],
    ['cron(0 10 ? * MON *)', 'Asia/Tokyo', 'cron(0 1 ? * MON *)'],
    ['cron(0 0-8 ? * MON *)', 'Asia/Tokyo', 'cron(0 15-23 ? * SUN *)'],
    ['cron(0 9-17 ? * MON-FRI *)', 'Asia/Tokyo', 'cron(0 0-8 ? * MON-FRI *)'],
    ['cron(0/15 * * * ? *)', 'Asia/Tokyo', 'cron(*/15 * * * ? *)'],
    ['cron(0 */2 * * ? *)', 'Asia/Tokyo', 'cron(0 1/2 * * ? *)'],
    ['cron(30 1 * * ? *)', 'Asia/Kolkata', 'cron(0 20 * * ? *)'],
    ['cron(0 * * * ? *)', 'Asia/Kolkata', 'cron(30 * * * ? *)'],
    ['cron(0 9 * * ? *)', 'Asia/Kathmandu', 'cron(15 3 * * ? *)'],
    ['cron(0 8 15 * ? *)', 'Asia/Tokyo', 'cron(0 23 14 * ? *)'],
    ['cron(0 8 2-5,10 * ? *)', 'Asia/Tokyo', 'cron(0 23 1-4,9 * ? *)'],
    ['cron(0 0 1 * ? *)', 'Asia/Tokyo', 'cron(0 15 L * ? *)'],
    ['cron(0 0 1 JAN,APR ? *)', 'Asia/Tokyo', 'cron(0 15 L MAR,DEC ? *)'],
    ['cron(0 20 10 * ? *)', 'America/Bogota', 'cron(0 1 11 * ? *)'],
    ['cron(0 20 L * ? *)', 'America/Bogota', 'cron(0 1 1 * ? *)'],
    ['cron(0 20 L 1-6 ? *)', 'America/Bogota', 'cron(0 1 1 2-7 ? *)'],
    ['cron(0 20 ? * FRI *)', 'America/Bogota', 'cron(0 1 ? * SAT *)'],
    ['cron(0 12 ? * 6L *)', 'Asia/Tokyo', 'cron(0 3 ? * 6L *)'],
    ['cron(0 12 15W * ? 2027)', 'Asia/Tokyo', 'cron(0 3 15W * ? 2027)'],
  ])('%s in %s → %s', (expression, zone, utc) => {
    const c = toUtc(expression, zone);
    expect(c.warnings).toEqual([]);
    expect(c).toMatchObject({ expression: utc, exact: true });
  });

  test('UTC zones, rates and at() in UTC are unchanged', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']) {
      expect(toUtc('cron(0 2 * * ? *)', zone)).toMatchObject({ expression: 'cron(0 2 * * ? *)', exact: true, warnings: [] });
    }
    expect(toUtc('rate(5 minutes)', 'Asia/Tokyo')).toMatchObject({ expression: 'rate(5 minutes)', exact: true, warnings: [] });
  });

  test('at() converts to the UTC date and time', () => {
    expect(toUtc('at(2026-05-01T09:00:00)', 'Asia/Tokyo')).toMatchObject({ expression: 'at(2026-05-01T00:00:00)', exact: true });
    expect(toUtc('at(2026-07-01T09:00:30)', 'America/New_York').expression).toBe('at(2026-07-01T13:00:30)');
  });

  test('an at() that a spring-forward skips says so', () => {
    const c = toUtc('at(2026-03-08T02:30:00)', 'America/New_York');
    expect(c.exact).toBe(false);
    expect(c.warnings).toEqual(["2026-03-08T02:30:00 doesn't exist in America/New_York (a daylight saving change skips it), so Scheduler never runs it; pick another time"]);
  });

  test('validates the zone', () => {
    expect(() => toUtc('cron(0 2 * * ? *)', 'Tokyo')).toThrow("timeZone: 'Tokyo' is not an IANA time zone");
  });
});

describe('toUtc: inexact conversions warn and recommend Scheduler', () => {
  test('a zone with DST uses standard time and says how far off summer runs are', () => {
    const c = toUtc('cron(0 2 * * ? *)', 'America/New_York');
    expect(c.expression).toBe('cron(0 7 * * ? *)');
    expect(c.exact).toBe(false);
    expect(c.warnings).toEqual([
      'America/New_York observes daylight saving time (UTC-5 / UTC-4): the rule uses standard time UTC-5, so while daylight saving time ' +
        `is in effect it runs 1 hour later in local time; ${SCHEDULER} = "America/New_York" to run in local time`,
    ]);
  });

  test('a 30-minute DST (Australia/Lord_Howe) and the southern hemisphere', () => {
    expect(toUtc('cron(0 9 * * ? *)', 'Australia/Lord_Howe').warnings[0]).toContain('(UTC+10:30 / UTC+11): the rule uses standard time UTC+10:30');
    expect(toUtc('cron(0 9 * * ? *)', 'Australia/Lord_Howe').warnings[0]).toContain('runs 30 minutes later');
    expect(toUtc('cron(0 9 * * ? *)', 'Australia/Sydney')).toMatchObject({ expression: 'cron(0 23 * * ? *)', exact: false });
  });

  test('day-of-month 1 with other days cannot move to "last day of the previous month"', () => {
    const c = toUtc('cron(0 0 1,15 * ? *)', 'Asia/Tokyo');
    expect(c.exact).toBe(false);
    expect(c.expression).toBe('cron(0 15 1,15 * ? *)');
    expect(c.warnings).toEqual([
      "the local times fall on the UTC day before, and '1,15 * ?' moved a day back can't be written as one cron " +
        `(e.g. the 1st with other days, or across a month or year edge); ${SCHEDULER} = "Asia/Tokyo" to run in local time`,
    ]);
  });

  test.each([
    ['cron(0 20 30 * ? *)', 'America/Bogota'], // the 30th + 1 is the 31st or the 1st
    ['cron(0 8 LW * ? *)', 'Asia/Tokyo'],
    ['cron(0 8 15W * ? *)', 'Asia/Tokyo'],
    ['cron(0 8 ? * 2#1 *)', 'Asia/Tokyo'],
    ['cron(0 8 ? * 6L *)', 'Asia/Tokyo'],
    ['cron(0 8 L * ? *)', 'Asia/Tokyo'], // the day before the last day
    ['cron(0 8 ? JAN MON *)', 'Asia/Tokyo'], // a Monday 1 January is a Sunday in December in UTC
    ['cron(0 8 ? * MON 2027)', 'Asia/Tokyo'],
    ['cron(0 0 1 JAN ? 2027)', 'Asia/Tokyo'], // 31 December 2026 in UTC
    ['cron(0 20 L DEC ? 2027)', 'America/Bogota'],
    ['cron(0 8 * JAN ? *)', 'Asia/Tokyo'],
  ])('%s in %s: the days cannot move', (expression, zone) => {
    const c = toUtc(expression, zone);
    expect(c.exact).toBe(false);
    expect(c.warnings).toHaveLength(1);
    expect(c.warnings[0]).toMatch(/can't be written as one cron/);
    expect(c.warnings[0]).toContain(`${SCHEDULER} = "${zone}"`);
  });

  test('hours that split across the day boundary, with specific days', () => {
    const c = toUtc('cron(0 8,10 ? * MON *)', 'Asia/Tokyo');
    expect(c.exact).toBe(false);
    expect(c.expression).toBe('cron(0 1,23 ? * MON *)');
    expect(c.warnings).toEqual([
      `some local times fall on the UTC day before or after and some don't, which one rule can't express; ${SCHEDULER} = "Asia/Tokyo" to run in local time`,
    ]);
    // Every day, the same split is fine.
    expect(toUtc('cron(0 8,10 * * ? *)', 'Asia/Tokyo')).toMatchObject({ expression: 'cron(0 1,23 * * ? *)', exact: true });
  });

  test('day 31 of months without one has no day 32 to move to', () => {
    // Found by the property below: 13:00 in Pago Pago (UTC-11) is 00:00 UTC the next day.
    const c = toUtc('cron(0 13 31 4,6 ? 2026-2028)', 'Pacific/Pago_Pago');
    expect(c.exact).toBe(false);
    expect(c.warnings[0]).toMatch(/moved a day forward can't be written as one cron/);
  });

  test('times that are no longer one minutes × hours grid (half-hour zone)', () => {
    const c = toUtc('cron(0,45 1 * * ? *)', 'Asia/Kolkata');
    expect(c.exact).toBe(false);
    expect(c.expression).toBe('cron(15,30 19,20 * * ? *)');
    expect(c.warnings[0]).toMatch(/^the local times are not one set of minutes at one set of hours in UTC/);
  });
});

describe('toUtc: an exact conversion fires at the same instants as the local cron', () => {
  const ZONES = ['Asia/Tokyo', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/Bogota', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Dubai'];

  test('over random expressions and zones without DST', () => {
    let exact = 0;
    fc.assert(
      fc.property(cronExpression, fc.constantFrom(...ZONES), instant, (expression, zone, from) => {
        const conversion = toUtc(expression, zone);
        expect(conversion.exact).toBe(conversion.warnings.length === 0);
        if (!conversion.exact) return;
        exact++;
        const local = Schedule.expression(expression).nextFireTimes({ from, count: 20, timeZone: zone });
        expect(conversion.schedule.nextFireTimes({ from, count: 20 })).toEqual(local);
      }),
      { numRuns: 300 },
    );
    // Most random expressions convert exactly, so the property has teeth.
    expect(exact).toBeGreaterThan(60);
  });
});
