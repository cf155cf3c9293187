import { relative } from 'path';
import { MigrationError } from './migration-error';

/**
 * The error for a file a parser rejects: the field is `<file>:<line>` (relative to the working
 * folder, as a terminal shows it) and the reason is the parser's.
 */
export function unreadableFile(file: string, line: number | undefined, reason: string): MigrationError {
  const shown = relative(process.cwd(), file) || file;
  return new MigrationError(line === undefined ? shown : `${shown}:${line}`, reason);
}
