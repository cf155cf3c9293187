/**
 * A `*` resource in `permissions`: the EcsBatchJob construct warns (an annotation),
 * and the ecs-batch-job HCL module warns (`check "permissions_wildcard_resources"`,
 * checks.tf) in exactly the same cases, with the same text: both come from
 * `TaskRolePermissions.warnings` of @ecs-batch/core, and the module's list of
 * resource-less actions is core's `ResourceLessActions`.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from '@cdktf/hcl2json';
import { Permission, Schedule, TaskRolePermissions } from '@ecs-batch/core';
import { ResourceLessActions } from '@ecs-batch/core/lib/policy/resource-less-actions';
import { TerraformStack, Testing } from 'cdktf';
import { EcsBatchJob } from '../src';
import { resourceLessActionList } from './hcl/generated-hcl';
import { evaluateJsonValue } from './hcl/hcl-evaluate';
import { hcl, moduleCallTf } from './hcl/module-call';
import { moduleDir, planRoot } from './hcl/module-plan';

const ACCOUNT = '123456789012';
const CLUSTER = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch`;
const BUCKET = 'arn:aws:s3:::payments-reports/*';

const CASES: Array<[string, Permission[]]> = [
  ['no permissions', []],
  ['named resources only', [{ actions: ['s3:GetObject', 's3:PutObject'], resources: [BUCKET] }]],
  ['* for resource-less actions only (any case)', [{ actions: ['s3:ListAllMyBuckets', 'STS:GetCallerIdentity', 'sqs:listqueues'], resources: ['*'] }]],
  ['* for an action with resource-level permissions', [{ actions: ['s3:GetObject'], resources: ['*'] }]],
  ['* and an ARN, a resource-less action mixed with scoped ones', [
    { actions: ['s3:GetObject'], resources: [BUCKET] },
    { actions: ['s3:ListAllMyBuckets', 's3:GetObject', 'dynamodb:Query'], resources: [BUCKET, '*'] },
  ]],
  ['a wildcard action is not known to be resource-less', [{ actions: ['s3:List*'], resources: ['*'] }]],
  ['an action of a service core does not list', [{ actions: ['codebuild:ListProjects'], resources: ['*'] }]],
  ['several warnings, each naming its permission', [
    { actions: ['sqs:SendMessage'], resources: ['*'] },
    { actions: ['sts:GetCallerIdentity'], resources: ['*'] },
    {
      actions: ['dynamodb:GetItem'],
      resources: ['*'],
      conditions: [{ operator: 'StringEquals', key: 'aws:RequestedRegion', values: ['ap-northeast-1'] }],
    },
  ]],
];

function constructWarnings(permissions: Permission[]): string[] {
  const stack = new TerraformStack(Testing.app(), 'wildcard');
  const job = new EcsBatchJob(stack, 'job', {
    name: 'settlement',
    image: 'public.ecr.aws/docker/library/node:22',
    clusterArn: CLUSTER,
    subnetIds: ['subnet-0a1b2c3d'],
    schedules: [{ name: 'nightly', schedule: Schedule.expression('cron(0 17 * * ? *)') }],
    permissions,
  });
  return job.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => String(m.data));
}

async function moduleWarnings(permissions: Permission[]): Promise<{ warnings: string[]; other: unknown[] }> {
  const tf = moduleCallTf({
    callName: 'settlement',
    module: 'ecs-batch-job',
    variables: {},
    args: {
      name: 'settlement',
      image: 'public.ecr.aws/docker/library/node:22',
      cluster_arn: CLUSTER,
      subnet_ids: ['subnet-0a1b2c3d'],
      schedules: { nightly: { schedule_expression: 'cron(0 17 * * ? *)' } },
      permissions: permissions.length === 0 ? hcl('[]') : permissions as any,
    },
  });
  const plan = await planRoot(tf, __dirname, {});
  const checks = plan.issues.filter((i) => i.kind === 'check');
  expect(checks.every((i) => i.address === 'settlement/check.permissions_wildcard_resources')).toBe(true);
  return {
    warnings: checks.flatMap((i) => i.message.split('\n')),
    other: plan.issues.filter((i) => i.kind !== 'check'),
  };
}

describe.each(CASES)('%s', (_, permissions) => {
  test('the module\'s check warns exactly where the construct warns, with the same text', async () => {
    const fromConstruct = constructWarnings(permissions);
    const fromModule = await moduleWarnings(permissions);
    expect(fromModule.other).toEqual([]);
    expect(fromModule.warnings).toEqual(fromConstruct);
    // And both are core's.
    expect(fromConstruct).toEqual(TaskRolePermissions.warnings({ permissions, field: 'permissions' }));
  });
});

test('the cases cover both outcomes', () => {
  const warned = CASES.map(([, p]) => TaskRolePermissions.warnings({ permissions: p }).length);
  expect(warned.filter((n) => n === 0).length).toBeGreaterThanOrEqual(3);
  expect(warned.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
  expect(Math.max(...warned)).toBeGreaterThan(1);
});

test('the module\'s resource-less actions are core\'s ResourceLessActions, each of them and no other', async () => {
  const file = join(moduleDir('ecs-batch-job'), 'checks.tf');
  const parsed = await parse('checks.tf', readFileSync(file, 'utf8'));
  const locals = Object.assign({}, ...parsed.locals);
  const list = evaluateJsonValue(locals.resource_less_actions, { lookup: (n) => { throw new Error(`unexpected reference ${n}`); } }) as string[];
  expect(list).toEqual(resourceLessActionList());
  const fromCore = Object.entries(ResourceLessActions.BY_SERVICE).flatMap(([s, names]) => names.split(' ').map((n) => `${s}:${n}`));
  expect(list.length).toBe(fromCore.length);
  for (const action of fromCore) expect([action, list.includes(action.toLowerCase())]).toEqual([action, true]);
  for (const action of list) expect([action, ResourceLessActions.has(action)]).toEqual([action, true]);
});
