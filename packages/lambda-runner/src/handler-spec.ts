import { ValidationError } from '@ecs-batch/core/lib/errors';

/** Where the handler is: a module path (relative to the working directory) and an export path. */
export interface HandlerSpec {
  /** As written, e.g. `dist/jobs/nightly` or `./dist/jobs/nightly.js`. */
  readonly modulePath: string;
  /** The export, dotted for nested objects, e.g. `handler` or `jobs.nightly`. */
  readonly exportPath: string;
  /** Whether `modulePath` names the file without its extension (Lambda's form). */
  readonly lambdaForm: boolean;
  /** The text the spec came from, for messages. */
  readonly text: string;
  /** What gave it (`handler` argument or `ECS_BATCH_HANDLER`), the field of errors. */
  readonly field: string;
}

/**
 * Parses either form:
 * - `<module-path>#<exportName>`: the module path as given (extension optional),
 *   e.g. `./dist/jobs/nightly.js#handler`;
 * - Lambda's `file.export`: the file name up to its first dot, then the export,
 *   e.g. `dist/jobs/nightly.handler` (as in the Lambda console's "Handler" setting,
 *   https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html#nodejs-handler-naming).
 *
 * @param field the argument or variable the text came from, named in errors
 */
export function parseHandlerSpec(text: string, field: string): HandlerSpec {
  const trimmed = text.trim();
  const hash = trimmed.lastIndexOf('#');
  if (hash >= 0) {
    const modulePath = trimmed.slice(0, hash);
    const exportPath = trimmed.slice(hash + 1);
    if (modulePath === '' || !isExportPath(exportPath)) {
      throw new ValidationError(field, `'${text}' is not <module-path>#<exportName> (e.g. ./dist/jobs/nightly.js#handler)`);
    }
    return { modulePath, exportPath, lambdaForm: false, text: trimmed, field };
  }
  const slash = trimmed.lastIndexOf('/');
  const dir = trimmed.slice(0, slash + 1);
  const base = trimmed.slice(slash + 1);
  const dot = base.indexOf('.');
  const exportPath = dot < 0 ? '' : base.slice(dot + 1);
  if (dot <= 0 || !isExportPath(exportPath)) {
    throw new ValidationError(field, `'${text}' names no export (file.export like dist/jobs/nightly.handler, or <module-path>#<exportName>)`);
  }
  return { modulePath: dir + base.slice(0, dot), exportPath, lambdaForm: true, text: trimmed, field };
}

function isExportPath(path: string): boolean {
  return path !== '' && path.split('.').every((part) => part !== '');
}
