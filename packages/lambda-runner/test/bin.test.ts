import { RunnerMetrics } from '@ecs-batch/core';
import { emfViolations } from './support/emf-spec';
import { BinResult, FIXTURES, kindsOf, logOf, runBin } from './support/run-bin';

/** The one EMF document of a run, checked against the specification. */
function metricsOf(result: BinResult): { [key: string]: unknown } {
  expect(result.emf).toHaveLength(1);
  expect(emfViolations(result.emf[0])).toEqual([]);
  return result.emf[0];
}

function expectNoRun(result: BinResult): void {
  expect(result.logs.map((line) => line.event)).not.toContain('start');
  expect(result.fixtures).toEqual([]);
  expect(result.emf).toEqual([]);
}

describe('ecs-batch-run: success', () => {
  test('an async handler: exit 0, start and end lines, JobSucceeded, its console output passes through', async () => {
    const result = await runBin(['./succeed.js#handler']);
    expect(result.code).toBe(0);

    const start = logOf(result, 'start');
    expect(start.level).toBe('info');
    expect(start.job).toBe('succeed');
    expect(start.handler).toBe('./succeed.js#handler');
    expect(start.functionVersion).toBe('$LATEST');
    expect(start.overlap).toBe('allow');
    expect(Date.parse(start.time)).not.toBeNaN();

    const end = logOf(result, 'end');
    expect(end.level).toBe('info');
    expect(end.outcome).toBe('succeeded');
    expect(typeof end.durationMs).toBe('number');
    expect(end.awsRequestId).toBe(start.awsRequestId);
    expect(end.message).toMatch(/^succeed succeeded in \d+ ms$/);

    // The handler's console.* output is untouched, in order between start and end.
    expect(result.fixtures.map((f) => f.fixture)).toEqual(['succeed']);
    expect(kindsOf(result)).toEqual(['start', 'succeed', 'end', 'emf']);
    expect(result.stderr).toBe('a line the handler wrote to stderr\n');

    const metrics = metricsOf(result);
    expect(metrics[RunnerMetrics.JOB_DIMENSION]).toBe('succeed');
    expect(metrics[RunnerMetrics.JOB_SUCCEEDED]).toBe(1);
    expect(metrics[RunnerMetrics.JOB_FAILED]).toBe(0);
    expect(metrics[RunnerMetrics.JOB_DURATION_MS]).toBe(end.durationMs);
  });

  test('without ECS_BATCH_EVENT the handler gets an EventBridge Scheduled Event', async () => {
    const result = await runBin(['./succeed.js#handler'], { env: { AWS_REGION: 'ap-northeast-1' } });
    const event = result.fixtures[0].event as { [key: string]: unknown };
    expect(event.version).toBe('0');
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event['detail-type']).toBe('Scheduled Event');
    expect(event.source).toBe('aws.events');
    expect(event.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(event.time as string) - Date.now())).toBeLessThan(60_000);
    expect(event.region).toBe('ap-northeast-1');
    expect(event).not.toHaveProperty('account');
    expect(event.resources).toEqual([]);
    expect(event.detail).toEqual({});
  });

  test('ECS_BATCH_EVENT is passed as the event, JSON null included', async () => {
    const given = { source: 'manual', detail: { date: '2024-06-01', dryRun: true } };
    const result = await runBin(['./succeed.js#handler'], { env: { ECS_BATCH_EVENT: JSON.stringify(given) } });
    expect(result.code).toBe(0);
    expect(result.fixtures[0].event).toEqual(given);

    const nullEvent = await runBin(['./succeed.js#handler'], { env: { ECS_BATCH_EVENT: 'null' } });
    expect(nullEvent.fixtures[0].event).toBeNull();
  });

  test('outside ECS the context has a UUID request id, no deadline, and Lambda defaults', async () => {
    const result = await runBin(['./succeed.js#handler'], { env: { ECS_BATCH_JOB_NAME: 'nightly-report' } });
    const context = result.fixtures[0].context as { [key: string]: unknown };
    expect(context.awsRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(context.functionName).toBe('nightly-report');
    expect(context.functionVersion).toBe('$LATEST');
    expect(context.invokedFunctionArn).toBe('');
    expect(context.logGroupName).toBe('');
    expect(context.logStreamName).toBe('');
    expect(context.memoryLimitInMB).toBe('');
    expect(context.callbackWaitsForEmptyEventLoop).toBe(true);
    expect(context.remainingTimeInMillis).toBe(2_147_483_647);
    expect(metricsOf(result)[RunnerMetrics.JOB_DIMENSION]).toBe('nightly-report');
  });

  test('ECS_BATCH_HANDLER in Lambda form resolves relative to the working directory, nested exports too', async () => {
    const result = await runBin([], { env: { ECS_BATCH_HANDLER: 'fixtures/nested.jobs.nightly' }, cwd: __dirname });
    expect(result.code).toBe(0);
    expect(result.fixtures.map((f) => f.fixture)).toEqual(['nested']);
    expect(logOf(result, 'start').handler).toBe('fixtures/nested.jobs.nightly');
  });

  test('an ES module with top-level await', async () => {
    const result = await runBin(['top-level-await.handler']);
    expect(result.code).toBe(0);
    expect(result.fixtures).toEqual([{ fixture: 'esm', greeting: 'esm' }]);
  });

  test('a handler that never settles ends with the empty event loop, as in Lambda', async () => {
    const result = await runBin(['never-settles.handler']);
    expect(result.code).toBe(0);
    expect(logOf(result, 'empty-event-loop').level).toBe('warn');
    expect(logOf(result, 'end').outcome).toBe('succeeded');
  });
});

