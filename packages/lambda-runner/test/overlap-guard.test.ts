import { RunnerMetrics } from '@ecs-batch/core';
import { run } from '../src/runner';
import { DUMMY_AWS_ENV, EcsApiAnswer, EcsApiServer, startEcsApiServer } from './support/ecs-api-server';
import { logOf, runBin } from './support/run-bin';
import { startTaskMetadataServer, TaskMetadataServer } from './support/task-metadata-server';

const LIST_TASKS = 'AmazonEC2ContainerServiceV20141113.ListTasks';

describe('ECS_BATCH_OVERLAP=skip: the real SDK asks a local ECS API', () => {
  let metadata: TaskMetadataServer;
  let ecs: EcsApiServer;
  beforeEach(async () => { metadata = await startTaskMetadataServer(); });
  afterEach(async () => {
    await metadata.close();
    await ecs?.close();
  });

  const start = async (answer: (request: { body: { [key: string]: unknown } }, index: number) => EcsApiAnswer) => {
    ecs = await startEcsApiServer(answer);
    return ecs;
  };
  const envFor = (extra: { [name: string]: string } = {}) => ({
    ...DUMMY_AWS_ENV,
    ECS_CONTAINER_METADATA_URI_V4: metadata.uri,
    AWS_ENDPOINT_URL_ECS: ecs.endpoint,
    ECS_BATCH_OVERLAP: 'skip',
    ...extra,
  });
  const otherTask = () => metadata.taskArn.replace(/[^/]+$/, 'aaaabbbbccccddddeeeeffff00001111');

  test('another task of the family is running: skipped, exit 0, the handler is not called, no metrics', async () => {
    await start(() => ({ status: 200, body: { taskArns: [metadata.taskArn, otherTask()] } }));
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(result.code).toBe(0);
    expect(result.fixtures).toEqual([]);
    expect(result.emf).toEqual([]);
    const end = logOf(result, 'end');
    expect(end.level).toBe('info');
    expect(end.outcome).toBe('skipped');
    expect(end.otherTasks).toEqual([otherTask()]);
    expect(end.message).toBe('payments-nightly skipped: 1 other task(s) of family payments-nightly running (ECS_BATCH_OVERLAP=skip)');

    // The request the SDK sent: AWS JSON 1.1, SigV4-signed for ecs in the task's region.
    expect(ecs.requests).toHaveLength(1);
    const [request] = ecs.requests;
    expect(request.method).toBe('POST');
    expect(request.target).toBe(LIST_TASKS);
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/ecs\/aws4_request, SignedHeaders=/);
    expect(request.body).toEqual({ cluster: metadata.clusterArn, family: 'payments-nightly', desiredStatus: 'RUNNING' });
  });

  test('only this task is running: the handler runs', async () => {
    await start(() => ({ status: 200, body: { taskArns: [metadata.taskArn] } }));
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(result.code).toBe(0);
    expect(result.fixtures.map((f) => f.fixture)).toEqual(['succeed']);
    expect(logOf(result, 'end').outcome).toBe('succeeded');
    expect(logOf(result, 'start').overlap).toBe('skip');
    expect(ecs.requests).toHaveLength(1);
  });

  test('pages are followed until another task shows up', async () => {
    await start((_request, index) => index === 0
      ? { status: 200, body: { taskArns: [metadata.taskArn], nextToken: 'page-2' } }
      : { status: 200, body: { taskArns: [otherTask()] } });
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(logOf(result, 'end').outcome).toBe('skipped');
    expect(ecs.requests.map((r) => r.body.nextToken)).toEqual([undefined, 'page-2']);
  });

  test('AWS_ENDPOINT_URL (for every service) is honoured too', async () => {
    await start(() => ({ status: 200, body: { taskArns: [otherTask()] } }));
    const { AWS_ENDPOINT_URL_ECS: endpoint, ...env } = envFor();
    const result = await runBin(['./succeed.js#handler'], { env: { ...env, AWS_ENDPOINT_URL: endpoint } });
    expect(logOf(result, 'end').outcome).toBe('skipped');
    expect(ecs.requests).toHaveLength(1);
  });

  test('ECS refuses (AccessDeniedException): a warning, and the handler runs (fail open)', async () => {
    await start(() => ({
      status: 400,
      body: { __type: 'AccessDeniedException', message: 'User is not authorized to perform: ecs:ListTasks' },
    }));
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(result.code).toBe(0);
    const warning = logOf(result, 'overlap-check-failed');
    expect(warning.level).toBe('warn');
    expect(warning.message).toBe('cannot tell whether another run is going, running anyway (fail open): User is not authorized to perform: ecs:ListTasks');
    expect(warning.error).toMatchObject({ name: 'AccessDeniedException' });
    expect(result.fixtures.map((f) => f.fixture)).toEqual(['succeed']);
    expect(result.emf[0][RunnerMetrics.JOB_SUCCEEDED]).toBe(1);
  });

  test('ECS unreachable (connection dropped): fail open', async () => {
    await start(() => 'drop');
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(result.code).toBe(0);
    expect(logOf(result, 'overlap-check-failed').level).toBe('warn');
    expect(logOf(result, 'end').outcome).toBe('succeeded');
  });

  test('no metadata endpoint (a local run): fail open without calling ECS', async () => {
    await start(() => ({ status: 200, body: { taskArns: [] } }));
    const { ECS_CONTAINER_METADATA_URI_V4: _unused, ...env } = envFor();
    const result = await runBin(['./succeed.js#handler'], { env });
    expect(result.code).toBe(0);
    expect(logOf(result, 'overlap-check-failed').message)
      .toBe('cannot tell whether another run is going, running anyway (fail open): the task metadata endpoint did not give TaskARN, Cluster, Family (is ECS_CONTAINER_METADATA_URI_V4 set?)');
    expect(ecs.requests).toEqual([]);
  });

  test('ECS_BATCH_OVERLAP unset (allow): ECS is never called', async () => {
    await start(() => ({ status: 200, body: { taskArns: [otherTask()] } }));
    const { ECS_BATCH_OVERLAP: _unused, ...env } = envFor();
    const result = await runBin(['./succeed.js#handler'], { env });
    expect(logOf(result, 'end').outcome).toBe('succeeded');
    expect(ecs.requests).toEqual([]);
  });
});

describe('run({ overlap: "skip" }) as a library', () => {
  const saved = { ...process.env };
  afterEach(() => { process.env = { ...saved }; });

  test('an ECS API that never answers: fail open after overlapCheckTimeoutMs', async () => {
    const metadata = await startTaskMetadataServer();
    const ecs = await startEcsApiServer(() => 'hang');
    Object.assign(process.env, DUMMY_AWS_ENV, { AWS_ENDPOINT_URL_ECS: ecs.endpoint, AWS_EC2_METADATA_DISABLED: 'true' });
    const lines: string[] = [];
    try {
      const started = Date.now();
      const outcome = await run({
        handler: async () => 'ran',
        overlap: 'skip',
        metadataUri: metadata.uri,
        overlapCheckTimeoutMs: 300,
        write: (line) => { lines.push(line); },
      });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(outcome.status).toBe('succeeded');
      expect(outcome.result).toBe('ran');
      const warning = lines.map((line) => JSON.parse(line)).find((line) => line.event === 'overlap-check-failed');
      expect(warning.message).toBe('cannot tell whether another run is going, running anyway (fail open): ecs:ListTasks did not answer within 300 ms');
      expect(ecs.requests).toHaveLength(1);
    } finally {
      await metadata.close();
      await ecs.close();
    }
  });
});
