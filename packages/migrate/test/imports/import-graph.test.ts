import { join } from 'path';
import { importGraph, importsOf, packageName } from '../../src/imports/import-graph';

const APP = join(__dirname, 'fixtures', 'shared-folder');

describe('importsOf', () => {
  test('reads import, export from, require and literal import(), not type-only imports, strings or comments that look like them', () => {
    const text = [
      "import a from 'a';",
      "import type { T } from 'types-only';",
      "export { b } from './b';",
      "export * from '@scope/c/sub';",
      "const d = require('d');",
      "const e = await import('e');",
      'const f = import(name);',
      "const g = 'require(\"not-g\")';",
      "// import h from 'not-h';",
      "import './side-effect';",
      "import { type U } from 'types-only-too';",
      "export type { V } from 'types-only-three';",
      "import { type W, x } from 'x';",
      "import y = require('y');",
      "export { type Z } from 'types-only-four';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['a', './b', '@scope/c/sub', 'd', 'e', './side-effect', 'x', 'y']);
  });
});

describe('packageName', () => {
  test.each([
    ['lodash', 'lodash'],
    ['lodash/chunk', 'lodash'],
    ['@aws-sdk/client-s3', '@aws-sdk/client-s3'],
    ['@aws-sdk/client-s3/dist-cjs/index.js', '@aws-sdk/client-s3'],
    ['fs', undefined],
    ['fs/promises', undefined],
    ['node:fs', undefined],
    ['node:test', undefined],
  ])('%s is %s', (specifier, name) => {
    expect(packageName(specifier)).toBe(name);
  });
});

describe('importGraph', () => {
  test('follows relative imports as Node resolves them: extensionless, .js for .ts, .mjs, export from', () => {
    const graph = importGraph(APP, join(APP, 'src', 'report.ts'));
    expect(graph.files).toEqual(['src/lib/format.ts', 'src/lib/page.mjs', 'src/lib/retry.ts', 'src/lib/units.ts', 'src/report.ts']);
    expect(graph.packages).toEqual([
      { name: '@aws-sdk/client-s3', file: 'src/report.ts' },
      { name: '@smithy/util-retry', file: 'src/lib/retry.ts' },
      { name: 'date-fns', file: 'src/lib/units.ts' },
      { name: 'lodash', file: 'src/report.ts' },
    ]);
    expect(graph.unresolved).toEqual([]);
  });

  test('a folder import reaches its index.js; a missing file is reported with the file that imports it', () => {
    const graph = importGraph(APP, join(APP, 'src', 'cleanup.js'));
    expect(graph.files).toEqual(['src/cleanup.js', 'src/lib/shared/index.js']);
    expect(graph.packages.map((p) => p.name)).toEqual(['@aws-sdk/client-dynamodb', 'uuid']);
    expect(graph.unresolved).toEqual(['src/cleanup.js: cannot resolve ./lib/gone']);
  });

  test('files no handler reaches are nobody\'s', () => {
    const all = ['report.ts', 'cleanup.js', 'legacy.js'].flatMap((h) => importGraph(APP, join(APP, 'src', h)).files);
    expect(all).not.toContain('src/unused.js');
  });
});