describe('ecs-batch-run: callback handlers', () => {
  test('callback(null, result) waits for the event loop to empty (callbackWaitsForEmptyEventLoop)', async () => {
    const result = await runBin(['callback.succeedAndWait']);
    expect(result.code).toBe(0);
    const events = kindsOf(result);
    expect(events.indexOf('timer-after-callback')).toBeGreaterThan(events.indexOf('start'));
    expect(events.indexOf('timer-after-callback')).toBeLessThan(events.indexOf('end'));
    expect(logOf(result, 'end').durationMs).toBeGreaterThanOrEqual(190);
  });

  test('callbackWaitsForEmptyEventLoop = false ends at once, leaving a 30 s timer behind', async () => {
    const result = await runBin(['callback.succeedWithoutWaiting']);
    expect(result.code).toBe(0);
    expect(result.fixtures).toEqual([]);
    expect(result.elapsedMs).toBeLessThan(5000);
    expect(logOf(result, 'end').outcome).toBe('succeeded');
  });

  test('context.succeed ends at once', async () => {
    const result = await runBin(['callback.contextSucceed']);
    expect(result.code).toBe(0);
    expect(result.elapsedMs).toBeLessThan(5000);
  });

  test('callback(error): exit 1 with the error as JSON', async () => {
    const result = await runBin(['callback.fail']);
    expect(result.code).toBe(1);
    const end = logOf(result, 'end');
    expect(end.level).toBe('error');
    expect(end.outcome).toBe('failed');
    expect(end.error).toMatchObject({ name: 'Error', message: 'upstream answered 503' });
    expect((end.error as { stack: string }).stack).toContain('callback.js');
    expect(metricsOf(result)[RunnerMetrics.JOB_FAILED]).toBe(1);
  });

  test('callback with a string fails the run too', async () => {
    const result = await runBin(['callback.failWithString']);
    expect(result.code).toBe(1);
    expect(logOf(result, 'end').error).toEqual({ name: 'string', message: 'plain string failure' });
  });
});

