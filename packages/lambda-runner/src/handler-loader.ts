import { existsSync, statSync } from 'fs';
import { createRequire } from 'module';
import { isAbsolute, join, relative, resolve } from 'path';
import { pathToFileURL } from 'url';
import { ValidationError } from '@ecs-batch/core/lib/errors';
import { HandlerSpec } from './handler-spec';
import { Handler, ShutdownHook } from './handler-types';

/** The name of the optional shutdown hook exported next to the handler. */
export const SHUTDOWN_EXPORT = 'shutdown';

/** A loaded handler module. */
export interface LoadedHandler {
  readonly handler: Handler;
  /** The module's `shutdown` export, when it is a function. */
  readonly shutdown?: ShutdownHook;
  /** The file that was loaded. */
  readonly file: string;
}

/**
 * Loads `spec` relative to `cwd` and picks its export (and the `shutdown` hook).
 * Lambda-form paths get Lambda's extensions, in its order (.js, .mjs, .cjs);
 * `#` paths are tried as given first. ES modules load through `require` (Node >= 22.12)
 * or, when they use top-level await, through `import()`.
 *
 * @throws ValidationError naming `spec.field` when the file or export is missing
 * @throws whatever the module throws while loading (its own error, with its stack)
 */
export async function loadHandler(spec: HandlerSpec, cwd: string = process.cwd()): Promise<LoadedHandler> {
  const file = resolveModuleFile(spec, cwd);
  const moduleExports = await loadModule(file);
  const handler = pick(moduleExports, spec.exportPath);
  if (handler === undefined) {
    const names = exportNames(moduleExports);
    throw new ValidationError(spec.field, `'${spec.modulePath}' has no export '${spec.exportPath}' (${names.length > 0 ? `it exports ${names.join(', ')}` : 'it exports nothing'})`);
  }
  if (typeof handler !== 'function') {
    throw new ValidationError(spec.field, `export '${spec.exportPath}' of '${spec.modulePath}' is ${handler === null ? 'null' : `a ${typeof handler}`} (a function (event, context[, callback]))`);
  }
  const shutdown = pick(moduleExports, SHUTDOWN_EXPORT);
  return {
    handler: handler as Handler,
    ...(typeof shutdown === 'function' ? { shutdown: shutdown as ShutdownHook } : {}),
    file,
  };
}

function resolveModuleFile(spec: HandlerSpec, cwd: string): string {
  const base = isAbsolute(spec.modulePath) ? spec.modulePath : resolve(cwd, spec.modulePath);
  const candidates = [
    ...(spec.lambdaForm ? [] : [base]),
    `${base}.js`, `${base}.mjs`, `${base}.cjs`,
    join(base, 'index.js'),
  ];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (found === undefined) {
    const tried = candidates.map((candidate) => relative(cwd, candidate) || candidate).join(', ');
    throw new ValidationError(spec.field, `cannot find module '${spec.modulePath}' (looked for ${tried} in ${cwd})`);
  }
  return found;
}

async function loadModule(file: string): Promise<unknown> {
  const requireFrom = createRequire(file);
  try {
    return requireFrom(file);
  } catch (e) {
    // An ES module with top-level await cannot be required; import it instead.
    if ((e as { code?: string }).code !== 'ERR_REQUIRE_ASYNC_MODULE') throw e;
    return importModule(pathToFileURL(file).href);
  }
}

// TypeScript compiles `import()` to `require()` under CommonJS; keep a real dynamic import.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

function pick(moduleExports: unknown, exportPath: string): unknown {
  let value: unknown = moduleExports;
  for (const key of exportPath.split('.')) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
    value = (value as { [key: string]: unknown })[key];
  }
  return value;
}

function exportNames(moduleExports: unknown): string[] {
  if ((typeof moduleExports !== 'object' && typeof moduleExports !== 'function') || moduleExports === null) return [];
  return Object.keys(moduleExports).filter((name) => name !== '__esModule');
}
