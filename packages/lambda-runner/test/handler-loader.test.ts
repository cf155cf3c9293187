import { join } from 'path';
import { Errors } from '@ecs-batch/core';
import { loadHandler } from '../src/handler-loader';
import { parseHandlerSpec } from '../src/handler-spec';
import { FIXTURES } from './support/run-bin';

describe('loadHandler', () => {
  test('Lambda form: the file without extension, relative to cwd, and the shutdown export', async () => {
    const loaded = await loadHandler(parseHandlerSpec('fixtures/slow.handler', 'ECS_BATCH_HANDLER'), __dirname);
    expect(loaded.file).toBe(join(FIXTURES, 'slow.js'));
    expect(typeof loaded.handler).toBe('function');
    expect(typeof loaded.shutdown).toBe('function');
  });

  test('# form: the path as given, and no shutdown when the module has none', async () => {
    const loaded = await loadHandler(parseHandlerSpec(join(FIXTURES, 'reject.js#handler'), 'handler'));
    expect(loaded.file).toBe(join(FIXTURES, 'reject.js'));
    expect(loaded.shutdown).toBeUndefined();
  });

  test('nested exports', async () => {
    const loaded = await loadHandler(parseHandlerSpec('nested.jobs.nightly', 'handler'), FIXTURES);
    expect(typeof loaded.handler).toBe('function');
  });

  test.each([
    ['nested.jobs.weekly', "handler: 'nested' has no export 'jobs.weekly' (it exports jobs)"],
    ['nested.jobs.nightly.deeper', "handler: 'nested' has no export 'jobs.nightly.deeper' (it exports jobs)"],
    ['not-a-function.handler', "handler: export 'handler' of 'not-a-function' is a number (a function (event, context[, callback]))"],
    ['missing.handler', `handler: cannot find module 'missing' (looked for missing.js, missing.mjs, missing.cjs, missing/index.js in ${FIXTURES})`],
  ])('%s', async (text, message) => {
    const loading = loadHandler(parseHandlerSpec(text, 'handler'), FIXTURES);
    await expect(loading.catch((e) => Errors.isValidationError(e))).resolves.toBe(true);
    await expect(loading).rejects.toThrow(message);
  });

  test("a module's own load error is passed through, not turned into a ValidationError", async () => {
    const loading = loadHandler(parseHandlerSpec('load-throws.handler', 'handler'), FIXTURES);
    await expect(loading.catch((e) => Errors.isValidationError(e))).resolves.toBe(false);
    await expect(loading).rejects.toThrow('DATABASE_URL is not set');
  });
});