describe('ecs-batch-run: failures', () => {
  test('a handler that throws: exit 1, name, message, stack and code logged, JobFailed', async () => {
    const result = await runBin(['./throw.js#handler']);
    expect(result.code).toBe(1);
    const end = logOf(result, 'end');
    expect(end.outcome).toBe('failed');
    expect(end.message).toBe(`throw failed after ${end.durationMs} ms: DatabaseError: cannot reach the orders database`);
    const error = end.error as { name: string; message: string; stack: string; code: string };
    expect(error.name).toBe('DatabaseError');
    expect(error.message).toBe('cannot reach the orders database');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.stack).toMatch(/^DatabaseError: cannot reach the orders database\n\s+at /);
    expect(error.stack).toContain('throw.js');
    const metrics = metricsOf(result);
    expect(metrics[RunnerMetrics.JOB_SUCCEEDED]).toBe(0);
    expect(metrics[RunnerMetrics.JOB_FAILED]).toBe(1);
  });

  test('a handler that rejects: exit 1', async () => {
    const result = await runBin(['./reject.js#handler']);
    expect(result.code).toBe(1);
    expect(logOf(result, 'end').error).toMatchObject({ name: 'TypeError', message: 'orders is not iterable' });
    expect(metricsOf(result)[RunnerMetrics.JOB_FAILED]).toBe(1);
  });

  test('a rejection the handler leaves unhandled fails the run: exit 1', async () => {
    const result = await runBin(['floating-rejection.handler']);
    expect(result.code).toBe(1);
    expect(logOf(result, 'uncaught')).toMatchObject({ kind: 'unhandledRejection', message: 'unhandledRejection during the run: background upload failed' });
    const end = logOf(result, 'end');
    expect(end.error).toMatchObject({ message: 'background upload failed' });
    // Ended by the rejection, not by the handler's own 2 s wait.
    expect(end.durationMs).toBeLessThan(1900);
  });

  test('an unhandled rejection outside the handler: exit 1', async () => {
    const result = await runBin(['unhandled-at-load.handler']);
    expect(result.code).toBe(1);
    const uncaught = logOf(result, 'uncaught');
    expect(uncaught.level).toBe('error');
    expect(uncaught.kind).toBe('unhandledRejection');
    expect(uncaught.message).toBe('unhandledRejection outside the handler: config cache warm-up failed');
    expect(uncaught.error).toMatchObject({ name: 'Error', message: 'config cache warm-up failed' });
    expectNoRun(result);
  });

  test('an uncaught exception outside the handler: exit 1', async () => {
    const result = await runBin(['uncaught-at-load.handler']);
    expect(result.code).toBe(1);
    expect(logOf(result, 'uncaught')).toMatchObject({
      kind: 'uncaughtException',
      message: 'uncaughtException outside the handler: metrics flush interval out of range',
      error: { name: 'RangeError', message: 'metrics flush interval out of range' },
    });
    expectNoRun(result);
  });

  test('a handler module that throws while loading: exit 1 with its error and stack', async () => {
    const result = await runBin(['load-throws.handler']);
    expect(result.code).toBe(1);
    const line = logOf(result, 'load-error');
    expect(line.message).toBe('cannot load the handler: Error: DATABASE_URL is not set');
    expect((line.error as { stack: string }).stack).toContain('load-throws.js');
    expectNoRun(result);
  });
});

describe('ecs-batch-run: timeout', () => {
  test('ECS_BATCH_TIMEOUT_SECONDS stops the run: exit 124, a timeout line, JobFailed', async () => {
    const result = await runBin(['slow.handler'], { env: { ECS_BATCH_TIMEOUT_SECONDS: '0.8' } });
    expect(result.code).toBe(124);
    expect(result.elapsedMs).toBeLessThan(5000);
    const started = result.fixtures.find((f) => f.fixture === 'started')!;
    const remaining = (started.context as { remainingTimeInMillis: number }).remainingTimeInMillis;
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(800);
    expect(result.fixtures.map((f) => f.fixture)).not.toContain('finished');

    const end = logOf(result, 'end');
    expect(end.level).toBe('error');
    expect(end.outcome).toBe('timeout');
    expect(end.timeoutSeconds).toBe(0.8);
    expect(end.message).toBe('slow timed out after 0.8 s (ECS_BATCH_TIMEOUT_SECONDS); the run is stopped');
    expect(end.durationMs).toBeGreaterThanOrEqual(790);
    const metrics = metricsOf(result);
    expect(metrics[RunnerMetrics.JOB_FAILED]).toBe(1);
    expect(metrics[RunnerMetrics.JOB_SUCCEEDED]).toBe(0);
  });
});

