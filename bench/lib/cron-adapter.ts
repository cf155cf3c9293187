import * as path from 'path';
import { profileProcessTree, renderProfileSummary } from './cpu-profile';
import { formatMs } from './report';
import { Benchmark, BenchOptions, BenchReport, Check } from './result';
import { meetsTarget } from './verdict';
import { BenchResult, CronTiming, runCronBench } from '../cron';

/**
 * bench/cron.ts as the harness runs it: its result (medians of one pass over
 * the corpus per side, the speed-up, and where aws-cron-parser disagrees
 * with the brute force) as a report, and a profile of our side alone when
 * the speed-up falls short.
 */
export const cronBenchmark: Benchmark = {
  id: 'cron',
  async run(options: BenchOptions): Promise<BenchReport> {
    const report = cronReport(await runCronBench({ quick: options.quick, log: options.log }));
    if (options.quick || report.checks.every(meetsTarget)) return report;
    options.log('cron: target missed, profiling our side alone');
    return { ...report, profile: await profileOurSide() };
  },
};

export function cronReport(result: BenchResult, profile?: string): BenchReport {
  const row = (label: string, t: CronTiming) =>
    [label, String(result.runs), formatMs(t.medianMs), formatMs(t.minMs), formatMs(t.maxMs), `${(result.baseline.medianMs / t.medianMs).toFixed(1)}×`];
  const check: Check = {
    label: '@ecs-batch/core speed-up over aws-cron-parser',
    value: result.ratio,
    unit: 'x',
    op: '>=',
    limit: result.target,
    relative: true,
  };
  return {
    id: 'cron',
    title: 'cron: next 100 fire times, against aws-cron-parser',
    method: [
      `One pass computes the next 100 fire times of each of ${result.expressions} expressions`,
      '([bench/cron-corpus.ts](../bench/cron-corpus.ts)), parse included, with `Schedule.expression(...).nextFireTimes` and with `aws-cron-parser`,',
      'the two alternating in one process after warm-up passes. Before any timing, every result of ours is checked equal to',
      'the brute-force evaluator of the tests (minute by minute), and so is aws-cron-parser\'s: where it differs, it is listed below.',
    ].join(' '),
    tables: [
      {
        caption: 'Time of one pass over the corpus',
        header: ['side', 'runs', 'median', 'min', 'max', 'speed vs aws-cron-parser'],
        rows: [row('@ecs-batch/core', result.ours), row('aws-cron-parser', result.baseline)],
      },
      ...(result.disagreements.length === 0 ? [] : [{
        caption: `Where aws-cron-parser disagrees with the brute force (${result.disagreements.length} expressions; ours agrees on all)`,
        header: ['expression', 'aws-cron-parser'],
        rows: result.disagreements.map(splitDisagreement),
      }]),
    ],
    checks: [check],
    notes: result.disagreements.length === 0 ? ['aws-cron-parser agrees with the brute force on every expression.'] : [],
    profile,
  };
}

/** `cron(0 0 31 * ? *): aws-cron-parser fire time 2: …` → the expression, and what went wrong. */
function splitDisagreement(line: string): string[] {
  const at = line.indexOf(': ');
  const expression = line.slice(0, at);
  return [`\`${expression}\``, line.slice(at + 2).replace(/^aws-cron-parser /, '')];
}

async function profileOurSide(): Promise<string> {
  const root = path.resolve(__dirname, '..', '..');
  const summary = await profileProcessTree(
    path.join(root, 'node_modules', '.bin', 'ts-node'),
    ['--project', 'tsconfig.dev.json', path.join(__dirname, 'cron-profile-entry.ts')],
    { cwd: root, timeoutMs: 300_000 },
    root,
  );
  return [
    'Our side alone (bench/lib/cron-profile-entry.ts: the corpus over and over for 10 s, after ts-node compiles it;',
    'the compiler shows as `typescript`, our evaluator as `packages/core`):',
    '',
    renderProfileSummary(summary),
  ].join('\n');
}
