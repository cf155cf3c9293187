import { RunnerMetrics } from '@ecs-batch/core';
import { run } from '../src/runner';
import { DUMMY_AWS_ENV, EcsApiAnswer, EcsApiRequest, EcsApiServer, startEcsApiServer } from './support/ecs-api-server';
import { emfViolations } from './support/emf-spec';
import { logOf, runBin } from './support/run-bin';
import { startTaskMetadataServer, TaskMetadataServer } from './support/task-metadata-server';

const LIST_TASKS = 'AmazonEC2ContainerServiceV20141113.ListTasks';
const DESCRIBE_TASKS = 'AmazonEC2ContainerServiceV20141113.DescribeTasks';

/** The family's running tasks as the fake ECS API knows them: ARN and createdAt (epoch seconds, as the JSON API sends it). */
type RunningTasks = { readonly taskArn: string; readonly createdAt: number }[];

/** ListTasks and DescribeTasks over a set of running tasks, as ECS answers them. */
function ecsOver(tasks: () => RunningTasks) {
  return (request: { target: string; body: { [key: string]: unknown } }): EcsApiAnswer => {
    if (request.target === LIST_TASKS) return { status: 200, body: { taskArns: tasks().map((t) => t.taskArn) } };
    if (request.target === DESCRIBE_TASKS) {
      const asked = request.body.tasks as string[];
      const found = tasks().filter((t) => asked.includes(t.taskArn));
      return {
        status: 200,
        body: {
          tasks: found.map((t) => ({ taskArn: t.taskArn, createdAt: t.createdAt, lastStatus: 'RUNNING', desiredStatus: 'RUNNING' })),
          failures: asked.filter((arn) => !found.some((t) => t.taskArn === arn)).map((arn) => ({ arn, reason: 'MISSING' })),
        },
      };
    }
    return { status: 400, body: { __type: 'InvalidParameterException', message: `unexpected ${request.target}` } };
  };
}