describe('ecs-batch-run: SIGTERM', () => {
  const sigtermWhenStarted = (line: unknown, child: { kill(signal: NodeJS.Signals): boolean }) => {
    if ((line as { fixture?: string }).fixture === 'started') child.kill('SIGTERM');
  };

  test('calls the shutdown hook, logs, and exits 143', async () => {
    const result = await runBin(['slow.handler'], { onLine: sigtermWhenStarted });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(143);
    expect(result.elapsedMs).toBeLessThan(5000);

    const hook = result.fixtures.find((f) => f.fixture === 'shutdown-hook');
    expect(hook).toEqual({ fixture: 'shutdown-hook', signal: 'SIGTERM', timeLeftMs: 25000 });
    expect(logOf(result, 'shutdown')).toMatchObject({ level: 'warn', signal: 'SIGTERM' });
    const end = logOf(result, 'end');
    expect(end.outcome).toBe('terminated');
    expect(end.signal).toBe('SIGTERM');
    const order = kindsOf(result);
    expect(order.indexOf('shutdown-hook')).toBeLessThan(order.indexOf('end'));
    expect(metricsOf(result)[RunnerMetrics.JOB_FAILED]).toBe(1);
  });

  test('the hook gets no more time than the timeout leaves, and the runner exits when it hangs', async () => {
    const result = await runBin(['slow-hanging-hook.handler'], { env: { ECS_BATCH_TIMEOUT_SECONDS: '1.5' }, onLine: sigtermWhenStarted });
    expect(result.code).toBe(143);
    expect(result.elapsedMs).toBeLessThan(5000);
    expect(result.fixtures.map((f) => f.fixture)).toEqual(['started', 'shutdown-hook-called']);
    const shutdown = logOf(result, 'shutdown');
    expect(shutdown.timeLeftMs).toBeGreaterThan(0);
    expect(shutdown.timeLeftMs).toBeLessThanOrEqual(1500);
    expect(logOf(result, 'shutdown-hook-timeout').level).toBe('warn');
    expect(logOf(result, 'end').outcome).toBe('terminated');
  });

  test('without a shutdown export: logs it and exits 143', async () => {
    const result = await runBin(['slow-no-hook.handler'], { onLine: sigtermWhenStarted });
    expect(result.code).toBe(143);
    expect(logOf(result, 'shutdown').message).toBe('SIGTERM received; the handler module exports no shutdown hook');
    expect(logOf(result, 'end').outcome).toBe('terminated');
  });

  test('SIGINT exits 130', async () => {
    const result = await runBin(['slow.handler'], {
      onLine: (line, child) => { if ((line as { fixture?: string }).fixture === 'started') child.kill('SIGINT'); },
    });
    expect(result.code).toBe(130);
    expect(result.fixtures.find((f) => f.fixture === 'shutdown-hook')).toMatchObject({ signal: 'SIGINT' });
  });
});

