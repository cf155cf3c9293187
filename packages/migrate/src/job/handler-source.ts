import { existsSync, statSync } from 'fs';
import { isAbsolute, join, relative, sep } from 'path';

/**
 * Source files a Node.js handler module may be: built JavaScript, or TypeScript that a bundler
 * (esbuild in `sam build`, serverless-esbuild) compiles.
 */
const NODE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

/**
 * Where the handler's source is, if it is under the analyzed folder.
 *
 * Lambda resolves the handler relative to the code root: `src/report.handler` is the export
 * `handler` of `src/report.js` (Node.js); `app.lambda_handler` is `app.py` (Python, dotted modules
 * are folders). For other runtimes the handler names no file, so the folder must exist.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/python-handler.html
 * @returns the code root relative to `root` (`/`-separated, `.` for the root itself), or a reason it was not found
 */
export function findHandlerSource(
  root: string, codeRoot: string, handler: string | undefined, runtime: string | undefined,
): { codePath: string } | { missing: string } {
  const rel = relative(root, codeRoot);
  if (rel.startsWith('..') || isAbsolute(rel)) return { missing: `the code folder ${codeRoot} is outside the analyzed folder` };
  const codePath = rel === '' ? '.' : rel.split(sep).join('/');
  if (!existsSync(codeRoot) || !statSync(codeRoot).isDirectory()) return { missing: `the code folder ${codePath} does not exist` };
  const candidates = handlerFiles(handler, runtime);
  if (candidates === undefined) return { codePath };
  if (candidates.some((file) => existsSync(join(codeRoot, file)))) return { codePath };
  return { missing: `${candidates[0]} is not in ${codePath}` };
}

/** The files a handler string may name, relative to the code root; `undefined` when it names none. */
function handlerFiles(handler: string | undefined, runtime: string | undefined): string[] | undefined {
  if (!handler || !runtime) return undefined;
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const module = handler.slice(0, dot);
  if (runtime.startsWith('nodejs')) return NODE_EXTENSIONS.map((ext) => `${module}${ext}`);
  if (runtime.startsWith('python')) return [`${module.replace(/\./g, '/')}.py`];
  return undefined;
}
