import { existsSync, statSync } from 'fs';
import { dirname, join } from 'path';
import { importGraph } from './import-graph';
import { jobDependencies } from './package-versions';

/** Where a Node.js handler module may be, in the order Lambda and the bundlers look. */
const HANDLER_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

/** A Node.js job's own code: the files its handler reaches, and the packages they import. */
export interface JobCode {
  /** The handler's files, relative to the code folder (`codePath`), `/`-separated, sorted. */
  readonly codeFiles: string[];
  /** `{ name: version }` for each package the files import (see `jobDependencies`). */
  readonly dependencies: Record<string, string>;
  /** Imports that did not resolve, packages declared nowhere, the runtime SDK added. */
  readonly warnings: string[];
}

/**
 * Reads a Node.js job's code from its handler: the import graph (so Lambdas sharing a folder each
 * get only their own files) and the versions of the packages it imports.
 *
 * @param root the analyzed folder (absolute)
 * @param codeRoot the folder the handler string is relative to (absolute)
 * @param codePath the same, relative to `root`, for messages
 * @returns `undefined` when the runtime is not Node.js or the handler file is not there
 */
export function readJobCode(
  root: string, codeRoot: string, codePath: string, handler: string | undefined, runtime: string | undefined,
): JobCode | undefined {
  if (!handler || !runtime?.startsWith('nodejs')) return undefined;
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const module = join(codeRoot, handler.slice(0, dot));
  const handlerFile = HANDLER_EXTENSIONS.map((ext) => `${module}${ext}`).find((f) => existsSync(f) && statSync(f).isFile());
  if (handlerFile === undefined) return undefined;
  const graph = importGraph(codeRoot, handlerFile);
  const prefix = codePath === '.' ? '' : `${codePath}/`;
  const deps = jobDependencies(root, dirname(handlerFile), runtime, graph.packages, codePath);
  return {
    codeFiles: graph.files,
    dependencies: deps.dependencies,
    warnings: [...graph.unresolved.map((w) => `${prefix}${w}`), ...deps.warnings],
  };
}
