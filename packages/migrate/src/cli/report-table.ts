import { MigrationReport } from '../migration-report';

const HEADERS = ['NAME', 'SOURCE', 'SCHEDULE', 'TIME ZONE', 'ENABLED', 'LAMBDA', 'FARGATE CPU/MEMORY', 'RUNTIME', 'FILE'];

/**
 * The report as text for a terminal: one row per job (a job with several schedules takes a line
 * per schedule), then each job's warnings, then the warnings that belong to no job.
 */
export function renderTable(report: MigrationReport): string {
  const rows: string[][] = [];
  for (const job of report.jobs) {
    job.schedule.forEach((schedule, i) => rows.push(i === 0
      ? [
        job.name, job.source, schedule, job.timeZone ?? 'UTC', job.enabled ? 'yes' : 'no',
        `${job.memoryMb} MB, ${job.timeoutSeconds} s`, `${job.cpu} / ${job.memory}`, job.runtime ?? '-', job.sourceFile,
      ]
      : ['', '', schedule, '', '', '', '', '', '']));
  }
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();

  const out: string[] = [line(HEADERS), ...rows.map(line)];
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
