import { randomUUID } from 'crypto';
import { basename } from 'path';
import { RunnerEnvironment, RunnerMetrics } from '@ecs-batch/core';
import { jobMetricsDocument, skippedMetricsDocument } from './emf-metrics';
import { errorJson, toError } from './error-json';
import { Handler, ShutdownHook } from './handler-types';
import { imageTag } from './image-tag';
import { HandlerCompletion, Invocation, invokeHandler } from './invoke-handler';
import { JsonLogger, LineWriter } from './json-logger';
import { lambdaContext } from './lambda-context';
import { findOtherRunningTasks, OverlapPolicy } from './overlap-guard';
import { scheduledEvent } from './scheduled-event';
import { DEFAULT_METADATA_TIMEOUT_MS, fetchTaskMetadata, TaskMetadata } from './task-metadata';
import { Termination } from './termination';

/** How a run ended. */
export type RunStatus = 'succeeded' | 'failed' | 'timeout' | 'terminated' | 'skipped';

/** What `run` returns: the bin turns it into an exit code. */
export interface RunOutcome {
  readonly status: RunStatus;
  /** The job name used for the context, the logs and the `Job` dimension. */
  readonly jobName: string;
  /** The context's `awsRequestId` (the ECS task id, or a UUID). */
  readonly awsRequestId: string;
  /** Milliseconds from handler start to outcome; 0 when the handler did not run (skipped). */
  readonly durationMs: number;
  /** What the handler returned, when it succeeded. */
  readonly result?: unknown;
  /** Why it failed (`failed`). */
  readonly error?: Error;
  /** The signal that stopped it (`terminated`). */
  readonly signal?: string;
  /** The running tasks of the family that come before this one, earliest first (`skipped`). */
  readonly otherTasks?: string[];
}

/** Options of `run`. Only `handler` is required; the bin fills the rest from the environment. */
export interface RunOptions {
  /** The Lambda handler: async, promise-returning or callback style. */
  readonly handler: Handler;
  /** Called once if the run is stopped with a `Termination` (SIGTERM). @default none */
  readonly shutdown?: ShutdownHook;
  /** How the handler was named, for the logs (e.g. `dist/jobs/nightly.handler`). Its file name is the job name of last resort. */
  readonly handlerName?: string;
  /**
   * The event. Give `null` for a JSON null.
   * @default an EventBridge "Scheduled Event" (see `scheduledEvent`)
   */
  readonly event?: unknown;
  /**
   * The generated event's `time`: when the schedule fired (see scheduledTime).
   * @default now
   */
  readonly scheduledTime?: Date;
  /** The delivery attempt (1 = first), where the target passes it (`ECS_BATCH_ATTEMPT`); logged as `attempt`. @default none: not logged */
  readonly attempt?: number;
  /** Lambda's `functionName` and the `Job` dimension. @default the task definition family, else the handler's file name, else `lambda-handler` */
  readonly jobName?: string;
  /** Stop the run after this many seconds (outcome `timeout`). @default no timeout */
  readonly timeoutSeconds?: number;
  /** `skip`: do not run while another task of the family is running. @default 'allow' */
  readonly overlap?: OverlapPolicy;
  /** CloudWatch namespace of the EMF metrics. @default RunnerMetrics.DEFAULT_NAMESPACE ('EcsBatch') */
  readonly metricNamespace?: string;
  /** The ECS task metadata endpoint v4 (`ECS_CONTAINER_METADATA_URI_V4`). @default none: a local run */
  readonly metadataUri?: string;
  /** The event's region when the task metadata has none. @default none */
  readonly region?: string;
  /** Abort with a `Termination` to stop the run (shutdown hook, `terminated`); with anything else to fail it. @default none */
  readonly stop?: AbortSignal;
  /**
   * Resolves when the process's event loop has nothing left to do. With it, the run
   * behaves like Lambda: after `callback`, it waits for the loop to empty
   * (`callbackWaitsForEmptyEventLoop`), and a handler that never finishes ends with the
   * loop (succeeded, result undefined). Without it, `callback` ends the run at once.
   * @default none
   */
  readonly whenEventLoopEmpty?: () => Promise<void>;
  /** Where log and EMF lines go. @default process.stdout */
  readonly write?: LineWriter;
  /** Time allowed for each task metadata request. @default 2000 */
  readonly metadataTimeoutMs?: number;
  /** Time allowed for the overlap check's ECS calls. @default 5000 */
  readonly overlapCheckTimeoutMs?: number;
  /** The overlap guard's wait before it lists the family's tasks (`ECS_BATCH_OVERLAP_SETTLE_MS`). @default 3000 */
  readonly overlapSettleMs?: number;
  /**
   * Time allowed for the shutdown hook (never more than the time left before the timeout).
   * ECS waits `stopTimeout` (30 s by default) after SIGTERM before SIGKILL, so the
   * default leaves 5 s to log and exit:
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_timeout
   * @default 25000
   */
  readonly shutdownTimeoutMs?: number;
}

