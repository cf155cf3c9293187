// Rewrites the CommonJS that tsc/jsii wrote under the given folders (default lib/) so that a
// module loads what it imports only when it first uses it. A CDKTF app that creates one
// EcsScheduledTask then does not load the provider classes of EcsBatchJob, the dashboard,
// or the parts of @ecs-batch/core it never calls: in a fresh `cdktf synth` process,
// loading them cost more than building the stack.
//
// Two shapes are rewritten, everything else is left as it is:
// - `const x_1 = require("m");` whose every other use in the file is `x_1.Name`:
//   becomes an object with a getter per Name that requires "m" on first access.
// - `__exportStar(require("./m"), exports);` in a barrel, when ./m.js's exports can be
//   read from its source: becomes one enumerable getter per export, as __exportStar
//   itself defines (first definition wins, `default` skipped).
// A module whose exports cannot be read (module.exports =, none found) keeps its eager require.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const REQUIRE = /^const (\w+) = require\("([^"]+)"\);$/gm;
const EXPORT_STAR = /^__exportStar\(require\("(\.{1,2}\/[^"]+)"\), exports\);$/gm;

/** The `Name`s of `binding.Name` in `source`, or undefined when `binding` is used any other way. */
export function memberUses(source, binding, declaration) {
  const rest = source.replace(declaration, '');
  const names = new Set();
  // Not a property of something else (`a.x_1`), but a spread (`...x_1.Name`) is a use.
  const any = new RegExp(`(?<![\\w$])(?<![^.]\\.)${binding.replace(/\$/g, '\\$')}(?![\\w$])(\\.([A-Za-z_$][\\w$]*))?`, 'g');
  for (const m of rest.matchAll(any)) {
    if (m[2] === undefined) return undefined;
    names.add(m[2]);
  }
  return [...names];
}

/** The names a compiled module exports, read from its source, or undefined when they cannot be. */
export function exportNames(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  if (/\bmodule\.exports\b/.test(source)) return undefined;
  const names = new Set();
  for (const m of source.matchAll(/^(?:exports\.\w+ = )+/gm)) {
    // `exports.B = exports.A = void 0` creates A first: keep the order Object.keys gives.
    for (const n of [...m[0].matchAll(/exports\.(\w+) = /g)].reverse()) names.add(n[1]);
  }
  for (const m of source.matchAll(/\(exports\.(\w+) = /g)) names.add(m[1]);
  for (const m of source.matchAll(/Object\.defineProperty\(exports, "([\w$]+)"/g)) names.add(m[1]);
  for (const m of source.matchAll(EXPORT_STAR)) {
    const nested = exportNames(resolveModule(dirname(file), m[1]), seen);
    if (nested === undefined) return undefined;
    for (const n of nested) names.add(n);
  }
  names.delete('__esModule');
  names.delete('default');
  return [...names];
}

/** Whether the compiled module `file` holds no code at all (a TypeScript file of interfaces and types). */
export function isEmptyModule(file) {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/^"use strict";$/m, '')
    .replace(/^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);$/m, '');
  return code.trim() === '';
}

function resolveModule(dir, spec) {
  const base = resolve(dir, spec);
  for (const candidate of [`${base}.js`, join(base, 'index.js')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error(`lazy-requires: cannot resolve ${spec} from ${dir}`);
}

/** The rewritten source of the compiled module `file` (unchanged when nothing applies). */
export function rewrite(file, source = readFileSync(file, 'utf8')) {
  let out = source;
  let count = 0;
  for (const m of source.matchAll(REQUIRE)) {
    const [declaration, binding, spec] = m;
    const names = memberUses(source, binding, declaration);
    if (names === undefined || names.length === 0) continue;
    const cache = `${binding}$lazy`;
    const load = `(${cache} ??= require(${JSON.stringify(spec)}))`;
    const getters = names.map((n) => `get ${n}() { return ${load}.${n}; }`).join(', ');
    // A name this scan missed still resolves, through the prototype: loaded on first use too.
    const rest = `__proto__: new Proxy({}, { get: (_, name) => ${load}[name] })`;
    out = out.replace(declaration, () => `let ${cache}; const ${binding} = { ${rest}, ${getters} };`);
    count++;
  }
  const defined = new Set();
  let star = 0;
  out = out.replace(EXPORT_STAR, (line, spec) => {
    const target = resolveModule(dirname(file), spec);
    // A module of interfaces only compiles to nothing: nothing to load, ever.
    if (isEmptyModule(target)) {
      count++;
      return `// ${spec}: types only`;
    }
    const names = exportNames(target);
    if (names === undefined || names.length === 0) return line;
    const cache = `__lazy${star++}`;
    const fresh = names.filter((n) => !defined.has(n));
    for (const n of fresh) defined.add(n);
    count++;
    return [`let ${cache};`, ...fresh.map((n) =>
      `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: function () { return (${cache} ??= require(${JSON.stringify(spec)})).${n}; } });`)].join(' ');
  });
  return { source: out, count };
}

function* jsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

/** Names a barrel exports eagerly (`Object.keys`) that its rewritten source does not define. */
export function missingExports(eagerKeys, rewrittenSource) {
  const defined = new Set([...rewrittenSource.matchAll(/Object\.defineProperty\(exports, "([\w$]+)"|\bexports\.([\w$]+) = /g)].map((m) => m[1] ?? m[2]));
  return eagerKeys.filter((k) => !defined.has(k));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['lib'];
  // Read every export list before any barrel is rewritten: a rewritten barrel exports through getters.
  const files = dirs.flatMap((d) => [...jsFiles(d)]);
  const rewritten = files.map((f) => [f, rewrite(f)]);
  // Every barrel must keep every export: load the original (still on disk) and compare.
  for (const [f, { source }] of rewritten) {
    if (!new RegExp(EXPORT_STAR.source, 'm').test(readFileSync(f, 'utf8'))) continue;
    const missing = missingExports(Object.keys(createRequire(resolve(f))(resolve(f))), source);
    if (missing.length > 0) throw new Error(`lazy-requires: ${f} would lose the exports ${missing.join(', ')}`);
  }
  let total = 0;
  for (const [f, { source, count }] of rewritten) {
    if (count > 0) writeFileSync(f, source);
    total += count;
  }
  process.stdout.write(`lazy-requires: ${total} require(s) made lazy in ${files.length} file(s) under ${dirs.join(', ')}\n`);
}
