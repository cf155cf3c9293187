import { readFileSync } from 'fs';
import { join } from 'path';
import { Linter } from '../linter';
import { Severity } from '../severity';
import { parseCommandLine, USAGE, UsageError } from './command-line';
import { toSarif } from './sarif';
import { formatTable } from './table';

/** The process's own streams. */
const PROCESS: Output = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

const RANK: { [s: string]: number } = { [Severity.WARNING]: 1, [Severity.ERROR]: 2 };

/** Streams the CLI writes to: a test passes its own. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Runs `ecs-batch-lint` and returns its exit code: 0 nothing at or above `--fail-on`, 1 something is,
 * 2 a usage error or unreadable input (named on stderr).
 */
export async function main(argv: string[], output: Output = PROCESS): Promise<number> {
  let line;
  try {
    line = parseCommandLine(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    output.err(`ecs-batch-lint: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (line.help) {
    output.out(`${USAGE}\n`);
    return 0;
  }
  let report;
  try {
    report = await Linter.lint({ paths: line.paths, timeZone: line.timeZone, variables: line.variables, varFiles: line.varFiles });
  } catch (e) {
    output.err(`ecs-batch-lint: ${(e as Error).message}\n`);
    return 2;
  }
  if (report.unreadable.length > 0) {
    for (const u of report.unreadable) {
      const place = `${u.file}${u.line === undefined ? '' : `:${u.line}`}`;
      output.err(`ecs-batch-lint: ${place}: ${u.reason}\n`);
    }
    return 2;
  }
  if (report.roots.length === 0) {
    output.err(`ecs-batch-lint: ${line.paths.join(', ')}: no Terraform found (.tf, .tf.json or cdk.tf.json)\n`);
    return 2;
  }
  if (line.format === 'json') output.out(`${JSON.stringify({ findings: report.findings }, undefined, 2)}\n`);
  else if (line.format === 'sarif') output.out(`${JSON.stringify(toSarif(report.findings, Linter.rules(), version()), undefined, 2)}\n`);
  else output.out(formatTable(report.findings));
  return report.findings.some((f) => RANK[f.severity] >= RANK[line.failOn]) ? 1 : 0;
}

function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}
