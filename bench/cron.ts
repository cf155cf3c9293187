/**
 * cron (core): the next 100 fire times of each expression in a corpus of
 * realistic schedules (bench/cron-corpus.ts), parse included, with
 * @ecs-batch/core's `Schedule` against the npm package `aws-cron-parser`,
 * alternating in one process. Before timing, every result of ours must equal
 * the brute-force evaluator of the tests (minute by minute, obviously
 * correct), and any expression where aws-cron-parser disagrees with it is
 * listed. Target: ours ≥ 10× faster (median over median).
 *
 * aws-cron-parser computes weekdays with the process's local time zone
 * (`new Date(y, m, d)`), so its disagreements can grow outside UTC; ours
 * never reads the process zone.
 *
 * Run alone: npx ts-node --project tsconfig.dev.json bench/cron.ts [--quick]
 */
// aws-cron-parser is a devDependency of packages/core (the baseline never ships); npm hoists it to the root.
// eslint-disable-next-line import/no-extraneous-dependencies
import awsCronParser from 'aws-cron-parser';
import { CRON_CORPUS } from './cron-corpus';
import { alternate } from './lib/alternate';
import { summarize } from './lib/stats';
import { Schedule } from '../packages/core/src';
import { bruteForceNext } from '../packages/core/test/schedule/brute-force';

/** How much faster than aws-cron-parser ours must be. */
export const CRON_TARGET_RATIO = 10;

const FIRE_TIMES = 100;
/** A fixed start, so every run computes the same fire times. */
const FROM = new Date('2026-03-15T12:34:56Z');
const SETTINGS = {
  full: { rounds: 15, warmupRounds: 3, passesPerSample: 20 },
  quick: { rounds: 5, warmupRounds: 2, passesPerSample: 5 },
};

/** Median, fastest and slowest time of one pass over the corpus. */
export interface CronTiming {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

export interface BenchResult {
  readonly name: string;
  /** aws-cron-parser. */
  readonly baseline: CronTiming;
  /** @ecs-batch/core. */
  readonly ours: CronTiming;
  /** Baseline median / our median: how many times faster ours is. */
  readonly ratio: number;
  /** Expressions where aws-cron-parser's fire times differ from the brute force, each with the first difference. */
  readonly disagreements: string[];
  /** How many expressions were timed, runs per side, and the target. */
  readonly expressions: number;
  readonly runs: number;
  readonly target: number;
}

export interface CronBenchOptions {
  /** Fewer, shorter runs (CI). */
  readonly quick?: boolean;
  /** Progress lines; nothing by default. */
  readonly log?: (line: string) => void;
}

/** Our next fire times, parse included. */
function oursNext(expression: string): number[] {
  return Schedule.expression(expression).nextFireTimes({ from: FROM, count: FIRE_TIMES }).map((d) => d.getTime());
}

/** aws-cron-parser's next fire times, parse included; it takes the six fields, without `cron(...)`. */
function baselineNext(expression: string): number[] {
  const parsed = awsCronParser.parse(expression.slice(5, -1));
  const out: number[] = [];
  let from: Date | null = FROM;
  while (out.length < FIRE_TIMES && (from = awsCronParser.next(parsed, from)) !== null) out.push(from.getTime());
  return out;
}

function firstDifference(actual: readonly number[], expected: readonly number[]): string {
  const show = (t: number | undefined) => (t === undefined ? 'nothing' : new Date(t).toISOString());
  const i = actual.findIndex((t, k) => t !== expected[k]);
  const at = i >= 0 ? i : actual.length;
  return `fire time ${at + 1}: ${show(actual[at])}, expected ${show(expected[at])}`;
}

/**
 * Checks ours (must equal the brute force: throws otherwise) and aws-cron-parser
 * (differences are listed, and an expression it throws on is left out of the timing).
 */
function verify(corpus: readonly string[]): { timed: string[]; disagreements: string[] } {
  const timed: string[] = [];
  const disagreements: string[] = [];
  for (const expression of corpus) {
    const expected = bruteForceNext(expression, FROM, FIRE_TIMES).map((d) => d.getTime());
    const ours = oursNext(expression);
    if (ours.length !== expected.length || ours.some((t, i) => t !== expected[i])) {
      throw new Error(`${expression}: @ecs-batch/core disagrees with the brute force (${firstDifference(ours, expected)})`);
    }
    let baseline: number[];
    try {
      baseline = baselineNext(expression);
    } catch (e) {
      disagreements.push(`${expression}: aws-cron-parser throws (${e instanceof Error ? e.message : String(e)}); left out of the timing`);
      continue;
    }
    timed.push(expression);
    if (baseline.length !== expected.length || baseline.some((t, i) => t !== expected[i])) {
      disagreements.push(`${expression}: aws-cron-parser ${firstDifference(baseline, expected)}`);
    }
  }
  return { timed, disagreements };
}

/** Milliseconds for one pass over `corpus`, averaged over `passes` passes. */
function timePasses(corpus: readonly string[], passes: number, next: (expression: string) => number[]): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) {
    for (const expression of corpus) {
      const times = next(expression);
      sink += times.length === 0 ? 0 : times[times.length - 1];
    }
  }
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  // Use the results, so no engine could skip computing them.
  if (sink === -1) throw new Error('unreachable');
  return elapsedMs / passes;
}

