import { Callback, LambdaContext } from '../src/handler-types';
import { lambdaContext } from '../src/lambda-context';

const makeContext = (complete: Callback): LambdaContext => lambdaContext({
  functionName: 'f', functionVersion: '$LATEST', invokedFunctionArn: '', memoryLimitInMB: '', awsRequestId: 'r', logGroupName: '', logStreamName: '',
}, complete);

describe('lambdaContext', () => {
  test('done, succeed and fail report through the completion callback', () => {
    const calls: unknown[][] = [];
    const context = makeContext((...args) => { calls.push(args); });
    context.done(null, 'd');
    context.succeed('s');
    context.fail('f');
    context.fail(undefined);
    expect(calls.slice(0, 3)).toEqual([[null, 'd'], [null, 's'], ['f']]);
    expect((calls[3][0] as Error).message).toBe('context.fail() was called');
    expect(context.callbackWaitsForEmptyEventLoop).toBe(true);
  });

  test('getRemainingTimeInMillis counts down to the deadline and stops at 0', () => {
    const context = lambdaContext({
      functionName: 'f',
      functionVersion: '1',
      invokedFunctionArn: '',
      memoryLimitInMB: '512',
      awsRequestId: 'r',
      logGroupName: 'g',
      logStreamName: 's',
      deadline: Date.now() + 10_000,
    }, () => undefined);
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(9_000);
    expect(context.getRemainingTimeInMillis()).toBeLessThanOrEqual(10_000);
    const past = lambdaContext({ ...context, deadline: Date.now() - 5 }, () => undefined);
    expect(past.getRemainingTimeInMillis()).toBe(0);
  });

  test('without a deadline it is the largest setTimeout delay', () => {
    expect(makeContext(() => undefined).getRemainingTimeInMillis()).toBe(2_147_483_647);
  });
});
