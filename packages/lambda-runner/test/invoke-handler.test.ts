import { Callback, LambdaContext } from '../src/handler-types';
import { invokeHandler } from '../src/invoke-handler';
import { lambdaContext } from '../src/lambda-context';

const makeContext = (complete: Callback): LambdaContext => lambdaContext({
  functionName: 'f', functionVersion: '$LATEST', invokedFunctionArn: '', memoryLimitInMB: '', awsRequestId: 'r', logGroupName: '', logStreamName: '',
}, complete);

describe('invokeHandler: Lambda semantics', () => {
  test('the handler gets event, context and callback', async () => {
    const seen: unknown[] = [];
    const { completion, context } = invokeHandler((event, ctx, callback) => { seen.push(event, ctx, typeof callback); return 'sync value ignored'; }, { a: 1 }, makeContext);
    expect(seen).toEqual([{ a: 1 }, context, 'function']);
    // A plain return value (not a promise) does not end a callback-style invocation.
    const raced = await Promise.race([completion, new Promise((resolve) => setTimeout(() => resolve('pending'), 50))]);
    expect(raced).toBe('pending');
  });

  test('a resolved promise succeeds without waiting for the event loop', async () => {
    await expect(invokeHandler(async () => 42, {}, makeContext).completion)
      .resolves.toEqual({ failed: false, result: 42, waitsForEmptyEventLoop: false });
  });

  test('a thenable that is not a Promise counts too', async () => {
    const thenable = { then: (resolve: (v: string) => void) => resolve('thenable') };
    await expect(invokeHandler(() => thenable, {}, makeContext).completion).resolves.toMatchObject({ failed: false, result: 'thenable' });
  });

  test('a rejection, a throw, and a rejection without a reason fail', async () => {
    const error = new Error('no');
    await expect(invokeHandler(async () => { throw error; }, {}, makeContext).completion)
      .resolves.toEqual({ failed: true, error, waitsForEmptyEventLoop: false });
    await expect(invokeHandler(() => { throw error; }, {}, makeContext).completion).resolves.toMatchObject({ failed: true, error });
    const noReason = await invokeHandler(() => Promise.reject(undefined), {}, makeContext).completion;
    expect(noReason.failed).toBe(true);
    expect((noReason.error as Error).message).toBe('the handler rejected without a reason');
  });

  test('callback(null, result) waits for the event loop unless the context says not to', async () => {
    await expect(invokeHandler((_e, _c, callback) => callback(null, 'r'), {}, makeContext).completion)
      .resolves.toEqual({ failed: false, result: 'r', waitsForEmptyEventLoop: true });
    await expect(invokeHandler((_e, context, callback) => { context.callbackWaitsForEmptyEventLoop = false; callback(undefined, 'r'); }, {}, makeContext).completion)
      .resolves.toEqual({ failed: false, result: 'r', waitsForEmptyEventLoop: false });
  });

  test('callback(error) fails; context.done/succeed/fail end at once', async () => {
    await expect(invokeHandler((_e, _c, callback) => callback('bad'), {}, makeContext).completion).resolves.toMatchObject({ failed: true, error: 'bad', waitsForEmptyEventLoop: true });
    await expect(invokeHandler((_e, context) => context.succeed('ok'), {}, makeContext).completion).resolves.toEqual({ failed: false, result: 'ok', waitsForEmptyEventLoop: false });
    await expect(invokeHandler((_e, context) => context.fail(new Error('f')), {}, makeContext).completion).resolves.toMatchObject({ failed: true, waitsForEmptyEventLoop: false });
    await expect(invokeHandler((_e, context) => context.done(null, 'd'), {}, makeContext).completion).resolves.toMatchObject({ failed: false, result: 'd' });
  });

  test('the first ending wins; later calls are ignored', async () => {
    const { completion } = invokeHandler(async (_e, _c, callback) => {
      callback(null, 'first');
      callback(new Error('second'));
      throw new Error('third');
    }, {}, makeContext);
    await expect(completion).resolves.toMatchObject({ failed: false, result: 'first' });
  });
});
