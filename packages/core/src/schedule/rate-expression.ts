import { ValidationError } from '../errors';

/** A parsed `rate(value unit)`. */
export interface RateSpec {
  readonly value: number;
  /** The singular unit: minute, hour or day. */
  readonly unit: string;
  /** The interval in minutes. */
  readonly minutes: number;
}

const UNIT_MINUTES: { [unit: string]: number } = { minute: 1, hour: 60, day: 1440 };

/**
 * Parses the body of `rate(value unit)`: a positive whole number and a unit
 * of minutes, hours or days. For an EventBridge rule (and by default) a value of
 * 1 takes the singular unit, more than 1 the plural; EventBridge Scheduler takes
 * either (`anyNumber`), and `formatRate` writes the form both accept. The
 * shortest rate is a minute, so nothing runs faster than once a minute.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html
 * https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html#scheduler-CreateSchedule-request-ScheduleExpression
 */
export function parseRate(body: string, anyNumber = false): RateSpec {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(body);
  if (!m) throw new ValidationError('rate', `'${body}' is not '<value> <unit>' (e.g. rate(5 minutes), rate(1 hour))`);
  const [, valueText, unitText] = m;
  if (!/^\d+$/.test(valueText) || Number(valueText) < 1) {
    throw new ValidationError('rate', `value '${valueText}' is not a positive whole number (1, 2, 3, …)`);
  }
  const value = Number(valueText);
  const plural = unitText.endsWith('s');
  const unit = plural ? unitText.slice(0, -1) : unitText;
  if (!(unit in UNIT_MINUTES)) {
    throw new ValidationError('rate', `unit '${unitText}' is not a rate unit (minute, minutes, hour, hours, day, days)`);
  }
  if (anyNumber) return { value, unit, minutes: value * UNIT_MINUTES[unit] };
  if (value === 1 && plural) throw new ValidationError('rate', `a value of 1 takes the singular unit (rate(1 ${unit}))`);
  if (value > 1 && !plural) throw new ValidationError('rate', `a value above 1 takes the plural unit (rate(${value} ${unit}s))`);
  return { value, unit, minutes: value * UNIT_MINUTES[unit] };
}

/** `rate(5 minutes)`, `rate(1 hour)`. */
export function formatRate(value: number, unit: string): string {
  return `rate(${value} ${value === 1 ? unit : `${unit}s`})`;
}
