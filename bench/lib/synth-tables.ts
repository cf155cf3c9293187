import { formatKb, formatMs } from './report';
import { Table } from './result';
import { median } from './stats';
import type { SynthSample } from './synth-process';
import { formatValue } from './verdict';

/** Samples per job count, then per side label, as `alternate` returns them for each count. */
export type SamplesBySize = ReadonlyMap<number, ReadonlyMap<string, readonly SynthSample[]>>;

function samplesOf(bySize: SamplesBySize, jobs: number, label: string): readonly SynthSample[] {
  const samples = bySize.get(jobs)?.get(label);
  if (!samples || samples.length === 0) throw new Error(`${label}: no samples at ${jobs} job(s)`);
  return samples;
}

/**
 * How a median grows from one job count to the next, per job added: the
 * same figure at every step means linear growth. Empty for the first count.
 */
export function perExtraJob(sizes: readonly number[], medianAt: (jobs: number) => number): (number | undefined)[] {
  return sizes.map((jobs, i) => (i === 0 ? undefined : (medianAt(jobs) - medianAt(sizes[i - 1])) / (jobs - sizes[i - 1])));
}

/** Wall time and peak RSS per job count for both sides, their ratios, and the growth per extra job. */
export function scalingTable(sizes: readonly number[], bySize: SamplesBySize, subject: string, baseline: string): Table {
  const wall = (label: string) => (jobs: number) => median(samplesOf(bySize, jobs, label).map((s) => s.wallMs));
  const rss = (label: string) => (jobs: number) => {
    const kb = samplesOf(bySize, jobs, label).flatMap((s) => (s.peakRssKb === undefined ? [] : [s.peakRssKb]));
    return kb.length === 0 ? NaN : median(kb);
  };
  const growth = [subject, baseline].flatMap((label) => [perExtraJob(sizes, wall(label)), perExtraJob(sizes, rss(label))]);
  const showMs = (ms: number | undefined) => (ms === undefined ? '' : formatMs(ms));
  const showKb = (kb: number) => (Number.isNaN(kb) ? 'n/a' : formatKb(kb));
  const showKbGrowth = (kb: number | undefined) => (kb === undefined ? '' : Number.isNaN(kb) ? 'n/a' : `${(kb / 1024).toFixed(2)} MiB`);
  const rows = sizes.map((jobs, i) => {
    const blocks = samplesOf(bySize, jobs, subject)[0].phases.blocks;
    const rssRatio = rss(subject)(jobs) / rss(baseline)(jobs);
    return [
      String(jobs),
      String(blocks),
      formatMs(wall(subject)(jobs)),
      formatMs(wall(baseline)(jobs)),
      formatValue(wall(subject)(jobs) / wall(baseline)(jobs), 'x'),
      showMs(growth[0][i]),
      showMs(growth[2][i]),
      showKb(rss(subject)(jobs)),
      showKb(rss(baseline)(jobs)),
      Number.isNaN(rssRatio) ? 'n/a' : formatValue(rssRatio, 'x'),
      showKbGrowth(growth[1][i]),
      showKbGrowth(growth[3][i]),
    ];
  });
  return {
    caption: 'Growth with the job count: median wall time and peak RSS of the whole process',
    header: [
      'jobs', 'resources + data', `${subject} wall`, `${baseline} wall`, 'wall ratio',
      `${subject} per extra job`, `${baseline} per extra job`,
      `${subject} RSS`, `${baseline} RSS`, 'RSS ratio', `${subject} RSS per extra job`, `${baseline} RSS per extra job`,
    ],
    rows,
  };
}

/** Each side's own phases (medians): startup and module loading, building the constructs, app.synth(). */
export function phaseTable(sizes: readonly number[], bySize: SamplesBySize, labels: readonly string[]): Table {
  const rows = sizes.flatMap((jobs) => labels.map((label) => {
    const samples = samplesOf(bySize, jobs, label);
    const phase = (key: 'loadMs' | 'buildMs' | 'synthMs') => median(samples.map((s) => s.phases[key]));
    return [
      String(jobs),
      label,
      formatMs(phase('loadMs')),
      formatMs(phase('buildMs')),
      formatMs(phase('synthMs')),
      formatMs((phase('buildMs') + phase('synthMs')) / jobs),
    ];
  }));
  return {
    caption: 'Inside each process (medians): Node.js startup and module loading, building the stack, `app.synth()`',
    header: ['jobs', 'side', 'startup + load', 'build', 'synth', '(build + synth) per job'],
    rows,
  };
}
