/**
 * The few statistics a benchmark table shows. Medians, not means: one run
 * slowed by another process on a shared 2-core machine must not move the result.
 */

/** Median, min and max of a set of samples. */
export interface Summary {
  readonly runs: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** The middle sample (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  requireSamples(samples);
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  requireSamples(samples);
  return {
    runs: samples.length,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/** `subject / baseline` of the medians: above 1 the subject is slower (or bigger). */
export function ratioOfMedians(subject: readonly number[], baseline: readonly number[]): number {
  const base = median(baseline);
  if (base <= 0) {
    throw new Error(`baseline: median is ${base} (a ratio needs a positive baseline)`);
  }
  return median(subject) / base;
}

function requireSamples(samples: readonly number[]): void {
  if (samples.length === 0) {
    throw new Error('samples: empty (at least one run is needed)');
  }
  if (samples.some((s) => !Number.isFinite(s))) {
    throw new Error(`samples: ${samples.join(', ')} (finite numbers only)`);
  }
}
