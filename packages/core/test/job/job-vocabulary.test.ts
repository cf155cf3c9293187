import { JobTaskDefinition, OverlapPolicies, RunnerEnvironment, TriggerKinds, ValidationError } from '../../src';

describe('OverlapPolicies', () => {
  test('allow and skip, in that order', () => {
    expect(OverlapPolicies.ALL).toEqual([OverlapPolicies.ALLOW, OverlapPolicies.SKIP]);
    expect(OverlapPolicies.ALL).toEqual(['allow', 'skip']);
  });

  test.each(['allow', 'skip'])('%s is a policy', (value) => {
    expect(OverlapPolicies.validate(value, 'overlap')).toBe(value);
  });

  test.each(['SKIP', ' skip', 'queue', ''])('%j is refused, naming the field', (value) => {
    expect(() => OverlapPolicies.validate(value, 'ECS_BATCH_OVERLAP')).toThrow(ValidationError);
    expect(() => OverlapPolicies.validate(value, 'ECS_BATCH_OVERLAP')).toThrow(`ECS_BATCH_OVERLAP: '${value}' is not an overlap policy (allow or skip)`);
  });

  test('the task definition refuses an unknown policy and defaults to allow', () => {
    const props = { family: 'team-job', image: 'x', cpu: 256, memory: 512, timeoutSeconds: 60 } as any;
    expect(JobTaskDefinition.runnerEnvironment(props)[RunnerEnvironment.OVERLAP]).toBe('allow');
    expect(() => JobTaskDefinition.runnerEnvironment({ ...props, overlap: 'queue' })).toThrow(/^overlap: 'queue' is not an overlap policy/);
  });
});

describe('TriggerKinds', () => {
  test('scheduler and rule, in that order', () => {
    expect(TriggerKinds.ALL).toEqual([TriggerKinds.SCHEDULER, TriggerKinds.RULE]);
    expect(TriggerKinds.ALL).toEqual(['scheduler', 'rule']);
  });

  test.each(['scheduler', 'rule'])('%s is a trigger', (value) => {
    expect(TriggerKinds.validate(value, 'trigger')).toBe(value);
  });

  test.each(['RULE', 'cron', ''])('%j is refused, naming the field', (value) => {
    expect(() => TriggerKinds.validate(value, '--trigger')).toThrow(`--trigger: '${value}' is not a trigger (scheduler or rule)`);
  });
});
