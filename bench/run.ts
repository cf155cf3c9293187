/**
 * `npm run bench [-- --quick] [--worktree] [--only <id>,…] [--out <file>]`
 *
 * Runs every benchmark, one after the other, each against its baseline in
 * the same run, and writes docs/benchmarks.md. `--quick` is the CI variant:
 * fewer runs and smaller inputs, the end-to-end benchmark skipped, only
 * ratios checked (a 2× margin past each target), and the report written to
 * a temp file rather than over docs/benchmarks.md.
 */
import { cacheBenchmark } from './cache';
import { e2eBenchmark } from './e2e';
import { cronBenchmark } from './lib/cron-adapter';
import { parseArgs, runBenchmarks } from './lib/harness';
import { Benchmark } from './lib/result';
import { scaffoldBenchmark } from './scaffold';
import { synthBenchmark } from './synth';

/** In the order of the report: library speed first, then the user's path, then the monorepo. */
export const BENCHMARKS: readonly Benchmark[] = [
  cronBenchmark,
  synthBenchmark,
  scaffoldBenchmark,
  e2eBenchmark,
  cacheBenchmark,
];

async function main(): Promise<void> {
  process.exitCode = await runBenchmarks(BENCHMARKS, parseArgs(process.argv.slice(2)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
