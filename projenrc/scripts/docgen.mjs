// Writes API.md for the jsii package in the current directory.
//
// `jsii-docgen` only looks for dependency assemblies under the package's own
// folder, but npm workspaces hoist them to the root. So we lay out a small
// folder of symlinks to exactly the assemblies this package needs and point
// docgen at it. Scanning the whole root node_modules instead takes seconds.
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const cwd = process.cwd();
const require = createRequire(join(cwd, 'package.json'));
const { Documentation, Language } = require('jsii-docgen');

const self = JSON.parse(readFileSync(join(cwd, '.jsii'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'docgen-'));
try {
  const linked = new Set();
  const link = (name, target) => {
    if (linked.has(name)) return;
    linked.add(name);
    const at = join(dir, 'node_modules', name);
    mkdirSync(dirname(at), { recursive: true });
    symlinkSync(target, at, 'dir');
  };
  const walk = (name, from) => {
    if (linked.has(name)) return;
    const req = createRequire(join(from, 'package.json'));
    const root = dirname(realpathSync(req.resolve(`${name}/package.json`)));
    if (!existsSync(join(root, '.jsii'))) return;
    link(name, root);
    const asm = JSON.parse(readFileSync(join(root, '.jsii'), 'utf8'));
    for (const dep of Object.keys(asm.dependencies ?? {})) walk(dep, root);
  };
  link(self.name, cwd);
  for (const dep of Object.keys(self.dependencies ?? {})) walk(dep, cwd);

  const docs = await Documentation.forProject(cwd, { assembliesDir: dir });
  const md = await docs.toMarkdown({ language: Language.TYPESCRIPT, readme: false });
  writeFileSync(join(cwd, 'API.md'), md.render());
} finally {
  rmSync(dir, { recursive: true, force: true });
}
