import { MigrationReport } from '../migration-report';

/** Marks a cell whose value came from a default (the job's `defaults`). */
const DEFAULT_MARK = '*';

const HEADERS = ['NAME', 'SOURCE', 'SCHEDULE', 'TIME ZONE', 'ENABLED', 'LAMBDA', 'FARGATE CPU/MEMORY', 'RUNTIME', 'FILE'];

/**
 * The report as text for a terminal: one row per job (a job with several schedules takes a line
 * per schedule), then each job's warnings, then the warnings that belong to no job.
 */
export function renderTable(report: MigrationReport): string {
  const rows: string[][] = [];
  for (const job of report.jobs) {
    const mark = (field: string, text: string) => (job.defaults.includes(field) ? `${text}${DEFAULT_MARK}` : text);
    job.schedule.forEach((schedule, i) => rows.push(i === 0
      ? [
        mark('name', job.name), job.source, mark('schedule', schedule), mark('timeZone', job.timeZone ?? 'UTC'), mark('enabled', job.enabled ? 'yes' : 'no'),
        `${mark('memoryMb', `${job.memoryMb} MB`)}, ${mark('timeoutSeconds', `${job.timeoutSeconds} s`)}`, `${job.cpu} / ${job.memory}`,
        mark('runtime', job.runtime ?? '-'), job.sourceFile,
      ]
      : ['', '', mark('schedule', schedule), '', '', '', '', '', '']));
  }
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();

  const out: string[] = [line(HEADERS), ...rows.map(line)];
  if (report.jobs.some((job) => job.defaults.length > 0)) {
    out.push(`${DEFAULT_MARK} taken from a default (a parameter's or variable's default, an assumed stage): a deploy may set it differently`);
  }
  const jobWarnings = report.jobs.filter((job) => job.warnings.length > 0);
  if (jobWarnings.length > 0) {
    out.push('', 'To resolve by hand:');
    for (const job of jobWarnings) {
      out.push(`  ${job.name}`);
      for (const warning of job.warnings) out.push(`    - ${warning}`);
    }
  }
  if (report.warnings.length > 0) {
    out.push('', 'Not migrated:');
    for (const warning of report.warnings) out.push(`  - ${warning}`);
  }
  const count = report.jobs.length;
  out.push('', `${count} job${count === 1 ? '' : 's'} from scheduled Lambda functions; ecs-batch-migrate --projenrc prints the addJob calls.`);
  return `${out.join('\n')}\n`;
}
