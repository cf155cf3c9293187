/**
 * EcsScheduledTask and templates/terraform/modules/ecs-scheduled-task are the same
 * thing in two languages. For every case of the matrix, the construct is
 * synthesized and the equivalent module call is parsed (hcl2json) and planned;
 * both must give the same resources, the same attributes and the same IAM.
 *
 * Inputs that a team passes per environment are TerraformVariables in the stack
 * and root variables of the HCL, bound to the same values, so both sides take
 * the same path through core (tokens, not literals).
 */
import { Schedule } from '@ecs-batch/core';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { DeadLetterQueue, EcsScheduledTask, EcsScheduledTaskProps, ScheduleGroup, TriggerKind } from '../src';
import { planStack } from './hcl/cdktf-plan';
import { HclArg, hcl, moduleCallTf } from './hcl/module-call';
import { planRoot } from './hcl/module-plan';
import { comparablePlans, iamDocuments, typeCounts, withSharedDataSources } from './hcl/plan-parity';

const ACCOUNT = '123456789012';
const VALUES = {
  cluster_arn: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch`,
  task_definition_arn: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task-definition/nightly:3`,
  subnet_ids: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
  security_group_ids: ['sg-0123456789abcdef0'],
  execution_role_arn: `arn:aws:iam::${ACCOUNT}:role/nightly-execution`,
  task_role_arn: `arn:aws:iam::${ACCOUNT}:role/nightly-task`,
  dead_letter_queue_arn: `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:batch-dlq`,
};
const TYPES: Record<keyof typeof VALUES, string> = {
  cluster_arn: 'string',
  task_definition_arn: 'string',
  subnet_ids: 'list(string)',
  security_group_ids: 'list(string)',
  execution_role_arn: 'string',
  task_role_arn: 'string',
  dead_letter_queue_arn: 'string',
};

interface Case {
  readonly trigger: 'rule' | 'scheduler';
  readonly capacity: 'launch type' | 'strategy';
  readonly dlq: 'none' | 'created' | 'existing';
  readonly pinned: boolean;
}

