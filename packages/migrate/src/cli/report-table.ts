import { JobCost, MigrationReport } from '../migration-report';

/** Marks a cell whose value came from a default (the job's `defaults`). */
const DEFAULT_MARK = '*';

const HEADERS = ['NAME', 'SOURCE', 'SCHEDULE', 'TIME ZONE', 'ENABLED', 'LAMBDA', 'FARGATE CPU/MEMORY', 'RUNTIME', 'FILE'];

/** The columns `--cost` adds: runs in 30 days, then USD a month. */
const COST_HEADERS = ['RUNS/MONTH', 'LAMBDA $', 'FARGATE X86 $', 'ARM64 $', 'X86 SPOT $'];

/**
 * The report as text for a terminal: one row per job (a job with several schedules takes a line
 * per schedule), then each job's warnings, then the warnings that belong to no job.
 * Jobs with a `cost` (`--cost`) get its columns, explained by `costNote`.
 */
export function renderTable(report: MigrationReport, costNote?: string): string {
  const withCost = report.jobs.some((job) => job.cost !== undefined);
  const headers = withCost ? [...HEADERS, ...COST_HEADERS] : HEADERS;
  const rows: string[][] = [];
  for (const job of report.jobs) {
    const mark = (field: string, text: string) => (job.defaults.includes(field) ? `${text}${DEFAULT_MARK}` : text);
    job.schedule.forEach((schedule, i) => rows.push(i === 0
      ? [
        mark('name', job.name), job.source, mark('schedule', schedule), mark('timeZone', job.timeZone ?? 'UTC'), mark('enabled', job.enabled ? 'yes' : 'no'),
        `${mark('memoryMb', `${job.memoryMb} MB`)}, ${mark('timeoutSeconds', `${job.timeoutSeconds} s`)}`, `${job.cpu} / ${job.memory}`,
        mark('runtime', job.runtime ?? '-'), job.sourceFile,
        ...(withCost ? costCells(job.cost) : []),
      ]
      : ['', '', mark('schedule', schedule), '', '', '', '', '', '', ...(withCost ? COST_HEADERS.map(() => '') : [])]));
  }
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();

  const out: string[] = [line(headers), ...rows.map(line)];
  if (report.jobs.some((job) => job.defaults.length > 0)) {
    out.push(`${DEFAULT_MARK} taken from a default (a parameter's or variable's default, an assumed stage): a deploy may set it differently`);
  }
  if (withCost && costNote) out.push(costNote);
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

function costCells(cost: JobCost | undefined): string[] {
  if (cost === undefined) return COST_HEADERS.map(() => '-');
  const { fargate } = cost;
  return [
    String(cost.runsPerMonth), cost.lambda.monthly === null ? '-' : usd(cost.lambda.monthly),
    usd(fargate.x86.monthly), usd(fargate.arm64.monthly), `${usd(fargate.x86Spot.low)}-${usd(fargate.x86Spot.high, fargate.x86Spot.low)}`,
  ];
}

/** Dollars to the cent, or to a hundredth of a cent below a cent (or when `scale`, a range's low end, is). */
function usd(value: number, scale: number = value): string {
  return scale === 0 || scale >= 0.01 ? value.toFixed(2) : value.toFixed(4);
}
