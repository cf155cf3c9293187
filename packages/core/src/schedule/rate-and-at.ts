import { ValidationError } from '../errors';
import { WallTime } from './cron-spec';

export type RateUnit = 'minute' | 'hour' | 'day';
const UNIT_MINUTES: Record<RateUnit, number> = { minute: 1, hour: 60, day: 1440 };

/**
 * `rate(value unit)`: a positive whole number; 1 takes the singular unit, more
 * than 1 the plural. https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-rate-expressions
 */
export function parseRate(body: string): { value: number; unit: RateUnit; minutes: number } {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(body);
  if (!m) throw new ValidationError('rate', `'${body}' must be '<value> <unit>' (e.g. 5 minutes, 1 hour)`);
  const [, valueText, unitText] = m;
  if (!/^\d+$/.test(valueText) || Number(valueText) < 1) {
    throw new ValidationError('rate', `value '${valueText}' must be a positive whole number`);
  }
  const value = Number(valueText);
  const singular = unitText.replace(/s$/, '') as RateUnit;
  if (!(singular in UNIT_MINUTES)) {
    throw new ValidationError('rate', `unit '${unitText}' is not one of minute(s), hour(s), day(s)`);
  }
  const plural = unitText.endsWith('s');
  if (value === 1 && plural) throw new ValidationError('rate', `a value of 1 takes the singular unit: 'rate(1 ${singular})'`);
  if (value > 1 && !plural) throw new ValidationError('rate', `a value above 1 takes the plural unit: 'rate(${value} ${singular}s)'`);
  return { value, unit: singular, minutes: value * UNIT_MINUTES[singular] };
}

/**
 * `at(yyyy-mm-ddThh:mm:ss)`: a one-time schedule (EventBridge Scheduler).
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#one-time
 */
export function parseAt(body: string): WallTime & { second: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body.trim());
  if (!m) throw new ValidationError('at', `'${body}' must be yyyy-mm-ddThh:mm:ss`);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const d = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new ValidationError('at', `'${body}' is not a real date and time`);
  }
  return { year, month, day, hour, minute, second };
}
