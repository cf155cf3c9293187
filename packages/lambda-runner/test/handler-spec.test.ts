import { parseHandlerSpec } from '../src/handler-spec';

describe('parseHandlerSpec', () => {
  test.each([
    ['dist/jobs/nightly.handler', 'dist/jobs/nightly', 'handler', true],
    ['index.handler', 'index', 'handler', true],
    ['src/app.jobs.nightly', 'src/app', 'jobs.nightly', true],
    ['../shared/v1.2/job.run', '../shared/v1.2/job', 'run', true],
    ['./dist/jobs/nightly.js#handler', './dist/jobs/nightly.js', 'handler', false],
    ['/app/dist/nightly.mjs#jobs.nightly', '/app/dist/nightly.mjs', 'jobs.nightly', false],
    ['dist/a#b#handler', 'dist/a#b', 'handler', false],
  ])('%s', (text, modulePath, exportPath, lambdaForm) => {
    expect(parseHandlerSpec(text, 'ECS_BATCH_HANDLER')).toEqual({ modulePath, exportPath, lambdaForm, text, field: 'ECS_BATCH_HANDLER' });
  });

  test.each([
    ['dist/jobs/nightly', "'dist/jobs/nightly' names no export (file.export like dist/jobs/nightly.handler, or <module-path>#<exportName>)"],
    ['dist/jobs/.handler', "'dist/jobs/.handler' names no export (file.export like dist/jobs/nightly.handler, or <module-path>#<exportName>)"],
    ['nightly.', "'nightly.' names no export (file.export like dist/jobs/nightly.handler, or <module-path>#<exportName>)"],
    ['nightly.jobs..run', "'nightly.jobs..run' names no export (file.export like dist/jobs/nightly.handler, or <module-path>#<exportName>)"],
    ['./nightly.js#', "'./nightly.js#' is not <module-path>#<exportName> (e.g. ./dist/jobs/nightly.js#handler)"],
    ['#handler', "'#handler' is not <module-path>#<exportName> (e.g. ./dist/jobs/nightly.js#handler)"],
  ])('%s is an error naming the field', (text, reason) => {
    expect(() => parseHandlerSpec(text, 'handler')).toThrow(`handler: ${reason}`);
  });
});
