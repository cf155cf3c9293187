import { Callback, LambdaContext } from './handler-types';

/**
 * `getRemainingTimeInMillis()` without a timeout: the largest delay `setTimeout`
 * accepts, so `setTimeout(fn, context.getRemainingTimeInMillis() - margin)` and
 * comparisons keep working (Infinity would fire a timer at once).
 */
export const NO_DEADLINE_REMAINING_MS = 2_147_483_647;

/** The values of the context; each is known or empty. */
export interface LambdaContextProps {
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** Epoch milliseconds when the run is stopped; none without a timeout. */
  readonly deadline?: number;
}

/**
 * A Lambda-compatible context. `done`, `succeed` and `fail` end the run through
 * `complete` without waiting for the event loop, as in Lambda.
 */
export function lambdaContext(props: LambdaContextProps, complete: Callback): LambdaContext {
  const { deadline, ...values } = props;
  return {
    ...values,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => deadline === undefined ? NO_DEADLINE_REMAINING_MS : Math.max(0, deadline - Date.now()),
    done: (error?: unknown, result?: unknown) => complete(error, result),
    fail: (error: unknown) => complete(error ?? new Error('context.fail() was called')),
    succeed: (result?: unknown) => complete(null, result),
  };
}
