import { Errors, OverlapPolicies, RunnerEnvironment } from '@ecs-batch/core';
import { readRunnerConfig } from '../src/runner-config';

/** What a call throws, read through core's public `Errors` (no deep import). */
function errorOf(env: { [name: string]: string }): { error: unknown; field?: string; reason?: string; message: string } {
  try {
    readRunnerConfig(env);
  } catch (e) {
    return { error: e, field: Errors.fieldOf(e), reason: Errors.reasonOf(e), message: (e as Error).message };
  }
  throw new Error('expected a ValidationError');
}

describe('readRunnerConfig', () => {
  test('defaults: allow, EcsBatch, nothing else', () => {
    expect(readRunnerConfig({})).toEqual({ overlap: 'allow', metricNamespace: 'EcsBatch' });
  });

  test('reads every variable', () => {
    expect(readRunnerConfig({
      ECS_BATCH_HANDLER: ' dist/jobs/nightly.handler ',
      ECS_BATCH_EVENT: '{"source":"manual"}',
      ECS_BATCH_JOB_NAME: 'nightly',
      ECS_BATCH_TIMEOUT_SECONDS: '900',
      ECS_BATCH_OVERLAP: 'skip',
      ECS_BATCH_METRIC_NAMESPACE: 'Payments/Batch',
      ECS_CONTAINER_METADATA_URI_V4: 'http://169.254.170.2/v4/abc',
      AWS_DEFAULT_REGION: 'eu-west-1',
      ECS_BATCH_ATTEMPT: '2',
      ECS_BATCH_OVERLAP_SETTLE_MS: '500',
    })).toEqual({
      handler: 'dist/jobs/nightly.handler',
      event: { value: { source: 'manual' } },
      jobName: 'nightly',
      timeoutSeconds: 900,
      overlap: 'skip',
      metricNamespace: 'Payments/Batch',
      metadataUri: 'http://169.254.170.2/v4/abc',
      region: 'eu-west-1',
      attempt: 2,
      overlapSettleMs: 500,
    });
  });

  test('an empty variable counts as unset', () => {
    expect(readRunnerConfig({ ECS_BATCH_TIMEOUT_SECONDS: '', ECS_BATCH_OVERLAP: ' ', ECS_BATCH_EVENT: '', ECS_BATCH_METRIC_NAMESPACE: '' }))
      .toEqual({ overlap: 'allow', metricNamespace: 'EcsBatch' });
  });

  test('JSON null and fractional seconds are values', () => {
    const config = readRunnerConfig({ ECS_BATCH_EVENT: 'null', ECS_BATCH_TIMEOUT_SECONDS: '1.5' });
    expect(config.event).toEqual({ value: null });
    expect(config.timeoutSeconds).toBe(1.5);
  });

  test.each([
    [{ ECS_BATCH_TIMEOUT_SECONDS: 'abc' }, 'ECS_BATCH_TIMEOUT_SECONDS', "'abc' is not a number of seconds (a positive number up to 2147483, e.g. 900)"],
    [{ ECS_BATCH_TIMEOUT_SECONDS: '-5' }, 'ECS_BATCH_TIMEOUT_SECONDS', "'-5' is not a number of seconds (a positive number up to 2147483, e.g. 900)"],
    [{ ECS_BATCH_TIMEOUT_SECONDS: '15m' }, 'ECS_BATCH_TIMEOUT_SECONDS', "'15m' is not a number of seconds (a positive number up to 2147483, e.g. 900)"],
    [{ ECS_BATCH_TIMEOUT_SECONDS: '3000000' }, 'ECS_BATCH_TIMEOUT_SECONDS', '3000000 is out of range (a positive number up to 2147483, e.g. 900; unset for no timeout)'],
    [{ ECS_BATCH_OVERLAP: 'maybe' }, 'ECS_BATCH_OVERLAP', "'maybe' is not an overlap policy (allow or skip)"],
    [{ ECS_BATCH_OVERLAP: 'SKIP' }, 'ECS_BATCH_OVERLAP', "'SKIP' is not an overlap policy (allow or skip)"],
    [{ ECS_BATCH_ATTEMPT: '0' }, 'ECS_BATCH_ATTEMPT', "'0' is not an attempt number (a whole number from 1, e.g. 1 for the first delivery)"],
    [{ ECS_BATCH_ATTEMPT: '<aws.scheduler.attempt-number>' }, 'ECS_BATCH_ATTEMPT', "'<aws.scheduler.attempt-number>' is not an attempt number (a whole number from 1, e.g. 1 for the first delivery)"],
    [{ ECS_BATCH_OVERLAP_SETTLE_MS: '3s' }, 'ECS_BATCH_OVERLAP_SETTLE_MS', "'3s' is not a wait in milliseconds (a whole number, 0-60000, default 3000)"],
    [{ ECS_BATCH_OVERLAP_SETTLE_MS: '600000' }, 'ECS_BATCH_OVERLAP_SETTLE_MS', "'600000' is not a wait in milliseconds (a whole number, 0-60000, default 3000)"],
  ])('%j: %s', (env, field, reason) => {
    const error = errorOf(env);
    expect(Errors.isValidationError(error.error)).toBe(true);
    expect(error.field).toBe(field);
    expect(error.reason).toBe(reason);
    expect(error.message).toBe(`${field}: ${reason}`);
  });

  test('invalid event JSON names the variable and the parser’s complaint', () => {
    const error = errorOf({ ECS_BATCH_EVENT: "{'single': 'quotes'}" });
    expect(error.field).toBe('ECS_BATCH_EVENT');
    expect(error.reason).toMatch(/^is not valid JSON: .*position 1.* \(a JSON document, e\.g\. \{"source":"manual"\}\)$/);
  });
});

test('ECS_BATCH_OVERLAP reads exactly core\'s overlap policies, the words the construct and the template write', () => {
  for (const policy of OverlapPolicies.ALL) {
    expect(readRunnerConfig({ [RunnerEnvironment.OVERLAP]: policy }).overlap).toBe(policy);
  }
  expect(readRunnerConfig({}).overlap).toBe(OverlapPolicies.ALLOW);
  expect(errorOf({ [RunnerEnvironment.OVERLAP]: 'queue' }).reason).toBe(`'queue' is not an overlap policy (${OverlapPolicies.ALL.join(' or ')})`);
});