/** The shutdown hook's budget by default: ECS's default 30 s stopTimeout minus a margin. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/** A handler that never finished, ended by an empty event loop as Lambda does. */
const ENDED_BY_EMPTY_EVENT_LOOP: HandlerCompletion = { failed: false, result: undefined, waitsForEmptyEventLoop: false };

type Ending =
  | { readonly kind: 'completed'; readonly completion: HandlerCompletion; readonly byEmptyEventLoop: boolean }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'stopped'; readonly reason: unknown };

/**
 * Runs a Lambda handler once: reads the task metadata, applies the overlap guard,
 * builds the event and a Lambda-compatible context, calls the handler, and logs the
 * outcome (JSON lines) and its metrics (EMF). Never throws: every way the handler can
 * end is an outcome. It does not exit or listen to signals; the `ecs-batch-run` bin does.
 */
export async function run(options: RunOptions): Promise<RunOutcome> {
  const root = new JsonLogger(options.write ?? ((line) => { process.stdout.write(line); }));
  const metadata = await readMetadata(options, root);
  const jobName = options.jobName ?? metadata?.family ?? handlerFileName(options.handlerName) ?? 'lambda-handler';
  const awsRequestId = metadata?.taskId ?? randomUUID();
  // Every line of the run carries what a person searches by: the job, the run (the ECS
  // task id, else the generated request id), when the schedule fired, and the attempt.
  const log = root.with({
    job: jobName,
    runId: awsRequestId,
    awsRequestId,
    ...(options.scheduledTime === undefined ? {} : { scheduledTime: options.scheduledTime.toISOString() }),
    ...(options.attempt === undefined ? {} : { attempt: options.attempt }),
  });
  const base = { jobName, awsRequestId };

  if (options.overlap === 'skip') {
    const otherTasks = await otherRunningTasks(metadata, options, log);
    if (otherTasks.length > 0) {
      log.info('end', `${jobName} skipped: ${otherTasks.length} earlier task(s) of family ${metadata?.family} running (${RunnerEnvironment.OVERLAP}=skip)`, {
        outcome: 'skipped', durationMs: 0, otherTasks,
      });
      log.document(skippedMetricsDocument({ namespace: options.metricNamespace ?? RunnerMetrics.DEFAULT_NAMESPACE, jobName }));
      return { ...base, status: 'skipped', durationMs: 0, otherTasks };
    }
  }

  const event = options.event !== undefined ? options.event : scheduledEvent({
    time: options.scheduledTime,
    account: metadata?.account,
    region: metadata?.region ?? options.region,
  });
  const functionVersion = (metadata?.image === undefined ? undefined : imageTag(metadata.image)) ?? '$LATEST';
  log.info('start', `${jobName} started`, {
    handler: options.handlerName,
    functionVersion,
    timeoutSeconds: options.timeoutSeconds,
    overlap: options.overlap ?? 'allow',
    ...(metadata?.taskArn ? { taskArn: metadata.taskArn } : {}),
  });

  const startedAt = Date.now();
  const deadline = options.timeoutSeconds === undefined ? undefined : startedAt + options.timeoutSeconds * 1000;
  let ending: Ending;
  if (options.stop?.aborted) {
    ending = { kind: 'stopped', reason: options.stop.reason };
  } else {
    const invocation = invokeHandler(options.handler, event, (complete) => lambdaContext({
      functionName: jobName,
      functionVersion,
      invokedFunctionArn: metadata?.taskArn ?? '',
      memoryLimitInMB: metadata?.memoryMb === undefined ? '' : String(metadata.memoryMb),
      awsRequestId,
      logGroupName: metadata?.logGroupName ?? '',
      logStreamName: metadata?.logStreamName ?? '',
      deadline,
    }, complete));
    ending = await awaitEnding(invocation, deadline, options);
  }

  const outcome = await settle(ending, { options, log, jobName, startedAt, deadline });
  const result: RunOutcome = { ...base, ...outcome, durationMs: Date.now() - startedAt };
  logEnd(log, result, options.timeoutSeconds);
  log.document(jobMetricsDocument({
    namespace: options.metricNamespace ?? RunnerMetrics.DEFAULT_NAMESPACE,
    jobName,
    succeeded: result.status === 'succeeded',
    durationMs: result.durationMs,
    outcome: result.status,
  }));
  return result;
}

