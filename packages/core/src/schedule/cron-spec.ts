import { HOUR, MINUTE, MONTH, NumericField, YEAR, parseNumericField } from './cron-field';
import { DayRule, parseDayOfMonth, parseDayOfWeek } from './day-rule';
import { ValidationError } from '../errors';

/** A validated cron expression: its six fields as written, and what each selects. */
export interface CronSpec {
  /** The six fields, as written. */
  readonly fields: readonly string[];
  readonly minute: NumericField;
  readonly hour: NumericField;
  readonly dayOfMonth: DayRule;
  readonly month: NumericField;
  readonly dayOfWeek: DayRule;
  readonly year: NumericField;
}

/**
 * Parses and validates the six fields inside `cron(...)`: minutes hours
 * day-of-month month day-of-week year, separated by white space. Exactly one
 * of day-of-month and day-of-week is `?`.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions
 *
 * "Nothing faster than once a minute" holds by construction: the finest field is minutes.
 */
export function parseCronFields(body: string): CronSpec {
  const fields = body.trim().split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 6) {
    throw new ValidationError(
      'expression',
      `cron has ${fields.length} field${fields.length === 1 ? '' : 's'} (it needs 6: minutes hours day-of-month month day-of-week year)`,
    );
  }
  const [mi, h, dom, mo, dow, y] = fields;
  const spec: CronSpec = {
    fields,
    minute: parseNumericField(MINUTE, mi),
    hour: parseNumericField(HOUR, h),
    dayOfMonth: parseDayOfMonth(dom),
    month: parseNumericField(MONTH, mo),
    dayOfWeek: parseDayOfWeek(dow),
    year: parseNumericField(YEAR, y),
  };
  const domAny = spec.dayOfMonth.kind === 'any';
  const dowAny = spec.dayOfWeek.kind === 'any';
  if (domAny && dowAny) {
    throw new ValidationError('day-of-month', "'?' is in day-of-week too (exactly one of them must be '?')");
  }
  if (!domAny && !dowAny) {
    throw new ValidationError(
      'day-of-week',
      `'${dow}' is set and so is day-of-month '${dom}' (exactly one of them must be '?')`,
    );
  }
  return spec;
}
