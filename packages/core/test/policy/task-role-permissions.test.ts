import { identityDecision } from './simulate';
import { Permission, TaskRolePermissions } from '../../src';
import { errorOf } from '../error-of';

const ACCOUNT = '123456789012';
const TABLE = `arn:aws:dynamodb:ap-northeast-1:${ACCOUNT}:table/orders`;
const BUCKET = 'arn:aws:s3:::payments-reports';

const PERMISSIONS: Permission[] = [
  { actions: ['s3:GetObject', 's3:PutObject'], resources: [`${BUCKET}/daily/*`] },
  { actions: ['dynamodb:Query', 'dynamodb:PutItem'], resources: [TABLE], conditions: [{ operator: 'ForAllValues:StringEquals', key: 'dynamodb:Attributes', values: ['pk', 'sk', 'total'] }] },
  { actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] },
];

describe('document', () => {
  test('one statement per permission, in order, conditions as IAM writes them', () => {
    expect(TaskRolePermissions.document({ permissions: PERMISSIONS })).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'JobPermission0', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${BUCKET}/daily/*` },
        {
          Sid: 'JobPermission1',
          Effect: 'Allow',
          Action: ['dynamodb:Query', 'dynamodb:PutItem'],
          Resource: TABLE,
          Condition: { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'total'] } },
        },
        { Sid: 'JobPermission2', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
      ],
    });
  });

  test('no permissions: no statements', () => {
    expect(TaskRolePermissions.document({ permissions: [] }).Statement).toEqual([]);
  });

  test('tokens pass through', () => {
    expect(TaskRolePermissions.document({ permissions: [{ actions: ['sqs:SendMessage'], resources: ['${TfToken[TOKEN.1]}'] }] }).Statement[0].Resource)
      .toBe('${TfToken[TOKEN.1]}');
  });
});

describe('refused, with the caller\'s field name', () => {
  test.each([
    [[{ actions: ['*'], resources: [TABLE] }], 'permissions[0].actions[0]', "'*' allows every action of every service (list the actions the job calls, e.g. s3:GetObject)"],
    [[{ actions: ['s3:GetObject'], resources: [BUCKET] }, { actions: ['s3:ListBucket', 'iam:*'], resources: ['*'] }], 'permissions[1].actions[1]', "'iam:*' lets the job grant itself any permission (list the IAM actions it calls, e.g. iam:GetRole)"],
    [[{ actions: ['IAM:*'], resources: ['*'] }], 'permissions[0].actions[0]', "'iam:*' lets the job grant itself any permission (list the IAM actions it calls, e.g. iam:GetRole)"],
    [[{ actions: ['*:*'], resources: ['*'] }], 'permissions[0].actions[0]', "'*:*' is not an IAM action (<service>:<Action>, e.g. s3:GetObject; * and ? as wildcards in the action name)"],
    [[{ actions: ['s3 GetObject'], resources: ['*'] }], 'permissions[0].actions[0]', "'s3 GetObject' is not an IAM action (<service>:<Action>, e.g. s3:GetObject; * and ? as wildcards in the action name)"],
    [[{ actions: [], resources: [TABLE] }], 'permissions[0].actions', 'is empty (IAM actions, e.g. s3:GetObject)'],
    [[{ actions: ['s3:GetObject'], resources: [] }], 'permissions[0].resources', 'is empty (resource ARNs, e.g. arn:aws:s3:::reports/*)'],
    [[{ actions: ['s3:GetObject'], resources: ['payments-reports/*'] }], 'permissions[0].resources[0]', "'payments-reports/*' is not a resource ARN (arn:<partition>:<service>:<region>:<account>:<resource>, wildcards allowed, or *)"],
    [[{ actions: ['s3:GetObject'], resources: [BUCKET], conditions: [{ operator: 'StringEqual', key: 's3:prefix', values: ['a'] }] }], 'permissions[0].conditions[0].operator', "'StringEqual' is not an IAM condition operator (e.g. StringEquals, StringLike, ArnLike, Bool, IpAddress; optionally ForAnyValue:/ForAllValues: and IfExists)"],
    [[{ actions: ['s3:GetObject'], resources: [BUCKET], conditions: [{ operator: 'StringLike', key: 'prefix', values: ['a'] }] }], 'permissions[0].conditions[0].key', "'prefix' is not a condition key (<service>:<key>, e.g. s3:prefix or aws:ResourceTag/team)"],
    [[{ actions: ['s3:GetObject'], resources: [BUCKET], conditions: [{ operator: 'StringLike', key: 's3:prefix', values: [] }] }], 'permissions[0].conditions[0].values', 'is empty (one or more strings)'],
    [[{ actions: ['s3:GetObject'], resources: [BUCKET], conditions: [{ operator: 'StringLike', key: 's3:prefix', values: ['a'] }, { operator: 'StringLike', key: 's3:prefix', values: ['b'] }] }], 'permissions[0].conditions[1]', 'StringLike on s3:prefix is given twice (put all values in one condition)'],
  ] as Array<[Permission[], string, string]>)('%j', (permissions, field, reason) => {
    const e = errorOf(() => TaskRolePermissions.document({ permissions }));
    expect([e.field, e.reason]).toEqual([field, reason]);
    expect(errorOf(() => TaskRolePermissions.warnings({ permissions })).field).toBe(field);
  });

  test('the field is the caller\'s, as given', () => {
    expect(errorOf(() => TaskRolePermissions.document({ permissions: [{ actions: ['*'], resources: ['*'] }], field: 'jobs.nightly.permissions' })).message)
      .toBe("jobs.nightly.permissions[0].actions[0]: '*' allows every action of every service (list the actions the job calls, e.g. s3:GetObject)");
    expect(errorOf(() => TaskRolePermissions.document({ permissions: [{ actions: ['iam:*'], resources: ['*'] }], field: 'task_role_permissions' })).field)
      .toBe('task_role_permissions[0].actions[0]');
  });
});

describe('warnings', () => {
  test('a * resource for actions that support resource-level permissions', () => {
    expect(TaskRolePermissions.warnings({ permissions: [{ actions: ['s3:GetObject', 'sqs:ListQueues'], resources: ['*'] }], field: 'jobs[0].permissions' })).toEqual([
      "jobs[0].permissions[0].resources: '*' lets s3:GetObject act on every resource of the account (name the ARNs the job uses; '*' is only needed for actions without resource-level permissions, see the Service Authorization Reference)",
    ]);
  });

  test('none when every action supports no resource-level permissions, or the resources are ARNs', () => {
    expect(TaskRolePermissions.warnings({ permissions: PERMISSIONS })).toEqual([]);
    expect(TaskRolePermissions.warnings({ permissions: [{ actions: ['sts:GetCallerIdentity', 'SQS:listqueues', 'xray:PutTraceSegments'], resources: ['*'] }] })).toEqual([]);
  });

  test('cloudwatch:PutMetricData has a resource type in the reference, so * is warned about', () => {
    expect(TaskRolePermissions.warnings({ permissions: [{ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }] })).toHaveLength(1);
  });

  test('a wildcard action or an action of a service not in the list is warned about', () => {
    expect(TaskRolePermissions.warnings({ permissions: [{ actions: ['s3:List*'], resources: ['*'] }] })).toHaveLength(1);
    expect(TaskRolePermissions.warnings({ permissions: [{ actions: ['ec2:DescribeInstances'], resources: ['*'] }] })).toHaveLength(1);
  });
});

describe('IAM evaluation: the role can do what it declared, and nothing else', () => {
  const policy = TaskRolePermissions.document({ permissions: PERMISSIONS });

  test('declared', async () => {
    expect(await identityDecision(policy, { action: 's3:GetObject', resource: `${BUCKET}/daily/2026-12-04.csv` })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 's3:PutObject', resource: `${BUCKET}/daily/2026-12-04.csv` })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 'dynamodb:Query', resource: TABLE, context: { 'dynamodb:Attributes': ['pk', 'total'] } })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 'xray:PutTraceSegments', resource: '*' })).toBe('Allowed');
  });

  test('same services, other actions or resources or conditions: denied', async () => {
    expect(await identityDecision(policy, { action: 's3:DeleteObject', resource: `${BUCKET}/daily/2026-12-04.csv` })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 's3:GetObject', resource: `${BUCKET}/monthly/2026-11.csv` })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'dynamodb:DeleteItem', resource: TABLE })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'dynamodb:Query', resource: `arn:aws:dynamodb:ap-northeast-1:${ACCOUNT}:table/users`, context: { 'dynamodb:Attributes': ['pk'] } })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'dynamodb:Query', resource: TABLE, context: { 'dynamodb:Attributes': ['pk', 'card_number'] } })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'xray:GetTraceSummaries', resource: '*' })).toBe('ImplicitlyDenied');
  });

  test('other services: denied', async () => {
    expect(await identityDecision(policy, { action: 'sqs:SendMessage', resource: `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:orders` })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'iam:PassRole', resource: `arn:aws:iam::${ACCOUNT}:role/admin` })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'secretsmanager:GetSecretValue', resource: `arn:aws:secretsmanager:ap-northeast-1:${ACCOUNT}:secret:db-AbCdEf` })).toBe('ImplicitlyDenied');
  });
});