async function readMetadata(options: RunOptions, log: JsonLogger): Promise<TaskMetadata | undefined> {
  if (options.metadataUri === undefined) return undefined;
  try {
    return await fetchTaskMetadata(options.metadataUri, options.metadataTimeoutMs ?? DEFAULT_METADATA_TIMEOUT_MS);
  } catch (e) {
    log.warn('metadata-unavailable', `running without task metadata: ${(e as Error).message}`);
    return undefined;
  }
}

/** The overlap guard fails open: when the check itself fails, the job runs. */
async function otherRunningTasks(metadata: TaskMetadata | undefined, options: RunOptions, log: JsonLogger): Promise<string[]> {
  try {
    const { otherTasks } = await findOtherRunningTasks(metadata, { timeoutMs: options.overlapCheckTimeoutMs, settleMs: options.overlapSettleMs });
    return otherTasks;
  } catch (e) {
    log.warn('overlap-check-failed', `cannot tell whether another run is going, running anyway (fail open): ${(e as Error).message}`, {
      error: errorJson(e),
    });
    return [];
  }
}

/** Waits for the first of: the handler's end, the timeout, a stop. */
function awaitEnding(invocation: Invocation, deadline: number | undefined, options: RunOptions): Promise<Ending> {
  const { stop, whenEventLoopEmpty } = options;
  return new Promise<Ending>((resolve) => {
    const cleanups: (() => void)[] = [];
    let ended = false;
    const end = (ending: Ending) => {
      if (ended) return;
      ended = true;
      cleanups.forEach((cleanup) => cleanup());
      resolve(ending);
    };

    if (deadline !== undefined) {
      const timer = setTimeout(() => end({ kind: 'timeout' }), Math.max(0, deadline - Date.now()));
      // With an event-loop watcher, the timer must not keep the loop busy, or the loop
      // would never be seen empty; Lambda's timeout is outside the process too.
      if (whenEventLoopEmpty !== undefined) timer.unref();
      cleanups.push(() => clearTimeout(timer));
    }
    if (stop !== undefined) {
      const onAbort = () => end({ kind: 'stopped', reason: stop.reason });
      stop.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => stop.removeEventListener('abort', onAbort));
    }

    let completion: HandlerCompletion | undefined;
    void invocation.completion.then((c) => {
      completion = c;
      if (!c.waitsForEmptyEventLoop || whenEventLoopEmpty === undefined) end({ kind: 'completed', completion: c, byEmptyEventLoop: false });
    });
    if (whenEventLoopEmpty !== undefined) {
      void whenEventLoopEmpty().then(() => end(completion !== undefined
        ? { kind: 'completed', completion, byEmptyEventLoop: false }
        : { kind: 'completed', completion: ENDED_BY_EMPTY_EVENT_LOOP, byEmptyEventLoop: true }));
    }
  });
}

