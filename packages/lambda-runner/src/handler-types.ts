/**
 * The Lambda shapes a handler sees, so an unchanged handler runs as is.
 * They follow the Node.js runtime's handler and context:
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */

/** Lambda's `callback(error, result)`: an error that is neither `null` nor `undefined` fails the run. */
export type Callback = (error?: unknown, result?: unknown) => void;

/**
 * A Lambda handler: `async (event, context) => result`, or callback style
 * `(event, context, callback) => void`.
 */
export type Handler = (event: any, context: LambdaContext, callback: Callback) => unknown;

/** What the runner tells a shutdown hook. */
export interface ShutdownRequest {
  /** The signal that stops the run, e.g. `SIGTERM` (ECS stopping the task). */
  readonly signal: string;
  /** Milliseconds the hook has before the runner exits anyway. */
  readonly timeLeftMs: number;
}

/**
 * The optional `shutdown` export of the handler module: called once when the task is
 * stopped (SIGTERM), while the handler may still be running, to flush or close what it
 * holds. The runner waits for it, at most `timeLeftMs`, then exits.
 */
export type ShutdownHook = (request: ShutdownRequest) => unknown;

/**
 * Lambda's context object. Values the task cannot know are empty strings, as
 * handlers commonly call string methods on them.
 */
export interface LambdaContext {
  /**
   * For callback-style handlers: wait for the event loop to empty after `callback`
   * before the run ends (Lambda's default), or end at once when set to `false`.
   */
  callbackWaitsForEmptyEventLoop: boolean;
  /** The job name (`ECS_BATCH_JOB_NAME`, else the task definition family). */
  readonly functionName: string;
  /** The image tag of the container, or `$LATEST` when the image has no tag. */
  readonly functionVersion: string;
  /** The ECS task ARN: like a function ARN, field 3 is the region and field 4 the account. Empty outside ECS. */
  readonly invokedFunctionArn: string;
  /** The container's memory limit (else the task's), in MiB, as a string like Lambda's. Empty when unknown. */
  readonly memoryLimitInMB: string;
  /** The ECS task id, or a random UUID outside ECS. */
  readonly awsRequestId: string;
  /** The awslogs group of the container. Empty when unknown. */
  readonly logGroupName: string;
  /** The awslogs stream of the container. Empty when unknown. */
  readonly logStreamName: string;
  /** Milliseconds left before `ECS_BATCH_TIMEOUT_SECONDS` stops the run (2147483647 when there is no timeout). */
  getRemainingTimeInMillis(): number;
  /** Deprecated Lambda API: ends the run now with an error or a result. */
  done(error?: unknown, result?: unknown): void;
  /** Deprecated Lambda API: ends the run now as failed. */
  fail(error: unknown): void;
  /** Deprecated Lambda API: ends the run now as succeeded. */
  succeed(result?: unknown): void;
}
