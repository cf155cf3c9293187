import { Schedule } from '../../src';

describe('describe', () => {
  test.each([
    ['cron(0 2 * * ? *)', 'Asia/Tokyo', 'At 02:00 every day, Asia/Tokyo'],
    ['cron(0 2 * * ? *)', undefined, 'At 02:00 every day, UTC'],
    ['cron(0 8 ? * MON-FRI *)', undefined, 'At 08:00 on Monday through Friday, UTC'],
    ['cron(0 8 ? * MON,WED *)', undefined, 'At 08:00 on Monday and Wednesday, UTC'],
    ['cron(0 9 ? * 1-7 *)', undefined, 'At 09:00 every day, UTC'],
    ['cron(0 8,20 * * ? *)', undefined, 'At 08:00 and 20:00 every day, UTC'],
    ['cron(30 8,12,16 * * ? *)', undefined, 'At 08:30, 12:30 and 16:30 every day, UTC'],
    ['cron(* * * * ? *)', undefined, 'Every minute every day, UTC'],
    ['cron(0/15 * * * ? *)', undefined, 'Every 15 minutes every day, UTC'],
    ['cron(5/15 * * * ? *)', undefined, 'Every 15 minutes from minute 5 every day, UTC'],
    ['cron(0/5 8-17 ? * MON-FRI *)', undefined, 'Every 5 minutes, during hours 08 through 17 on Monday through Friday, UTC'],
    ['cron(* 9 * * ? *)', undefined, 'Every minute, during hour 09 every day, UTC'],
    ['cron(0,20,45 * * * ? *)', undefined, 'At minute 0, 20 and 45 every day, UTC'],
    ['cron(5 * * * ? *)', undefined, 'At minute 5 past every hour every day, UTC'],
    ['cron(0 */2 * * ? *)', undefined, 'At minute 0 past every 2nd hour every day, UTC'],
    ['cron(15 1/4 * * ? *)', undefined, 'At 01:15, 05:15, 09:15, 13:15, 17:15 and 21:15 every day, UTC'],
    ['cron(15 1/3 * * ? *)', undefined, 'At minute 15 past every 3rd hour from 01:00 every day, UTC'],
    ['cron(* */3 * * ? *)', undefined, 'Every minute of every 3rd hour every day, UTC'],
    ['cron(0 9 L * ? *)', undefined, 'At 09:00 on the last day of the month, UTC'],
    ['cron(0 9 LW * ? *)', undefined, 'At 09:00 on the last weekday of the month, UTC'],
    ['cron(0 9 15W * ? *)', undefined, 'At 09:00 on the weekday nearest day 15 of the month, UTC'],
    ['cron(0 9 1 * ? *)', undefined, 'At 09:00 on day 1 of the month, UTC'],
    ['cron(0 9 1,15 * ? *)', undefined, 'At 09:00 on days 1 and 15 of the month, UTC'],
    ['cron(0 9 ? * 3#2 *)', undefined, 'At 09:00 on the second Tuesday of the month, UTC'],
    ['cron(0 9 ? * 6L *)', undefined, 'At 09:00 on the last Friday of the month, UTC'],
    ['cron(0 9 ? * L *)', undefined, 'At 09:00 on Saturday, UTC'],
    ['cron(0 0 1 */3 ? *)', undefined, 'At 00:00 on day 1 of the month in January, April, July and October, UTC'],
    ['cron(0 2 1 JAN,JUL ? 2027)', undefined, 'At 02:00 on day 1 of the month in January and July in 2027, UTC'],
    ['cron(0 0 ? * 2,4,6 2026-2028)', undefined, 'At 00:00 on Monday, Wednesday and Friday in 2026 through 2028, UTC'],
    ['rate(1 minute)', undefined, 'Every minute'],
    ['rate(1 hour)', undefined, 'Every hour'],
    ['rate(5 minutes)', undefined, 'Every 5 minutes'],
    ['rate(2 days)', 'Asia/Tokyo', 'Every 2 days'],
    ['at(2026-12-01T09:00:00)', 'Asia/Tokyo', 'Once at 2026-12-01 09:00:00, Asia/Tokyo'],
    ['at(2026-12-01T09:00:00)', undefined, 'Once at 2026-12-01 09:00:00, UTC'],
  ])('%s in %s', (expression, zone, text) => {
    expect(Schedule.expression(expression).describe(zone)).toBe(text);
  });

  test('names the zone canonically, and rejects what is not a zone', () => {
    expect(Schedule.expression('cron(0 2 * * ? *)').describe('asia/tokyo')).toBe('At 02:00 every day, Asia/Tokyo');
    expect(() => Schedule.expression('cron(0 2 * * ? *)').describe('Tokyo')).toThrow("timeZone: 'Tokyo' is not an IANA time zone");
  });
});