interface SettleInputs {
  readonly options: RunOptions;
  readonly log: JsonLogger;
  readonly jobName: string;
  readonly startedAt: number;
  readonly deadline?: number;
}

type Settled = Pick<RunOutcome, 'status' | 'result' | 'error' | 'signal'>;

async function settle(ending: Ending, inputs: SettleInputs): Promise<Settled> {
  switch (ending.kind) {
    case 'completed':
      if (ending.byEmptyEventLoop) {
        inputs.log.warn('empty-event-loop', 'the handler never finished but the event loop is empty: the run ends as succeeded, as in Lambda');
      }
      return ending.completion.failed
        ? { status: 'failed', error: toError(ending.completion.error) }
        : { status: 'succeeded', result: ending.completion.result };
    case 'timeout':
      return { status: 'timeout' };
    case 'stopped':
      if (ending.reason instanceof Termination) {
        await callShutdownHook(ending.reason.signal, inputs);
        return { status: 'terminated', signal: ending.reason.signal };
      }
      return { status: 'failed', error: toError(ending.reason) };
  }
}

async function callShutdownHook(signal: string, { options, log, deadline }: SettleInputs): Promise<void> {
  const hook = options.shutdown;
  if (hook === undefined) {
    log.warn('shutdown', `${signal} received; the handler module exports no shutdown hook`, { signal });
    return;
  }
  const budget = Math.min(options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS, deadline === undefined ? Infinity : deadline - Date.now());
  const timeLeftMs = Math.max(0, Math.floor(budget));
  log.warn('shutdown', `${signal} received: calling the shutdown hook (up to ${timeLeftMs} ms)`, { signal, timeLeftMs });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), timeLeftMs); });
  try {
    const finished = await Promise.race([Promise.resolve().then(() => hook({ signal, timeLeftMs })).then(() => 'done' as const), timedOut]);
    if (finished === 'timeout') log.warn('shutdown-hook-timeout', `the shutdown hook did not finish within ${timeLeftMs} ms; exiting anyway`);
  } catch (e) {
    log.warn('shutdown-hook-failed', `the shutdown hook failed: ${errorJson(e).message}`, { error: errorJson(e) });
  } finally {
    clearTimeout(timer);
  }
}

function logEnd(log: JsonLogger, outcome: RunOutcome, timeoutSeconds: number | undefined): void {
  const { jobName, durationMs } = outcome;
  const fields = { outcome: outcome.status, durationMs };
  switch (outcome.status) {
    case 'succeeded':
      log.info('end', `${jobName} succeeded in ${durationMs} ms`, fields);
      break;
    case 'failed':
      log.error('end', `${jobName} failed after ${durationMs} ms: ${outcome.error?.name}: ${outcome.error?.message}`, { ...fields, error: errorJson(outcome.error) });
      break;
    case 'timeout':
      log.error('end', `${jobName} timed out after ${timeoutSeconds} s (${RunnerEnvironment.TIMEOUT_SECONDS}); the run is stopped`, { ...fields, timeoutSeconds });
      break;
    case 'terminated':
      log.warn('end', `${jobName} stopped by ${outcome.signal} after ${durationMs} ms`, { ...fields, signal: outcome.signal });
      break;
    case 'skipped':
      break;
  }
}

function handlerFileName(handlerName: string | undefined): string | undefined {
  if (handlerName === undefined) return undefined;
  const file = basename(handlerName.split('#')[0]);
  const name = file.split('.')[0];
  return name === '' ? undefined : name;
}
