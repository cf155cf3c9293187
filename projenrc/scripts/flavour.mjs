// Generates a flavour package (e.g. @ecs-batch/cdktn) from its source package
// (e.g. @ecs-batch/cdktf), run in the flavour's folder before every compile:
//
//   node flavour.mjs <source dir> '<{"cdktf":"cdktn",...} JSON>'
//
// Copies the source's src/, test/ (but test/tsconfig.json, which projen writes for
// each package) and README.md, renaming in every text file:
// - the framework's module names in module specifiers ('cdktf', '@cdktf/provider-aws/lib/…'),
//   keeping the deep path: `@cdktn/provider-aws` has the same `lib/<resource>` layout;
// - the source package's own name and folder (`@ecs-batch/cdktf`, `packages/cdktf/`);
// - the same names where tests match them in regular expressions (`@cdktf\/provider-aws`).
// Other mentions (`cdktf.json`, `cdktf.out/`, the `cdktf` identifiers, prose) stay: CDK
// Terrain keeps those file names. Files are written only when their content changes, and
// files the source no longer has are removed; each file is replaced whole (a rename).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

const [sourceArg, renameArg] = process.argv.slice(2);
if (!sourceArg || !renameArg) {
  console.error('usage: node flavour.mjs <source dir> \'{"cdktf":"cdktn"}\'');
  process.exit(2);
}
const source = sourceArg;
const target = '.';
const rename = JSON.parse(renameArg);
const sourceName = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).name;
const targetName = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')).name;
const sourceFolder = basename(source);
const targetFolder = basename(process.cwd());

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|tf|tfvars|hcl|txt|ya?ml)$/;

// Longest names first, so '@cdktf/provider-aws' is not half-renamed by 'cdktf'.
const moduleNames = Object.entries(rename).sort(([a], [b]) => b.length - a.length);

/** The flavour's text of one source file. */
export function rewrite(text) {
  let out = text;
  // The package itself, and its folder in repo-relative paths.
  out = out.split(sourceName).join(targetName);
  out = out.replace(new RegExp(`\\bpackages/${escape(sourceFolder)}/`, 'g'), `packages/${targetFolder}/`);
  for (const [from, to] of moduleNames) {
    // A module specifier: 'x', 'x/…', "x", `x` (import, require, jest.mock, npm install lines in docs).
    out = out.replace(new RegExp(`(['"\`])${escape(from)}(?=['"\`/])`, 'g'), `$1${to}`);
    // On npm command lines (README): npm install cdktf@0.21.0 @cdktf/provider-aws …
    const bare = new RegExp(`(\\s)${escape(from)}(?=[@/\\s]|$)`, 'g');
    out = out.replace(/^.*\bnpm (?:install|i|add)\b.*$/gm, (line) => line.replace(bare, `$1${to}`));
    // In regular expressions of tests: @cdktf\/provider-aws, @cdktf[\\/]provider-aws.
    if (from.includes('/')) {
      const [scope, name] = from.split('/');
      const [toScope] = to.split('/');
      out = out.replace(new RegExp(`${escape(scope)}(\\\\/|\\[[^\\]]*\\])${escape(name)}`, 'g'), `${toScope}$1${name}`);
    }
  }
  return out;
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function writeIfChanged(file, content) {
  if (existsSync(file) && readFileSync(file).equals(content)) return false;
  mkdirSync(dirname(file), { recursive: true });
  // Written aside, then renamed: a build and a lint generating at once never read half a file.
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, content);
  renameSync(aside, file);
  return true;
}

// projen writes each package's own test/tsconfig.json; it is not the source's to copy.
const KEEP = new Set([join('test', 'tsconfig.json')]);
let written = 0;
const wanted = new Set();
for (const folder of ['src', 'test']) {
  for (const file of walk(join(source, folder))) {
    const rel = relative(source, file);
    if (KEEP.has(rel)) continue;
    wanted.add(rel);
    const raw = readFileSync(file);
    const content = TEXT.test(file) ? Buffer.from(rewrite(raw.toString('utf8'))) : raw;
    if (writeIfChanged(join(target, rel), content)) written++;
  }
  for (const file of walk(join(target, folder))) {
    const rel = relative(target, file);
    // (A concurrent run's file being written aside is left to it.)
    if (!wanted.has(rel) && !KEEP.has(rel) && !file.endsWith('.tmp')) rmSync(file, { force: true });
  }
}
const readme = readFileSync(join(source, 'README.md'), 'utf8');
const note = `<!-- Generated from ${sourceName} (packages/${sourceFolder}/README.md) by projenrc/scripts/flavour.mjs: edit that one. -->\n`;
// Under the title: what this package is, next to the one it is made from.
const intro = `\n> The constructs of \`${sourceName}\`, from the same source, for ${JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')).description.replace(/ constructs .*$/, '')}: only the package names differ (${Object.entries(rename).map(([from, to]) => `\`${from}\` → \`${to}\``).join(', ')}).\n`;
const body = rewrite(readme).replace(/^(# .*\n)/, `$1${intro}`);
if (writeIfChanged(join(target, 'README.md'), Buffer.from(note + body))) written++;
console.log(`flavour: ${targetName} from ${sourceName}: ${wanted.size + 1} files, ${written} written`);
