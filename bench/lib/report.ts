import { Machine } from './machine';
import { BenchReport, Check, Side, Table } from './result';
import { median, summarize } from './stats';
import { formatValue, meetsTarget } from './verdict';

/** A benchmark that threw instead of reporting: the document says so rather than hiding it. */
export interface BenchFailure {
  readonly id: string;
  readonly error: string;
}

export interface Document {
  readonly mode: 'full' | 'quick';
  readonly date: Date;
  readonly machine: Machine;
  readonly reports: readonly BenchReport[];
  readonly failures: readonly BenchFailure[];
  /** How long the whole run took, in milliseconds. */
  readonly durationMs: number;
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatKb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MiB`;
}

export function formatBytes(bytes: number): string {
  if (Math.abs(bytes) < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/**
 * One row per side: runs, median, min–max and, against the baseline's
 * median, the ratio. Peak RSS appears when any side measured it.
 */
export function sidesTable(sides: readonly Side[], baselineLabel: string, caption?: string): Table {
  const baseline = sides.find((s) => s.label === baselineLabel);
  if (!baseline) {
    throw new Error(`baselineLabel: "${baselineLabel}" is not a side (one of ${sides.map((s) => s.label).join(', ')})`);
  }
  const withRss = sides.some((s) => s.peakRssKb && s.peakRssKb.length > 0);
  const header = ['side', 'runs', 'median', 'min', 'max', `× ${baselineLabel}`, ...(withRss ? ['peak RSS (median)'] : [])];
  const baseMedian = median(baseline.wallMs);
  const rows = sides.map((side) => {
    const s = summarize(side.wallMs);
    const rss = side.peakRssKb && side.peakRssKb.length > 0 ? formatKb(median(side.peakRssKb)) : 'n/a';
    return [
      side.label,
      String(s.runs),
      formatMs(s.median),
      formatMs(s.min),
      formatMs(s.max),
      side === baseline ? '1' : formatValue(s.median / baseMedian, 'x'),
      ...(withRss ? [rss] : []),
    ];
  });
  return { caption, header, rows };
}

export function renderTable(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(escape).join(' | ')} |`;
  const align = table.header.map((_, i) => (i === 0 ? '---' : '---:'));
  const lines = [line(table.header), `|${align.join('|')}|`, ...table.rows.map(line)];
  return [...(table.caption ? [`*${table.caption}*`, ''] : []), ...lines].join('\n');
}

export function verdict(check: Check): string {
  return meetsTarget(check) ? 'met' : '**missed**';
}

function summaryTable(reports: readonly BenchReport[], failures: readonly BenchFailure[]): Table {
  const rows: string[][] = [];
  for (const report of reports) {
    for (const check of report.checks) {
      rows.push([report.id, check.label, `${check.op} ${formatValue(check.limit, check.unit)}`, formatValue(check.value, check.unit), verdict(check)]);
    }
  }
  for (const failure of failures) {
    rows.push([failure.id, 'did not run to the end', '', '', '**error**']);
  }
  return { header: ['benchmark', 'number', 'target', 'measured', 'verdict'], rows };
}

function renderMachine(doc: Document): string {
  const m = doc.machine;
  return renderTable({
    header: ['', ''],
    rows: [
      ['date', doc.date.toISOString().replace(/\.\d+Z$/, 'Z')],
      ['CPUs', `${m.cpuCount} × ${m.cpuModel}`],
      ['memory', `${m.memoryGiB} GiB`],
      ['Node.js', m.node],
      ['OS', m.platform],
      ['load average at start (1 min)', m.loadAverage.toFixed(2)],
      ['whole run', formatMs(doc.durationMs)],
    ],
  });
}

function renderReport(report: BenchReport): string {
  const parts = [`## ${report.title}`, report.method];
  for (const table of report.tables) parts.push(renderTable(table));
  if (report.notes.length > 0) parts.push(report.notes.map((n) => `- ${n}`).join('\n'));
  if (report.profile) parts.push(`### Where the time goes\n\n${report.profile}`);
  return parts.join('\n\n');
}

/** The whole of docs/benchmarks.md (or, with --quick, the report printed to CI). */
export function renderDocument(doc: Document): string {
  const intro = doc.mode === 'full'
    ? [
      '# Benchmarks',
      '',
      '<!-- Written by `npm run bench` (bench/run.ts). Edit the benchmarks, not this file. -->',
      '',
      'Every speed claim of ecs-batch, measured against a baseline **in the same run**, so that anyone can reproduce it:',
      '',
      '```sh',
      'npm run bench                 # every benchmark, several runs each; rewrites this file',
      'npm run bench -- --quick      # the short CI variant: ratios only, a 2× margin; writes to a temp file, not here',
      'npm run bench -- --only cron  # some benchmarks (comma-separated); writes to a temp file',
      'npm run bench -- --worktree   # synth, scaffold, e2e, cache: build the working tree instead of the last commit',
      '```',
      '',
      'cron runs in one process on the sources as they are. synth, scaffold, e2e and cache build a copy of the last',
      'commit (or, with `--worktree`, of the working tree) in a temp folder, so a run disturbs no build output or Nx cache.',
      '',
      'Each side is run several times; tables show the median and the min/max. Whole-process timings run each side',
      'in its own process and alternate the sides (A B, then B A), so drift on the machine hits both. Ratios are',
      'medians over medians. Absolute times depend on the machine below; ratios measured in one run much less.',
    ]
    : ['# Benchmarks (--quick)', '', 'A short run for CI: fewer runs and smaller inputs, so only the ratios mean anything.'];
  const sections = [
    intro.join('\n'),
    `## Machine\n\n${renderMachine(doc)}`,
    `## Summary\n\n${renderTable(summaryTable(doc.reports, doc.failures))}`,
    ...doc.reports.map(renderReport),
    ...doc.failures.map((f) => `## ${f.id}: did not run to the end\n\n\`\`\`\n${f.error}\n\`\`\``),
  ];
  return sections.join('\n\n') + '\n';
}
