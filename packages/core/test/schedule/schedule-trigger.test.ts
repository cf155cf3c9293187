import { Schedule, ScheduleKind, ScheduleTrigger, ValidationError } from '../../src';

describe('Schedule.forTrigger: what each trigger accepts', () => {
  test.each([
    ['rate(5 minute)', 'rate(5 minutes)'],
    ['rate(1 minutes)', 'rate(1 minute)'],
    ['rate(2 hour)', 'rate(2 hours)'],
    ['rate(1 days)', 'rate(1 day)'],
    ['rate(10 minutes)', 'rate(10 minutes)'],
  ])('Scheduler takes %s and normalizes it to %s', (input, normalized) => {
    const schedule = Schedule.forTrigger(input, ScheduleTrigger.SCHEDULER);
    expect(schedule.expressionString).toBe(normalized);
    expect(schedule.kind).toBe(ScheduleKind.RATE);
    // The normalized form is one a rule accepts too.
    expect(Schedule.forTrigger(normalized, ScheduleTrigger.RULE).expressionString).toBe(normalized);
  });

  test.each(['rate(5 minute)', 'rate(1 minutes)', 'rate(2 hour)'])('a rule rejects %s, naming the rate', (input) => {
    expect(() => Schedule.forTrigger(input, ScheduleTrigger.RULE)).toThrow(ValidationError);
    expect(() => Schedule.forTrigger(input, ScheduleTrigger.RULE)).toThrow(/^rate: a value (of 1|above 1) takes the (singular|plural) unit/);
  });

  test('both reject what neither accepts: a zero value, a unit of seconds, a fraction', () => {
    for (const trigger of [ScheduleTrigger.RULE, ScheduleTrigger.SCHEDULER]) {
      expect(() => Schedule.forTrigger('rate(0 minutes)', trigger)).toThrow(/^rate: value '0' is not a positive whole number/);
      expect(() => Schedule.forTrigger('rate(30 seconds)', trigger)).toThrow(/^rate: unit 'seconds' is not a rate unit/);
      expect(() => Schedule.forTrigger('rate(1.5 hours)', trigger)).toThrow(/^rate: value '1.5'/);
    }
  });

  test('a one-time at() runs on Scheduler only', () => {
    expect(Schedule.forTrigger('at(2030-01-01T10:00:00)', ScheduleTrigger.SCHEDULER).kind).toBe(ScheduleKind.AT);
    expect(() => Schedule.forTrigger('at(2030-01-01T10:00:00)', ScheduleTrigger.RULE)).toThrow(/^expression: 'at\(2030-01-01T10:00:00\)' is a one-time schedule/);
  });

  test('cron is validated the same way for both', () => {
    for (const trigger of [ScheduleTrigger.RULE, ScheduleTrigger.SCHEDULER]) {
      expect(Schedule.forTrigger('cron(0  2 * * ? *)', trigger).expressionString).toBe('cron(0 2 * * ? *)');
      expect(() => Schedule.forTrigger('cron(0 2 * * 8 *)', trigger)).toThrow(/^day-of-/);
    }
  });

  test('Schedule.expression stays strict (the form every trigger accepts)', () => {
    expect(() => Schedule.expression('rate(5 minute)')).toThrow(/^rate: a value above 1 takes the plural unit/);
  });
});

describe('Schedule.forRule: the one rule-in-UTC check of the construct and the template', () => {
  test('without a time zone the expression runs as it is', () => {
    expect(Schedule.expression('cron(0 17 * * ? *)').forRule()).toMatchObject({ expression: 'cron(0 17 * * ? *)', exact: true, warnings: [] });
  });

  test('a zone without daylight saving converts exactly', () => {
    expect(Schedule.expression('cron(0 8 ? * MON *)').forRule({ timeZone: 'Asia/Tokyo' })).toMatchObject({ expression: 'cron(0 23 ? * SUN *)', exact: true });
  });

  test('a conversion that drifts is refused, naming the time zone field and the setting that accepts it', () => {
    const schedule = Schedule.expression('cron(0 2 * * ? *)');
    expect(() => schedule.forRule({ timeZone: 'Europe/Berlin' }))
      .toThrow(/^timeZone: cron\(0 2 \* \* \? \*\) in Europe\/Berlin has no exact UTC equivalent for a rule: .* \(use trigger 'scheduler', which runs in the time zone\)$/s);
    expect(() => schedule.forRule({ timeZone: 'Europe/Berlin', timeZoneField: '--trigger', allowInexactField: 'allowInexactUtcConversion' }))
      .toThrow(/^--trigger: .*, or set allowInexactUtcConversion to accept cron\(0 \d+ \* \* \? \*\)\)$/s);
  });

  test('allowInexact returns the drifting conversion with its warnings', () => {
    const conversion = Schedule.expression('cron(0 2 * * ? *)').forRule({ timeZone: 'Europe/Berlin', allowInexact: true });
    expect(conversion.exact).toBe(false);
    expect(conversion.warnings.length).toBeGreaterThan(0);
  });

  test('a one-time schedule is refused with forTrigger\'s text, naming the schedule field', () => {
    const at = Schedule.at('2030-01-01T02:00:00');
    expect(() => at.forRule()).toThrow(/^schedule: 'at\(2030-01-01T02:00:00\)' is a one-time schedule: EventBridge rules take cron/);
    expect(() => at.forRule({ timeZone: 'Asia/Tokyo', scheduleField: 'x' })).toThrow(/^x: 'at\(/);
  });

  test('a rate is the same in every zone', () => {
    expect(Schedule.expression('rate(5 minutes)').forRule({ timeZone: 'Europe/Berlin' }).exact).toBe(true);
  });
});
