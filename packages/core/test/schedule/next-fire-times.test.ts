import { Schedule } from '../../src';

const from = new Date('2026-01-01T00:00:00Z');
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const next = (expression: string, count: number, start = from, timeZone?: string) =>
  iso(Schedule.expression(expression).nextFireTimes({ from: start, count, timeZone }));
const days = (expression: string, count: number, start = from) => next(expression, count, start).map((t) => t.slice(0, 10));

describe('nextFireTimes: rules (UTC)', () => {
  test('reads the expression in UTC by default', () => {
    expect(next('cron(0 17 * * ? *)', 2)).toEqual(['2026-01-01T17:00:00.000Z', '2026-01-02T17:00:00.000Z']);
  });

  test('is strictly after from, to the minute', () => {
    expect(next('cron(0 0 * * ? *)', 1)).toEqual(['2026-01-02T00:00:00.000Z']);
    expect(next('cron(* * * * ? *)', 2, new Date('2026-01-01T10:00:59.999Z'))).toEqual(['2026-01-01T10:01:00.000Z', '2026-01-01T10:02:00.000Z']);
  });

  test('steps start where written: 1/10 is minutes 1, 11, 21, … (the AWS example)', () => {
    expect(next('cron(1/10 * * * ? *)', 3).map((t) => t.slice(11, 16))).toEqual(['00:01', '00:11', '00:21']);
  });

  test('L in day-of-month is the last day, in leap years too', () => {
    expect(days('cron(0 9 L 2 ? *)', 3)).toEqual(['2026-02-28', '2027-02-28', '2028-02-29']);
  });

  test('LW is the last weekday of the month', () => {
    // 2026-01-31 is a Saturday, 2026-02-28 a Saturday, 2026-05-31 a Sunday.
    expect(days('cron(0 9 LW * ? *)', 5)).toEqual(['2026-01-30', '2026-02-27', '2026-03-31', '2026-04-30', '2026-05-29']);
  });

  test('<day>W is the weekday nearest that day, without leaving the month', () => {
    // 2026-11-14 is a Saturday: the Friday before. 2026-11-15 is a Sunday: the Monday after.
    expect(days('cron(0 9 14W NOV ? 2026)', 1)).toEqual(['2026-11-13']);
    expect(days('cron(0 9 15W NOV ? 2026)', 1)).toEqual(['2026-11-16']);
    // 2026-08-01 is a Saturday: not Friday July 31 but Monday the 3rd.
    expect(days('cron(0 9 1W AUG ? 2026)', 1)).toEqual(['2026-08-03']);
    // 2026-05-31 is a Sunday: not Monday June 1 but Friday the 29th.
    expect(days('cron(0 9 31W MAY ? 2026)', 1)).toEqual(['2026-05-29']);
    // A weekday is itself.
    expect(days('cron(0 9 1W JAN ? 2026)', 1)).toEqual(['2026-01-01']);
  });

  test('a day past the end of the month selects nothing in that month (31, 31W, 30 FEB)', () => {
    expect(days('cron(0 0 31 * ? *)', 3)).toEqual(['2026-01-31', '2026-03-31', '2026-05-31']);
    expect(days('cron(0 0 31W * ? 2026)', 2)).toEqual(['2026-01-30', '2026-03-31']);
    expect(next('cron(0 0 30 2 ? *)', 5)).toEqual([]);
    expect(days('cron(0 12 29 2 ? *)', 2)).toEqual(['2028-02-29', '2032-02-29']);
  });

  test('L alone in day-of-week is the last day of the week: every Saturday', () => {
    expect(days('cron(0 9 ? * L *)', 3)).toEqual(['2026-01-03', '2026-01-10', '2026-01-17']);
  });

  test('<weekday>L is the last such weekday of the month', () => {
    expect(days('cron(0 9 ? * 6L *)', 3)).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
    expect(days('cron(0 9 ? * FRIL *)', 1)).toEqual(['2026-01-30']);
  });

  test('<weekday>#<n> is the n-th such weekday, and months without one are skipped', () => {
    expect(days('cron(0 9 ? * 2#1 *)', 2)).toEqual(['2026-01-05', '2026-02-02']);
    expect(days('cron(0 9 ? * MON#1 *)', 1)).toEqual(['2026-01-05']);
    expect(days('cron(0 9 ? * 6#5 *)', 2)).toEqual(['2026-01-30', '2026-05-29']);
  });

  test('weekday numbers and names: 1 = SUN … 7 = SAT', () => {
    expect(days('cron(0 9 ? * 1 *)', 1)).toEqual(['2026-01-04']);
    expect(days('cron(0 9 ? * 7 *)', 1)).toEqual(['2026-01-03']);
    expect(days('cron(0 9 ? * mon-fri *)', 3)).toEqual(['2026-01-01', '2026-01-02', '2026-01-05']);
  });

  test('months and years narrow the search, and it ends after the last year', () => {
    expect(days('cron(0 0 1 JAN,JUL ? 2027,2029)', 5)).toEqual(['2027-01-01', '2027-07-01', '2029-01-01', '2029-07-01']);
    expect(next('cron(0 0 1 1 ? 2026)', 5)).toEqual([]);
    expect(days('cron(0 0 1 1 ? *)', 1, new Date('2199-06-01T00:00:00Z'))).toEqual([]);
    expect(next('cron(59 23 31 12 ? 2199)', 2, new Date('2199-12-31T23:58:00Z'))).toEqual(['2199-12-31T23:59:00.000Z']);
  });

  test('a from before 1970 starts at 1970', () => {
    expect(next('cron(0 0 1 1 ? *)', 1, new Date('1960-05-01T00:00:00Z'))).toEqual(['1970-01-01T00:00:00.000Z']);
  });

  test('returns up to count, 1000 at most', () => {
    expect(Schedule.expression('cron(* * * * ? *)').nextFireTimes({ from, count: 1000 })).toHaveLength(1000);
    expect(Schedule.expression('cron(0 0 * * ? *)').nextFireTimes({ from })).toHaveLength(10);
    expect(Schedule.expression('cron(0 0 * * ? *)').nextFireTimes()[0].getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  test('validates its options, naming each', () => {
    const s = Schedule.expression('rate(1 day)');
    expect(() => s.nextFireTimes({ count: 0 })).toThrow('count: 0 is out of range (1-1000)');
    expect(() => s.nextFireTimes({ count: 1001 })).toThrow('count: 1001 is out of range (1-1000)');
    expect(() => s.nextFireTimes({ count: 2.5 })).toThrow('count: 2.5 is out of range (1-1000)');
    expect(() => s.nextFireTimes({ from: new Date('nope') })).toThrow('from: Invalid Date is not a valid date (a Date)');
    expect(() => s.nextFireTimes({ timeZone: 'Mars/Olympus' })).toThrow("timeZone: 'Mars/Olympus' is not an IANA time zone");
  });
});

describe('nextFireTimes: rate and at', () => {
  test('a rate counts whole intervals from `from`, the start of the schedule', () => {
    expect(next('rate(90 minutes)', 2)).toEqual(['2026-01-01T01:30:00.000Z', '2026-01-01T03:00:00.000Z']);
    expect(next('rate(1 day)', 2, new Date('2026-01-01T10:20:30Z'))).toEqual(['2026-01-02T10:20:30.000Z', '2026-01-03T10:20:30.000Z']);
  });

  test('a rate of days is 24 hours across a DST change, in any zone', () => {
    expect(next('rate(1 day)', 2, new Date('2026-03-07T12:00:00Z'), 'America/New_York')).toEqual([
      '2026-03-08T12:00:00.000Z', '2026-03-09T12:00:00.000Z',
    ]);
  });

  test('at() fires once, in UTC or in the zone', () => {
    expect(next('at(2026-12-01T09:00:00)', 5)).toEqual(['2026-12-01T09:00:00.000Z']);
    expect(next('at(2026-12-01T09:00:30)', 5, from, 'Asia/Tokyo')).toEqual(['2026-12-01T00:00:30.000Z']);
    expect(next('at(2026-12-01T09:00:00)', 5, new Date('2026-12-01T09:00:00Z'))).toEqual([]);
  });

  test('at() on a local time skipped by spring-forward never fires; a repeated one fires at the first', () => {
    expect(next('at(2026-03-08T02:30:00)', 1, from, 'America/New_York')).toEqual([]);
    expect(next('at(2026-11-01T01:30:00)', 1, from, 'America/New_York')).toEqual(['2026-11-01T05:30:00.000Z']);
  });
});

// https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#daylist-savings-time
describe('nextFireTimes: Scheduler in a time zone', () => {
  test('Tokyo 02:00 is 17:00 UTC the day before', () => {
    expect(next('cron(0 2 * * ? *)', 2, from, 'Asia/Tokyo')).toEqual(['2026-01-01T17:00:00.000Z', '2026-01-02T17:00:00.000Z']);
  });

  test('a zone without DST keeps its offset all year (Asia/Tokyo, MON 08:00)', () => {
    expect(next('cron(0 8 ? * MON *)', 2, from, 'Asia/Tokyo')).toEqual(['2026-01-04T23:00:00.000Z', '2026-01-11T23:00:00.000Z']);
    expect(next('cron(0 8 ? * MON *)', 1, new Date('2026-07-01T00:00:00Z'), 'Asia/Tokyo')).toEqual(['2026-07-05T23:00:00.000Z']);
  });

  test('a half-hour zone (Asia/Kolkata)', () => {
    expect(next('cron(0 9 * * ? *)', 1, from, 'Asia/Kolkata')).toEqual(['2026-01-01T03:30:00.000Z']);
  });

  describe('America/New_York', () => {
    test('spring forward (2026-03-08): 02:30 does not exist, so that day is skipped', () => {
      expect(next('cron(30 2 * * ? *)', 3, new Date('2026-03-06T12:00:00Z'), 'America/New_York')).toEqual([
        '2026-03-07T07:30:00.000Z', '2026-03-09T06:30:00.000Z', '2026-03-10T06:30:00.000Z',
      ]);
    });

    test('spring forward: every 30 minutes jumps from 01:30 EST to 03:00 EDT', () => {
      expect(next('cron(0/30 * * * ? *)', 3, new Date('2026-03-08T06:15:00Z'), 'America/New_York')).toEqual([
        '2026-03-08T06:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-08T07:30:00.000Z',
      ]);
    });

    test('the times either side of the gap keep their local hour', () => {
      expect(next('cron(0 9 * * ? *)', 2, new Date('2026-03-07T00:00:00Z'), 'America/New_York')).toEqual([
        '2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z',
      ]);
    });

    test('fall back (2026-11-01): 01:30 happens twice and runs once, at its first occurrence (EDT)', () => {
      expect(next('cron(30 1 * * ? *)', 3, new Date('2026-10-30T12:00:00Z'), 'America/New_York')).toEqual([
        '2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z',
      ]);
    });

    test('fall back: every 15 minutes runs through the repeated hour once', () => {
      expect(next('cron(0/15 1-2 1 NOV ? 2026)', 10, new Date('2026-11-01T00:00:00Z'), 'America/New_York')).toEqual([
        '2026-11-01T05:00:00.000Z', '2026-11-01T05:15:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-01T05:45:00.000Z',
        '2026-11-01T07:00:00.000Z', '2026-11-01T07:15:00.000Z', '2026-11-01T07:30:00.000Z', '2026-11-01T07:45:00.000Z',
      ]);
    });

    test('from inside the repeated hour, the next run is after it', () => {
      expect(next('cron(0 2 * * ? *)', 1, new Date('2026-11-01T06:10:00Z'), 'America/New_York')).toEqual(['2026-11-01T07:00:00.000Z']);
      expect(next('cron(20 1 * * ? *)', 1, new Date('2026-11-01T06:10:00Z'), 'America/New_York')).toEqual(['2026-11-02T06:20:00.000Z']);
    });
  });

  test('a 30-minute fall back (Australia/Lord_Howe, 2026-04-05 02:00 → 01:30)', () => {
    expect(next('cron(45 1 5 APR ? 2026)', 2, new Date('2026-04-04T00:00:00Z'), 'Australia/Lord_Howe')).toEqual(['2026-04-04T14:45:00.000Z']);
  });

  test('UTC and its aliases read the expression as a rule does', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'GMT']) expect(next('cron(0 2 * * ? *)', 1, from, zone)).toEqual(['2026-01-01T02:00:00.000Z']);
  });
});
