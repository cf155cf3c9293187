/** What `ecs-batch-migrate` was asked to do. */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'analyze'; readonly path: string; readonly output: OutputFormat };

/**
 * `table` for people, `json` for tools, `projenrc` for pasting into `.projenrc.ts`,
 * `template-json` for ecs-batch-template's `--migrate-from` (the report and the addJob options).
 */
export type OutputFormat = 'table' | 'json' | 'projenrc' | 'template-json';

export const USAGE = `Usage: ecs-batch-migrate <path> [--json | --projenrc | --template-json]

Finds every scheduled Lambda function under <path> (Terraform, AWS SAM, Serverless Framework)
and shows the ECS batch job each one becomes.

  --json       print {"jobs":[...],"warnings":[...]}
  --projenrc   print project.addJob({...}) calls to paste into .projenrc.ts
  --template-json
               print the --json report plus "addJob": the options of each addJob call
               (what ecs-batch-template's --migrate-from reads)
  -h, --help   show this help

Exit codes: 0 jobs found, 3 none found, 1 unreadable input, 2 usage error.
`;

/** A command line that cannot be run; the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
    Object.setPrototypeOf(this, UsageError.prototype);
  }
}

/**
 * Parses the arguments (without `node` and the script).
 * @throws UsageError for an unknown flag, a missing or second path, or both output flags
 */
export function parseCommandLine(argv: string[]): Command {
  const paths: string[] = [];
  const formats = new Set<OutputFormat>();
  let flagsDone = false;
  for (const arg of argv) {
    if (flagsDone || !arg.startsWith('-') || arg === '-') {
      paths.push(arg);
    } else if (arg === '--') {
      flagsDone = true;
    } else if (arg === '-h' || arg === '--help') {
      return { kind: 'help' };
    } else if (arg === '--json') {
      formats.add('json');
    } else if (arg === '--projenrc') {
      formats.add('projenrc');
    } else if (arg === '--template-json') {
      formats.add('template-json');
    } else {
      throw new UsageError(`${arg}: unknown option (--json, --projenrc, --template-json, --help)`);
    }
  }
  if (paths.length === 0) throw new UsageError('<path>: missing (the folder to analyze)');
  if (paths.length > 1) throw new UsageError(`<path>: one path expected, got ${paths.length} (${paths.join(' ')})`);
  if (formats.size > 1) throw new UsageError(`${[...formats].map((f) => `--${f}`).join(', ')}: choose one output format`);
  return { kind: 'analyze', path: paths[0], output: [...formats][0] ?? 'table' };
}
