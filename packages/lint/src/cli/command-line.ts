import { Severity } from '../severity';

/** `ecs-batch-lint <path>... [--json | --sarif] [--fail-on error|warning] [--time-zone <iana>] [--var K=V]... [--var-file <file>]...` */
export interface CommandLine {
  readonly paths: string[];
  readonly format: 'table' | 'json' | 'sarif';
  readonly failOn: Severity;
  readonly timeZone?: string;
  readonly variables: { [name: string]: string };
  readonly varFiles: string[];
  readonly help: boolean;
}

export const USAGE = `Usage: ecs-batch-lint <path>... [--json | --sarif] [--fail-on error|warning] [--time-zone <iana>] [--var K=V]... [--var-file <file>]...

Finds the pitfalls of scheduled ECS tasks (ECSB000-ECSB009) in Terraform and CDKTF's cdk.tf.json.
Exit codes: 0 nothing at or above --fail-on (default error), 1 something is, 2 usage error or unreadable input.
Rules: docs/lint.md. Silence one in place: # ecs-batch-lint ignore ECSB008: <reason>`;

/** A command line the tool cannot run: exit 2, naming the flag. */
export class UsageError extends Error {}

export function parseCommandLine(argv: string[]): CommandLine {
  const paths: string[] = [];
  let format: CommandLine['format'] = 'table';
  let failOn = Severity.ERROR;
  let timeZone: string | undefined;
  const variables: { [name: string]: string } = {};
  const varFiles: string[] = [];
  let help = false;
  const value = (flag: string, i: number): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag}: needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg === '--json' || arg === '--sarif') {
      const f = arg === '--json' ? 'json' : 'sarif';
      if (format !== 'table' && format !== f) throw new UsageError('--json, --sarif: pick one output format');
      format = f;
    } else if (arg === '--fail-on') {
      const v = value(arg, i++);
      if (v !== Severity.ERROR && v !== Severity.WARNING) throw new UsageError(`--fail-on: '${v}' is not a severity (error or warning)`);
      failOn = v as Severity;
    } else if (arg === '--time-zone') {
      timeZone = value(arg, i++);
    } else if (arg === '--var') {
      const v = value(arg, i++);
      const eq = v.indexOf('=');
      if (eq < 1) throw new UsageError(`--var: '${v}' is not K=V`);
      variables[v.slice(0, eq)] = v.slice(eq + 1);
    } else if (arg === '--var-file') {
      varFiles.push(value(arg, i++));
    } else if (arg.startsWith('-')) {
      throw new UsageError(`${arg}: unknown flag`);
    } else {
      paths.push(arg);
    }
  }
  if (!help && paths.length === 0) throw new UsageError('<path>: give at least one folder or file to lint, e.g. ecs-batch-lint ./infra');
  return { paths, format, failOn, timeZone, variables, varFiles, help };
}