describe('ECS_BATCH_OVERLAP=skip: the real SDK asks a local ECS API', () => {
  let metadata: TaskMetadataServer;
  let ecs: EcsApiServer;
  beforeEach(async () => { metadata = await startTaskMetadataServer(); });
  afterEach(async () => {
    await metadata.close();
    await ecs?.close();
  });

  const start = async (answer: (request: EcsApiRequest, index: number) => EcsApiAnswer) => {
    ecs = await startEcsApiServer(answer);
    return ecs;
  };
  const envFor = (extra: { [name: string]: string } = {}) => ({
    ...DUMMY_AWS_ENV,
    ECS_CONTAINER_METADATA_URI_V4: metadata.uri,
    AWS_ENDPOINT_URL_ECS: ecs.endpoint,
    ECS_BATCH_OVERLAP: 'skip',
    ECS_BATCH_OVERLAP_SETTLE_MS: '0',
    ...extra,
  });
  const otherTask = () => metadata.taskArn.replace(/[^/]+$/, 'aaaabbbbccccddddeeeeffff00001111');

  test('an earlier task of the family is running: skipped, exit 0, the handler is not called, JobSkipped', async () => {
    const now = Date.now() / 1000;
    await start(ecsOver(() => [{ taskArn: metadata.taskArn, createdAt: now }, { taskArn: otherTask(), createdAt: now - 600 }]));
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(result.code).toBe(0);
    expect(result.fixtures).toEqual([]);
    const end = logOf(result, 'end');
    expect(end.level).toBe('info');
    expect(end.outcome).toBe('skipped');
    expect(end.otherTasks).toEqual([otherTask()]);
    expect(end.message).toBe('payments-nightly skipped: 1 earlier task(s) of family payments-nightly running (ECS_BATCH_OVERLAP=skip)');
    // One metric, JobSkipped, with the job's dimension; neither JobSucceeded nor JobFailed.
    expect(result.emf).toHaveLength(1);
    expect(result.emf[0]).toMatchObject({ [RunnerMetrics.JOB_SKIPPED]: 1, [RunnerMetrics.JOB_DIMENSION]: 'payments-nightly' });
    expect(result.emf[0]).not.toHaveProperty(RunnerMetrics.JOB_SUCCEEDED);
    expect(result.emf[0]).not.toHaveProperty(RunnerMetrics.JOB_FAILED);
    expect(emfViolations(result.emf[0])).toEqual([]);

    // The requests the SDK sent: AWS JSON 1.1, SigV4-signed for ecs in the task's region.
    expect(ecs.requests.map((r) => r.target)).toEqual([LIST_TASKS, DESCRIBE_TASKS]);
    const [list, describe] = ecs.requests;
    expect(list.method).toBe('POST');
    expect(list.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(list.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/ecs\/aws4_request, SignedHeaders=/);
    expect(list.body).toEqual({ cluster: metadata.clusterArn, family: 'payments-nightly', desiredStatus: 'RUNNING' });
    expect(describe.body).toEqual({ cluster: metadata.clusterArn, tasks: [metadata.taskArn, otherTask()] });
  });

  test('a later task of the family is running: this one is the earliest, so it runs', async () => {
    const now = Date.now() / 1000;
    await start(ecsOver(() => [{ taskArn: metadata.taskArn, createdAt: now - 5 }, { taskArn: otherTask(), createdAt: now }]));
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(result.code).toBe(0);
    expect(logOf(result, 'end').outcome).toBe('succeeded');
    expect(result.fixtures.map((f) => f.fixture)).toEqual(['succeed']);
  });

  test('a task that stopped between ListTasks and DescribeTasks (MISSING) does not count', async () => {
    let listed = false;
    const now = Date.now() / 1000;
    await start((request) => {
      if (request.target === LIST_TASKS) {
        listed = true;
        return { status: 200, body: { taskArns: [metadata.taskArn, otherTask()] } };
      }
      return ecsOver(() => [{ taskArn: metadata.taskArn, createdAt: now }])(request);
    });
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(listed).toBe(true);
    expect(logOf(result, 'end').outcome).toBe('succeeded');
  });

  test('only this task is running: the handler runs, without DescribeTasks', async () => {
    await start(ecsOver(() => [{ taskArn: metadata.taskArn, createdAt: Date.now() / 1000 }]));
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(result.code).toBe(0);
    expect(result.fixtures.map((f) => f.fixture)).toEqual(['succeed']);
    expect(logOf(result, 'end').outcome).toBe('succeeded');
    expect(logOf(result, 'start').overlap).toBe('skip');
    expect(ecs.requests).toHaveLength(1);
  });

  test('every page is read before the tie-break', async () => {
    const now = Date.now() / 1000;
    const describe = ecsOver(() => [{ taskArn: metadata.taskArn, createdAt: now }, { taskArn: otherTask(), createdAt: now - 1 }]);
    await start((request, index) => request.target === DESCRIBE_TASKS ? describe(request)
      : index === 0
        ? { status: 200, body: { taskArns: [metadata.taskArn], nextToken: 'page-2' } }
        : { status: 200, body: { taskArns: [otherTask()] } });
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(logOf(result, 'end').outcome).toBe('skipped');
    expect(ecs.requests.map((r) => r.body.nextToken)).toEqual([undefined, 'page-2', undefined]);
  });

  test('AWS_ENDPOINT_URL (for every service) is honoured too', async () => {
    const now = Date.now() / 1000;
    await start(ecsOver(() => [{ taskArn: metadata.taskArn, createdAt: now }, { taskArn: otherTask(), createdAt: now - 1 }]));
    const { AWS_ENDPOINT_URL_ECS: endpoint, ...env } = envFor();
    const result = await runBin(['./succeed.js#handler'], { env: { ...env, AWS_ENDPOINT_URL: endpoint } });
    expect(logOf(result, 'end').outcome).toBe('skipped');
    expect(ecs.requests).toHaveLength(2);
  });

  test('DescribeTasks refused (a role without the tie-break permission): a warning, and the handler runs (fail open)', async () => {
    await start((request) => request.target === LIST_TASKS
      ? { status: 200, body: { taskArns: [metadata.taskArn, otherTask()] } }
      : { status: 400, body: { __type: 'AccessDeniedException', message: 'User is not authorized to perform: ecs:DescribeTasks' } });
    const result = await runBin(['./succeed.js#handler'], { env: envFor() });
    expect(result.code).toBe(0);
    expect(logOf(result, 'overlap-check-failed').message)
      .toBe('cannot tell whether another run is going, running anyway (fail open): User is not authorized to perform: ecs:DescribeTasks');
    expect(logOf(result, 'end').outcome).toBe('succeeded');
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
    await start(ecsOver(() => [{ taskArn: otherTask(), createdAt: 0 }]));
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
      const outcome = await run({
        handler: async () => 'ran',
        overlap: 'skip',
        metadataUri: metadata.uri,
        overlapCheckTimeoutMs: 300,
        overlapSettleMs: 0,
        write: (line) => { lines.push(line); },
      });
      expect(outcome.status).toBe('succeeded');
      expect(outcome.result).toBe('ran');
      const warning = lines.map((line) => JSON.parse(line)).find((line) => line.event === 'overlap-check-failed');
      expect(warning.message).toBe('cannot tell whether another run is going, running anyway (fail open): ecs:ListTasks did not answer within 300 ms');
      // The 300 ms cover loading the SDK and sending: on a loaded machine they can pass
      // before the request leaves, so it reached the server at most once, never answered.
      expect(ecs.requests.length).toBeLessThanOrEqual(1);
    } finally {
      await metadata.close();
      await ecs.close();
    }
  });
});

