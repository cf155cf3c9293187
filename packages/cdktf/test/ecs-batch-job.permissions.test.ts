/**
 * A job that can do its work: the task role does what the job declared and
 * nothing else, the execution role reads exactly the declared secrets and
 * parameters (evaluated by the IAM simulator), and the container, task
 * definition and roles carry the rest of the settings. The ecs-batch-job module
 * makes the same statements: see ecs-batch-job.parity.test.ts, whose rich cases
 * set every prop used here.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { AwsLimits, ExecutionRolePolicy, Schedule, SsmParameterArn } from '@ecs-batch/core';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { CpuArchitecture, EcsBatchJob, EcsBatchJobProps } from '../src';
import { appliedDocument } from './hcl/apply-values';
import { planStack } from './hcl/cdktf-plan';
import { moduleDir } from './hcl/module-plan';
import { identityDecision } from './iam-simulation';

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-1';
const CLUSTER = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/batch`;
const DB_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:payments/db-AbCdEf`;
const API_KEY = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/payments/api-key`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const BUCKET = 'arn:aws:s3:::payments-reports';
const TABLE = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders`;
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/boundaries/batch`;

const APPLIED: Record<string, string> = {
  'ecs_batch_aws/data.aws_caller_identity.account.account_id': ACCOUNT,
  'ecs_batch_aws/data.aws_region.region.region': REGION,
  'ecs_batch_aws/data.aws_partition.partition.partition': 'aws',
  'settlement/aws_cloudwatch_log_group.logs.arn': `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs-batch/settlement`,
  'settlement/aws_cloudwatch_log_group.logs.name': '/ecs-batch/settlement',
  'settlement/aws_ecs_task_definition.task.arn': `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/settlement:7`,
  'settlement/aws_iam_role.execution_role.arn': `arn:aws:iam::${ACCOUNT}:role/exec`,
  'settlement/aws_iam_role.task_role.arn': `arn:aws:iam::${ACCOUNT}:role/task`,
};

const JOB: EcsBatchJobProps = {
  name: 'settlement',
  image: 'public.ecr.aws/docker/library/node:22-slim',
  clusterArn: CLUSTER,
  subnetIds: ['subnet-0a1b2c3d'],
  schedules: [{ name: 'nightly', schedule: Schedule.expression('cron(0 17 * * ? *)') }],
  permissions: [
    { actions: ['s3:GetObject', 's3:PutObject'], resources: [`${BUCKET}/daily/*`] },
    { actions: ['dynamodb:Query', 'dynamodb:PutItem'], resources: [TABLE] },
  ],
  managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess'],
  secretsManagerSecrets: { DB_PASSWORD: `${DB_SECRET}:password::`, DB_USER: `${DB_SECRET}:username::` },
  ssmParameters: { API_KEY, API_HOST: '/payments/api-host' },
  kmsKeyArns: [KEY],
  permissionsBoundaryArn: BOUNDARY,
};

function synth(props: Partial<EcsBatchJobProps> = {}) {
  const stack = new TerraformStack(Testing.app(), 'test');
  const job = new EcsBatchJob(stack, 'settlement', { ...JOB, ...props });
  const plan = planStack(stack, {}, APPLIED);
  const attributes = (address: string): Record<string, any> => {
    const found = plan.resources.find((r) => r.address === `settlement/${address}`);
    if (!found) throw new Error(`no ${address} in ${plan.resources.map((r) => r.address).join(', ')}`);
    return found.attributes as Record<string, any>;
  };
  return { stack, job, plan, attributes };
}

describe('the task role, evaluated by the IAM simulator', () => {
  const { attributes } = synth();
  const policy = appliedDocument(attributes('aws_iam_role_policy.task_role_policy').policy);
  const decide = (action: string, resource: string) => identityDecision(policy, { action, resource });

  test('does what the job declared', async () => {
    expect(await decide('s3:GetObject', `${BUCKET}/daily/2026-12-04.csv`)).toBe('Allowed');
    expect(await decide('s3:PutObject', `${BUCKET}/daily/2026-12-04.csv`)).toBe('Allowed');
    expect(await decide('dynamodb:Query', TABLE)).toBe('Allowed');
    expect(await decide('dynamodb:PutItem', TABLE)).toBe('Allowed');
  });

  test.each([
    ['s3:DeleteObject', `${BUCKET}/daily/2026-12-04.csv`],
    ['s3:GetObject', `${BUCKET}/monthly/2026-11.csv`],
    ['s3:GetObject', 'arn:aws:s3:::other-bucket/daily/x.csv'],
    ['dynamodb:DeleteTable', TABLE],
    ['dynamodb:Scan', TABLE],
    ['dynamodb:Query', `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/users`],
    ['sqs:SendMessage', `arn:aws:sqs:${REGION}:${ACCOUNT}:orders`],
    ['secretsmanager:GetSecretValue', DB_SECRET],
    ['ssm:GetParameters', API_KEY],
    ['kms:Decrypt', KEY],
    ['iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/admin`],
    ['ecs:RunTask', `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/settlement:7`],
  ])('denies %s on %s', async (action, resource) => {
    expect(await decide(action, resource)).toBe('ImplicitlyDenied');
  });

  test('managed policies are attached by name, with the boundary on the role', () => {
    expect(attributes('aws_iam_role_policy_attachment.task_role_managed_policy["AmazonSQSReadOnlyAccess"]').policy_arn).toBe('arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess');
    expect(attributes('aws_iam_role.task_role').permissions_boundary).toBe(BOUNDARY);
  });

  test('the deprecated taskRolePolicyStatements still add to it, after permissions', () => {
    const statements = appliedDocument(synth({ taskRolePolicyStatements: [{ Sid: 'Legacy', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] })
      .attributes('aws_iam_role_policy.task_role_policy').policy).Statement;
    expect(statements.map((s: any) => s.Sid)).toEqual(['JobPermission0', 'JobPermission1', 'Legacy']);
  });

  test('a * resource is a warning, naming the prop', () => {
    const { job } = synth({ permissions: [{ actions: ['s3:ListBucket'], resources: ['*'] }, { actions: ['sts:GetCallerIdentity'], resources: ['*'] }] });
    const warnings = job.node.metadata.map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/^permissions\[0\]\.resources: '\*' lets s3:ListBucket act on every resource/)]);
  });
});

describe('the execution role reads exactly the declared secrets and parameters', () => {
  const { attributes } = synth();
  const policy = appliedDocument(attributes('aws_iam_role_policy.execution_role_policy').policy);
  const defaultKeyPolicy = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
  };

  test('the secret behind a :json-key:: valueFrom, the parameter by ARN and the one by name', async () => {
    expect(await identityDecision(policy, { action: 'secretsmanager:GetSecretValue', resource: DB_SECRET })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 'ssm:GetParameters', resource: API_KEY })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 'ssm:GetParameters', resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/payments/api-host` })).toBe('Allowed');
  });

  test.each([
    ['secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:payments/admin-XyZ123`],
    ['secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:payments/db-AbCdEf`],
    ['secretsmanager:PutSecretValue', DB_SECRET],
    ['ssm:GetParameters', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/payments/other`],
    ['ssm:GetParameters', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/payments/api-host-2`],
    ['ssm:GetParameter', API_KEY],
    ['ssm:PutParameter', API_KEY],
    ['s3:GetObject', `${BUCKET}/daily/x.csv`],
  ])('denies %s on %s', async (action, resource) => {
    expect(await identityDecision(policy, { action, resource })).toBe('ImplicitlyDenied');
  });

  test('kms:Decrypt with the declared key, through Secrets Manager or SSM in the job\'s region only', async () => {
    const decrypt = (resource: string, via: string) => identityDecision(policy, {
      action: 'kms:Decrypt', resource, resourcePolicy: defaultKeyPolicy, context: { 'kms:ViaService': via },
    });
    expect(await decrypt(KEY, `secretsmanager.${REGION}.amazonaws.com`)).toBe('Allowed');
    expect(await decrypt(KEY, `ssm.${REGION}.amazonaws.com`)).toBe('Allowed');
    expect(await decrypt(KEY, `s3.${REGION}.amazonaws.com`)).toBe('ImplicitlyDenied');
    expect(await decrypt(KEY, 'ssm.us-east-1.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await decrypt(`arn:aws:kms:${REGION}:${ACCOUNT}:key/0000abcd-12ab-34cd-56ef-1234567890ab`, `ssm.${REGION}.amazonaws.com`)).toBe('ImplicitlyDenied');
  });

  test('the container gets the valueFrom as written, a parameter name as its ARN', () => {
    const container = appliedDocument(attributes('aws_ecs_task_definition.task').container_definitions)[0];
    expect(container.secrets).toEqual([
      { name: 'API_HOST', valueFrom: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/payments/api-host` },
      { name: 'API_KEY', valueFrom: API_KEY },
      { name: 'DB_PASSWORD', valueFrom: `${DB_SECRET}:password::` },
      { name: 'DB_USER', valueFrom: `${DB_SECRET}:username::` },
    ]);
  });
});

describe('the task', () => {
  test('read-only root filesystem with a writable /tmp volume by default', () => {
    const task = synth().attributes('aws_ecs_task_definition.task');
    const container = appliedDocument(task.container_definitions)[0];
    expect(container.readonlyRootFilesystem).toBe(true);
    expect(container.mountPoints).toEqual([{ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false }]);
    expect(task.volume).toEqual([{ name: 'tmp' }]);
  });

  test('readonlyRootFilesystem: false drops both', () => {
    const task = synth({ readonlyRootFilesystem: false }).attributes('aws_ecs_task_definition.task');
    const container = appliedDocument(task.container_definitions)[0];
    expect(container.readonlyRootFilesystem).toBeUndefined();
    expect(container.mountPoints).toBeUndefined();
    expect(task.volume).toBeUndefined();
  });

  test('ephemeral storage, stop timeout and architecture', () => {
    const task = synth({ ephemeralStorageGiB: 50, stopTimeoutSeconds: 60, architecture: CpuArchitecture.ARM64 }).attributes('aws_ecs_task_definition.task');
    expect(task.ephemeral_storage).toEqual({ size_in_gib: 50 });
    expect(appliedDocument(task.container_definitions)[0].stopTimeout).toBe(60);
    expect(task.runtime_platform).toEqual({ operating_system_family: 'LINUX', cpu_architecture: 'ARM64' });
  });
});

describe('roles', () => {
  test('the boundary is on every role the job creates: task, execution and each invoker', () => {
    const { attributes } = synth({
      schedules: [
        { name: 'nightly', schedule: Schedule.expression('cron(0 17 * * ? *)') },
        { name: 'weekly', schedule: Schedule.expression('cron(0 2 ? * MON *)'), timeZone: 'Asia/Tokyo' },
      ],
    });
    for (const role of ['aws_iam_role.task_role', 'aws_iam_role.execution_role', 'schedules/nightly/aws_iam_role.invoker', 'schedules/weekly/aws_iam_role.invoker']) {
      expect([role, attributes(role).permissions_boundary]).toEqual([role, BOUNDARY]);
    }
  });

  test('no boundary by default', () => {
    expect(synth({ permissionsBoundaryArn: undefined }).attributes('aws_iam_role.task_role').permissions_boundary).toBeUndefined();
  });

  test('role names are exposed next to the ARNs', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const job = new EcsBatchJob(stack, 'settlement', JOB);
    new TerraformOutput(stack, 'task_role_name', { value: job.taskRoleName });
    new TerraformOutput(stack, 'execution_role_name', { value: job.executionRoleName });
    new TerraformOutput(stack, 'invoker_role_name', { value: job.scheduledTasks[0].invokerRoleName });
    const outputs = JSON.parse(Testing.synth(stack)).output;
    expect(outputs.task_role_name.value).toMatch(/^\$\{aws_iam_role\.settlement_task_role_[0-9A-F]+\.name\}$/);
    expect(outputs.execution_role_name.value).toMatch(/^\$\{aws_iam_role\.settlement_execution_role_[0-9A-F]+\.name\}$/);
    expect(outputs.invoker_role_name.value).toMatch(/^\$\{aws_iam_role\.settlement_schedules_nightly_invoker_[0-9A-F]+\.name\}$/);
  });
});

describe('the module holds the same rules as core', () => {
  const variables = readFileSync(join(moduleDir('ecs-batch-job'), 'variables.tf'), 'utf8');
  const main = readFileSync(join(moduleDir('ecs-batch-job'), 'main.tf'), 'utf8');

  test('the Secrets Manager valueFrom pattern', () => {
    expect(variables).toContain(`can(regex("${ExecutionRolePolicy.SECRETS_MANAGER_VALUE_FROM_PATTERN.replace(/\\/g, '\\\\')}", arn))`);
  });

  test('the SSM parameter name pattern and expansion', () => {
    expect(variables).toContain(`can(regex("${SsmParameterArn.NAME_PATTERN}", v)) && length(v) <= ${SsmParameterArn.NAME_MAX_LENGTH}`);
    expect(main).toContain(SsmParameterArn.terraformExpression('v', 'data.aws_partition.partition.partition', 'data.aws_region.region.region', 'local.account_id'));
    expect(main).toContain(ExecutionRolePolicy.terraformSecretArnExpression('var.secrets_manager_secrets[name]'));
  });

  test('the ephemeral storage and stop timeout limits', () => {
    expect(variables).toContain(`var.ephemeral_storage_gib >= ${AwsLimits.FARGATE_EPHEMERAL_STORAGE_MIN_GIB} && var.ephemeral_storage_gib <= ${AwsLimits.FARGATE_EPHEMERAL_STORAGE_MAX_GIB}`);
    expect(variables).toContain(`var.stop_timeout_seconds <= ${AwsLimits.FARGATE_STOP_TIMEOUT_MAX_SECONDS}`);
  });
});
