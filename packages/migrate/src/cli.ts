import { analyze } from './analyze';
import { parseCommandLine, USAGE, UsageError } from './cli/command-line';
import { renderProjenrc } from './cli/projenrc-calls';
import { renderTable } from './cli/report-table';
import { templateReport } from './cli/template-report';
import { costNote, withCosts } from './cost/job-cost';
import { MigrationError } from './migration-error';
import { UnreadableSource } from './migration-report';

/** Exit codes of `ecs-batch-migrate`. */
export const EXIT_CODES = {
  /** At least one scheduled function was found. */
  FOUND: 0,
  /** The path does not exist, or no job was found and some file did not parse. */
  UNREADABLE: 1,
  /** The command line is wrong. */
  USAGE: 2,
  /** The input was read, and holds no scheduled Lambda function that could be migrated. */
  NONE_FOUND: 3,
} as const;

/** Where the CLI writes; the real process streams by default. */
export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const PROCESS_OUTPUT: CliOutput = {
  stdout: (text) => { process.stdout.write(text); },
  stderr: (text) => { process.stderr.write(text); },
};

/**
 * `ecs-batch-migrate <path> [--json | --projenrc | --template-json] [--cost ...]`: analyzes the path and prints the jobs.
 * Resolves to the exit code; never rejects (errors are printed as messages, not stacks).
 */
export async function main(argv: string[], output: CliOutput = PROCESS_OUTPUT): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    output.stderr(`ecs-batch-migrate: ${e.message}\n\n${USAGE}`);
    return EXIT_CODES.USAGE;
  }
  if (command.kind === 'help') {
    output.stdout(USAGE);
    return EXIT_CODES.FOUND;
  }

  let report;
  try {
    report = await analyze(command.path, command.options);
  } catch (e) {
    const message = e instanceof MigrationError ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
    output.stderr(`ecs-batch-migrate: ${message}\n`);
    return EXIT_CODES.UNREADABLE;
  }

  if (command.cost && report.jobs.length > 0) {
    try {
      report = withCosts(report, command.cost);
    } catch (e) {
      if (!(e instanceof MigrationError)) throw e;
      output.stderr(`ecs-batch-migrate: ${e.message}\n`);
      return EXIT_CODES.USAGE;
    }
  }

  if (command.output === 'json') output.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (command.output === 'template-json') output.stdout(`${JSON.stringify(templateReport(report), null, 2)}\n`);
  else if (report.jobs.length > 0) output.stdout(command.output === 'projenrc' ? renderProjenrc(report) : renderTable(report, command.cost && costNote(report, command.cost)));

  if (report.jobs.length === 0) {
    const list = command.output === 'json' || command.output === 'template-json' || report.warnings.length === 0
      ? ''
      : `\n${report.warnings.map((w) => `  - ${w}`).join('\n')}\n`;
    if (report.unreadable.length > 0) {
      output.stderr(`ecs-batch-migrate: no scheduled Lambda function found in ${command.path}, and ${report.unreadable.length} `
        + `file${report.unreadable.length === 1 ? '' : 's'} could not be read (${report.unreadable.map(where).join(', ')})\n${list}`);
      return EXIT_CODES.UNREADABLE;
    }
    // Found, but none could be migrated: say so, not "none found".
    const message = report.warnings.length > 0
      ? `no scheduled Lambda function in ${command.path} could be migrated (see why below)`
      : `no scheduled Lambda function found in ${command.path} `
        + '(looked for Terraform aws_lambda_function with an EventBridge rule or Scheduler schedule, '
        + 'SAM Schedule/ScheduleV2 events and AWS::Events::Rule/AWS::Scheduler::Schedule targets, Serverless schedule events)';
    output.stderr(`ecs-batch-migrate: ${message}\n${list}`);
    return EXIT_CODES.NONE_FOUND;
  }
  return EXIT_CODES.FOUND;
}

function where(source: UnreadableSource): string {
  return `${source.file}${source.line === undefined ? '' : `:${source.line}`}`;
}
