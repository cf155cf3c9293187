import { existsSync, readdirSync, statSync } from 'fs';
import { resolve } from 'path';

/** What `npm run new -- --dir <folder> --team <name> [flags]` asked for. */
export interface NewArgs {
  /** Absolute path of the folder to create the repo in. */
  readonly dir: string;
  /** Did the folder exist (empty) before we started? */
  readonly dirExisted: boolean;
  /** Every other flag, passed to `projen new` as given. */
  readonly projectFlags: string[];
}

/** A bad command line: names the flag, what is wrong, and what is allowed. */
export class UsageError extends Error {
  constructor(readonly flag: string, reason: string, allowed: string) {
    super(`${flag}: ${reason} (${allowed})`);
    this.name = 'UsageError';
  }
}

/**
 * Parses and checks the command line before anything slow runs.
 * `cwd` is where the user ran `npm run` (npm runs scripts from the package
 * root, and keeps the caller's folder in INIT_CWD).
 */
export function parseNewArgs(argv: readonly string[], cwd: string): NewArgs {
  let dir: string | undefined;
  const projectFlags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dir' || arg.startsWith('--dir=')) {
      const value = arg === '--dir' ? argv[++i] : arg.slice('--dir='.length);
      if (!value || value.startsWith('--')) throw new UsageError('--dir', 'needs a value', 'a folder path');
      dir = value;
    } else if (arg === '--from' || arg.startsWith('--from=')) {
      throw new UsageError('--from', 'is set by this script', 'the ecs-batch-template built from this checkout');
    } else {
      projectFlags.push(arg);
    }
  }
  if (dir === undefined) throw new UsageError('--dir', 'is missing', 'the folder to create the repo in, empty or absent');
  if (!projectFlags.some((f) => f === '--team' || f.startsWith('--team='))) {
    throw new UsageError('--team', 'is missing', 'the owning team, lowercase, e.g. --team payments');
  }
  const absolute = resolve(cwd, dir);
  const dirExisted = existsSync(absolute);
  if (dirExisted) {
    if (!statSync(absolute).isDirectory()) throw new UsageError('--dir', `${absolute} is a file`, 'an empty or absent folder');
    if (readdirSync(absolute).length > 0) throw new UsageError('--dir', `${absolute} is not empty`, 'an empty or absent folder');
  }
  return { dir: absolute, dirExisted, projectFlags };
}
