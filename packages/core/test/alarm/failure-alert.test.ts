import { FailureAlert, JobDashboard } from '../../src';

const CLUSTER = 'arn:aws:ecs:ap-northeast-1:123456789012:cluster/batch';
const FAMILY = 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/settlement';

describe('FailureAlert', () => {
  test('the pattern: a stopped task of the family on the cluster, non-zero exit or never started', () => {
    expect(FailureAlert.eventPattern(CLUSTER, FAMILY)).toEqual({
      'source': ['aws.ecs'],
      'detail-type': ['ECS Task State Change'],
      'detail': {
        clusterArn: [CLUSTER],
        taskDefinitionArn: [{ prefix: `${FAMILY}:` }],
        lastStatus: ['STOPPED'],
        $or: [
          { containers: { exitCode: [{ 'anything-but': 0 }] } },
          { stopCode: ['TaskFailedToStart'] },
        ],
      },
    });
  });

  test('a family by its task group: the same failures, on any cluster', () => {
    const pattern = FailureAlert.familyEventPattern('report');
    const full = FailureAlert.eventPattern(CLUSTER, FAMILY);
    expect(pattern.detail).toEqual({ group: ['family:report'], lastStatus: full.detail.lastStatus, $or: full.detail.$or });
    expect(pattern.source).toEqual(full.source);
    expect(FailureAlert.coverage(pattern)).toEqual({ taskStateChanges: true, nonZeroExit: true, failedToStart: true });
  });

  test('the message is a JSON string with the job and the event fields it shows', () => {
    const template = FailureAlert.inputTemplate('nightly');
    expect(JSON.parse(template)).toBe('ecs-batch job nightly failed at <time>: task <task> stopped (<stop_code>, exit code <exit_code>): <reason>');
    for (const name of template.match(/<([a-z_]+)>/g)!.map((m) => m.slice(1, -1))) {
      expect(FailureAlert.INPUT_PATHS[name]).toMatch(/^\$\./);
    }
  });

  test('coverage: its own pattern catches both failures', () => {
    expect(FailureAlert.coverage(FailureAlert.eventPattern(CLUSTER, FAMILY)))
      .toEqual({ taskStateChanges: true, nonZeroExit: true, failedToStart: true });
  });

  test('coverage: a pattern without the stop code, or without the exit code, misses that failure', () => {
    const exitOnly = { 'source': ['aws.ecs'], 'detail-type': ['ECS Task State Change'], 'detail': { lastStatus: ['STOPPED'], containers: { exitCode: [{ 'anything-but': 0 }] } } };
    expect(FailureAlert.coverage(exitOnly)).toEqual({ taskStateChanges: true, nonZeroExit: true, failedToStart: false });
    const startOnly = { 'source': ['aws.ecs'], 'detail-type': ['ECS Task State Change'], 'detail': { stopCode: 'TaskFailedToStart' } };
    expect(FailureAlert.coverage(startOnly)).toEqual({ taskStateChanges: true, nonZeroExit: false, failedToStart: true });
    // Another stop code is not a failure to start; an exitCode outside containers is not the exit code.
    const wrong = { 'source': ['aws.ecs'], 'detail-type': ['ECS Task State Change'], 'detail': { stopCode: ['UserInitiated'], exitCode: [1] } };
    expect(FailureAlert.coverage(wrong)).toEqual({ taskStateChanges: true, nonZeroExit: false, failedToStart: false });
  });

  test('coverage: a pattern on other events catches nothing', () => {
    const none = { taskStateChanges: false, nonZeroExit: false, failedToStart: false };
    const pattern = FailureAlert.eventPattern(CLUSTER, FAMILY);
    expect(FailureAlert.coverage({ ...pattern, 'detail-type': ['ECS Container Instance State Change'] })).toEqual(none);
    expect(FailureAlert.coverage({ ...pattern, source: ['aws.batch'] })).toEqual(none);
    expect(FailureAlert.coverage('aws.ecs')).toEqual(none);
    expect(FailureAlert.coverage(undefined)).toEqual(none);
  });

  test('the dashboard reads the same events', () => {
    const pattern = JobDashboard.taskEventsPattern(CLUSTER, ['settlement']);
    expect(pattern.source).toEqual([FailureAlert.SOURCE]);
    expect(pattern['detail-type']).toEqual([FailureAlert.DETAIL_TYPE]);
    expect(pattern.detail.lastStatus).toEqual([FailureAlert.STOPPED]);
  });
});
