import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './checkout';
import { describeMachine } from './machine';
import { BenchFailure, renderDocument } from './report';
import { Benchmark, BenchReport } from './result';
import { QUICK_MARGIN, quickFailures } from './verdict';

export interface HarnessOptions {
  /** The short CI variant: checks ratios against a loosened target; never rewrites docs/benchmarks.md. */
  readonly quick: boolean;
  /** Measure the working tree as it is instead of the last commit. */
  readonly worktree?: boolean;
  /** Run only these benchmark ids. */
  readonly only?: readonly string[];
  /** Where the markdown goes; see `defaultOutput`. */
  readonly out?: string;
}

export const USAGE = 'usage: npm run bench [-- --quick] [--worktree] [--only <id>[,<id>…]] [--out <file>]';

/** The full report is docs/benchmarks.md; anything partial (--quick, --only) goes to a temp file, so it never replaces it. */
export function defaultOutput(options: Pick<HarnessOptions, 'quick' | 'only'>): string {
  if (!options.quick && !options.only) return path.join(REPO_ROOT, 'docs', 'benchmarks.md');
  return path.join(os.tmpdir(), `ecs-batch-bench-${options.quick ? 'quick' : 'partial'}.md`);
}

export function parseArgs(argv: readonly string[]): HarnessOptions {
  let quick = false;
  let worktree = false;
  let only: string[] | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick' || arg === '--worktree') {
      if (arg === '--quick') quick = true;
      else worktree = true;
      continue;
    }
    if (arg !== '--only' && arg !== '--out') throw new Error(`${arg}: unknown argument (${USAGE})`);
    const value = argv[++i];
    if (!value || value.startsWith('--')) throw new Error(`${arg}: needs a value (${USAGE})`);
    if (arg === '--only') only = value.split(',').map((id) => id.trim()).filter(Boolean);
    else out = path.resolve(value);
  }
  return { quick, worktree, only, out };
}

/**
 * Runs the benchmarks one after the other (never in parallel: they would
 * time each other), writes the markdown report, and returns the exit code:
 * 1 when a benchmark failed to run, and with --quick also when a ratio is
 * beyond its target loosened by the quick margin. A missed target in a full
 * run is reported, not failed: the report says where the time goes.
 */
export async function runBenchmarks(benchmarks: readonly Benchmark[], options: HarnessOptions): Promise<number> {
  const unknown = (options.only ?? []).filter((id) => !benchmarks.some((b) => b.id === id));
  if (unknown.length > 0) {
    throw new Error(`--only: ${unknown.join(', ')} is not a benchmark (${benchmarks.map((b) => b.id).join(', ')})`);
  }
  // Asked for by name, a full-only benchmark would otherwise be skipped silently: an empty report that passes.
  const fullOnly = options.quick ? benchmarks.filter((b) => b.fullOnly && options.only?.includes(b.id)) : [];
  if (fullOnly.length > 0) {
    throw new Error(`--only: ${fullOnly.map((b) => b.id).join(', ')} runs only in a full run (drop --quick)`);
  }
  const log = (line: string) => process.stderr.write(line + '\n');
  const machine = describeMachine();
  const date = new Date();
  const started = process.hrtime.bigint();
  const reports: BenchReport[] = [];
  const failures: BenchFailure[] = [];
  for (const benchmark of benchmarks) {
    if (options.only && !options.only.includes(benchmark.id)) continue;
    if (options.quick && benchmark.fullOnly) {
      log(`▸ ${benchmark.id}: skipped with --quick`);
      continue;
    }
    log(`▸ ${benchmark.id}`);
    const benchStarted = process.hrtime.bigint();
    try {
      reports.push(await benchmark.run({ quick: options.quick, source: options.worktree ? 'worktree' : 'head', log }));
      log(`✓ ${benchmark.id} ${seconds(benchStarted)}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ id: benchmark.id, error: message });
      log(`✗ ${benchmark.id} ${seconds(benchStarted)}\n${message}`);
    }
  }
  const markdown = renderDocument({
    mode: options.quick ? 'quick' : 'full',
    date,
    machine,
    reports,
    failures,
    durationMs: Number(process.hrtime.bigint() - started) / 1e6,
  });
  const out = options.out ?? defaultOutput(options);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, markdown);
  log(`report: ${out}`);
  // CI logs show the quick report itself: there is no file to open there.
  if (options.quick) process.stdout.write(markdown);

  const beyond = options.quick ? quickFailures(reports.flatMap((r) => r.checks.map((c) => ({ ...c, label: `${r.id}: ${c.label}` })))) : [];
  for (const line of beyond) log(`✗ ${line}`);
  if (options.quick) {
    log(beyond.length === 0 && failures.length === 0
      ? `✓ every ratio within its target (${QUICK_MARGIN}× margin for --quick)`
      : `✗ ${beyond.length} ratio(s) beyond the quick margin, ${failures.length} benchmark(s) failed`);
  }
  return failures.length > 0 || beyond.length > 0 ? 1 : 0;
}

/** Entry point for `ts-node bench/<one>.ts [--quick]`: runs that benchmark alone and exits with its code. */
export async function runStandalone(benchmark: Benchmark, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  try {
    const options = parseArgs(argv);
    process.exitCode = await runBenchmarks([benchmark], { ...options, only: [benchmark.id] });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

function seconds(since: bigint): string {
  return `${(Number(process.hrtime.bigint() - since) / 1e9).toFixed(1)}s`;
}
