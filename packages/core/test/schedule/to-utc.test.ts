import { Schedule } from '../../src';

const toUtc = (expression: string, zone: string) => Schedule.expression(expression).toUtc(zone);

describe('toUtc', () => {
  test('Asia/Tokyo 02:00 every day → cron(0 17 * * ? *), exact', () => {
    const c = toUtc('cron(0 2 * * ? *)', 'Asia/Tokyo');
    expect(c.expression).toBe('cron(0 17 * * ? *)');
    expect(c.schedule.expressionString).toBe('cron(0 17 * * ? *)');
    expect(c.exact).toBe(true);
    expect(c.warnings).toEqual([]);
  });

  test('Tokyo 08:00 on MON → cron(0 23 ? * SUN *)', () => {
    expect(toUtc('cron(0 8 ? * MON *)', 'Asia/Tokyo').expression).toBe('cron(0 23 ? * SUN *)');
  });

  test('weekday ranges shift too', () => {
    expect(toUtc('cron(0 8 ? * MON-FRI *)', 'Asia/Tokyo').expression).toBe('cron(0 23 ? * SUN-THU *)');
    expect(toUtc('cron(0 8 ? * 1 *)', 'Asia/Tokyo').expression).toBe('cron(0 23 ? * 7 *)');
  });

  test('no day change: only the hour moves', () => {
    expect(toUtc('cron(0 10 ? * MON *)', 'Asia/Tokyo').expression).toBe('cron(0 1 ? * MON *)');
  });

  test('half-hour zones move minutes', () => {
    expect(toUtc('cron(30 1 * * ? *)', 'Asia/Kolkata').expression).toBe('cron(0 20 * * ? *)');
  });

  test('the 1st at local midnight is the last day of the previous month in UTC', () => {
    const c = toUtc('cron(0 0 1 * ? *)', 'Asia/Tokyo');
    expect(c.expression).toBe('cron(0 15 L * ? *)');
    expect(c.exact).toBe(true);
  });

  test('day 1 combined with other days cannot be expressed: inexact, with advice', () => {
    const c = toUtc('cron(0 0 1,15 * ? *)', 'Asia/Tokyo');
    expect(c.exact).toBe(false);
    expect(c.warnings[0]).toContain("can't be expressed in one cron");
    expect(c.warnings[0]).toContain('schedule_expression_timezone = "Asia/Tokyo"');
  });

  test('days of month move forward in the Americas', () => {
    expect(toUtc('cron(0 20 10 * ? *)', 'America/Bogota').expression).toBe('cron(0 1 11 * ? *)');
    expect(toUtc('cron(0 20 30 * ? *)', 'America/Bogota').exact).toBe(false);
  });

  test('a zone with DST is inexact and recommends Scheduler', () => {
    const c = toUtc('cron(0 2 * * ? *)', 'America/New_York');
    expect(c.expression).toBe('cron(0 7 * * ? *)');
    expect(c.exact).toBe(false);
    expect(c.warnings[0]).toMatch(/America\/New_York observes daylight saving time \(UTC-5 \/ UTC-4\)/);
    expect(c.warnings[0]).toContain('EventBridge Scheduler');
  });

  test('hours that split across midnight with specific days are inexact', () => {
    const c = toUtc('cron(0 8,10 ? * MON *)', 'Asia/Tokyo');
    expect(c.exact).toBe(false);
    expect(c.warnings[0]).toContain('different UTC days');
  });

  test('UTC zones and rates are unchanged', () => {
    expect(toUtc('cron(0 2 * * ? *)', 'UTC')).toMatchObject({ expression: 'cron(0 2 * * ? *)', exact: true });
    expect(toUtc('cron(0 2 * * ? *)', 'Etc/UTC')).toMatchObject({ expression: 'cron(0 2 * * ? *)', exact: true });
    expect(toUtc('rate(5 minutes)', 'Asia/Tokyo')).toMatchObject({ expression: 'rate(5 minutes)', exact: true });
  });

  test('at() converts to the UTC instant', () => {
    expect(toUtc('at(2026-05-01T09:00:00)', 'Asia/Tokyo').expression).toBe('at(2026-05-01T00:00:00)');
  });

  test('the UTC cron fires at the same instants as the local one (exact conversions)', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    for (const [expression, zone] of [['cron(0 2 * * ? *)', 'Asia/Tokyo'], ['cron(0 8 ? * MON-FRI *)', 'Asia/Tokyo'], ['cron(0 0 1 * ? *)', 'Asia/Tokyo'], ['cron(30 1 * * ? *)', 'Asia/Kolkata']]) {
      const local = Schedule.expression(expression).nextFireTimes({ from, count: 30, timeZone: zone });
      const utc = Schedule.expression(expression).toUtc(zone).schedule.nextFireTimes({ from, count: 30 });
      expect(utc).toEqual(local);
    }
  });
});