const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/boundaries/batch`;

const CASES: Case[] = [];
for (const trigger of ['rule', 'scheduler'] as const) {
  for (const capacity of ['launch type', 'strategy'] as const) {
    for (const dlq of ['none', 'created', 'existing'] as const) {
      for (const pinned of [false, true]) CASES.push({ trigger, capacity, dlq, pinned });
    }
  }
}

/** The same scheduled task as construct props ... */
function constructProps(c: Case, v: Record<keyof typeof VALUES, TerraformVariable>): EcsScheduledTaskProps {
  const withExtras = c.dlq !== 'none';
  return {
    name: 'nightly',
    description: 'Nightly settlement',
    ...(c.trigger === 'rule'
      ? { schedule: Schedule.expression('cron(0 17 * * ? *)') }
      : {
        schedule: Schedule.expression('cron(0 2 * * ? *)'),
        timeZone: 'Asia/Tokyo',
        flexibleTimeWindowMinutes: c.pinned ? 15 : undefined,
        scheduleGroup: c.pinned ? ScheduleGroup.create('batch') : undefined,
        startDate: c.pinned ? '2030-01-01T00:00:00Z' : undefined,
        endDate: c.pinned ? '2031-01-01T00:00:00Z' : undefined,
      }),
    clusterArn: v.cluster_arn.stringValue,
    taskDefinitionArn: v.task_definition_arn.stringValue,
    pinRevision: c.pinned,
    subnetIds: v.subnet_ids.listValue,
    securityGroupIds: v.security_group_ids.listValue,
    assignPublicIp: true,
    capacityProviderStrategy: c.capacity === 'strategy'
      ? [{ capacityProvider: 'FARGATE_SPOT', weight: 3 }, { capacityProvider: 'FARGATE', weight: 1, base: 1 }]
      : undefined,
    platformVersion: c.capacity === 'strategy' ? '1.4.0' : undefined,
    taskCount: c.pinned ? 2 : undefined,
    // The pinned cases also carry the less common settings, disabled included.
    enabled: c.pinned ? false : undefined,
    propagateTags: withExtras,
    enableExecuteCommand: c.pinned,
    tags: withExtras ? { team: 'payments', env: 'prod' } : undefined,
    containerOverrides: withExtras
      ? [{ name: 'app', command: ['node', 'dist/jobs/nightly.js'], environment: { ECS_BATCH_EVENT: '{"kind":"nightly"}', DRY_RUN: 'false' } }]
      : undefined,
    retryPolicy: c.pinned ? { maximumRetryAttempts: 0 } : undefined,
    deadLetterQueue: c.dlq === 'created' ? DeadLetterQueue.create({ retentionDays: 7 })
      : c.dlq === 'existing' ? DeadLetterQueue.fromArn(v.dead_letter_queue_arn.stringValue) : undefined,
    executionRoleArn: v.execution_role_arn.stringValue,
    taskRoleArn: c.pinned ? undefined : v.task_role_arn.stringValue,
    permissionsBoundaryArn: c.pinned ? BOUNDARY : undefined,
    trigger: c.trigger === 'rule' ? undefined : TriggerKind.SCHEDULER,
  };
}

/** ... and as module arguments. */
function moduleArgs(c: Case): Record<string, HclArg> {
  const withExtras = c.dlq !== 'none';
  const args: Record<string, HclArg> = {
    name: 'nightly',
    description: 'Nightly settlement',
    schedule_expression: c.trigger === 'rule' ? 'cron(0 17 * * ? *)' : 'cron(0 2 * * ? *)',
    cluster_arn: hcl('var.cluster_arn'),
    task_definition_arn: hcl('var.task_definition_arn'),
    pin_revision: c.pinned,
    ...(c.pinned ? { enabled: false } : {}),
    subnet_ids: hcl('var.subnet_ids'),
    security_group_ids: hcl('var.security_group_ids'),
    assign_public_ip: true,
    propagate_tags: withExtras,
    enable_execute_command: c.pinned,
    execution_role_arn: hcl('var.execution_role_arn'),
  };
  if (c.trigger === 'scheduler') {
    Object.assign(args, { time_zone: 'Asia/Tokyo', trigger: 'scheduler' });
    if (c.pinned) {
      Object.assign(args, {
        flexible_time_window_minutes: 15,
        schedule_group: { name: 'batch', create: true },
        start_date: '2030-01-01T00:00:00Z',
        end_date: '2031-01-01T00:00:00Z',
      });
    }
  }
  if (c.capacity === 'strategy') {
    args.capacity_provider_strategy = [{ capacity_provider: 'FARGATE_SPOT', weight: 3 }, { capacity_provider: 'FARGATE', weight: 1, base: 1 }];
    args.platform_version = '1.4.0';
  }
  if (c.pinned) {
    args.task_count = 2;
    args.retry_policy = { maximum_retry_attempts: 0 };
    args.permissions_boundary_arn = BOUNDARY;
  } else {
    args.task_role_arn = hcl('var.task_role_arn');
  }
  if (withExtras) {
    args.tags = { team: 'payments', env: 'prod' };
    args.container_overrides = [{ name: 'app', command: ['node', 'dist/jobs/nightly.js'], environment: { ECS_BATCH_EVENT: '{"kind":"nightly"}', DRY_RUN: 'false' } }];
  }
  if (c.dlq === 'created') args.dead_letter_queue = { retention_days: 7 };
  if (c.dlq === 'existing') args.dead_letter_queue = { arn: hcl('var.dead_letter_queue_arn') };
  return args;
}

async function plans(c: Case) {
  const stack = new TerraformStack(Testing.app(), 'parity');
  const variables = Object.fromEntries(Object.entries(TYPES).map(([name, type]) => [name, new TerraformVariable(stack, name, { type })])) as
    Record<keyof typeof VALUES, TerraformVariable>;
  new EcsScheduledTask(stack, 'nightly', constructProps(c, variables));
  const cdktf = withSharedDataSources(planStack(stack, VALUES));
  const tf = moduleCallTf({ callName: 'nightly', module: 'ecs-scheduled-task', variables: TYPES, args: moduleArgs(c) });
  const hclPlan = await planRoot(tf, __dirname, VALUES);
  return { cdktf, hcl: withSharedDataSources(hclPlan) };
}

const name = (c: Case): string => `${c.trigger}, ${c.capacity}, dead-letter queue ${c.dlq}, ${c.pinned ? 'pinned' : 'latest revision'}`;

describe.each(CASES.map((c) => [name(c), c] as const))('%s', (_, c) => {
  let result: Awaited<ReturnType<typeof plans>>;
  beforeAll(async () => {
    result = await plans(c);
  });

  test('the module call passes every validation and precondition', () => {
    expect(result.hcl.issues).toEqual([]);
  });

  test('same resource types and counts', () => {
    expect(typeCounts(result.cdktf)).toEqual(typeCounts(result.hcl));
  });

  test('same resources, each with the same attribute set and values', () => {
    const { hcl: fromHcl, cdktf: fromCdktf } = comparablePlans(result.hcl, result.cdktf);
    expect(Object.keys(fromCdktf).sort()).toEqual(Object.keys(fromHcl).sort());
    for (const address of Object.keys(fromHcl)) {
      const attributeSet = (r: { attributes: unknown }) => Object.keys(r.attributes as object).sort();
      expect([address, attributeSet(fromCdktf[address])]).toEqual([address, attributeSet(fromHcl[address])]);
      expect([address, fromCdktf[address]]).toEqual([address, fromHcl[address]]);
    }
  });

  test('both read the account, and for Scheduler the partition and region, from data sources of the same names', () => {
    const dataSources = (plan: typeof result.cdktf) => plan.resources.filter((r) => r.mode === 'data').map((r) => r.address).sort();
    const expected = c.trigger === 'rule'
      ? ['data.aws_caller_identity.account']
      : ['data.aws_caller_identity.account', 'data.aws_partition.partition', 'data.aws_region.region'];
    expect(dataSources(result.cdktf)).toEqual(expected);
    expect(dataSources(result.hcl)).toEqual(expected);
  });

  test('same IAM statements', () => {
    expect(iamDocuments(result.cdktf)).toEqual(iamDocuments(result.hcl));
  });

  test('both disable the rule or schedule exactly when asked', () => {
    const type = c.trigger === 'rule' ? 'aws_cloudwatch_event_rule' : 'aws_scheduler_schedule';
    for (const plan of [result.cdktf, result.hcl]) {
      const trigger = plan.resources.find((r) => r.type === type && r.mode === 'managed');
      expect(trigger?.attributes.state).toBe(c.pinned ? 'DISABLED' : 'ENABLED');
    }
  });
});
