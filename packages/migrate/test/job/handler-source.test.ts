import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { findHandlerSource } from '../../src/job/handler-source';

describe('findHandlerSource', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-code-'));
    mkdirSync(join(root, 'app', 'src', 'jobs'), { recursive: true });
    writeFileSync(join(root, 'app', 'src', 'jobs', 'report.ts'), '');
    writeFileSync(join(root, 'app', 'index.mjs'), '');
    mkdirSync(join(root, 'py', 'pkg'), { recursive: true });
    writeFileSync(join(root, 'py', 'pkg', 'app.py'), '');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('Node: the module with any JavaScript or TypeScript extension', () => {
    expect(findHandlerSource(root, join(root, 'app'), 'src/jobs/report.handler', 'nodejs22.x')).toEqual({ codePath: 'app' });
    expect(findHandlerSource(root, join(root, 'app'), 'index.handler', 'nodejs20.x')).toEqual({ codePath: 'app' });
    expect(findHandlerSource(root, join(root, 'app'), 'missing.handler', 'nodejs22.x')).toEqual({ missing: 'missing.js is not in app' });
  });

  test('Python: dotted modules are folders', () => {
    expect(findHandlerSource(root, join(root, 'py'), 'pkg.app.lambda_handler', 'python3.12')).toEqual({ codePath: 'py' });
    expect(findHandlerSource(root, join(root, 'py'), 'app.lambda_handler', 'python3.12')).toEqual({ missing: 'app.py is not in py' });
  });

  test('other runtimes need only the folder; the root itself is "."', () => {
    expect(findHandlerSource(root, root, 'com.example.Handler::handle', 'java21')).toEqual({ codePath: '.' });
    expect(findHandlerSource(root, join(root, 'nope'), 'bootstrap', 'provided.al2023')).toEqual({ missing: 'the code folder nope does not exist' });
  });

  test('code outside the analyzed folder is not reported', () => {
    expect(findHandlerSource(join(root, 'app'), join(root, 'py'), 'pkg.app.h', 'python3.12')).toEqual({
      missing: `the code folder ${join(root, 'py')} is outside the analyzed folder`,
    });
  });
});
