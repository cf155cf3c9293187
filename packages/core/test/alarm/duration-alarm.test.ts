import { AwsLimits, DurationAlarm, RunnerMetrics } from '../../src';
import { ValidationError } from '../../src/errors';

describe('DurationAlarm.definition', () => {
  test('p95 of JobDurationMs with the job dimension, above 80% of the timeout in ms by default', () => {
    expect(DurationAlarm.definition({ jobName: 'payments-nightly', timeoutSeconds: 3600 })).toEqual({
      alarmName: 'payments-nightly-duration-near-timeout',
      alarmDescription: 'Batch job payments-nightly: p95 duration over a day is above 80% of its 3600 s timeout (2880000 ms)',
      namespace: RunnerMetrics.DEFAULT_NAMESPACE,
      metricName: RunnerMetrics.JOB_DURATION_MS,
      dimensions: { [RunnerMetrics.JOB_DIMENSION]: 'payments-nightly' },
      extendedStatistic: 'p95',
      period: 86400,
      evaluationPeriods: 1,
      threshold: 2_880_000,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
    });
  });

  test('a share and a namespace', () => {
    const alarm = DurationAlarm.definition({ jobName: 'report', timeoutSeconds: 900, share: 0.5, namespace: 'Payments/Batch' });
    expect(alarm.threshold).toBe(450_000);
    expect(alarm.namespace).toBe('Payments/Batch');
  });

  test('the period fits what CloudWatch evaluates, and is a multiple of 60 s', () => {
    expect(DurationAlarm.PERIOD_SECONDS * DurationAlarm.EVALUATION_PERIODS).toBeLessThanOrEqual(AwsLimits.ALARM_MAX_HOURS * 3600);
    expect(DurationAlarm.PERIOD_SECONDS % 60).toBe(0);
  });

  test.each([
    [{ share: 0 }, 'share', '0 is out of range (more than 0 and below 1, e.g. 0.8 for 80% of the timeout)'],
    [{ share: 1 }, 'share', '1 is out of range (more than 0 and below 1, e.g. 0.8 for 80% of the timeout)'],
    [{ share: 80 }, 'share', '80 is out of range (more than 0 and below 1, e.g. 0.8 for 80% of the timeout)'],
    [{ timeoutSeconds: 0 }, 'timeoutSeconds', '0 is not a timeout (a positive integer of seconds); without a timeout there is nothing to warn about'],
    [{ timeoutSeconds: 1.5 }, 'timeoutSeconds', '1.5 is not a timeout (a positive integer of seconds); without a timeout there is nothing to warn about'],
    [{ jobName: ' ' }, 'jobName', 'is empty (the job name, the metrics\' Job dimension)'],
  ])('%j names %s', (change, field, reason) => {
    const call = () => DurationAlarm.definition({ jobName: 'nightly', timeoutSeconds: 3600, ...change });
    expect(call).toThrow(ValidationError);
    try {
      call();
    } catch (e) {
      expect((e as ValidationError).field).toBe(field);
      expect((e as ValidationError).reason).toBe(reason);
    }
  });
});

describe('DurationAlarm.validateShare', () => {
  test.each([0.01, 0.5, 0.8, 0.99])('%d passes', (share) => {
    expect(DurationAlarm.validateShare(share, 'durationAlarm.share')).toBe(share);
  });

  test.each([0, 1, -0.5, 80, NaN])('%d names the caller\'s field', (share) => {
    expect(() => DurationAlarm.validateShare(share, 'durationAlarm.share'))
      .toThrow(`durationAlarm.share: ${share} is out of range (more than 0 and below 1, e.g. 0.8 for 80% of the timeout)`);
    expect(() => DurationAlarm.validateShare(share, 'durationAlarm.share')).toThrow(ValidationError);
  });
});