describe('two tasks of the family started together', () => {
  const saved = { ...process.env };
  afterEach(() => { process.env = { ...saved }; });

  /**
   * Two runners, each with its own task metadata, against one ECS API that lists a
   * task `visibleAfterMs` after the test starts (ListTasks is eventually consistent).
   */
  async function runTogether(props: { createdAt: [number, number]; visibleAfterMs: number; settleMs: number }) {
    const tasks = [
      await startTaskMetadataServer({ taskId: '1111aaaa1111aaaa1111aaaa1111aaaa' }),
      await startTaskMetadataServer({ taskId: '2222bbbb2222bbbb2222bbbb2222bbbb' }),
    ];
    const started = Date.now();
    const running = () => (Date.now() - started >= props.visibleAfterMs ? tasks : [])
      .map((task, i) => ({ taskArn: task.taskArn, createdAt: props.createdAt[i] }));
    const ecs = await startEcsApiServer(ecsOver(running));
    Object.assign(process.env, DUMMY_AWS_ENV, { AWS_ENDPOINT_URL_ECS: ecs.endpoint, AWS_EC2_METADATA_DISABLED: 'true' });
    const ran: string[] = [];
    try {
      const outcomes = await Promise.all(tasks.map((task) => run({
        handler: async () => { ran.push(task.taskArn); },
        overlap: 'skip',
        metadataUri: task.uri,
        overlapSettleMs: props.settleMs,
        write: () => {},
      })));
      return { tasks, ran, statuses: outcomes.map((o) => o.status) };
    } finally {
      await Promise.all(tasks.map((task) => task.close()));
      await ecs.close();
    }
  }

  test('the same createdAt: exactly one runs, the one with the smaller task ARN', async () => {
    const { tasks, ran, statuses } = await runTogether({ createdAt: [1733360400.123, 1733360400.123], visibleAfterMs: 0, settleMs: 0 });
    expect(ran).toEqual([tasks[0].taskArn]);
    expect(statuses).toEqual(['succeeded', 'skipped']);
  });

  test('different createdAt: exactly one runs, the earlier, whatever the ARNs', async () => {
    const { tasks, ran, statuses } = await runTogether({ createdAt: [1733360400.500, 1733360400.499], visibleAfterMs: 0, settleMs: 0 });
    expect(ran).toEqual([tasks[1].taskArn]);
    expect(statuses).toEqual(['skipped', 'succeeded']);
  });

  test('tasks listed late: the settle time lets both see each other, so exactly one runs', async () => {
    const { ran } = await runTogether({ createdAt: [1733360400, 1733360400], visibleAfterMs: 200, settleMs: 500 });
    expect(ran).toHaveLength(1);
  });

  test('tasks listed late without a settle time: this is the race the settle time closes (the check fails open)', async () => {
    const { ran, statuses } = await runTogether({ createdAt: [1733360400, 1733360400], visibleAfterMs: 200, settleMs: 0 });
    // Neither sees itself listed yet: DescribeTasks is not even called, both run.
    expect(ran).toHaveLength(2);
    expect(statuses).toEqual(['succeeded', 'succeeded']);
  });
});
