// npm's prepack for a package with bundledDependencies. npm workspaces hoist every
// dependency to the root node_modules, and `npm pack` only bundles what sits in the
// package's own node_modules: without this the tarball ships without them (and npm
// does not install a missing bundled dependency). Copies each bundled dependency, and
// everything it needs at runtime, from where Node resolves it into ./node_modules.
import { cpSync, existsSync, readFileSync, realpathSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join } from 'path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const target = join(process.cwd(), 'node_modules');

/** The folder of `name` as Node resolves it from `fromDir`. */
function packageDir(name, fromDir) {
  const require = createRequire(join(fromDir, 'package.json'));
  const dir = dirname(require.resolve(`${name}/package.json`));
  return realpathSync(dir);
}

const copied = new Map();
function bundle(name, fromDir) {
  const source = packageDir(name, fromDir);
  const version = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  if (copied.has(name)) {
    if (copied.get(name) !== version) throw new Error(`bundle-deps: ${name} is needed at ${copied.get(name)} and ${version}; nest one of them`);
    return;
  }
  copied.set(name, version);
  // Its own nested node_modules come along with it. A second pack finds the first's copy
  // (Node resolves the package's own node_modules first): it is already in place.
  const dest = join(target, name);
  if (!existsSync(dest) || realpathSync(dest) !== source) cpSync(source, dest, { recursive: true, dereference: true });
  bundleDependenciesOf(source);
}

/** What a copied package needs: nested copies came along (but their own needs may be hoisted). */
function bundleDependenciesOf(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
    const nested = join(dir, 'node_modules', dep);
    if (existsSync(nested)) bundleDependenciesOf(nested);
    else bundle(dep, dir);
  }
}

for (const name of pkg.bundledDependencies ?? pkg.bundleDependencies ?? []) bundle(name, process.cwd());
// stderr: `npm pack --json` shares stdout with this prepack script, and its callers parse that JSON.
console.error(`bundle-deps: ${[...copied].map(([n, v]) => `${n}@${v}`).join(', ')}`);
