import { Schedule, TimeZone } from '../../src';

describe('describe', () => {
  test.each([
    ['cron(0 2 * * ? *)', 'Asia/Tokyo', 'At 02:00 every day, Asia/Tokyo'],
    ['cron(0 8 ? * MON-FRI *)', undefined, 'At 08:00 on Monday through Friday, UTC'],
    ['cron(0 8 ? * MON,WED *)', undefined, 'At 08:00 on Monday and Wednesday, UTC'],
    ['cron(0/15 * * * ? *)', undefined, 'Every 15 minutes every day, UTC'],
    ['cron(5 * * * ? *)', undefined, 'At minute 5 past every hour every day, UTC'],
    ['cron(0 9 L * ? *)', undefined, 'At 09:00 on the last day of the month, UTC'],
    ['cron(0 9 LW * ? *)', undefined, 'At 09:00 on the last weekday of the month, UTC'],
    ['cron(0 9 15W * ? *)', undefined, 'At 09:00 on the weekday nearest day 15 of the month, UTC'],
    ['cron(0 9 ? * 3#2 *)', undefined, 'At 09:00 on the second Tuesday of the month, UTC'],
    ['cron(0 9 ? * 6L *)', undefined, 'At 09:00 on the last Friday of the month, UTC'],
    ['cron(0 2 1 JAN,JUL ? 2027)', undefined, 'At 02:00 on day 1 of the month in January and July in 2027, UTC'],
    ['rate(1 hour)', undefined, 'Every hour'],
    ['rate(5 minutes)', undefined, 'Every 5 minutes'],
    ['at(2026-12-01T09:00:00)', 'Asia/Tokyo', 'Once at 2026-12-01 09:00:00, Asia/Tokyo'],
  ])('%s in %s', (expression, zone, text) => {
    expect(Schedule.expression(expression).describe(zone)).toBe(text);
  });
});

describe('TimeZone', () => {
  test('validate returns the canonical IANA name and names the field', () => {
    expect(TimeZone.validate('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(TimeZone.validate('asia/tokyo')).toBe('Asia/Tokyo');
    expect(() => TimeZone.validate('Tokyo')).toThrow("timeZone: 'Tokyo' is not an IANA time zone (e.g. Asia/Tokyo, Europe/Berlin, UTC)");
    expect(() => TimeZone.validate('', '--time-zone')).toThrow('--time-zone: is empty');
  });

  test('isUtc knows the aliases', () => {
    expect(TimeZone.isUtc('UTC')).toBe(true);
    expect(TimeZone.isUtc('Etc/UTC')).toBe(true);
    expect(TimeZone.isUtc('GMT')).toBe(true);
    expect(TimeZone.isUtc('Asia/Tokyo')).toBe(false);
  });

  test('observesDst', () => {
    expect(TimeZone.observesDst('Asia/Tokyo', 2026)).toBe(false);
    expect(TimeZone.observesDst('Europe/Berlin', 2026)).toBe(true);
    expect(TimeZone.observesDst('Australia/Sydney', 2026)).toBe(true);
  });
});
