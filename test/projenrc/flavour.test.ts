import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { synthSnapshot } from 'projen/lib/util/synth';
import { rootProject } from './fixtures';
import { CDKTN, Flavour } from '../../projenrc/flavour';
import { JsiiPackage } from '../../projenrc/workspace-package';

const GENERATOR = join(__dirname, '..', '..', 'projenrc', 'scripts', 'flavour.mjs');

describe('Flavour', () => {
  const root = rootProject();
  const sourceOptions = {
    parent: root,
    folder: 'cdktf',
    name: '@x/cdktf',
    description: 'CDKTF constructs',
    peerDeps: ['@x/core@>=0.1.0 <1.0.0', 'cdktf@^0.21.0', '@cdktf/provider-aws@~21.22.1', 'constructs@^10.8.1'],
    devDeps: ['@x/core@0.1.0', 'cdktf@0.21.0', '@cdktf/provider-aws@21.22.1', 'constructs@10.8.1', '@cdktf/hcl2json@0.21.0'],
  };
  const source = new JsiiPackage(sourceOptions);
  const options = Flavour.options(sourceOptions, CDKTN);
  const flavour = new JsiiPackage(options);
  new Flavour(flavour, source, CDKTN);
  const out = synthSnapshot(flavour);
  const manifest = out['package.json'];

  test('options: the source\'s, with the flavour\'s name and framework ranges instead of the source\'s', () => {
    expect([options.folder, options.name]).toEqual(['cdktn', '@x/cdktn']);
    expect(manifest.peerDependencies).toEqual({
      '@x/core': '>=0.1.0 <1.0.0',
      'cdktn': '^0.24.0',
      '@cdktn/provider-aws': '^25.7.0',
      'constructs': '>=10.6.0 <10.8.0',
    });
    expect(manifest.devDependencies).toMatchObject({ '@x/core': '0.1.0', 'cdktn': '0.24.0', '@cdktn/provider-aws': '25.7.0', 'constructs': '10.6.0', '@cdktf/hcl2json': '0.21.0' });
    expect(Object.keys(manifest.devDependencies).filter((d) => /^(cdktf|@cdktf\/provider-aws)$/.test(d))).toEqual([]);
  });

  test('generates the source before compiling and before linting', () => {
    const tasks = out['.projen/tasks.json'].tasks;
    expect(tasks.flavour.steps).toEqual([{ exec: `node ../../projenrc/scripts/flavour.mjs ../../packages/cdktf '${JSON.stringify(CDKTN.rename)}'` }]);
    expect(tasks['pre-compile'].steps[0]).toEqual({ spawn: 'flavour' });
    expect(tasks.lint.steps).toEqual([{ spawn: 'flavour' }, { spawn: 'eslint' }]);
  });

  test('commits none of the generated files but projen\'s test/tsconfig.json', () => {
    const lines: string[] = out['.gitignore'].split('\n');
    expect(lines).toEqual(expect.arrayContaining(['/src/', '/test/*', '/README.md', '!/test/tsconfig.json']));
    expect(lines).not.toContain('!/src/');
    expect(lines.indexOf('!/test/tsconfig.json')).toBeGreaterThan(lines.indexOf('/test/*'));
  });

  test('Nx: the source package and the generator are inputs; the generated files are build outputs', () => {
    const { targets } = manifest.nx;
    const inputs = ['{workspaceRoot}/packages/cdktf/src/**/*', '{workspaceRoot}/packages/cdktf/test/**/*', '{workspaceRoot}/packages/cdktf/README.md', '{workspaceRoot}/projenrc/scripts/flavour.mjs'];
    for (const t of ['build', 'test', 'lint']) expect([t, targets[t].inputs]).toEqual([t, expect.arrayContaining(inputs)]);
    expect(targets.build.outputs).toEqual(expect.arrayContaining(['{projectRoot}/lib', '{projectRoot}/src', '{projectRoot}/test', '{projectRoot}/README.md']));
  });
});

describe('projenrc/scripts/flavour.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flavour-'));
  const [source, target] = [join(dir, 'packages', 'cdktf'), join(dir, 'packages', 'cdktn')];
  const write = (file: string, text: string) => {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  };
  write(join(source, 'package.json'), JSON.stringify({ name: '@x/cdktf' }));
  write(join(target, 'package.json'), JSON.stringify({ name: '@x/cdktn', description: 'CDK Terrain (cdktn) constructs for jobs' }));
  write(join(source, 'README.md'), '# @x/cdktf\n\n```ts\nimport { App } from \'cdktf\';\n```\n\nnpm install cdktf@0.21.0 @cdktf/provider-aws\n');
  write(join(source, 'src', 'index.ts'), [
    'import { IamRole } from \'@cdktf/provider-aws/lib/iam-role\';',
    'import * as cdktf from "cdktf";',
    'const MARK = Symbol.for(\'@x/cdktf.Mark\');',
    '// keeps cdktf.json and cdktf.out/',
    'const cdktfPlan = cdktf;',
  ].join('\n'));
  write(join(source, 'test', 'a.test.ts'), [
    'import { parse } from \'@cdktf/hcl2json\';',
    'const re = /^@cdktf\\/provider-aws\\/lib\\//;',
    'const page = \'packages/cdktf/README.md\';',
    'jest.mock(\'cdktf\');',
  ].join('\n'));
  write(join(source, 'test', 'tsconfig.json'), '{"source": true}');
  write(join(target, 'test', 'tsconfig.json'), '{"target": true}');
  write(join(target, 'src', 'removed.ts'), 'stale');
  const rename = JSON.stringify(CDKTN.rename);
  const run = () => execFileSync(process.execPath, [GENERATOR, '../cdktf', rename], { cwd: target, encoding: 'utf8' });
  const first = run();
  const read = (p: string) => readFileSync(join(target, p), 'utf8');

  test('renames module specifiers, keeping deep provider paths, the package\'s own name and folder', () => {
    expect(read('src/index.ts').split('\n')).toEqual([
      'import { IamRole } from \'@cdktn/provider-aws/lib/iam-role\';',
      'import * as cdktf from "cdktn";',
      'const MARK = Symbol.for(\'@x/cdktn.Mark\');',
      '// keeps cdktf.json and cdktf.out/',
      'const cdktfPlan = cdktf;',
    ]);
    expect(read('test/a.test.ts').split('\n')).toEqual([
      'import { parse } from \'@cdktf/hcl2json\';',
      'const re = /^@cdktn\\/provider-aws\\/lib\\//;',
      'const page = \'packages/cdktn/README.md\';',
      'jest.mock(\'cdktn\');',
    ]);
  });

  test('README: renamed in code and on npm command lines, with a note of where it comes from', () => {
    const readme = read('README.md');
    expect(readme).toMatch(/^<!-- Generated from @x\/cdktf \(packages\/cdktf\/README.md\)/);
    expect(readme).toContain('# @x/cdktn\n\n> The constructs of `@x/cdktf`, from the same source, for CDK Terrain (cdktn)');
    expect(readme).toContain('import { App } from \'cdktn\';');
    expect(readme).toContain('npm install cdktn@0.21.0 @cdktn/provider-aws\n');
  });

  test('keeps the target\'s own test/tsconfig.json, removes files the source no longer has, rewrites nothing unchanged', () => {
    expect(read('test/tsconfig.json')).toBe('{"target": true}');
    expect(existsSync(join(target, 'src', 'removed.ts'))).toBe(false);
    expect(first).toMatch(/3 files, 3 written/);
    expect(run()).toMatch(/3 files, 0 written/);
  });
});
