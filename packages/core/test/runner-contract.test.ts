import { RunnerEnvironment } from '../src';

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
