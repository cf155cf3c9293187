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

// Each row: an expression AWS rejects, the field the error names, and the reason.
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
describe('Schedule.expression rejects what AWS rejects, naming the field and the reason', () => {
  test.each([
    // the expression
    ['every day', 'expression', "'every day' is not a schedule expression (cron(...), rate(...) or at(...))"],
    ['cron 0 2 * * ? *', 'expression', "'cron 0 2 * * ? *' is not a schedule expression (cron(...), rate(...) or at(...))"],
    ['CRON(0 2 * * ? *)', 'expression', "'CRON(0 2 * * ? *)' is not a schedule expression (cron(...), rate(...) or at(...))"],
    ['cron(0 2 * *)', 'expression', 'cron has 4 fields (it needs 6: minutes hours day-of-month month day-of-week year)'],
    ['cron(0 2 * * ?)', 'expression', 'cron has 5 fields (it needs 6: minutes hours day-of-month month day-of-week year)'],
    ['cron(0 0 2 * * ? *)', 'expression', 'cron has 7 fields (it needs 6: minutes hours day-of-month month day-of-week year)'],
    ['cron()', 'expression', 'cron has 0 fields (it needs 6: minutes hours day-of-month month day-of-week year)'],
    // values out of range
    ['cron(60 2 * * ? *)', 'minute', '60 is out of range (0-59)'],
    ['cron(0 24 * * ? *)', 'hour', '24 is out of range (0-23)'],
    ['cron(0 2 0 * ? *)', 'day-of-month', '0 is out of range (1-31)'],
    ['cron(0 2 32 * ? *)', 'day-of-month', '32 is out of range (1-31)'],
    ['cron(0 2 * 0 ? *)', 'month', '0 is out of range (1-12 or JAN-DEC)'],
    ['cron(0 2 * 13 ? *)', 'month', '13 is out of range (1-12 or JAN-DEC)'],
    ['cron(0 2 ? * 8 *)', 'day-of-week', '8 is out of range (1-7 or SUN-SAT)'],
    ['cron(0 2 ? * 0 *)', 'day-of-week', '0 is out of range (1-7 or SUN-SAT)'],
    ['cron(0 2 * * ? 1969)', 'year', '1969 is out of range (1970-2199)'],
    ['cron(0 2 * * ? 2200)', 'year', '2200 is out of range (1970-2199)'],
    ['cron(0 2 * * ? 2026-2200)', 'year', '2200 is out of range (1970-2199)'],
    // values that aren't values
    ['cron(x 2 * * ? *)', 'minute', "'x' is not a valid value (0-59)"],
    ['cron(0 2 * FOO ? *)', 'month', "'FOO' is not a valid value (1-12 or JAN-DEC)"],
    ['cron(0 2 * JANUARY ? *)', 'month', "'JANUARY' is not a valid value (1-12 or JAN-DEC)"],
    ['cron(0 2 ? * MONDAY *)', 'day-of-week', "'MONDAY' is not a valid value (1-7 or SUN-SAT)"],
    ['cron(0 2 ? * JAN *)', 'day-of-week', "'JAN' is not a valid value (1-7 or SUN-SAT)"],
    ['cron(0 MON * * ? *)', 'hour', "'MON' is not a valid value (0-23)"],
    ['cron(-1 2 * * ? *)', 'minute', "'-1' is not a valid range (write a-b, e.g. 0-1)"],
    // wildcards only where AWS allows them
    ['cron(? 2 * * ? *)', 'minute', "'?' is not allowed in '?' (minute allows the wildcards , - * /)"],
    ['cron(0 L * * ? *)', 'hour', "'L' is not allowed in 'L' (hour allows the wildcards , - * /)"],
    ['cron(0 2 * 3W ? *)', 'month', "'W' is not allowed in '3W' (month allows the wildcards , - * /)"],
    ['cron(0 2 * L ? *)', 'month', "'L' is not allowed in 'L' (month allows the wildcards , - * /)"],
    ['cron(0 2 * * ? 2026#1)', 'year', "'#' is not allowed in '2026#1' (year allows the wildcards , - * /)"],
    ['cron(0 2 1#2 * ? *)', 'day-of-month', "'#' is not allowed in '1#2' (day-of-month allows the wildcards , - * ? / L W)"],
    ['cron(0 2 ? * 2W *)', 'day-of-week', "'W' is not allowed in '2W' (day-of-week allows the wildcards , - * ? L #)"],
    ['cron(0 2 ? * */2 *)', 'day-of-week', "'/' is not allowed in '*/2' (day-of-week allows the wildcards , - * ? L #)"],
    ['cron(0 2 ? * MON/2 *)', 'day-of-week', "'/' is not allowed in 'MON/2' (day-of-week allows the wildcards , - * ? L #)"],
    // exactly one of day-of-month and day-of-week is '?'
    ['cron(0 2 * * * *)', 'day-of-week', "'*' is set and so is day-of-month '*' (exactly one of them must be '?')"],
    ['cron(0 2 1 * MON *)', 'day-of-week', "'MON' is set and so is day-of-month '1' (exactly one of them must be '?')"],
    ['cron(0 2 ? * ? *)', 'day-of-month', "'?' is in day-of-week too (exactly one of them must be '?')"],
    ['cron(0 2 1,? * ? *)', 'day-of-month', "'1,?': '?' stands alone (use ? or a day)"],
    ['cron(0 2 ? * MON,? *)', 'day-of-week', "'MON,?': '?' stands alone (use ? or a weekday)"],
    // L, W and # stand alone
    ['cron(0 2 1,L * ? *)', 'day-of-month', "'1,L': L and W stand alone, not in a list, range or step (use L, LW or <day>W, e.g. 15W)"],
    ['cron(0 2 1W,15W * ? *)', 'day-of-month', "'1W,15W': L and W stand alone, not in a list, range or step (use L, LW or <day>W, e.g. 15W)"],
    ['cron(0 2 1-5W * ? *)', 'day-of-month', "'1-5W': L and W stand alone, not in a list, range or step (use L, LW or <day>W, e.g. 15W)"],
    ['cron(0 2 WL * ? *)', 'day-of-month', "'WL': L and W stand alone, not in a list, range or step (use L, LW or <day>W, e.g. 15W)"],
    ['cron(0 2 L-3 * ? *)', 'day-of-month', "'L-3': an offset from the last day is not in the AWS cron syntax (use L, LW or <day>W)"],
    ['cron(0 2 32W * ? *)', 'day-of-month', '32 is out of range (1-31)'],
    ['cron(0 2 0W * ? *)', 'day-of-month', '0 is out of range (1-31)'],
    ['cron(0 2 ? * 1,5L *)', 'day-of-week', "'1,5L': L stands alone, not in a list or range (use L or <weekday>L, e.g. 6L)"],
    ['cron(0 2 ? * L-2 *)', 'day-of-week', "'L-2': L stands alone, not in a list or range (use L or <weekday>L, e.g. 6L)"],
    ['cron(0 2 ? * 8L *)', 'day-of-week', '8 is out of range (1-7 or SUN-SAT)'],
    ['cron(0 2 ? * 2#1,3#2 *)', 'day-of-week', "'2#1,3#2' has 2 '#' expressions (at most one, e.g. 3#2)"],
    ['cron(0 2 ? * 2#1,3 *)', 'day-of-week', "'2#1,3': '#' stands alone, not in a list or range (use <weekday>#<n>, e.g. 3#2)"],
    ['cron(0 2 ? * #2 *)', 'day-of-week', "'#2': '#' stands alone, not in a list or range (use <weekday>#<n>, e.g. 3#2)"],
    ['cron(0 2 ? * 2#6 *)', 'day-of-week', "occurrence 6 in '2#6' is out of range (1-5)"],
    ['cron(0 2 ? * 2#0 *)', 'day-of-week', "occurrence 0 in '2#0' is out of range (1-5)"],
    ['cron(0 2 ? * 9#1 *)', 'day-of-week', '9 is out of range (1-7 or SUN-SAT)'],
    // lists, ranges and steps
    ['cron(0 2 5-1 * ? *)', 'day-of-month', "range '5-1' starts after it ends (write it ascending, or as a list: a-31,1-b)"],
    ['cron(0 22-2 * * ? *)', 'hour', "range '22-2' starts after it ends (write it ascending, or as a list: a-23,0-b)"],
    ['cron(0 2 ? * FRI-MON *)', 'day-of-week', "range 'FRI-MON' starts after it ends (write it ascending, or as a list: a-7,1-b)"],
    ['cron(0 2 1-2-3 * ? *)', 'day-of-month', "'1-2-3' is not a valid range (write a-b, e.g. 1-2)"],
    ['cron(0 2 * 1- ? *)', 'month', "'1-' is not a valid range (write a-b, e.g. 1-2)"],
    ['cron(*/0 2 * * ? *)', 'minute', "step 0 in '*/0' is out of range (1-59)"],
    ['cron(*/60 2 * * ? *)', 'minute', "step 60 in '*/60' is out of range (1-59)"],
    ['cron(0 */24 * * ? *)', 'hour', "step 24 in '*/24' is out of range (1-23)"],
    ['cron(0 2 */32 * ? *)', 'day-of-month', "step 32 in '*/32' is out of range (1-31)"],
    ['cron(0 2 * */13 ? *)', 'month', "step 13 in '*/13' is out of range (1-12)"],
    ['cron(0 2 * * ? */230)', 'year', "step 230 in '*/230' is out of range (1-229)"],
    ['cron(*/x 2 * * ? *)', 'minute', "step 'x' in '*/x' is not a whole number (1-59)"],
    ['cron(0/ 2 * * ? *)', 'minute', "step '' in '0/' is not a whole number (1-59)"],
    ['cron(0/5/2 2 * * ? *)', 'minute', "'0/5/2' has more than one '/' (write start/step)"],
    ['cron(1,,2 2 * * ? *)', 'minute', "'1,,2' has an empty list item (write a,b,c)"],
    ['cron(1, 2 * * ? *)', 'minute', "'1,' has an empty list item (write a,b,c)"],
    // rate
    ['rate(1 minutes)', 'rate', 'a value of 1 takes the singular unit (rate(1 minute))'],
    ['rate(1 hours)', 'rate', 'a value of 1 takes the singular unit (rate(1 hour))'],
    ['rate(1 days)', 'rate', 'a value of 1 takes the singular unit (rate(1 day))'],
    ['rate(5 minute)', 'rate', 'a value above 1 takes the plural unit (rate(5 minutes))'],
    ['rate(2 hour)', 'rate', 'a value above 1 takes the plural unit (rate(2 hours))'],
    ['rate(7 day)', 'rate', 'a value above 1 takes the plural unit (rate(7 days))'],
    ['rate(0 minutes)', 'rate', "value '0' is not a positive whole number (1, 2, 3, …)"],
    ['rate(-5 minutes)', 'rate', "value '-5' is not a positive whole number (1, 2, 3, …)"],
    ['rate(1.5 hours)', 'rate', "value '1.5' is not a positive whole number (1, 2, 3, …)"],
    ['rate(30 seconds)', 'rate', "unit 'seconds' is not a rate unit (minute, minutes, hour, hours, day, days)"],
    ['rate(1 second)', 'rate', "unit 'second' is not a rate unit (minute, minutes, hour, hours, day, days)"],
    ['rate(2 weeks)', 'rate', "unit 'weeks' is not a rate unit (minute, minutes, hour, hours, day, days)"],
    ['rate(5 Minutes)', 'rate', "unit 'Minutes' is not a rate unit (minute, minutes, hour, hours, day, days)"],
    ['rate(5)', 'rate', "'5' is not '<value> <unit>' (e.g. rate(5 minutes), rate(1 hour))"],
    ['rate(5 minutes please)', 'rate', "'5 minutes please' is not '<value> <unit>' (e.g. rate(5 minutes), rate(1 hour))"],
    // at
    ['at(2026-02-30T00:00:00)', 'at', "'2026-02-30T00:00:00' is not a real date and time (months 01-12, days in the month, hours 00-23, minutes and seconds 00-59)"],
    ['at(2026-13-01T00:00:00)', 'at', "'2026-13-01T00:00:00' is not a real date and time (months 01-12, days in the month, hours 00-23, minutes and seconds 00-59)"],
    ['at(2026-01-01T24:00:00)', 'at', "'2026-01-01T24:00:00' is not a real date and time (months 01-12, days in the month, hours 00-23, minutes and seconds 00-59)"],
    ['at(2026-01-01 00:00:00)', 'at', "'2026-01-01 00:00:00' is not a date and time (yyyy-mm-ddThh:mm:ss, e.g. at(2026-12-01T09:00:00))"],
    ['at(2026-01-01T00:00)', 'at', "'2026-01-01T00:00' is not a date and time (yyyy-mm-ddThh:mm:ss, e.g. at(2026-12-01T09:00:00))"],
    ['at(2026-01-01T00:00:00Z)', 'at', "'2026-01-01T00:00:00Z' is not a date and time (yyyy-mm-ddThh:mm:ss, e.g. at(2026-12-01T09:00:00))"],
  ])('%s → %s: %s', (expression, field, reason) => {
    const e = error(expression);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe(field);
    expect(e.reason).toBe(reason);
    expect(e.message).toBe(`${field}: ${reason}`);
  });

  test('the caller\'s field names the expression; the part that is wrong goes in the reason', () => {
    const named = (expression: string) => {
      try {
        Schedule.expression(expression, 'addJob(nightly).schedule');
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('expected an error');
    };
    expect(named('cron(0 2 * * 8 *)').message).toBe(`addJob(nightly).schedule: ${error('cron(0 2 * * 8 *)').field} ${error('cron(0 2 * * 8 *)').reason}`);
    expect(named('cron(0 2 * * 8 *)').field).toBe('addJob(nightly).schedule');
    expect(named('daily').message).toBe("addJob(nightly).schedule: 'daily' is not a schedule expression (cron(...), rate(...) or at(...))");
    expect(named('rate(0 minutes)').message).toMatch(/^addJob\(nightly\)\.schedule: rate value '0'/);
    expect(Schedule.expression('cron(0 2 * * ? *)', 'x').expressionString).toBe('cron(0 2 * * ? *)');
  });

  test('a non-string is rejected, not crashed on', () => {
    expect(() => Schedule.expression(42 as unknown as string)).toThrow('expression: number is not a string (cron(...), rate(...) or at(...))');
  });
});

describe('Schedule.expression accepts what AWS accepts', () => {
  test.each([
    // the examples of the AWS docs
    'cron(0 10 * * ? *)',
    'cron(15 12 * * ? *)',
    'cron(0 18 ? * MON-FRI *)',
    'cron(0 8 1 * ? *)',
    'cron(0/15 * * * ? *)',
    'cron(0/10 * ? * MON-FRI *)',
    'cron(0/5 8-17 ? * MON-FRI *)',
    'cron(0 9 ? * 2#1 *)',
    'cron(1/10 * * * ? *)',
    'cron(0 0 3W * ? *)',
    'cron(0 9 ? * 3#2 *)',
    // every wildcard where it is allowed
    'cron(0 9 L * ? *)',
    'cron(0 9 LW * ? *)',
    'cron(0 9 15W * ? *)',
    'cron(0 9 1/7 * ? *)',
    'cron(0 9 ? * L *)',
    'cron(0 9 ? * 6L *)',
    'cron(0 9 ? * FRIL *)',
    'cron(0 9 ? * wed#1 *)',
    'cron(0 9 * JAN-MAR ? *)',
    'cron(0 9 * */3 ? *)',
    'cron(0 9 * JAN/2 ? *)',
    'cron(0 9 1 jan,Jul ? 2026-2030)',
    'cron(0 9 ? * SUN,WED *)',
    'cron(0 9 ? * * *)',
    'cron(0 9 * * ? 2026/2)',
    'cron(0 0 1 1 ? 1970)',
    'cron(59 23 31 12 ? 2199)',
    'cron(00 09 01 01 ? *)',
    'cron(0-59/7 */5 ? * 1-7 *)',
    'rate(1 minute)',
    'rate(1 hour)',
    'rate(1 day)',
    'rate(2 days)',
    'rate(90 minutes)',
    'at(2026-12-01T09:00:00)',
    'at(2028-02-29T23:59:59)',
  ])('accepts %s', (expression) => {
    expect(Schedule.expression(expression).expressionString).toBe(expression);
  });

  test('normalizes white space', () => {
    expect(Schedule.expression('  cron(0   2 * *\t?  *) ').expressionString).toBe('cron(0 2 * * ? *)');
    expect(Schedule.expression('rate( 5  minutes )').expressionString).toBe('rate(5 minutes)');
    expect(Schedule.expression('at( 2026-12-01T09:00:00 )').expressionString).toBe('at(2026-12-01T09:00:00)');
  });

  test('names the kind', () => {
    expect(Schedule.expression('cron(0 2 * * ? *)').kind).toBe(ScheduleKind.CRON);
    expect(Schedule.expression('rate(5 minutes)').kind).toBe(ScheduleKind.RATE);
    expect(Schedule.expression('at(2026-12-01T09:00:00)').kind).toBe(ScheduleKind.AT);
    expect(String(Schedule.expression('rate(5 minutes)'))).toBe('rate(5 minutes)');
  });
});

describe('factories', () => {
  test('Schedule.cron fills in aws-cdk defaults', () => {
    expect(Schedule.cron({}).expressionString).toBe('cron(* * * * ? *)');
    expect(Schedule.cron({ minute: '0', hour: '2' }).expressionString).toBe('cron(0 2 * * ? *)');
    expect(Schedule.cron({ minute: '0', hour: '8', weekDay: 'MON' }).expressionString).toBe('cron(0 8 ? * MON *)');
    expect(Schedule.cron({ minute: '0', hour: '8', day: '1' }).expressionString).toBe('cron(0 8 1 * ? *)');
    expect(Schedule.cron({ minute: '0', hour: '8', day: 'L', month: 'DEC', year: '2027' }).expressionString).toBe('cron(0 8 L DEC ? 2027)');
    expect(Schedule.cron({ minute: '0', hour: '8', day: '1' }).kind).toBe(ScheduleKind.CRON);
  });

  test('Schedule.cron validates like Schedule.expression', () => {
    expect(() => Schedule.cron({ minute: '0', hour: '8', day: '1', weekDay: 'MON' })).toThrow(
      "day-of-week: 'MON' is set and so is day-of-month '1' (exactly one of them must be '?')",
    );
    expect(() => Schedule.cron({ hour: '25' })).toThrow('hour: 25 is out of range (0-23)');
  });

  test('Schedule.rate picks the singular or plural unit', () => {
    expect(Schedule.rate(1, TimeUnit.MINUTES).expressionString).toBe('rate(1 minute)');
    expect(Schedule.rate(1, TimeUnit.HOURS).expressionString).toBe('rate(1 hour)');
    expect(Schedule.rate(1, TimeUnit.DAYS).expressionString).toBe('rate(1 day)');
    expect(Schedule.rate(5, TimeUnit.MINUTES).expressionString).toBe('rate(5 minutes)');
    expect(Schedule.rate(2, TimeUnit.DAYS).kind).toBe(ScheduleKind.RATE);
  });

  test.each([
    [0, TimeUnit.DAYS, "rate: value '0' is not a positive whole number (1, 2, 3, …)"],
    [1.5, TimeUnit.HOURS, "rate: value '1.5' is not a positive whole number (1, 2, 3, …)"],
    [NaN, TimeUnit.HOURS, "rate: value 'NaN' is not a positive whole number (1, 2, 3, …)"],
    [5, 'WEEKS' as TimeUnit, "rate: unit 'WEEKS' is not a TimeUnit (MINUTES, HOURS, DAYS)"],
  ])('Schedule.rate(%s, %s) throws', (value, unit, message) => {
    expect(() => Schedule.rate(value, unit)).toThrow(message);
  });

  test('Schedule.at makes a one-time schedule', () => {
    const at = Schedule.at('2026-12-01T09:00:00');
    expect(at.kind).toBe(ScheduleKind.AT);
    expect(at.expressionString).toBe('at(2026-12-01T09:00:00)');
    expect(() => Schedule.at('tomorrow')).toThrow("at: 'tomorrow' is not a date and time");
  });
});
