/**
 * EcsBatchJob and the ecs-batch-job module reject the same inputs, naming the
 * same field; edge values pass both.
 */
import { Schedule } from '@ecs-batch/core';
import { TerraformStack, Testing } from 'cdktf';
import { CpuArchitecture, EcsBatchJob, EcsBatchJobProps } from '../src';
import { asValidationError, CaughtValidationError } from './error-of';
import { HclArg, moduleCallTf } from './hcl/module-call';
import { planRoot } from './hcl/module-plan';

const ACCOUNT = '123456789012';
const CLUSTER = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch`;
const IMAGE = 'public.ecr.aws/docker/library/node:22-slim';
const SECRET = `arn:aws:secretsmanager:ap-northeast-1:${ACCOUNT}:secret:db-AbCdEf`;
const PARAMETER = `arn:aws:ssm:ap-northeast-1:${ACCOUNT}:parameter/db`;
const KEY = `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const SPOT_STRATEGY = { capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }] };
const SPOT_STRATEGY_HCL = { capacity_provider_strategy: [{ capacity_provider: 'FARGATE', base: 1 }, { capacity_provider: 'FARGATE_SPOT', weight: 1 }] };

const BASE_PROPS: EcsBatchJobProps = {
  name: 'settlement',
  image: IMAGE,
  clusterArn: CLUSTER,
  subnetIds: ['subnet-0a1b2c3d'],
  schedules: [{ name: 'nightly', schedule: Schedule.expression('cron(0 17 * * ? *)') }],
};
const BASE_ARGS: Record<string, HclArg> = {
  name: 'settlement',
  image: IMAGE,
  cluster_arn: CLUSTER,
  subnet_ids: ['subnet-0a1b2c3d'],
  schedules: { nightly: { schedule_expression: 'cron(0 17 * * ? *)' } },
};

function constructError(props: Partial<EcsBatchJobProps>): CaughtValidationError | undefined {
  try {
    new EcsBatchJob(new TerraformStack(Testing.app(), 'test'), 'settlement', { ...BASE_PROPS, ...props });
    return undefined;
  } catch (e) {
    const caught = asValidationError(e);
    if (caught) return caught;
    throw e;
  }
}

async function moduleIssues(args: Record<string, HclArg>) {
  const plan = await planRoot(moduleCallTf({ callName: 'settlement', module: 'ecs-batch-job', variables: {}, args: { ...BASE_ARGS, ...args } }), __dirname);
  return plan.issues;
}

