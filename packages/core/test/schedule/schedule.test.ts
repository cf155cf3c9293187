import { Schedule, ScheduleKind, TimeUnit } from '../../src';
import { ValidationError } from '../../src/errors';

function error(expression: string): ValidationError {
  try {
    Schedule.expression(expression);
  } catch (e) {
    return e as ValidationError;
  }
  throw new Error(`${expression} was accepted`);
}

describe('Schedule.expression validates like AWS', () => {
  test.each([
    ['cron(0 2 * *)', 'expression', 'cron needs 6 fields (minutes hours day-of-month month day-of-week year), got 4'],
    ['every day', 'expression', "'every day' must be cron(...), rate(...) or at(...)"],
    ['cron(60 2 * * ? *)', 'minute', '60 is out of range (0-59)'],
    ['cron(0 24 * * ? *)', 'hour', '24 is out of range (0-23)'],
    ['cron(0 2 32 * ? *)', 'day-of-month', '32 is out of range (1-31)'],
    ['cron(0 2 * 13 ? *)', 'month', '13 is out of range (1-12 or JAN-DEC)'],
    ['cron(0 2 * FOO ? *)', 'month', "'FOO' is not a valid value (1-12 or JAN-DEC)"],
    ['cron(0 2 ? * 8 *)', 'day-of-week', '8 is out of range (1-7 or SUN-SAT)'],
    ['cron(0 2 ? * 0 *)', 'day-of-week', '0 is out of range (1-7 or SUN-SAT)'],
    ['cron(0 2 * * ? 1969)', 'year', '1969 is out of range (1970-2199)'],
    ['cron(0 2 * * ? 2200)', 'year', '2200 is out of range (1970-2199)'],
    ['cron(0 2 * * * *)', 'day-of-week', "one of day-of-month or day-of-week must be '?' (you can't specify both)"],
    ['cron(0 2 ? * ? *)', 'day-of-month', "both day-of-month and day-of-week are '?' (exactly one must be '?')"],
    ['cron(? 2 * * ? *)', 'minute', "'?' is not allowed here (only in day-of-month or day-of-week)"],
    ['cron(0 L * * ? *)', 'hour', "'L' is not allowed here (only in day-of-month or day-of-week)"],
    ['cron(0 2 * 3W ? *)', 'month', "'W' is not allowed here (only in day-of-month or day-of-week)"],
    ['cron(0 2 * * ? 2026#1)', 'year', "'#' is not allowed here (only in day-of-month or day-of-week)"],
    ['cron(0 2 1#2 * ? *)', 'day-of-month', "'1#2': '#' is only allowed in day-of-week"],
    ['cron(0 2 ? * 2W *)', 'day-of-week', "'2W': 'W' is only allowed in day-of-month"],
    ['cron(0 2 ? * 2#1,3#2 *)', 'day-of-week', "'2#1,3#2': at most one '#' is allowed"],
    ['cron(0 2 ? * 2#1,3 *)', 'day-of-week', "'2#1,3': use '<weekday>#<n>' alone, not in a list or range"],
    ['cron(0 2 ? * 2#6 *)', 'day-of-week', "'2#6': occurrence 6 is out of range (1-5)"],
    ['cron(0 2 ? * 1,5L *)', 'day-of-week', "'1,5L': use 'L' or '<weekday>L' alone, not in a list or range"],
    ['cron(0 2 1,L * ? *)', 'day-of-month', "'1,L': use 'L', 'LW' or '<day>W' alone, not in a list or range"],
    ['cron(0 2 32W * ? *)', 'day-of-month', '32 is out of range (1-31)'],
    ['cron(0 2 5-1 * ? *)', 'day-of-month', "range '5-1' starts after it ends (1-31, ascending)"],
    ['cron(0 2 1-2-3 * ? *)', 'day-of-month', "'1-2-3' is not a valid range (use a-b)"],
    ['cron(*/0 2 * * ? *)', 'minute', "step '0' in '*/0' must be a positive integer"],
    ['cron(0/5/2 2 * * ? *)', 'minute', "'0/5/2' has more than one '/'"],
    ['cron(1,,2 2 * * ? *)', 'minute', "'1,,2' has an empty list item"],
    ['rate(1 minutes)', 'rate', "a value of 1 takes the singular unit: 'rate(1 minute)'"],
    ['rate(5 hour)', 'rate', "a value above 1 takes the plural unit: 'rate(5 hours)'"],
    ['rate(0 minutes)', 'rate', "value '0' must be a positive whole number"],
    ['rate(1.5 hours)', 'rate', "value '1.5' must be a positive whole number"],
    ['rate(30 seconds)', 'rate', "unit 'seconds' is not one of minute(s), hour(s), day(s)"],
    ['rate(5)', 'rate', "'5' must be '<value> <unit>' (e.g. 5 minutes, 1 hour)"],
    ['at(2026-02-30T00:00:00)', 'at', "'2026-02-30T00:00:00' is not a real date and time"],
    ['at(2026-01-01 00:00:00)', 'at', "'2026-01-01 00:00:00' must be yyyy-mm-ddThh:mm:ss"],
  ])('%s → %s: %s', (expression, field, reason) => {
    const e = error(expression);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe(field);
    expect(e.message).toBe(`${field}: ${reason}`);
  });

  test.each([
    'cron(0 2 * * ? *)',
    'cron(0/15 * ? * MON-FRI *)',
    'cron(0 9 L * ? *)',
    'cron(0 9 LW * ? *)',
    'cron(0 9 15W * ? *)',
    'cron(0 9 ? * 6L *)',
    'cron(0 9 ? * L *)',
    'cron(0 9 ? * 3#2 *)',
    'cron(0 9 ? * wed#1 *)',
    'cron(0 9 1 jan,Jul ? 2026-2030)',
    'cron(0 9 ? * SUN,WED *)',
    'rate(1 minute)',
    'rate(2 days)',
    'at(2026-12-01T09:00:00)',
  ])('accepts %s', (expression) => {
    expect(Schedule.expression(expression).expressionString).toBe(expression);
  });

  test('normalizes whitespace', () => {
    expect(Schedule.expression('  cron(0   2 * * ?  *) ').expressionString).toBe('cron(0 2 * * ? *)');
  });
});

