import { Callback, Handler, LambdaContext } from './handler-types';

/** How the handler ended its invocation. */
export interface HandlerCompletion {
  /** True when it threw, rejected, or passed an error to `callback`/`context.fail`. */
  readonly failed: boolean;
  /** The error, when failed. */
  readonly error?: unknown;
  /** The result, when succeeded. */
  readonly result?: unknown;
  /**
   * True when the handler called `callback` while `context.callbackWaitsForEmptyEventLoop`
   * was true: Lambda then waits for the event loop to empty before the invocation ends.
   * Promises and `context.done/succeed/fail` never wait.
   */
  readonly waitsForEmptyEventLoop: boolean;
}

/** A started invocation. */
export interface Invocation {
  readonly context: LambdaContext;
  /** Settles once, with the first of: return/reject of a promise, `callback`, `context.done/succeed/fail`, a throw. */
  readonly completion: Promise<HandlerCompletion>;
}

/**
 * Calls the handler as the Lambda Node.js runtime does: with `(event, context, callback)`;
 * a returned promise (any thenable) settles the invocation, so does `callback` or a
 * synchronous throw; whichever comes first wins and later calls are ignored.
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
 */
export function invokeHandler(
  handler: Handler,
  event: unknown,
  makeContext: (complete: Callback) => LambdaContext,
): Invocation {
  let settle!: (completion: HandlerCompletion) => void;
  const completion = new Promise<HandlerCompletion>((resolve) => { settle = resolve; });
  let settled = false;
  const finish = (error: unknown, result: unknown, waitsForEmptyEventLoop: boolean) => {
    if (settled) return;
    settled = true;
    const failed = error !== undefined && error !== null;
    settle(failed ? { failed, error, waitsForEmptyEventLoop } : { failed, result, waitsForEmptyEventLoop });
  };

  const context = makeContext((error, result) => finish(error, result, false));
  const callback: Callback = (error, result) => finish(error, result, context.callbackWaitsForEmptyEventLoop);

  try {
    const returned = handler(event, context, callback);
    if (isThenable(returned)) {
      returned.then(
        (result) => finish(null, result, false),
        (error) => finish(error ?? new Error('the handler rejected without a reason'), undefined, false),
      );
    }
  } catch (error) {
    finish(error ?? new Error('the handler threw without a value'), undefined, false);
  }
  return { context, completion };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
    && typeof (value as { then?: unknown }).then === 'function';
}
