import { Schedule } from '../../src';

const last = (expression: string, at: string, timeZone?: string) =>
  Schedule.expression(expression).lastFireTime({ at: new Date(at), timeZone })?.toISOString();

describe('lastFireTime: when the run that starts now was due', () => {
  test('a daily job that starts 10 minutes late gets its 02:00, not the start time', () => {
    expect(last('cron(0 2 * * ? *)', '2026-03-10T17:10:00Z', 'Asia/Tokyo')).toBe('2026-03-10T17:00:00.000Z');
    expect(last('cron(0 17 * * ? *)', '2026-03-10T17:10:00Z')).toBe('2026-03-10T17:00:00.000Z');
  });

  test('a fire time exactly at the start counts', () => {
    expect(last('cron(0 17 * * ? *)', '2026-03-10T17:00:00Z')).toBe('2026-03-10T17:00:00.000Z');
  });

  test('a run that starts just before its time belongs to the previous fire', () => {
    expect(last('cron(0 17 * * ? *)', '2026-03-10T16:59:59Z')).toBe('2026-03-09T17:00:00.000Z');
  });

  test('DST: a New York 02:30 job is skipped on the spring-forward day, so the last fire is the day before', () => {
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT.
    expect(last('cron(30 2 * * ? *)', '2026-03-08T12:00:00Z', 'America/New_York')).toBe('2026-03-07T07:30:00.000Z');
    expect(last('cron(30 2 * * ? *)', '2026-03-09T12:00:00Z', 'America/New_York')).toBe('2026-03-09T06:30:00.000Z');
  });

  test('DST: on the fall-back day a 01:30 job fired once, at its first occurrence (EDT)', () => {
    // 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST); Scheduler runs the first.
    expect(last('cron(30 1 * * ? *)', '2026-11-01T06:45:00Z', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  test('DST in the southern hemisphere: Sydney 09:00 moves from 22:00Z (AEDT) to 23:00Z (AEST) on 5 April', () => {
    // 22:30Z on the 4th is 08:30 AEST on the 5th: the due run is 09:00 AEDT on the 4th.
    expect(last('cron(0 9 * * ? *)', '2026-04-04T22:30:00Z', 'Australia/Sydney')).toBe('2026-04-03T22:00:00.000Z');
    expect(last('cron(0 9 * * ? *)', '2026-04-04T23:10:00Z', 'Australia/Sydney')).toBe('2026-04-04T23:00:00.000Z');
  });

  test('every minute, weekly, monthly and yearly crons search far enough back', () => {
    expect(last('cron(* * * * ? *)', '2026-03-10T17:10:30Z')).toBe('2026-03-10T17:10:00.000Z');
    expect(last('cron(0 9 ? * MON *)', '2026-03-12T00:00:00Z')).toBe('2026-03-09T09:00:00.000Z');
    expect(last('cron(0 0 1 * ? *)', '2026-03-31T00:00:00Z')).toBe('2026-03-01T00:00:00.000Z');
    expect(last('cron(0 0 29 2 ? *)', '2027-06-01T00:00:00Z')).toBe('2024-02-29T00:00:00.000Z');
  });

  test('rate() has no anchor: undefined, so the runner keeps its start time', () => {
    expect(last('rate(5 minutes)', '2026-03-10T17:10:00Z')).toBeUndefined();
  });

  test('at(): the instant once it has passed, undefined before', () => {
    expect(last('at(2026-03-10T09:00:00)', '2026-03-10T10:00:00Z')).toBe('2026-03-10T09:00:00.000Z');
    expect(last('at(2026-03-10T09:00:00)', '2026-03-10T08:00:00Z')).toBeUndefined();
  });

  test('a cron that has not fired yet (a past year) is undefined; a bad date is refused', () => {
    expect(last('cron(0 0 1 1 ? 2030)', '2026-03-10T00:00:00Z')).toBeUndefined();
    expect(() => Schedule.expression('cron(0 0 * * ? *)').lastFireTime({ at: new Date('nope') })).toThrow(/at: Invalid Date is not a valid date/);
  });
});