describe('factories', () => {
  test('Schedule.cron fills in aws-cdk defaults', () => {
    expect(Schedule.cron({ minute: '0', hour: '2' }).expressionString).toBe('cron(0 2 * * ? *)');
    expect(Schedule.cron({ minute: '0', hour: '8', weekDay: 'MON' }).expressionString).toBe('cron(0 8 ? * MON *)');
    expect(Schedule.cron({ minute: '0', hour: '8', day: '1' }).expressionString).toBe('cron(0 8 1 * ? *)');
    expect(Schedule.cron({ minute: '0', hour: '8', day: '1' }).kind).toBe(ScheduleKind.CRON);
  });

  test('Schedule.rate picks the singular or plural unit', () => {
    expect(Schedule.rate(1, TimeUnit.HOURS).expressionString).toBe('rate(1 hour)');
    expect(Schedule.rate(5, TimeUnit.MINUTES).expressionString).toBe('rate(5 minutes)');
    expect(Schedule.rate(2, TimeUnit.DAYS).kind).toBe(ScheduleKind.RATE);
    expect(() => Schedule.rate(0, TimeUnit.DAYS)).toThrow("rate: value '0' must be a positive whole number");
  });

  test('Schedule.at makes a one-time schedule', () => {
    const at = Schedule.at('2026-12-01T09:00:00');
    expect(at.kind).toBe(ScheduleKind.AT);
    expect(at.nextFireTimes({ from: new Date('2026-01-01T00:00:00Z'), timeZone: 'Asia/Tokyo' })).toEqual([
      new Date('2026-12-01T00:00:00Z'),
    ]);
    expect(at.nextFireTimes({ from: new Date('2027-01-01T00:00:00Z') })).toEqual([]);
  });
});

