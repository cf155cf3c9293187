import { run, RunOptions } from '../src/runner';
import { Termination } from '../src/termination';
import { emfViolations } from './support/emf-spec';

/** Runs in-process, collecting the lines instead of writing them to stdout. */
async function runCollecting(options: Omit<RunOptions, 'write'>) {
  const lines: { [key: string]: any }[] = [];
  const outcome = await run({ ...options, write: (line) => { lines.push(JSON.parse(line)); } });
  const end = lines.find((line) => line.event === 'end');
  const emf = lines.filter((line) => '_aws' in line);
  return { outcome, lines, end, emf };
}

describe('run (library)', () => {
  test('returns the outcome with the result, and logs start, end and one EMF document', async () => {
    const { outcome, lines, emf } = await runCollecting({ handler: async (event) => ({ got: event }), event: { n: 1 }, jobName: 'lib-job', metricNamespace: 'Payments' });
    expect(outcome).toMatchObject({ status: 'succeeded', jobName: 'lib-job', result: { got: { n: 1 } } });
    expect(outcome.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((line) => line.event ?? 'emf')).toEqual(['start', 'end', 'emf']);
    expect(emfViolations(emf[0])).toEqual([]);
    expect(emf[0]._aws.CloudWatchMetrics[0].Namespace).toBe('Payments');
  });

  test('every log line carries the job, the run id, the scheduled time and the attempt', async () => {
    const { outcome, lines } = await runCollecting({
      handler: async () => 1, jobName: 'lib-job', scheduledTime: new Date('2026-12-05T02:00:00Z'), attempt: 2,
    });
    const logLines = lines.filter((line) => !('_aws' in line));
    expect(logLines).toHaveLength(2);
    for (const line of logLines) {
      expect(line).toMatchObject({ job: 'lib-job', runId: outcome.awsRequestId, scheduledTime: '2026-12-05T02:00:00.000Z', attempt: 2 });
    }
  });

  test('no attempt given (the target cannot deliver it): no attempt field', async () => {
    const { lines } = await runCollecting({ handler: async () => 1, jobName: 'lib-job' });
    expect(lines.filter((line) => !('_aws' in line)).every((line) => !('attempt' in line))).toBe(true);
  });

  test('the job name falls back to the handler file name', async () => {
    const { outcome } = await runCollecting({ handler: async () => 1, handlerName: 'dist/jobs/nightly.handler' });
    expect(outcome.jobName).toBe('nightly');
    const { outcome: other } = await runCollecting({ handler: async () => 1, handlerName: './build/report.js#run' });
    expect(other.jobName).toBe('report');
    const { outcome: none } = await runCollecting({ handler: async () => 1 });
    expect(none.jobName).toBe('lambda-handler');
  });

  test('a failure is an outcome, never a throw', async () => {
    const error = new Error('broken');
    const { outcome, end } = await runCollecting({ handler: () => { throw error; } });
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toBe(error);
    expect(end?.error.message).toBe('broken');
  });

  test('a timeout ends the run while the handler still runs', async () => {
    let timer: NodeJS.Timeout | undefined;
    const { outcome, emf } = await runCollecting({
      handler: () => new Promise((resolve) => { timer = setTimeout(resolve, 10_000); }),
      timeoutSeconds: 0.2,
    });
    clearTimeout(timer);
    expect(outcome.status).toBe('timeout');
    expect(outcome.durationMs).toBeGreaterThanOrEqual(190);
    expect(emf[0].JobFailed).toBe(1);
  });

  test('a stop with a Termination calls the shutdown hook and ends as terminated', async () => {
    const stop = new AbortController();
    const requests: unknown[] = [];
    let timer: NodeJS.Timeout | undefined;
    const running = runCollecting({
      handler: () => new Promise((resolve) => { timer = setTimeout(resolve, 10_000); setTimeout(() => stop.abort(new Termination('SIGTERM')), 20); }),
      shutdown: async (request) => { requests.push(request); },
      shutdownTimeoutMs: 3000,
      stop: stop.signal,
    });
    const { outcome, lines } = await running;
    clearTimeout(timer);
    expect(outcome).toMatchObject({ status: 'terminated', signal: 'SIGTERM' });
    expect(requests).toEqual([{ signal: 'SIGTERM', timeLeftMs: 3000 }]);
    expect(lines.map((line) => line.event ?? 'emf')).toEqual(['start', 'shutdown', 'end', 'emf']);
  });

  test('a shutdown hook that throws is logged; the run still ends as terminated', async () => {
    const stop = new AbortController();
    stop.abort(new Termination('SIGTERM'));
    const { outcome, lines } = await runCollecting({ handler: async () => 'never called', shutdown: () => { throw new Error('flush failed'); }, stop: stop.signal });
    expect(outcome.status).toBe('terminated');
    expect(outcome.result).toBeUndefined();
    expect(lines.find((line) => line.event === 'shutdown-hook-failed')?.error.message).toBe('flush failed');
  });

  test('a stop with any other reason fails the run with it', async () => {
    const stop = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const { outcome } = await runCollecting({
      handler: () => new Promise((resolve) => { timer = setTimeout(resolve, 10_000); setTimeout(() => stop.abort(new Error('unhandled elsewhere')), 10); }),
      stop: stop.signal,
    });
    clearTimeout(timer);
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.message).toBe('unhandled elsewhere');
  });

  test('without whenEventLoopEmpty, callback ends the run at once', async () => {
    const { outcome } = await runCollecting({ handler: (_e, _c, callback) => callback(null, 'cb') });
    expect(outcome).toMatchObject({ status: 'succeeded', result: 'cb' });
  });

  test('with whenEventLoopEmpty, callback waits for it', async () => {
    let empty!: () => void;
    const order: string[] = [];
    const running = run({
      handler: (_e, _c, callback) => { callback(null, 'cb'); },
      whenEventLoopEmpty: () => new Promise<void>((resolve) => { empty = () => { order.push('empty'); resolve(); }; }),
      write: (line) => { if (JSON.parse(line).event === 'end') order.push('end'); },
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual([]);
    empty();
    await expect(running).resolves.toMatchObject({ status: 'succeeded', result: 'cb' });
    expect(order).toEqual(['empty', 'end']);
  });
});