const RULES: Array<[string, Partial<EcsBatchJobProps>, Record<string, HclArg>, string, string]> = [
  ['a job name with a space', { name: 'settle ment' }, { name: 'settle ment' }, 'name', 'name'],
  ['a 41-character job name', { name: 'j'.repeat(41) }, { name: 'j'.repeat(41) }, 'name', 'name'],
  ['an empty image', { image: ' ' }, { image: ' ' }, 'image', 'image'],
  ['a CPU value Fargate does not have', { cpu: 300 }, { cpu: 300 }, 'cpu', 'cpu'],
  ['memory that does not fit the CPU', { cpu: 256, memory: 4096 }, { cpu: 256, memory: 4096 }, 'memory', 'memory'],
  ['a log retention CloudWatch does not offer', { logRetentionDays: 31 }, { log_retention_days: 31 }, 'logRetentionDays', 'log_retention_days'],
  ['a zero timeout', { timeoutSeconds: 0 }, { timeout_seconds: 0 }, 'timeoutSeconds', 'timeout_seconds'],
  ['an environment variable of the runner', { environment: { ECS_BATCH_OVERLAP: 'skip' } }, { environment: { ECS_BATCH_OVERLAP: 'skip' } }, 'environment', 'environment'],
  ['a secret that is an SSM parameter', { secretsManagerSecrets: { DB: PARAMETER } }, { secrets_manager_secrets: { DB: PARAMETER } }, 'secretsManagerSecrets.DB', 'secrets_manager_secrets'],
  ['a parameter that is a secret', { ssmParameters: { DB: SECRET } }, { ssm_parameters: { DB: SECRET } }, 'ssmParameters.DB', 'ssm_parameters'],
  ['a name in both secret maps', { secretsManagerSecrets: { DB: SECRET }, ssmParameters: { DB: PARAMETER } }, { secrets_manager_secrets: { DB: SECRET }, ssm_parameters: { DB: PARAMETER } }, 'ssmParameters', 'ssm_parameters'],
  ['no schedules', { schedules: [] }, { schedules: {} }, 'schedules', 'schedules'],
  ['a secret with a JSON key but not the other two parts', { secretsManagerSecrets: { DB: `${SECRET}:password` } }, { secrets_manager_secrets: { DB: `${SECRET}:password` } }, 'secretsManagerSecrets.DB', 'secrets_manager_secrets'],
  ['a parameter name with a space', { ssmParameters: { DB: '/db host' } }, { ssm_parameters: { DB: '/db host' } }, 'ssmParameters.DB', 'ssm_parameters'],
  ['a parameter name in the reserved aws prefix', { ssmParameters: { DB: '/aws/db' } }, { ssm_parameters: { DB: '/aws/db' } }, 'ssmParameters.DB', 'ssm_parameters'],
  ['a KMS alias instead of a key', { secretsManagerSecrets: { DB: SECRET }, kmsKeyArns: [`arn:aws:kms:ap-northeast-1:${ACCOUNT}:alias/db`] },
    { secrets_manager_secrets: { DB: SECRET }, kms_key_arns: [`arn:aws:kms:ap-northeast-1:${ACCOUNT}:alias/db`] }, 'kmsKeyArns[0]', 'kms_key_arns'],
  ['KMS keys without a secret', { kmsKeyArns: [KEY] }, { kms_key_arns: [KEY] }, 'kmsKeyArns', 'kms_key_arns'],
  ['the * action', { permissions: [{ actions: ['*'], resources: ['*'] }] }, { permissions: [{ actions: ['*'], resources: ['*'] }] }, 'permissions[0].actions[0]', 'permissions'],
  ['iam:*', { permissions: [{ actions: ['s3:GetObject'], resources: ['*'] }, { actions: ['IAM:*'], resources: ['*'] }] },
    { permissions: [{ actions: ['s3:GetObject'], resources: ['*'] }, { actions: ['IAM:*'], resources: ['*'] }] }, 'permissions[1].actions[0]', 'permissions'],
  ['an action that is not service:Action', { permissions: [{ actions: ['GetObject'], resources: ['*'] }] }, { permissions: [{ actions: ['GetObject'], resources: ['*'] }] }, 'permissions[0].actions[0]', 'permissions'],
  ['a permission without resources', { permissions: [{ actions: ['s3:GetObject'], resources: [] }] }, { permissions: [{ actions: ['s3:GetObject'], resources: [] }] }, 'permissions[0].resources', 'permissions'],
  ['AdministratorAccess', { managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }, { managed_policy_arns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }, 'managedPolicyArns[0]', 'managed_policy_arns'],
  ['a role ARN as a managed policy', { managedPolicyArns: [`arn:aws:iam::${ACCOUNT}:role/x`] }, { managed_policy_arns: [`arn:aws:iam::${ACCOUNT}:role/x`] }, 'managedPolicyArns[0]', 'managed_policy_arns'],
  ['a role ARN as a permissions boundary', { permissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:role/x` }, { permissions_boundary_arn: `arn:aws:iam::${ACCOUNT}:role/x` }, 'permissionsBoundaryArn', 'permissions_boundary_arn'],
  ['ARM64 on Fargate Spot', { architecture: CpuArchitecture.ARM64, ...SPOT_STRATEGY }, { architecture: 'ARM64', ...SPOT_STRATEGY_HCL }, 'capacityProviderStrategy[1]', 'capacity_provider_strategy'],
  ['20 GiB of ephemeral storage', { ephemeralStorageGiB: 20 }, { ephemeral_storage_gib: 20 }, 'ephemeralStorageGiB', 'ephemeral_storage_gib'],
  ['201 GiB of ephemeral storage', { ephemeralStorageGiB: 201 }, { ephemeral_storage_gib: 201 }, 'ephemeralStorageGiB', 'ephemeral_storage_gib'],
  ['a stop timeout over 120 seconds', { stopTimeoutSeconds: 121 }, { stop_timeout_seconds: 121 }, 'stopTimeoutSeconds', 'stop_timeout_seconds'],
  ['a schedule name too long for <job>-<schedule>', { schedules: [{ name: 's'.repeat(60), schedule: Schedule.expression('cron(0 17 * * ? *)') }] },
    { schedules: { ['s'.repeat(60)]: { schedule_expression: 'cron(0 17 * * ? *)' } } }, 'schedules[0].name', 'schedules'],
  ['a missed-run alarm over 7 days', { missedRunAlarm: { hours: 169 } }, { missed_run_alarm: { hours: 169 } }, 'missedRunAlarm.hours', 'missed_run_alarm.hours'],
  ['a schedule\'s own error', { schedules: [{ name: 'nightly', schedule: Schedule.expression('cron(0 17 * * ? *)'), taskCount: 0 }] },
    { schedules: { nightly: { schedule_expression: 'cron(0 17 * * ? *)', task_count: 0 } } }, 'schedules[0].taskCount', 'task_count'],
];

describe.each(RULES)('%s', (_, props, args, prop, variable) => {
  test(`the construct names ${prop}`, () => {
    const error = constructError(props);
    expect(error?.field).toBe(prop);
    expect(error?.message.startsWith(`${prop}: `)).toBe(true);
  });

  test(`the module names ${variable}`, async () => {
    const issues = await moduleIssues(args);
    expect(issues.map((i) => i.field)).toContain(variable);
    expect(issues.every((i) => i.kind === 'validation' || i.kind === 'precondition')).toBe(true);
  });
});

describe('values at the edges pass both', () => {
  const EDGES: Array<[string, Partial<EcsBatchJobProps>, Record<string, HclArg>]> = [
    ['the smallest Fargate size', { cpu: 256, memory: 512 }, { cpu: 256, memory: 512 }],
    ['the largest Fargate size', { cpu: 16384, memory: 122880 }, { cpu: 16384, memory: 122880 }],
    ['a 40-character job name', { name: 'j'.repeat(40) }, { name: 'j'.repeat(40) }],
    ['10 years of logs', { logRetentionDays: 3653 }, { log_retention_days: 3653 }],
    ['an alarm after 1 hour and after 168 hours', { missedRunAlarm: { hours: 168 } }, { missed_run_alarm: { hours: 168 } }],
    ['21 and 200 GiB of ephemeral storage, a 120-second stop timeout', { ephemeralStorageGiB: 21, stopTimeoutSeconds: 120 }, { ephemeral_storage_gib: 21, stop_timeout_seconds: 120 }],
    ['200 GiB, a 1-second stop timeout', { ephemeralStorageGiB: 200, stopTimeoutSeconds: 1 }, { ephemeral_storage_gib: 200, stop_timeout_seconds: 1 }],
    ['every valueFrom form of a Secrets Manager secret, SSM parameters by name, a KMS key',
      { secretsManagerSecrets: { A: SECRET, B: `${SECRET}:password::`, C: `${SECRET}::AWSPREVIOUS:`, D: `${SECRET}:::0a1b2c3d` }, ssmParameters: { E: '/team/db', F: 'db-host', G: PARAMETER }, kmsKeyArns: [KEY] },
      { secrets_manager_secrets: { A: SECRET, B: `${SECRET}:password::`, C: `${SECRET}::AWSPREVIOUS:`, D: `${SECRET}:::0a1b2c3d` }, ssm_parameters: { E: '/team/db', F: 'db-host', G: PARAMETER }, kms_key_arns: [KEY] }],
    ['ARM64 on FARGATE, X86_64 on Fargate Spot', { architecture: CpuArchitecture.ARM64, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] },
      { architecture: 'ARM64', capacity_provider_strategy: [{ capacity_provider: 'FARGATE', weight: 1 }] }],
    ['X86_64 on Fargate Spot', { ...SPOT_STRATEGY }, { ...SPOT_STRATEGY_HCL }],
    ['s3:* with conditions, managed policies, a boundary', {
      permissions: [{ actions: ['s3:*'], resources: ['arn:aws:s3:::reports/*'], conditions: [{ operator: 'StringLikeIfExists', key: 's3:prefix', values: ['a/'] }] }],
      managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      permissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    }, {
      permissions: [{ actions: ['s3:*'], resources: ['arn:aws:s3:::reports/*'], conditions: [{ operator: 'StringLikeIfExists', key: 's3:prefix', values: ['a/'] }] }],
      managed_policy_arns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      permissions_boundary_arn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    }],
    ['a <job>-<schedule> name of exactly 64 characters', { schedules: [{ name: 's'.repeat(53), schedule: Schedule.expression('rate(1 hour)') }] },
      { schedules: { ['s'.repeat(53)]: { schedule_expression: 'rate(1 hour)' } } }],
  ];

  test.each(EDGES)('%s', async (_, props, args) => {
    expect(constructError(props)).toBeUndefined();
    expect(await moduleIssues(args)).toEqual([]);
  });
});
