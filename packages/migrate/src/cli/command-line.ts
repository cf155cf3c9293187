import { existsSync, statSync } from 'fs';
import { AwsPrices, Errors } from '@ecs-batch/core';
import { AnalyzeOptions } from '../analyze';
import { CostOptions, DEFAULT_COST_REGION } from '../cost/job-cost';

/** What `ecs-batch-migrate` was asked to do. */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'analyze'; readonly path: string; readonly output: OutputFormat; readonly options: AnalyzeOptions; readonly cost?: CostOptions };

/**
 * `table` for people, `json` for tools, `projenrc` for pasting into `.projenrc.ts`,
 * `template-json` for ecs-batch-template's `--migrate-from` (the report and the addJob options).
 */
export type OutputFormat = 'table' | 'json' | 'projenrc' | 'template-json';

export const USAGE = `Usage: ecs-batch-migrate <path> [--json | --projenrc | --template-json] [--stage <stage>]
                         [--parameter-overrides K=V]... [--var K=V]... [--var-file <path>]...
                         [--cost [--region <r>] [--duration <job>=<minutes>]... [--from <iso date>]]

Finds every scheduled Lambda function under <path> (Terraform, AWS SAM, Serverless Framework)
and shows the ECS batch job each one becomes.

  --stage <stage>            the Serverless stage a deploy would use (\${opt:stage}, \${sls:stage})
  --parameter-overrides K=V  a SAM parameter value, as sam deploy takes it (repeat for more)
  --var K=V                  a Terraform variable value, as terraform apply -var takes it (repeat for more)
  --var-file <path>          a .tfvars or .tfvars.json file, as terraform apply -var-file takes it (repeat
                             for more; read in order, after terraform.tfvars(.json) and *.auto.tfvars(.json);
                             --var values win)

  --cost                     add what each job costs a month: its runs in 30 days, today on Lambda,
                             on Fargate at the suggested size (x86, ARM64, x86 Spot as a range)
  --region <r>               the Region whose list prices apply (default ${DEFAULT_COST_REGION}; ${AwsPrices.regions().join(', ')})
  --duration <job>=<minutes> how long a run of the job takes (default: its timeout, an upper bound; repeat for more)
  --from <iso date>          count the runs in the 30 days after this date (default: now; UTC unless it has an offset)

  --json       print {"jobs":[...],"warnings":[...]}
  --projenrc   print project.addJob({...}) calls to paste into .projenrc.ts
  --template-json
               print the --json report plus "addJob": the options of each addJob call
               (what ecs-batch-template's --migrate-from reads)
  -h, --help   show this help

Values taken from defaults (a parameter's Default, a variable's default, the assumed stage) are
listed in each job's "defaults" and marked * in the table.

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
  let stage: string | undefined;
  const parameterOverrides: { [name: string]: string } = {};
  const vars: { [name: string]: string } = {};
  const varFiles: string[] = [];
  let cost = false;
  const costFlags: string[] = [];
  let region: string | undefined;
  const durations: { [job: string]: number } = {};
  let from: Date | undefined;
  let flagsDone = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (what: string): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag}: missing value (${what})`);
      return v;
    };
    const pair = (target: { [name: string]: string }, what: string) => {
      const text = value(what);
      const eq = text.indexOf('=');
      if (eq <= 0) throw new UsageError(`${flag}: ${text} is not K=V (${what})`);
      target[text.slice(0, eq)] = text.slice(eq + 1);
    };
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
    } else if (flag === '--stage') {
      stage = value('a stage name, e.g. prod');
    } else if (flag === '--parameter-overrides') {
      pair(parameterOverrides, 'a SAM parameter, e.g. Stage=prod');
    } else if (flag === '--var') {
      pair(vars, 'a Terraform variable, e.g. environment=prod');
    } else if (flag === '--var-file') {
      const file = value('a .tfvars or .tfvars.json file, e.g. env/prod.tfvars');
      if (!/\.tfvars(\.json)?$/.test(file)) throw new UsageError(`--var-file: ${file} is not a .tfvars or .tfvars.json file`);
      if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`--var-file: ${file} does not exist`);
      varFiles.push(file);
    } else if (arg === '--cost') {
      cost = true;
    } else if (flag === '--region') {
      costFlags.push(flag);
      region = value(`a Region: ${AwsPrices.regions().join(', ')}`);
      try {
        AwsPrices.forRegion(region, '--region');
      } catch (e) {
        if (!Errors.isValidationError(e)) throw e;
        throw new UsageError((e as Error).message);
      }
    } else if (flag === '--duration') {
      costFlags.push(flag);
      const durationPair: { [job: string]: string } = {};
      pair(durationPair, 'a job and the minutes a run takes, e.g. nightly-report=12.5');
      const [[job, text]] = Object.entries(durationPair);
      const minutes = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
      if (!(minutes > 0)) throw new UsageError(`--duration: ${job}=${text}: '${text}' is not a number of minutes (more than 0, e.g. 12.5)`);
      durations[job] = minutes;
    } else if (flag === '--from') {
      costFlags.push(flag);
      from = parseFrom(value('an ISO date, e.g. 2026-01-01 or 2026-01-01T09:00:00Z'));
    } else {
      throw new UsageError(`${arg}: unknown option (--json, --projenrc, --template-json, --stage, --parameter-overrides, --var, --var-file, --cost, --help)`);
    }
  }
  if (paths.length === 0) throw new UsageError('<path>: missing (the folder to analyze)');
  if (paths.length > 1) throw new UsageError(`<path>: one path expected, got ${paths.length} (${paths.join(' ')})`);
  if (formats.size > 1) throw new UsageError(`${[...formats].map((f) => `--${f}`).join(', ')}: choose one output format`);
  if (!cost && costFlags.length > 0) throw new UsageError(`${costFlags[0]}: only with --cost`);
  if (cost && formats.has('projenrc')) throw new UsageError('--cost: with the table, --json or --template-json, not --projenrc');
  const options: AnalyzeOptions = {
    ...(stage !== undefined ? { stage } : {}),
    ...(Object.keys(parameterOverrides).length > 0 ? { parameterOverrides } : {}),
    ...(Object.keys(vars).length > 0 ? { vars } : {}),
    ...(varFiles.length > 0 ? { varFiles } : {}),
  };
  const costOptions: CostOptions | undefined = cost ? {
    ...(region !== undefined ? { region } : {}),
    ...(Object.keys(durations).length > 0 ? { durations } : {}),
    ...(from !== undefined ? { from } : {}),
  } : undefined;
  return { kind: 'analyze', path: paths[0], output: [...formats][0] ?? 'table', options, ...(costOptions ? { cost: costOptions } : {}) };
}

/** `--from`: an ISO 8601 date or date-time, read as UTC unless it has an offset. */
function parseFrom(text: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  const date = m ? new Date(`${m[1]}${m[2] ?? 'T00:00:00'}${m[3] ?? 'Z'}`) : undefined;
  // Date rolls 2026-02-30 over to 2 March: the calendar day must read back the same.
  const [y, mo, d] = m ? m[1].split('-').map(Number) : [];
  if (!date || isNaN(date.getTime()) || new Date(Date.UTC(y, mo - 1, d)).toISOString().slice(0, 10) !== m![1]) {
    throw new UsageError(`--from: '${text}' is not an ISO date (e.g. 2026-01-01 or 2026-01-01T09:00:00Z)`);
  }
  return date;
}
