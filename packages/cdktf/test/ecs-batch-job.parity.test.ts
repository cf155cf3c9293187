/**
 * EcsBatchJob and templates/terraform/modules/ecs-batch-job (which calls
 * ecs-scheduled-task per schedule) are the same job in two languages: for every
 * case, the same resources, attributes and IAM statements.
 */
import { Schedule } from '@ecs-batch/core';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AlertTopic, CpuArchitecture, DeadLetterQueue, EcsBatchJob, EcsBatchJobProps, JobSchedule, OverlapPolicy, TriggerKind,
} from '../src';
import { planStack } from './hcl/cdktf-plan';
import { HclArg, hcl, moduleCallTf } from './hcl/module-call';
import { planRoot } from './hcl/module-plan';
import { comparablePlans, iamDocuments, typeCounts, withSharedDataSources } from './hcl/plan-parity';

const ACCOUNT = '123456789012';
const VALUES = {
  cluster_arn: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch`,
  subnet_ids: ['subnet-0a1b2c3d'],
  security_group_ids: ['sg-0123456789abcdef0'],
  image: `${ACCOUNT}.dkr.ecr.ap-northeast-1.amazonaws.com/payments/jobs:1.4.2`,
  ecr_repository_arn: `arn:aws:ecr:ap-northeast-1:${ACCOUNT}:repository/payments/jobs`,
  alert_topic_arn: `arn:aws:sns:ap-northeast-1:${ACCOUNT}:ops-alerts`,
};
const TYPES: Record<keyof typeof VALUES, string> = {
  cluster_arn: 'string',
  subnet_ids: 'list(string)',
  security_group_ids: 'list(string)',
  image: 'string',
  ecr_repository_arn: 'string',
  alert_topic_arn: 'string',
};
const DB_SECRET = `arn:aws:secretsmanager:ap-northeast-1:${ACCOUNT}:secret:payments/db-AbCdEf`;
const API_PARAMETER = `arn:aws:ssm:ap-northeast-1:${ACCOUNT}:parameter/payments/api-key`;
const KEY = `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/boundaries/batch`;
const PERMISSIONS = [
  { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::payments-reports/daily/*'] },
  {
    actions: ['dynamodb:Query'],
    resources: [`arn:aws:dynamodb:ap-northeast-1:${ACCOUNT}:table/orders`],
    conditions: [
      { operator: 'ForAllValues:StringEquals', key: 'dynamodb:Attributes', values: ['pk', 'total'] },
      { operator: 'StringEquals', key: 'aws:RequestedRegion', values: ['ap-northeast-1'] },
    ],
  },
];
const MANAGED = ['arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess', `arn:aws:iam::${ACCOUNT}:policy/payments-reports`];

interface Case {
  readonly trigger: 'rule' | 'scheduler';
  readonly capacity: 'launch type' | 'strategy';
  readonly dlq: boolean;
  readonly alerts: 'none' | 'created topic' | 'existing topic';
}

const CASES: Case[] = [];
for (const trigger of ['rule', 'scheduler'] as const) {
  for (const capacity of ['launch type', 'strategy'] as const) {
    for (const dlq of [false, true]) {
      for (const alerts of ['none', 'created topic', 'existing topic'] as const) CASES.push({ trigger, capacity, dlq, alerts });
    }
  }
}

function constructProps(c: Case, v: Record<keyof typeof VALUES, TerraformVariable>): EcsBatchJobProps {
  const rich = c.alerts !== 'none';
  const nightly: JobSchedule = c.trigger === 'rule'
    ? { name: 'nightly', schedule: Schedule.expression('cron(0 17 * * ? *)'), deadLetterQueue: c.dlq ? DeadLetterQueue.create() : undefined }
    : {
      name: 'nightly',
      schedule: Schedule.expression('cron(0 2 * * ? *)'),
      timeZone: 'Asia/Tokyo',
      deadLetterQueue: c.dlq ? DeadLetterQueue.create() : undefined,
      flexibleTimeWindowMinutes: rich ? 10 : undefined,
    };
  const weekly: JobSchedule = {
    name: 'weekly',
    description: 'Weekly full settlement',
    schedule: Schedule.expression('cron(0 3 ? * MON *)'),
    trigger: TriggerKind.RULE,
    command: ['node', 'dist/run.js', '--full'],
    environment: { MODE: 'full' },
    event: '{"scope":"week"}',
    taskCount: 2,
    retryPolicy: { maximumRetryAttempts: 1 },
  };
  return {
    name: 'settlement',
    image: v.image.stringValue,
    ecrRepositoryArn: v.ecr_repository_arn.stringValue,
    handler: 'dist/jobs/settlement.handler',
    command: rich ? ['node', 'node_modules/.bin/ecs-batch-run'] : undefined,
    environment: { LOG_LEVEL: 'info', CURRENCY: 'JPY' },
    secretsManagerSecrets: rich ? { DB_PASSWORD: DB_SECRET, DB_USER: `${DB_SECRET}:username::` } : undefined,
    ssmParameters: rich ? { API_KEY: API_PARAMETER, API_HOST: '/payments/api-host' } : undefined,
    kmsKeyArns: rich ? [KEY] : undefined,
    cpu: 1024,
    memory: 2048,
    // Fargate Spot has no ARM64: the strategy cases stay on X86_64.
    architecture: rich && c.capacity === 'launch type' ? CpuArchitecture.ARM64 : undefined,
    ephemeralStorageGiB: rich ? 40 : undefined,
    stopTimeoutSeconds: rich ? 90 : undefined,
    readonlyRootFilesystem: c.alerts === 'existing topic' ? false : undefined,
    permissions: rich ? PERMISSIONS : undefined,
    managedPolicyArns: rich ? MANAGED : undefined,
    permissionsBoundaryArn: rich ? BOUNDARY : undefined,
    logRetentionDays: rich ? 90 : undefined,
    timeoutSeconds: 1800,
    overlap: rich ? OverlapPolicy.SKIP : undefined,
    metricNamespace: rich ? 'Payments' : undefined,
    taskRolePolicyStatements: c.alerts === 'existing topic' ? [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::payments-reports/*' }] : undefined,
    clusterArn: v.cluster_arn.stringValue,
    subnetIds: v.subnet_ids.listValue,
    securityGroupIds: v.security_group_ids.listValue,
    assignPublicIp: true,
    capacityProviderStrategy: c.capacity === 'strategy' ? [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }, { capacityProvider: 'FARGATE', base: 1 }] : undefined,
    propagateTags: rich,
    tags: rich ? { team: 'payments' } : undefined,
    schedules: [nightly, weekly],
    alerts: c.alerts === 'none' ? undefined
      : c.alerts === 'created topic' ? { emails: ['ops@example.com', 'oncall@example.com'] }
        : { topic: AlertTopic.fromArn(v.alert_topic_arn.stringValue) },
    missedRunAlarm: rich ? { hours: 25 } : undefined,
    durationAlarm: rich ? { share: 0.75 } : undefined,
  };
}

function moduleArgs(c: Case): Record<string, HclArg> {
  const rich = c.alerts !== 'none';
  const nightly: Record<string, HclArg> = c.trigger === 'rule'
    ? { schedule_expression: 'cron(0 17 * * ? *)' }
    : { schedule_expression: 'cron(0 2 * * ? *)', time_zone: 'Asia/Tokyo' };
  if (c.dlq) nightly.dead_letter_queue = {};
  if (c.trigger === 'scheduler' && rich) nightly.flexible_time_window_minutes = 10;
  const args: Record<string, HclArg> = {
    name: 'settlement',
    image: hcl('var.image'),
    ecr_repository_arn: hcl('var.ecr_repository_arn'),
    handler: 'dist/jobs/settlement.handler',
    environment: { LOG_LEVEL: 'info', CURRENCY: 'JPY' },
    cpu: 1024,
    memory: 2048,
    timeout_seconds: 1800,
    cluster_arn: hcl('var.cluster_arn'),
    subnet_ids: hcl('var.subnet_ids'),
    security_group_ids: hcl('var.security_group_ids'),
    assign_public_ip: true,
    propagate_tags: rich,
    schedules: {
      nightly,
      weekly: {
        description: 'Weekly full settlement',
        schedule_expression: 'cron(0 3 ? * MON *)',
        trigger: 'rule',
        command: ['node', 'dist/run.js', '--full'],
        environment: { MODE: 'full' },
        event: '{"scope":"week"}',
        task_count: 2,
        retry_policy: { maximum_retry_attempts: 1 },
      },
    },
  };
  if (c.capacity === 'strategy') args.capacity_provider_strategy = [{ capacity_provider: 'FARGATE_SPOT', weight: 1 }, { capacity_provider: 'FARGATE', base: 1 }];
  if (rich) {
    Object.assign(args, {
      command: ['node', 'node_modules/.bin/ecs-batch-run'],
      secrets_manager_secrets: { DB_PASSWORD: DB_SECRET, DB_USER: `${DB_SECRET}:username::` },
      ssm_parameters: { API_KEY: API_PARAMETER, API_HOST: '/payments/api-host' },
      kms_key_arns: [KEY],
      ephemeral_storage_gib: 40,
      stop_timeout_seconds: 90,
      permissions: PERMISSIONS,
      managed_policy_arns: MANAGED,
      permissions_boundary_arn: BOUNDARY,
      log_retention_days: 90,
      overlap: 'skip',
      metric_namespace: 'Payments',
      tags: { team: 'payments' },
      missed_run_alarm: { hours: 25 },
      duration_alarm: { share: 0.75 },
    });
  }
  if (c.alerts === 'created topic') args.alerts = { emails: ['ops@example.com', 'oncall@example.com'] };
  if (c.alerts === 'existing topic') {
    args.alerts = { topic_arn: hcl('var.alert_topic_arn') };
    args.readonly_root_filesystem = false;
    args.task_role_policy_statements = [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::payments-reports/*' }];
  }
  if (rich && c.capacity === 'launch type') args.architecture = 'ARM64';
  return args;
}

async function plans(c: Case) {
  const stack = new TerraformStack(Testing.app(), 'parity');
  const variables = Object.fromEntries(Object.entries(TYPES).map(([name, type]) => [name, new TerraformVariable(stack, name, { type })])) as
    Record<keyof typeof VALUES, TerraformVariable>;
  new EcsBatchJob(stack, 'settlement', constructProps(c, variables));
  const cdktf = withSharedDataSources(planStack(stack, VALUES));
  const tf = moduleCallTf({ callName: 'settlement', module: 'ecs-batch-job', variables: TYPES, args: moduleArgs(c) });
  return { cdktf, hcl: withSharedDataSources(await planRoot(tf, __dirname, VALUES)) };
}

const name = (c: Case): string => `${c.trigger}, ${c.capacity}, ${c.dlq ? 'with' : 'no'} dead-letter queue, alerts: ${c.alerts}`;

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

  test('same IAM statements', () => {
    expect(iamDocuments(result.cdktf)).toEqual(iamDocuments(result.hcl));
  });
});
