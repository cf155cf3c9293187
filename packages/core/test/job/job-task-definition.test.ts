import { JobRoleNames, JobTaskDefinition } from '../../src';

const props = {
  family: 'payments-nightly',
  image: '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/payments-batch:1.2.0',
  cpu: 512,
  memory: 1024,
  handler: 'lib/jobs/nightly/handler.handler',
  environment: { TZ: 'Asia/Tokyo', API_URL: 'https://example.com' },
  timeoutSeconds: 900,
  overlap: 'skip',
  region: 'ap-northeast-1',
  executionRoleArn: JobRoleNames.arn('123456789012', JobRoleNames.executionRole('payments-nightly'), 'ap-northeast-1'),
  taskRoleArn: JobRoleNames.arn('123456789012', JobRoleNames.taskRole('payments-nightly'), 'ap-northeast-1'),
  tags: { 'team': 'payments', 'managed-by': 'ecs-batch' },
};

describe('JobTaskDefinition', () => {
  test('registerInput is the whole RegisterTaskDefinition input', () => {
    expect(JobTaskDefinition.registerInput(props)).toEqual({
      family: 'payments-nightly',
      taskRoleArn: 'arn:aws:iam::123456789012:role/payments-nightly-task',
      executionRoleArn: 'arn:aws:iam::123456789012:role/payments-nightly-execution',
      networkMode: 'awsvpc',
      containerDefinitions: [{
        name: 'payments-nightly',
        image: props.image,
        essential: true,
        environment: [
          { name: 'API_URL', value: 'https://example.com' },
          { name: 'ECS_BATCH_HANDLER', value: 'lib/jobs/nightly/handler.handler' },
          { name: 'ECS_BATCH_JOB_NAME', value: 'payments-nightly' },
          { name: 'ECS_BATCH_METRIC_NAMESPACE', value: 'EcsBatch' },
          { name: 'ECS_BATCH_OVERLAP', value: 'skip' },
          { name: 'ECS_BATCH_TIMEOUT_SECONDS', value: '900' },
          { name: 'TZ', value: 'Asia/Tokyo' },
        ],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs-batch/payments-nightly', 'awslogs-region': 'ap-northeast-1', 'awslogs-stream-prefix': 'ecs-batch' },
        },
        readonlyRootFilesystem: true,
        mountPoints: [{ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false }],
      }],
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
      volumes: [{ name: 'tmp' }],
      tags: [{ key: 'managed-by', value: 'ecs-batch' }, { key: 'team', value: 'payments' }],
    });
  });

  test('command and secrets appear only when given; overlap defaults to allow', () => {
    const c = JobTaskDefinition.container({ ...props, overlap: undefined, command: ['--verbose'], secrets: { DB: 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/db' } });
    expect(c.command).toEqual(['--verbose']);
    expect(c.secrets).toEqual([{ name: 'DB', valueFrom: 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/db' }]);
    expect(c.environment).toContainEqual({ name: 'ECS_BATCH_OVERLAP', value: 'allow' });
    expect(JobTaskDefinition.container(props).command).toBeUndefined();
  });

  test('a writable root filesystem has no /tmp volume; stop timeout and ephemeral storage appear only when given', () => {
    const writable = JobTaskDefinition.registerInput({ ...props, readonlyRootFilesystem: false });
    expect(writable.volumes).toBeUndefined();
    expect(writable.containerDefinitions[0].readonlyRootFilesystem).toBeUndefined();
    expect(writable.containerDefinitions[0].mountPoints).toBeUndefined();
    expect(writable.ephemeralStorage).toBeUndefined();
    expect(writable.containerDefinitions[0].stopTimeout).toBeUndefined();
    const sized = JobTaskDefinition.registerInput({ ...props, stopTimeoutSeconds: 90, ephemeralStorageGiB: 50, architecture: 'ARM64' });
    expect(sized.containerDefinitions[0].stopTimeout).toBe(90);
    expect(sized.ephemeralStorage).toEqual({ sizeInGiB: 50 });
    expect(sized.runtimePlatform.cpuArchitecture).toBe('ARM64');
  });
});

describe('JobRoleNames', () => {
  test('every role starts with the family and fits IAM\'s 64 characters', () => {
    const family = 'a'.repeat(40);
    expect(JobRoleNames.executionRole(family)).toBe(`${family}-execution`);
    expect(JobRoleNames.taskRole(family)).toBe(`${family}-task`);
    expect(JobRoleNames.invokerRole('payments-nightly-run')).toBe('payments-nightly-run-invoker');
    const longSchedule = `${family}-${'s'.repeat(23)}`;
    expect(JobRoleNames.invokerRole(longSchedule)).toHaveLength(64);
    expect(JobRoleNames.invokerRole(longSchedule).startsWith(`${family}-`)).toBe(true);
  });

  test('ARNs follow the region\'s partition; a bad family or account is refused', () => {
    expect(JobRoleNames.arn('123456789012', 'x-task', 'cn-north-1')).toBe('arn:aws-cn:iam::123456789012:role/x-task');
    expect(() => JobRoleNames.arn('1234', 'x-task')).toThrow(/accountId: '1234' is not an AWS account ID/);
    expect(() => JobRoleNames.taskRole('a'.repeat(41))).toThrow(/family: /);
  });
});
