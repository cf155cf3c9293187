import { existsSync, readFileSync, statSync } from 'fs';
import { builtinModules } from 'module';
import { dirname, join, relative, sep } from 'path';
import * as ts from 'typescript';

/** The extensions Node (and the bundlers that compile TypeScript handlers) try for `./x`, in order. */
const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.json'];

/** A package the handler's files import. */
export interface ImportedPackage {
  /** The package name, e.g. `@aws-sdk/client-s3`. */
  readonly name: string;
  /** The first file that imports it, relative to the code root. */
  readonly file: string;
}

/** What a handler's import graph reaches. */
export interface ImportGraph {
  /** The handler's own files, relative to the code root, `/`-separated, sorted (the handler first is not implied). */
  readonly files: string[];
  /** Each bare package the files import (`@aws-sdk/client-s3`, `lodash`; subpaths cut to the package), sorted by name, with the first file that imports it. */
  readonly packages: ImportedPackage[];
  /** Relative imports that reach no file: `<file>: cannot resolve <specifier>`. */
  readonly unresolved: string[];
}

/**
 * Follows the imports of a handler file: `import`/`export … from`, `require('x')` and literal
 * `import('x')`, read with TypeScript's parser (see `importsOf`), which reads both JavaScript and
 * TypeScript without running them. Relative imports are resolved as Node does (`./x`,
 * `./x.js`, `./x/index.js`; and `.mjs`, `.cjs`, `.ts` files) and followed; bare ones are packages;
 * Node built-ins (`fs`, `node:fs`) are left out.
 * @see https://nodejs.org/api/modules.html#all-together
 *
 * @param codeRoot the folder the handler string is relative to (absolute)
 * @param handlerFile the handler module's file (absolute)
 */
export function importGraph(codeRoot: string, handlerFile: string): ImportGraph {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const unresolved: string[] = [];
  const queue = [handlerFile];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const rel = toPosix(relative(codeRoot, file));
    if (files.has(rel)) continue;
    files.add(rel);
    if (file.endsWith('.json')) continue;
    for (const specifier of importsOf(readFileSync(file, 'utf8'), file)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolveRelative(dirname(file), specifier);
        if (target === undefined) unresolved.push(`${rel}: cannot resolve ${specifier}`);
        else if (toPosix(relative(codeRoot, target)).startsWith('../')) unresolved.push(`${rel}: ${specifier} is outside the code folder; copy it by hand`);
        else queue.push(target);
        continue;
      }
      const name = packageName(specifier);
      if (name !== undefined && !packages.has(name)) packages.set(name, rel);
    }
  }
  const imported = [...packages].map(([name, from]) => ({ name, file: from })).sort((a, b) => a.name.localeCompare(b.name));
  return { files: [...files].sort(), packages: imported, unresolved };
}

/**
 * The module specifiers a source text loads at run time: `import … from`, `export … from`,
 * `import x = require()`, `require('x')` and `import('x')` with a literal. Type-only imports
 * (`import type`, `export type … from`, `import { type A }` alone) load nothing, so they are left out.
 * Parsed as TypeScript, a superset of the JavaScript a handler is written in.
 */
export function importsOf(text: string, fileName = 'handler.ts'): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyImport(node.importClause)) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyExport(node)) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      if (!node.isTypeOnly && ts.isStringLiteral(node.moduleReference.expression)) specifiers.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      const loads = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
      if (loads) specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** `import type …`, or `import { type A, type B }` with nothing else: erased by the compiler. */
function isTypeOnlyImport(clause: ts.ImportClause | undefined): boolean {
  if (clause === undefined) return false; // `import './side-effect'`
  if (clause.isTypeOnly) return true;
  if (clause.name !== undefined) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** `export type … from`, or `export { type A }` with nothing else. */
function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

function scriptKind(fileName: string): ts.ScriptKind {
  return /\.[cm]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/**
 * The npm package a bare specifier names: `@scope/name` or `name`, without a subpath;
 * `undefined` for Node built-ins (`fs`, `node:fs`, `fs/promises`).
 */
export function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (builtinModules.includes(name) || builtinModules.includes(specifier)) return undefined;
  return name;
}

/** `./x` as Node resolves it: the file, the file with an extension, or the folder's `index`. */
function resolveRelative(fromDir: string, specifier: string): string | undefined {
  const base = join(fromDir, specifier);
  const candidates = [base, ...EXTENSIONS.map((ext) => `${base}${ext}`), ...EXTENSIONS.map((ext) => join(base, `index${ext}`))];
  // A TypeScript source imports its siblings as `./x.js`: the file on disk is `./x.ts`.
  const js = /\.(m|c)?js$/.exec(specifier);
  if (js) candidates.push(base.replace(/\.(m|c)?js$/, `.${js[1] ?? ''}ts`));
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
