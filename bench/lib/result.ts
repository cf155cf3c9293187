import { Source } from './checkout';

/**
 * What every benchmark hands the harness. The harness renders it into
 * docs/benchmarks.md and, with --quick, checks its ratios.
 */

/** One side of a comparison: the wall times of its runs and, where measured, their peak RSS. */
export interface Side {
  readonly label: string;
  readonly wallMs: readonly number[];
  /** Peak resident set size per run, in KiB (the largest process of the run's tree). */
  readonly peakRssKb?: readonly number[];
}

/** A markdown table. */
export interface Table {
  readonly caption?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A number with a target, e.g. "template / fixture ≤ 1.3×". */
export interface Check {
  readonly label: string;
  readonly value: number;
  /** How the value prints: `x` (a ratio), `%` (a share, value in percent) or `s` (seconds). */
  readonly unit: 'x' | '%' | 's';
  readonly op: '<=' | '>=';
  readonly limit: number;
  /**
   * `--quick` checks only relative numbers (ratios, shares), never absolute
   * times: CI machines differ, ratios measured in one run do not.
   */
  readonly relative: boolean;
}

/** Everything one benchmark measured. */
export interface BenchReport {
  readonly id: string;
  readonly title: string;
  /** Markdown: what is measured and how, in a sentence or three. */
  readonly method: string;
  readonly tables: readonly Table[];
  readonly checks: readonly Check[];
  readonly notes: readonly string[];
  /**
   * Markdown, only where a target was missed in a full run: where the time
   * goes, from a `--cpu-prof` profile of the slow side.
   */
  readonly profile?: string;
}

export interface BenchOptions {
  /** The short CI variant: fewer runs, smaller inputs. */
  readonly quick: boolean;
  /** What to build and measure: the last commit, or the working tree as it is. */
  readonly source: Source;
  /** Progress lines go here (stderr), never into the report. */
  readonly log: (line: string) => void;
}

/** A benchmark the harness can run. */
export interface Benchmark {
  readonly id: string;
  /** Skipped with --quick, e.g. because it needs minutes or a local registry. */
  readonly fullOnly?: boolean;
  run(options: BenchOptions): Promise<BenchReport>;
}