function timing(samples: readonly number[]): CronTiming {
  const s = summarize(samples);
  return { medianMs: s.median, minMs: s.min, maxMs: s.max };
}

/** Runs the cron benchmark: verification first, then alternating timed runs. */
export async function runCronBench(options: CronBenchOptions = {}): Promise<BenchResult> {
  const settings = options.quick ? SETTINGS.quick : SETTINGS.full;
  const { timed, disagreements } = verify(CRON_CORPUS);
  options.log?.(`cron: ${CRON_CORPUS.length} expressions verified against the brute force; ${timed.length} timed`);
  const ours = '@ecs-batch/core';
  const baseline = 'aws-cron-parser';
  const samples = await alternate(
    [
      { label: ours, run: async () => timePasses(timed, settings.passesPerSample, oursNext) },
      { label: baseline, run: async () => timePasses(timed, settings.passesPerSample, baselineNext) },
    ],
    { rounds: settings.rounds, warmupRounds: settings.warmupRounds, log: options.log },
  );
  const oursTiming = timing(samples.get(ours)!);
  const baselineTiming = timing(samples.get(baseline)!);
  return {
    name: `cron: next ${FIRE_TIMES} fire times of ${timed.length} expressions, parse included`,
    baseline: baselineTiming,
    ours: oursTiming,
    ratio: baselineTiming.medianMs / oursTiming.medianMs,
    disagreements,
    expressions: timed.length,
    runs: settings.rounds,
    target: CRON_TARGET_RATIO,
  };
}

function format(result: BenchResult): string {
  const row = (label: string, t: CronTiming) =>
    `${label.padEnd(16)} ${t.medianMs.toFixed(3).padStart(9)} ${t.minMs.toFixed(3).padStart(9)} ${t.maxMs.toFixed(3).padStart(9)}`;
  return [
    result.name,
    `${result.runs} runs per side, alternating; ms per pass over the corpus`,
    `${''.padEnd(16)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)}`,
    row('aws-cron-parser', result.baseline),
    row('@ecs-batch/core', result.ours),
    `ratio: ${result.ratio.toFixed(1)}× faster (target ≥ ${result.target}×: ${result.ratio >= result.target ? 'met' : 'MISSED'})`,
    `aws-cron-parser disagrees with the brute force on ${result.disagreements.length} expression(s)${result.disagreements.length ? ':' : ''}`,
    ...result.disagreements.map((d) => `  - ${d}`),
  ].join('\n');
}

if (require.main === module) {
  runCronBench({ quick: process.argv.includes('--quick'), log: (line) => process.stderr.write(`${line}\n`) })
    .then((result) => {
      process.stdout.write(`${format(result)}\n`);
      if (result.ratio < result.target) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
