/**
 * EcsBatchJob and the ecs-batch-job module reject the same inputs, naming the
 * same field; edge values pass both.
 */
import { Schedule } from '@ecs-batch/core';
import { ValidationError } from '@ecs-batch/core/lib/errors';
import { TerraformStack, Testing } from 'cdktf';
import { EcsBatchJob, EcsBatchJobProps } from '../src';
import { HclArg, moduleCallTf } from './hcl/module-call';
import { planRoot } from './hcl/module-plan';

const ACCOUNT = '123456789012';
const CLUSTER = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch`;
const IMAGE = 'public.ecr.aws/docker/library/node:22-slim';
const SECRET = `arn:aws:secretsmanager:ap-northeast-1:${ACCOUNT}:secret:db-AbCdEf`;
const PARAMETER = `arn:aws:ssm:ap-northeast-1:${ACCOUNT}:parameter/db`;

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

function constructError(props: Partial<EcsBatchJobProps>): ValidationError | undefined {
  try {
    new EcsBatchJob(new TerraformStack(Testing.app(), 'test'), 'settlement', { ...BASE_PROPS, ...props });
    return undefined;
  } catch (e) {
    if (e instanceof ValidationError) return e;
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
    ['a <job>-<schedule> name of exactly 64 characters', { schedules: [{ name: 's'.repeat(53), schedule: Schedule.expression('rate(1 hour)') }] },
      { schedules: { ['s'.repeat(53)]: { schedule_expression: 'rate(1 hour)' } } }],
  ];

  test.each(EDGES)('%s', async (_, props, args) => {
    expect(constructError(props)).toBeUndefined();
    expect(await moduleIssues(args)).toEqual([]);
  });
});
