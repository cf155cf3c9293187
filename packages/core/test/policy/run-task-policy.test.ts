import { identityDecision } from './simulate';
import { RunTaskPolicy, TaskDefinitionArn } from '../../src';
import { errorOf } from '../error-of';

const ACCOUNT = '123456789012';
const CLUSTER = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch`;
const OTHER_CLUSTER = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/other`;
const TD = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task-definition/nightly`;
const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/nightly-execution`;
const TASK_ROLE = `arn:aws:iam::${ACCOUNT}:role/nightly-task`;
const DLQ = `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:nightly-dlq`;

describe('document', () => {
  test('minimal: RunTask on family:* in the cluster, PassRole towards ECS tasks', () => {
    const policy = RunTaskPolicy.permissions({ clusterArn: CLUSTER, taskDefinitionArn: `${TD}:3`, passRoleArns: [EXEC_ROLE, TASK_ROLE] });
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'RunTask',
          Effect: 'Allow',
          Action: 'ecs:RunTask',
          Resource: `${TD}:*`,
          Condition: { ArnEquals: { 'ecs:cluster': CLUSTER } },
        },
        {
          Sid: 'PassRoleToEcsTasks',
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: [EXEC_ROLE, TASK_ROLE],
          Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
        },
      ],
    });
  });

  test('key order is fixed, so the JSON is byte-for-byte stable', () => {
    const policy = RunTaskPolicy.permissions({
      clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [EXEC_ROLE], propagateTags: true, deadLetterQueueArn: DLQ,
    });
    expect(Object.keys(policy)).toEqual(['Version', 'Statement']);
    expect(policy.Statement.map((s: any) => Object.keys(s))).toEqual([
      ['Sid', 'Effect', 'Action', 'Resource', 'Condition'],
      ['Sid', 'Effect', 'Action', 'Resource', 'Condition'],
      ['Sid', 'Effect', 'Action', 'Resource', 'Condition'],
      ['Sid', 'Effect', 'Action', 'Resource'],
    ]);
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual([
      RunTaskPolicy.SID_RUN_TASK, RunTaskPolicy.SID_PASS_ROLE, RunTaskPolicy.SID_TAG_ON_RUN_TASK, RunTaskPolicy.SID_DEAD_LETTER_QUEUE,
    ]);
    expect(JSON.stringify(policy)).toBe(JSON.stringify(RunTaskPolicy.permissions({
      clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [EXEC_ROLE], propagateTags: true, deadLetterQueueArn: DLQ,
    })));
  });

  test('propagateTags adds TagResource on the cluster tasks, only at RunTask', () => {
    const policy = RunTaskPolicy.permissions({ clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [EXEC_ROLE], propagateTags: true });
    expect(policy.Statement[2]).toEqual({
      Sid: 'TagTasksOnRunTask',
      Effect: 'Allow',
      Action: 'ecs:TagResource',
      Resource: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task/batch/*`,
      Condition: { StringEquals: { 'ecs:CreateAction': 'RunTask' } },
    });
  });

  test('deadLetterQueueArn adds SendMessage on the queue', () => {
    const policy = RunTaskPolicy.permissions({ clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [EXEC_ROLE], deadLetterQueueArn: DLQ });
    expect(policy.Statement[2]).toEqual({ Sid: 'SendToDeadLetterQueue', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: DLQ });
  });

  test('pinRevision grants the exact revision only', () => {
    const policy = RunTaskPolicy.permissions({ clusterArn: CLUSTER, taskDefinitionArn: `${TD}:3`, passRoleArns: [EXEC_ROLE], pinRevision: true });
    expect(policy.Statement[0].Resource).toBe(`${TD}:3`);
  });

  test('no roles to pass: no PassRole statement; duplicates collapse', () => {
    expect(RunTaskPolicy.permissions({ clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [] }).Statement).toHaveLength(1);
    const duplicated = RunTaskPolicy.permissions({ clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [EXEC_ROLE, EXEC_ROLE] });
    expect(duplicated.Statement[1].Resource).toBe(EXEC_ROLE);
  });

  test('works in aws-cn and aws-us-gov', () => {
    const cn = RunTaskPolicy.permissions({
      clusterArn: 'arn:aws-cn:ecs:cn-north-1:123456789012:cluster/c',
      taskDefinitionArn: 'arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/j:2',
      passRoleArns: ['arn:aws-cn:iam::123456789012:role/r'],
      propagateTags: true,
    });
    expect(cn.Statement[0].Resource).toBe('arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/j:*');
    expect(cn.Statement[2].Resource).toBe('arn:aws-cn:ecs:cn-north-1:123456789012:task/c/*');
    const gov = RunTaskPolicy.permissions({
      clusterArn: 'arn:aws-us-gov:ecs:us-gov-west-1:123456789012:cluster/c',
      taskDefinitionArn: 'arn:aws-us-gov:ecs:us-gov-west-1:123456789012:task-definition/j',
      passRoleArns: ['arn:aws-us-gov:iam::123456789012:role/r'],
    });
    expect(gov.Statement[0].Resource).toBe('arn:aws-us-gov:ecs:us-gov-west-1:123456789012:task-definition/j:*');
  });
});

describe('tokens', () => {
  test('are passed through verbatim', () => {
    const policy = RunTaskPolicy.permissions({
      clusterArn: '${TfToken[TOKEN.1]}',
      taskDefinitionArn: '${TfToken[TOKEN.2]}',
      taskDefinitionFamilyArn: '${TfToken[TOKEN.3]}',
      passRoleArns: ['${TfToken[TOKEN.4]}', EXEC_ROLE],
      deadLetterQueueArn: '${TfToken[TOKEN.5]}',
      propagateTags: true,
    });
    expect(policy.Statement[0].Resource).toBe('${TfToken[TOKEN.3]}:*');
    expect(policy.Statement[0].Condition).toEqual({ ArnEquals: { 'ecs:cluster': '${TfToken[TOKEN.1]}' } });
    expect(policy.Statement[1].Resource).toEqual(['${TfToken[TOKEN.4]}', EXEC_ROLE]);
    // Cluster name unknown and no literal account/region: any task, still only at RunTask.
    expect(policy.Statement[2].Resource).toBe('*');
    expect(policy.Statement[3].Resource).toBe('${TfToken[TOKEN.5]}');
  });

  test('a token task definition with the Terraform family expression', () => {
    const family = '${' + TaskDefinitionArn.terraformFamilyExpression('aws_ecs_task_definition.this.arn') + '}';
    const policy = RunTaskPolicy.permissions({
      clusterArn: '${aws_ecs_cluster.this.arn}',
      taskDefinitionArn: '${aws_ecs_task_definition.this.arn}',
      taskDefinitionFamilyArn: family,
      passRoleArns: ['${aws_iam_role.execution.arn}'],
    });
    expect(policy.Statement[0].Resource).toBe('${replace(aws_ecs_task_definition.this.arn, "/:\\\\d+$/", "")}:*');
  });

  test('a pinned token task definition is the resource as it is', () => {
    const policy = RunTaskPolicy.permissions({ clusterArn: CLUSTER, taskDefinitionArn: '${TfToken[TOKEN.2]}', passRoleArns: [], pinRevision: true });
    expect(policy.Statement[0].Resource).toBe('${TfToken[TOKEN.2]}');
  });

  test('a token cluster narrows TagResource to the literal task definition account and region', () => {
    const policy = RunTaskPolicy.permissions({ clusterArn: '${TfToken[TOKEN.1]}', taskDefinitionArn: `${TD}:1`, passRoleArns: [], propagateTags: true });
    expect(policy.Statement[1].Resource).toBe(`arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task/*`);
  });

  test('a literal family ARN is used with a token task definition', () => {
    const policy = RunTaskPolicy.permissions({
      clusterArn: CLUSTER, taskDefinitionArn: '${TfToken[TOKEN.2]}', taskDefinitionFamilyArn: TD, passRoleArns: [],
    });
    expect(policy.Statement[0].Resource).toBe(`${TD}:*`);
  });
});

describe('errors', () => {
  test.each([
    ['a bad cluster ARN', { clusterArn: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:service/batch/x` }, 'clusterArn', 'clusterArn: service is \'ecs\' but resource is \'service/batch/x\', expected cluster/<name>'],
    ['a cluster ARN with a short account', { clusterArn: 'arn:aws:ecs:ap-northeast-1:12345:cluster/batch' }, 'clusterArn', "clusterArn: account '12345' must be 12 digits"],
    ['a task definition that is not an ARN', { taskDefinitionArn: 'nightly:3' }, 'taskDefinitionArn', "taskDefinitionArn: 'nightly:3' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
    ['a cluster given as the task definition', { taskDefinitionArn: CLUSTER }, 'taskDefinitionArn', "taskDefinitionArn: service is 'ecs' but resource is 'cluster/batch', expected task-definition/<family>[:<revision>]"],
    ['a user as a role to pass', { passRoleArns: [EXEC_ROLE, `arn:aws:iam::${ACCOUNT}:user/bob`] }, 'passRoleArns[1]', "passRoleArns[1]: service is 'iam' but resource is 'user/bob', expected role/[<path>/]<role-name>"],
    ['a topic as the DLQ', { deadLetterQueueArn: `arn:aws:sns:ap-northeast-1:${ACCOUNT}:topic` }, 'deadLetterQueueArn', "deadLetterQueueArn: service is 'sns' but expected 'sqs' (arn:<partition>:sqs:...:<queue-name>)"],
    ['a FIFO queue as the DLQ', { deadLetterQueueArn: `${DLQ}.fifo` }, 'deadLetterQueueArn', "deadLetterQueueArn: queue 'nightly-dlq.fifo' is a FIFO queue, but EventBridge dead-letter queues must be standard queues"],
    ['a queue with a bad name', { deadLetterQueueArn: `${DLQ}/x` }, 'deadLetterQueueArn', "deadLetterQueueArn: queue name 'nightly-dlq/x' is not valid (1-80 letters, numbers, hyphens and underscores)"],
    ['pinning a revisionless task definition', { pinRevision: true }, 'pinRevision', `pinRevision: needs a task definition ARN with a revision, but '${TD}' has none (e.g. ${TD}:3)`],
    ['a family ARN with a revision', { taskDefinitionFamilyArn: `${TD}:2` }, 'taskDefinitionFamilyArn', `taskDefinitionFamilyArn: '${TD}:2' has revision 2 (expected the family ARN without a revision: ${TD})`],
    ['a family ARN of another family', { taskDefinitionFamilyArn: `${TD}-other` }, 'taskDefinitionFamilyArn', `taskDefinitionFamilyArn: '${TD}-other' is not the family of taskDefinitionArn '${TD}' (expected ${TD})`],
    ['a token task definition without a family', { taskDefinitionArn: '${TfToken[TOKEN.2]}' }, 'taskDefinitionFamilyArn',
      'taskDefinitionFamilyArn: is required when taskDefinitionArn is a token and pinRevision is false (pass the revisionless family ARN: a literal, Fn.replace(arn, TaskDefinitionArn.REVISION_SUFFIX_PATTERN, \'\') or ${replace(<arn expression>, "/:\\\\d+$/", "")})'],
  ])('%s', (_what, override, field, message) => {
    const error = errorOf(() => RunTaskPolicy.permissions({ clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [EXEC_ROLE], ...override }));
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });
});

describe('errors in the caller\'s names (fieldNames)', () => {
  const fieldNames = {
    clusterArn: 'cluster',
    taskDefinitionArn: 'taskDefinition',
    taskDefinitionFamilyArn: 'taskDefinition',
    passRoleArns: ['executionRoleArn', 'taskRoleArn'],
    deadLetterQueueArn: 'deadLetterQueue',
  };
  test.each([
    ['a bad cluster ARN', { clusterArn: 'arn:aws:ecs:ap-northeast-1:12345:cluster/batch' }, "cluster: account '12345' must be 12 digits"],
    ['a task definition that is not an ARN', { taskDefinitionArn: 'nightly:3' }, "taskDefinition: 'nightly:3' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
    ['the second role', { passRoleArns: [EXEC_ROLE, `arn:aws:iam::${ACCOUNT}:user/bob`] }, "taskRoleArn: service is 'iam' but resource is 'user/bob', expected role/[<path>/]<role-name>"],
    ['the DLQ', { deadLetterQueueArn: `${DLQ}.fifo` }, "deadLetterQueue: queue 'nightly-dlq.fifo' is a FIFO queue, but EventBridge dead-letter queues must be standard queues"],
    ['a family of another family', { taskDefinitionFamilyArn: `${TD}-other` }, `taskDefinition: '${TD}-other' is not the family of taskDefinition '${TD}' (expected ${TD})`],
  ])('%s', (_what, override, message) => {
    const error = errorOf(() => RunTaskPolicy.permissions({
      clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [EXEC_ROLE], fieldNames, ...override,
    }));
    expect(error.message).toBe(message);
    expect(error.message).not.toMatch(/passRoleArns|deadLetterQueueArn|clusterArn/);
  });

  test('pinning a revisionless task definition names the caller\'s pin', () => {
    const error = errorOf(() => RunTaskPolicy.permissions({
      clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [], pinRevision: true, fieldNames: { pinRevision: '--pin-revision' },
    }));
    expect(error.message).toBe(`--pin-revision: needs a task definition ARN with a revision, but '${TD}' has none (e.g. ${TD}:3)`);
  });

  test('a role without a name keeps its index', () => {
    const error = errorOf(() => RunTaskPolicy.permissions({
      clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [EXEC_ROLE, 'role'], fieldNames: { passRoleArns: ['executionRoleArn'] },
    }));
    expect(error.field).toBe('passRoleArns[1]');
  });
});

describe('IAM evaluation (iam-simulate)', () => {
  const policy = RunTaskPolicy.permissions({
    clusterArn: CLUSTER, taskDefinitionArn: `${TD}:3`, passRoleArns: [EXEC_ROLE, TASK_ROLE], propagateTags: true, deadLetterQueueArn: DLQ,
  });
  const runTask = (resource: string, cluster: string) =>
    identityDecision(policy, { action: 'ecs:RunTask', resource, context: { 'ecs:cluster': cluster } });

  test.each([1, 3, 4, 117])('the family at revision %i in the cluster is allowed', async (revision) => {
    expect(await runTask(`${TD}:${revision}`, CLUSTER)).toBe('Allowed');
  });

  test('why family:* — a grant on the bare family ARN (the pre-2024 pattern) no longer matches the resolved revision', async () => {
    const bareFamily = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecs:RunTask', Resource: TD }] };
    expect(await identityDecision(bareFamily, { action: 'ecs:RunTask', resource: `${TD}:3`, context: { 'ecs:cluster': CLUSTER } }))
      .toBe('ImplicitlyDenied');
  });

  test('another family is denied', async () => {
    expect(await runTask(`arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task-definition/other:3`, CLUSTER)).toBe('ImplicitlyDenied');
  });

  test('a family with the same prefix is denied', async () => {
    expect(await runTask(`${TD}-v2:1`, CLUSTER)).toBe('ImplicitlyDenied');
  });

  test('the same family in another account or region is denied', async () => {
    expect(await runTask('arn:aws:ecs:ap-northeast-1:210987654321:task-definition/nightly:3', CLUSTER)).toBe('ImplicitlyDenied');
    expect(await runTask(`arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/nightly:3`, CLUSTER)).toBe('ImplicitlyDenied');
  });

  test('another cluster is denied', async () => {
    expect(await runTask(`${TD}:3`, OTHER_CLUSTER)).toBe('ImplicitlyDenied');
  });

  test('RunTask without a cluster in the request context is denied', async () => {
    expect(await identityDecision(policy, { action: 'ecs:RunTask', resource: `${TD}:3` })).toBe('ImplicitlyDenied');
  });

  test('pinned: only that revision is allowed', async () => {
    const pinned = RunTaskPolicy.permissions({ clusterArn: CLUSTER, taskDefinitionArn: `${TD}:3`, passRoleArns: [], pinRevision: true });
    const decide = (revision: number) => identityDecision(pinned, { action: 'ecs:RunTask', resource: `${TD}:${revision}`, context: { 'ecs:cluster': CLUSTER } });
    expect(await decide(3)).toBe('Allowed');
    expect(await decide(4)).toBe('ImplicitlyDenied');
    expect(await decide(2)).toBe('ImplicitlyDenied');
  });

  test.each([EXEC_ROLE, TASK_ROLE])('PassRole of %s to ECS tasks is allowed', async (role) => {
    expect(await identityDecision(policy, { action: 'iam:PassRole', resource: role, context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } }))
      .toBe('Allowed');
  });

  test('PassRole of another role is denied', async () => {
    expect(await identityDecision(policy, { action: 'iam:PassRole', resource: `arn:aws:iam::${ACCOUNT}:role/admin`, context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } }))
      .toBe('ImplicitlyDenied');
  });

  test.each(['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs.amazonaws.com'])('PassRole to %s is denied', async (service) => {
    expect(await identityDecision(policy, { action: 'iam:PassRole', resource: EXEC_ROLE, context: { 'iam:PassedToService': service } }))
      .toBe('ImplicitlyDenied');
  });

  test('TagResource is allowed on a new task of the cluster only with ecs:CreateAction=RunTask', async () => {
    const task = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task/batch/0123456789abcdef0123456789abcdef`;
    expect(await identityDecision(policy, { action: 'ecs:TagResource', resource: task, context: { 'ecs:CreateAction': 'RunTask' } })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 'ecs:TagResource', resource: task, context: { 'ecs:CreateAction': 'StartTask' } })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'ecs:TagResource', resource: task })).toBe('ImplicitlyDenied');
  });

  test('TagResource on a task of another cluster, or on the cluster itself, is denied', async () => {
    const otherTask = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task/other/0123456789abcdef0123456789abcdef`;
    expect(await identityDecision(policy, { action: 'ecs:TagResource', resource: otherTask, context: { 'ecs:CreateAction': 'RunTask' } })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'ecs:TagResource', resource: CLUSTER, context: { 'ecs:CreateAction': 'RunTask' } })).toBe('ImplicitlyDenied');
  });

  test('without propagateTags, TagResource is denied even at RunTask', async () => {
    const untagged = RunTaskPolicy.permissions({ clusterArn: CLUSTER, taskDefinitionArn: TD, passRoleArns: [EXEC_ROLE] });
    const task = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task/batch/0123456789abcdef0123456789abcdef`;
    expect(await identityDecision(untagged, { action: 'ecs:TagResource', resource: task, context: { 'ecs:CreateAction': 'RunTask' } })).toBe('ImplicitlyDenied');
  });

  test('SendMessage to the DLQ is allowed, to another queue denied', async () => {
    expect(await identityDecision(policy, { action: 'sqs:SendMessage', resource: DLQ })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 'sqs:SendMessage', resource: `${DLQ}-2` })).toBe('ImplicitlyDenied');
  });

  test('nothing else: StopTask and RunTask-adjacent actions are denied', async () => {
    expect(await identityDecision(policy, { action: 'ecs:StopTask', resource: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task/batch/0123456789abcdef0123456789abcdef`, context: { 'ecs:cluster': CLUSTER } }))
      .toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'ecs:StartTask', resource: `${TD}:3`, context: { 'ecs:cluster': CLUSTER } })).toBe('ImplicitlyDenied');
  });
});