describe('ecs-batch-run: configuration and handler errors', () => {
  test('invalid ECS_BATCH_EVENT JSON: exit 1 before the handler runs', async () => {
    const result = await runBin(['./succeed.js#handler'], { env: { ECS_BATCH_EVENT: '{"source": "manual",' } });
    expect(result.code).toBe(1);
    const line = logOf(result, 'config-error');
    expect(line.level).toBe('error');
    expect(line.field).toBe('ECS_BATCH_EVENT');
    expect(line.message).toMatch(/^ECS_BATCH_EVENT: is not valid JSON: .+ \(a JSON document, e\.g\. \{"source":"manual"\}\)$/);
    expectNoRun(result);
  });

  test.each([
    ['ECS_BATCH_TIMEOUT_SECONDS', 'abc', "ECS_BATCH_TIMEOUT_SECONDS: 'abc' is not a number of seconds (a positive number up to 2147483, e.g. 900)"],
    ['ECS_BATCH_TIMEOUT_SECONDS', '0', 'ECS_BATCH_TIMEOUT_SECONDS: 0 is out of range (a positive number up to 2147483, e.g. 900; unset for no timeout)'],
    ['ECS_BATCH_OVERLAP', 'maybe', "ECS_BATCH_OVERLAP: 'maybe' is not an overlap policy (allow or skip)"],
  ])('%s=%s: exit 1 naming the variable', async (name, value, message) => {
    const result = await runBin(['./succeed.js#handler'], { env: { [name]: value } });
    expect(result.code).toBe(1);
    expect(logOf(result, 'config-error')).toMatchObject({ field: name, message });
    expectNoRun(result);
  });

  test('a missing handler module: exit 1 with where it looked', async () => {
    const result = await runBin([], { env: { ECS_BATCH_HANDLER: 'dist/jobs/nightly.handler' } });
    expect(result.code).toBe(1);
    const line = logOf(result, 'config-error');
    expect(line.field).toBe('ECS_BATCH_HANDLER');
    expect(line.message).toBe(`ECS_BATCH_HANDLER: cannot find module 'dist/jobs/nightly' (looked for dist/jobs/nightly.js, dist/jobs/nightly.mjs, dist/jobs/nightly.cjs, dist/jobs/nightly/index.js in ${FIXTURES})`);
    expectNoRun(result);
  });

  test('a missing export: exit 1 listing the exports', async () => {
    const result = await runBin(['./callback.js#handler']);
    expect(result.code).toBe(1);
    expect(logOf(result, 'config-error')).toMatchObject({
      field: 'handler',
      message: "handler: './callback.js' has no export 'handler' (it exports succeedAndWait, succeedWithoutWaiting, fail, failWithString, contextSucceed)",
    });
    expectNoRun(result);
  });

  test('an export that is not a function: exit 1', async () => {
    const result = await runBin(['not-a-function.handler']);
    expect(result.code).toBe(1);
    expect(logOf(result, 'config-error').message).toBe("handler: export 'handler' of 'not-a-function' is a number (a function (event, context[, callback]))");
  });

  test('no handler at all: usage error, exit 2, on stderr', async () => {
    const result = await runBin([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe([
      'ecs-batch-run: no handler given (pass <module-path>#<exportName>, or set ECS_BATCH_HANDLER=file.export)',
      'Usage: ecs-batch-run [<module-path>#<exportName> | <file>.<export>]',
      "Run 'ecs-batch-run --help' for details.",
      '',
    ].join('\n'));
  });

  test('an unknown option or two handlers: exit 2', async () => {
    expect((await runBin(['--event', '{}'])).code).toBe(2);
    const two = await runBin(['a.handler', 'b.handler']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('ecs-batch-run: one handler expected, got 2: a.handler b.handler');
  });

  test('--help prints the usage with the variables and exit codes', async () => {
    const result = await runBin(['--help']);
    expect(result.code).toBe(0);
    for (const text of ['ECS_BATCH_HANDLER', 'ECS_BATCH_EVENT', 'ECS_BATCH_TIMEOUT_SECONDS', 'ECS_BATCH_OVERLAP', "'shutdown'", '124 timeout, 143 SIGTERM']) {
      expect(result.stdout).toContain(text);
    }
  });

  test('--version prints the package version', async () => {
    const result = await runBin(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^@ecs-batch\/lambda-runner \d+\.\d+\.\d+/);
  });
});
