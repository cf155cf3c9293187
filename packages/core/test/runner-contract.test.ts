import { Errors, RunnerEnvironment, RunnerMetrics } from '../src';

describe('RunnerEnvironment', () => {
  const names = Object.entries(RunnerEnvironment).filter(([key, value]) => key !== 'PREFIX' && typeof value === 'string');

  test('every name the runner reads starts with PREFIX', () => {
    expect(names.length).toBeGreaterThan(5);
    for (const [key, value] of names) {
      expect([key, RunnerEnvironment.isRunnerName(value as string)]).toEqual([key, true]);
    }
  });

  test.each([
    ['ECS_BATCH_HANDLER', true],
    ['ECS_BATCH_ANYTHING', true],
    ['ECS_BATCH', false],
    ['ecs_batch_handler', false],
    ['MY_ECS_BATCH_X', false],
    ['CURRENCY', false],
  ])('%s is a runner name: %s', (name, expected) => {
    expect(RunnerEnvironment.isRunnerName(name)).toBe(expected);
  });
});

describe('RunnerMetrics.validateNamespace', () => {
  test('a namespace passes as written', () => {
    expect(RunnerMetrics.validateNamespace('Payments/Batch', 'metricNamespace')).toBe('Payments/Batch');
    expect(RunnerMetrics.validateNamespace(RunnerMetrics.DEFAULT_NAMESPACE, 'metricNamespace')).toBe('EcsBatch');
  });

  test.each(['', '  '])('%j names the caller\'s field', (namespace) => {
    let caught: unknown;
    try {
      RunnerMetrics.validateNamespace(namespace, 'jobs[0].metricNamespace');
    } catch (e) {
      caught = e;
    }
    expect(Errors.fieldOf(caught)).toBe('jobs[0].metricNamespace');
    expect((caught as Error).message).toBe('jobs[0].metricNamespace: is empty (a CloudWatch namespace, e.g. EcsBatch)');
  });
});
