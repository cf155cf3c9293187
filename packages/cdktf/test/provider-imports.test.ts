/**
 * The constructs load each provider resource from its own module
 * (`@cdktf/provider-aws/lib/<resource>`), never the package root, which loads
 * every AWS resource: about 4 s per process instead of 0.2 s.
 */
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

const PACKAGE_DIR = resolve(__dirname, '..');
const SRC = join(PACKAGE_DIR, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

test('every provider import in src names one resource module', () => {
  const imports = sourceFiles(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|require\()'(@cdktf\/provider-aws[^']*)'/g)].map((m) => ({ file, module: m[1] })));
  expect(imports.length).toBeGreaterThan(0);
  expect(imports.filter((i) => !/^@cdktf\/provider-aws\/lib\/[a-z0-9-]+$/.test(i.module))).toEqual([]);
});

test('loading the package in a fresh process does not load the provider package root', () => {
  // The source, compiled on the fly, so the check does not depend on a build of lib/.
  const script = `
    const ts = require('typescript');
    const fs = require('fs');
    require.extensions['.ts'] = (m, file) => m._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText, file);
    require(${JSON.stringify(join(SRC, 'index.ts'))});
    const loaded = Object.keys(require.cache).filter((f) => /@cdktf[\\\\/]provider-aws[\\\\/]lib[\\\\/]/.test(f));
    console.log(JSON.stringify({
      root: loaded.filter((f) => /provider-aws[\\\\/]lib[\\\\/]index\\.js$/.test(f)),
      resources: loaded.filter((f) => /provider-aws[\\\\/]lib[\\\\/][^\\\\/]+[\\\\/]index\\.js$/.test(f)).length,
    }));
  `;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: PACKAGE_DIR, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  const { root, resources } = JSON.parse(result.stdout);
  expect(root).toEqual([]);
  // Only the resources the constructs create (about a dozen), not the provider's ~1,500.
  expect(resources).toBeGreaterThan(5);
  expect(resources).toBeLessThan(40);
});
