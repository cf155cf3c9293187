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
