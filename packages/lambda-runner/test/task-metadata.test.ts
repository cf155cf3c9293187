import { createServer } from 'http';
import { fetchTaskMetadata, parseTaskMetadata } from '../src/task-metadata';
import { logOf, runBin } from './support/run-bin';
import { close, listen, startTaskMetadataServer, TaskMetadataServer } from './support/task-metadata-server';

describe('fetchTaskMetadata (a real endpoint on 127.0.0.1)', () => {
  let server: TaskMetadataServer;
  afterEach(async () => server?.close());

  test('reads the container and task documents', async () => {
    server = await startTaskMetadataServer({ containerMemory: 512 });
    const metadata = await fetchTaskMetadata(server.uri);
    expect(metadata).toEqual({
      taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/batch/0f5e7a9c1b2d4e6f8a0b1c2d3e4f5a6b',
      taskId: '0f5e7a9c1b2d4e6f8a0b1c2d3e4f5a6b',
      cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/batch',
      family: 'payments-nightly',
      revision: '7',
      region: 'eu-west-1',
      account: '123456789012',
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments-jobs:2024.06.1',
      logGroupName: '/ecs-batch/payments-nightly',
      logStreamName: 'job/job/0f5e7a9c1b2d4e6f8a0b1c2d3e4f5a6b',
      memoryMb: 512,
    });
    expect(server.requests.sort()).toEqual([new URL(server.uri).pathname, `${new URL(server.uri).pathname}/task`]);
  });

  test('a partial answer (the task document fails) keeps what the container document says', async () => {
    server = await startTaskMetadataServer({ taskStatus: 500 });
    const metadata = await fetchTaskMetadata(`${server.uri}/`);
    expect(metadata.taskId).toBe('0f5e7a9c1b2d4e6f8a0b1c2d3e4f5a6b');
    expect(metadata.family).toBe('payments-nightly');
    expect(metadata.memoryMb).toBeUndefined();
  });

  test('an endpoint that does not answer in time is an error', async () => {
    const silent = createServer(() => { /* never answers */ });
    const port = await listen(silent);
    try {
      await expect(fetchTaskMetadata(`http://127.0.0.1:${port}/v4/x`, 200)).rejects.toThrow(`cannot read the task metadata endpoint http://127.0.0.1:${port}/v4/x: timed out`);
    } finally {
      await close(silent);
    }
  });
});

describe('parseTaskMetadata', () => {
  test('the task memory is used when the container has no limit (Fargate)', () => {
    expect(parseTaskMetadata({ Limits: { CPU: 2 } }, { Limits: { CPU: 0.25, Memory: 2048 } }).memoryMb).toBe(2048);
  });

  test('old-format task ARNs (task/<id>) give the id too', () => {
    expect(parseTaskMetadata({}, { TaskARN: 'arn:aws:ecs:us-east-1:123456789012:task/1dc5c17a-422b-4dc4-b493-371970c6c4d6' }).taskId)
      .toBe('1dc5c17a-422b-4dc4-b493-371970c6c4d6');
  });

  test('falls back to the container labels, and ignores values of the wrong type', () => {
    const metadata = parseTaskMetadata({
      Labels: {
        'com.amazonaws.ecs.task-arn': 'arn:aws-cn:ecs:cn-north-1:123456789012:task/jobs/abc',
        'com.amazonaws.ecs.cluster': 'jobs',
        'com.amazonaws.ecs.task-definition-family': 'fam',
      },
      Image: 42,
      Limits: { Memory: '512' },
    }, 'not an object');
    expect(metadata).toMatchObject({ taskId: 'abc', cluster: 'jobs', family: 'fam', region: 'cn-north-1', account: '123456789012' });
    expect(metadata.image).toBeUndefined();
    expect(metadata.memoryMb).toBeUndefined();
  });
});

describe('ecs-batch-run in an ECS task: the context comes from the metadata endpoint', () => {
  let server: TaskMetadataServer;
  afterEach(async () => server?.close());

  test('request id, function name and version, ARN, logs and memory; the event gets account and region', async () => {
    server = await startTaskMetadataServer({ containerMemory: 512 });
    const result = await runBin(['./succeed.js#handler'], { env: { ECS_CONTAINER_METADATA_URI_V4: server.uri, ECS_BATCH_TIMEOUT_SECONDS: '600' } });
    expect(result.code).toBe(0);
    const { context, event } = result.fixtures[0] as unknown as { context: { [key: string]: unknown }; event: { [key: string]: unknown } };
    expect(context.awsRequestId).toBe('0f5e7a9c1b2d4e6f8a0b1c2d3e4f5a6b');
    expect(context.functionName).toBe('payments-nightly');
    expect(context.functionVersion).toBe('2024.06.1');
    expect(context.invokedFunctionArn).toBe(server.taskArn);
    expect(context.logGroupName).toBe('/ecs-batch/payments-nightly');
    expect(context.logStreamName).toBe('job/job/0f5e7a9c1b2d4e6f8a0b1c2d3e4f5a6b');
    expect(context.memoryLimitInMB).toBe('512');
    expect(context.remainingTimeInMillis).toBeGreaterThan(590_000);
    expect(context.remainingTimeInMillis).toBeLessThanOrEqual(600_000);
    expect(event.account).toBe('123456789012');
    expect(event.region).toBe('eu-west-1');

    expect(logOf(result, 'start')).toMatchObject({ job: 'payments-nightly', awsRequestId: '0f5e7a9c1b2d4e6f8a0b1c2d3e4f5a6b', taskArn: server.taskArn, functionVersion: '2024.06.1' });
    expect(result.emf[0].Job).toBe('payments-nightly');
  });

  test('ECS_BATCH_JOB_NAME wins over the family; an untagged image is $LATEST', async () => {
    server = await startTaskMetadataServer({ image: 'registry.internal:5000/jobs@sha256:8cac3dac7c1a7b4f6a0c0d6a8f2f3f7e1b5f0c2d9e6a1b4c7d0e3f6a9b2c5d8e' });
    const result = await runBin(['./succeed.js#handler'], { env: { ECS_CONTAINER_METADATA_URI_V4: server.uri, ECS_BATCH_JOB_NAME: 'nightly' } });
    const context = result.fixtures[0].context as { [key: string]: unknown };
    expect(context.functionName).toBe('nightly');
    expect(context.functionVersion).toBe('$LATEST');
    expect(context.memoryLimitInMB).toBe('1024');
    expect(result.emf[0].Job).toBe('nightly');
  });

  test('an endpoint that is down: a warning, then the run goes on with a UUID', async () => {
    const down = createServer();
    const port = await listen(down);
    await close(down);
    const result = await runBin(['./succeed.js#handler'], { env: { ECS_CONTAINER_METADATA_URI_V4: `http://127.0.0.1:${port}/v4/gone` } });
    expect(result.code).toBe(0);
    const warning = logOf(result, 'metadata-unavailable');
    expect(warning.level).toBe('warn');
    expect(warning.message).toContain(`running without task metadata: cannot read the task metadata endpoint http://127.0.0.1:${port}/v4/gone`);
    expect((result.fixtures[0].context as { awsRequestId: string }).awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
