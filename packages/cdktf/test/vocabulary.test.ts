/**
 * The construct's enums stay its own (jsii API), but their words are core's:
 * the runner and the template read the same ones.
 */
import { Errors, OverlapPolicies, Schedule, TriggerKinds } from '@ecs-batch/core';
import { TerraformStack, Testing } from 'cdktf';
import { EcsScheduledTask, OverlapPolicy, TriggerKind } from '../src';

test('OverlapPolicy has exactly core\'s overlap policies', () => {
  expect(Object.values(OverlapPolicy).sort()).toEqual([...OverlapPolicies.ALL].sort());
  expect(OverlapPolicy.ALLOW).toBe(OverlapPolicies.ALLOW);
  expect(OverlapPolicy.SKIP).toBe(OverlapPolicies.SKIP);
});

test('TriggerKind has exactly core\'s trigger kinds', () => {
  expect(Object.values(TriggerKind).sort()).toEqual([...TriggerKinds.ALL].sort());
  expect(TriggerKind.RULE).toBe(TriggerKinds.RULE);
  expect(TriggerKind.SCHEDULER).toBe(TriggerKinds.SCHEDULER);
});

test('a trigger that is not core\'s is refused through core, naming the prop', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  let error: unknown;
  try {
    new EcsScheduledTask(stack, 'nightly', {
      name: 'nightly',
      schedule: Schedule.expression('cron(0 17 * * ? *)'),
      clusterArn: 'arn:aws:ecs:ap-northeast-1:123456789012:cluster/batch',
      taskDefinitionArn: 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/nightly:3',
      subnetIds: ['subnet-0a1b2c3d'],
      trigger: 'RULE' as TriggerKind,
    });
  } catch (e) {
    error = e;
  }
  expect(Errors.isValidationError(error)).toBe(true);
  expect(Errors.fieldOf(error)).toBe('trigger');
  expect((error as Error).message).toBe("trigger: 'RULE' is not a trigger (scheduler or rule)");
});
