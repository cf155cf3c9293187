import { identityDecision, trustDecision } from './simulate';
import { TaskRolePolicy } from '../../src';
import { ValidationError } from '../../src/errors';

const ACCOUNT = '123456789012';
const CLUSTER = `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/batch`;

describe('overlapGuard', () => {
  const policy = TaskRolePolicy.overlapGuard({ clusterArn: CLUSTER });

  test('document: ecs:ListTasks and ecs:DescribeTasks scoped by ecs:cluster', () => {
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'OverlapGuardListTasks',
        Effect: 'Allow',
        Action: 'ecs:ListTasks',
        Resource: '*',
        Condition: { ArnEquals: { 'ecs:cluster': CLUSTER } },
      }, {
        Sid: 'OverlapGuardDescribeTasks',
        Effect: 'Allow',
        Action: 'ecs:DescribeTasks',
        Resource: '*',
        Condition: { ArnEquals: { 'ecs:cluster': CLUSTER } },
      }],
    });
  });

  const containerInstance = (cluster: string) => `arn:aws:ecs:eu-west-1:${ACCOUNT}:container-instance/${cluster}/0123456789abcdef`;

  test('ListTasks in the cluster is allowed', async () => {
    expect(await identityDecision(policy, { action: 'ecs:ListTasks', resource: containerInstance('batch'), context: { 'ecs:cluster': CLUSTER } })).toBe('Allowed');
  });

  test('ListTasks in another cluster is denied', async () => {
    expect(await identityDecision(policy, {
      action: 'ecs:ListTasks', resource: containerInstance('other'), context: { 'ecs:cluster': `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/other` },
    })).toBe('ImplicitlyDenied');
  });

  const task = (cluster: string) => `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/${cluster}/0123456789abcdef`;

  test('DescribeTasks (the tie-break) in the cluster is allowed, in another cluster denied', async () => {
    expect(await identityDecision(policy, { action: 'ecs:DescribeTasks', resource: task('batch'), context: { 'ecs:cluster': CLUSTER } })).toBe('Allowed');
    expect(await identityDecision(policy, {
      action: 'ecs:DescribeTasks', resource: task('other'), context: { 'ecs:cluster': `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/other` },
    })).toBe('ImplicitlyDenied');
  });

  test('nothing else: StopTask, RunTask are denied', async () => {
    expect(await identityDecision(policy, { action: 'ecs:StopTask', resource: task('batch'), context: { 'ecs:cluster': CLUSTER } })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, {
      action: 'ecs:RunTask', resource: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/nightly:1`, context: { 'ecs:cluster': CLUSTER },
    })).toBe('ImplicitlyDenied');
  });

  test('a token cluster passes through', () => {
    expect(TaskRolePolicy.overlapGuard({ clusterArn: '${TfToken[TOKEN.1]}' }).Statement[0].Condition.ArnEquals['ecs:cluster']).toBe('${TfToken[TOKEN.1]}');
  });

  test('a bad cluster ARN names clusterArn', () => {
    expect(() => TaskRolePolicy.overlapGuard({ clusterArn: 'batch' })).toThrow(ValidationError);
    expect(() => TaskRolePolicy.overlapGuard({ clusterArn: 'batch' }))
      .toThrow("clusterArn: 'batch' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)");
  });
});

describe('trust', () => {
  const trust = TaskRolePolicy.trust({ accountId: ACCOUNT });
  const role = `arn:aws:iam::${ACCOUNT}:role/nightly-task`;

  test('document', () => {
    expect(trust.Statement).toEqual([{
      Sid: 'EcsTasksAssumeTaskRole',
      Effect: 'Allow',
      Principal: { Service: 'ecs-tasks.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    }]);
  });

  test('ECS tasks of the account only', async () => {
    expect(await trustDecision(trust, { service: 'ecs-tasks.amazonaws.com', roleArn: role, context: { 'aws:SourceAccount': ACCOUNT } })).toBe('Allowed');
    expect(await trustDecision(trust, { service: 'ecs-tasks.amazonaws.com', roleArn: role, context: { 'aws:SourceAccount': '210987654321' } })).toBe('ImplicitlyDenied');
    expect(await trustDecision(trust, { service: 'events.amazonaws.com', roleArn: role, context: { 'aws:SourceAccount': ACCOUNT } })).toBe('ImplicitlyDenied');
  });
});
