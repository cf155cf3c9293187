import { AwsLimits, Errors, JobName } from '../../src';
import { errorOf } from '../error-of';

describe('AwsLimits', () => {
  test('rule and schedule names: 1-64 letters, numbers, . - _', () => {
    const valid = new RegExp(AwsLimits.SCHEDULE_NAME_PATTERN);
    expect(valid.test('payments-nightly_v2.1')).toBe(true);
    expect(valid.test('a'.repeat(AwsLimits.SCHEDULE_NAME_MAX_LENGTH))).toBe(true);
    expect(valid.test('a'.repeat(AwsLimits.SCHEDULE_NAME_MAX_LENGTH + 1))).toBe(false);
    expect(valid.test('nightly report')).toBe(false);
    expect(valid.test('')).toBe(false);
  });

  test('the lists cannot be changed by a caller', () => {
    expect(() => (AwsLimits.LOG_RETENTION_DAYS as number[]).push(2)).toThrow(TypeError);
    expect(AwsLimits.LOG_RETENTION_DAYS).toContain(3653);
    expect(AwsLimits.FARGATE_CAPACITY_PROVIDERS).toEqual(['FARGATE', 'FARGATE_SPOT']);
  });

  test('a job family leaves room for the names derived from it', () => {
    // <family>-<schedule>-dlq and <family>-invoker must fit the 64-character name limits.
    expect(JobName.FAMILY_MAX_LENGTH).toBeLessThan(AwsLimits.SCHEDULE_NAME_MAX_LENGTH);
    const family = new RegExp(JobName.FAMILY_PATTERN);
    expect(family.test('payments-nightly_1')).toBe(true);
    expect(family.test('a'.repeat(JobName.FAMILY_MAX_LENGTH + 1))).toBe(false);
  });

  test('validateLogRetentionDays: a retention CloudWatch Logs offers passes; another names the caller\'s field', () => {
    for (const days of AwsLimits.LOG_RETENTION_DAYS) expect(AwsLimits.validateLogRetentionDays(days, 'logRetentionDays')).toBe(days);
    for (const days of [0, 2, 31, 3654, 30.5, -1]) {
      const e = errorOf(() => AwsLimits.validateLogRetentionDays(days, 'log_retention_days'));
      expect(Errors.isValidationError(e)).toBe(true);
      expect(e.field).toBe('log_retention_days');
      expect(e.message).toBe(`log_retention_days: ${days} is not a CloudWatch Logs retention (${AwsLimits.LOG_RETENTION_DAYS.join(', ')})`);
    }
  });
});