describe('nextFireTimes', () => {
  const from = new Date('2026-01-01T00:00:00Z');
  const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

  test('reads the expression in UTC by default (rule semantics)', () => {
    expect(iso(Schedule.expression('cron(0 17 * * ? *)').nextFireTimes({ from, count: 2 }))).toEqual([
      '2026-01-01T17:00:00.000Z',
      '2026-01-02T17:00:00.000Z',
    ]);
  });

  test('reads it in a zone for Scheduler: Tokyo 02:00 is 17:00 UTC the day before', () => {
    expect(iso(Schedule.expression('cron(0 2 * * ? *)').nextFireTimes({ from, count: 2, timeZone: 'Asia/Tokyo' }))).toEqual([
      '2026-01-01T17:00:00.000Z',
      '2026-01-02T17:00:00.000Z',
    ]);
  });

  test('spring forward: a local time that does not exist is skipped', () => {
    // 2026-03-08 02:30 does not exist in New York.
    const times = Schedule.expression('cron(30 2 * * ? *)').nextFireTimes({
      from: new Date('2026-03-06T12:00:00Z'), count: 3, timeZone: 'America/New_York',
    });
    expect(iso(times)).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-09T06:30:00.000Z', '2026-03-10T06:30:00.000Z']);
  });

  test('fall back: a repeated local time runs once, at its first occurrence', () => {
    // 2026-11-01 01:30 happens twice in New York: 05:30Z (EDT) and 06:30Z (EST).
    const times = Schedule.expression('cron(30 1 * * ? *)').nextFireTimes({
      from: new Date('2026-10-31T12:00:00Z'), count: 2, timeZone: 'America/New_York',
    });
    expect(iso(times)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  test('fall back: every-15-minutes runs through the repeated hour once', () => {
    const times = Schedule.expression('cron(0/15 1 1 NOV ? 2026)').nextFireTimes({
      from: new Date('2026-11-01T00:00:00Z'), count: 10, timeZone: 'America/New_York',
    });
    expect(iso(times)).toEqual([
      '2026-11-01T05:00:00.000Z', '2026-11-01T05:15:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-01T05:45:00.000Z',
    ]);
  });

  test('from inside the repeated hour, the next run is after it', () => {
    const times = Schedule.expression('cron(0 2 * * ? *)').nextFireTimes({
      from: new Date('2026-11-01T06:10:00Z'), count: 1, timeZone: 'America/New_York',
    });
    expect(iso(times)).toEqual(['2026-11-01T07:00:00.000Z']);
  });

  test('a zone without DST', () => {
    expect(iso(Schedule.expression('cron(0 8 ? * MON *)').nextFireTimes({ from, count: 2, timeZone: 'Asia/Tokyo' }))).toEqual([
      '2026-01-04T23:00:00.000Z',
      '2026-01-11T23:00:00.000Z',
    ]);
  });

  test('is strictly after from', () => {
    expect(iso(Schedule.expression('cron(0 0 * * ? *)').nextFireTimes({ from, count: 1 }))).toEqual(['2026-01-02T00:00:00.000Z']);
  });

  test('stops at the last year', () => {
    expect(Schedule.expression('cron(0 0 1 1 ? 2026)').nextFireTimes({ from, count: 5 })).toHaveLength(0);
    expect(Schedule.expression('cron(0 0 30 2 ? *)').nextFireTimes({ from, count: 5 })).toHaveLength(0);
  });

  test('rate counts from `from`', () => {
    expect(iso(Schedule.expression('rate(90 minutes)').nextFireTimes({ from, count: 2 }))).toEqual([
      '2026-01-01T01:30:00.000Z',
      '2026-01-01T03:00:00.000Z',
    ]);
  });

  test('validates its options', () => {
    const s = Schedule.expression('rate(1 day)');
    expect(() => s.nextFireTimes({ count: 0 })).toThrow('count: 0 is out of range (1-1000)');
    expect(() => s.nextFireTimes({ from: new Date('nope') })).toThrow('from: is not a valid date');
    expect(() => s.nextFireTimes({ timeZone: 'Mars/Olympus' })).toThrow("timeZone: 'Mars/Olympus' is not an IANA time zone");
  });
});
