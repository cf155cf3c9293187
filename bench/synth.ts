/**
 * synth (cdktf): stacks of 1, 10, 50 and 200 `EcsBatchJob`s against the same
 * resources written with raw provider classes (bench/synth-stacks/), each
 * synthesized in its own Node.js process as `cdktf synth` runs an app, the
 * two sides alternating. Reports wall time and peak RSS per job count, so
 * that growth can be judged, and each process's own phases (load, build,
 * synth). Target: 50 jobs ≤ 1.2× the raw stack.
 *
 * Next to it, 50 `EcsScheduledTask`s against the same schedules written as
 * the original article writes them (per task a rule, a target and an invoke
 * role with an inline policy, literal ARNs), and against the constructs'
 * own Terraform by hand, the three alternating, with the resources and data
 * sources each side declares per task and each process's CPU time.
 * Target ≤ 1.15× the article's.
 *
 * Run alone: npx ts-node --project tsconfig.dev.json bench/synth.ts [--quick]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { alternate } from './lib/alternate';
import { Checkout, REPO_ROOT } from './lib/checkout';
import { profileProcessTree, renderProfileComparison } from './lib/cpu-profile';
import { runStandalone } from './lib/harness';
import { timeProcess } from './lib/process';
import { formatMs, sidesTable } from './lib/report';
import { Benchmark, BenchOptions, BenchReport, Check, Side, Table } from './lib/result';
import { median, ratioOfMedians } from './lib/stats';
import { compileSynthEntry, runSynthProcess, SynthSample } from './lib/synth-process';
import { phaseTable, scalingTable } from './lib/synth-tables';
import { formatValue, meetsTarget } from './lib/verdict';

export const SYNTH_TARGET_RATIO = 1.2;
/** The job count the target is about. */
export const TARGET_JOBS = 50;
export const CONSTRUCTS = 'EcsBatchJob';
export const RAW = 'raw provider classes';

/** The second comparison: scheduled tasks alone, against the article's raw classes. */
export const TASKS_TARGET_RATIO = 1.15;
export const TARGET_TASKS = 50;
export const SCHEDULED = 'EcsScheduledTask';
export const ARTICLE = 'article\'s raw classes';
/** The constructs' Terraform by hand: splits the gap into what the constructs declare and what running them costs. */
export const RAW_TASKS = 'same Terraform by hand';

/** Job counts and runs per side; --quick keeps the target's count and one below it. */
const SETTINGS = {
  full: { sizes: [1, 10, 50, 200], rounds: 9, warmupRounds: 1 },
  quick: { sizes: [10, TARGET_JOBS], rounds: 3, warmupRounds: 1 },
};

const NX_ENV: NodeJS.ProcessEnv = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

export const synthBenchmark: Benchmark = {
  id: 'synth',
  async run(options: BenchOptions): Promise<BenchReport> {
    const settings = options.quick ? SETTINGS.quick : SETTINGS.full;
    // A copy of the last commit (or the working tree): work in progress elsewhere cannot break or skew the run, and the build writes no one's lib/.
    const checkout = await Checkout.create(REPO_ROOT, options.source);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-batch-synth-'));
    try {
      // The constructs run from their built lib/, as a user's app loads them.
      options.log('synth: building @ecs-batch/cdktf and @ecs-batch/core in a copy of the workspace');
      await timeProcess(checkout.path('node_modules', '.bin', 'nx'), ['run', '@ecs-batch/cdktf:build', '--output-style=stream'], {
        cwd: checkout.dir, env: NX_ENV, timeoutMs: 900_000,
      });
      const entry = compileSynthEntry(checkout.dir);
      const bySize = new Map<number, Map<string, SynthSample[]>>();
      for (const jobs of settings.sizes) {
        options.log(`synth: ${jobs} job(s), ${settings.rounds} rounds of ${CONSTRUCTS} / ${RAW}`);
        bySize.set(jobs, await alternate([
          { label: CONSTRUCTS, run: () => runSynthProcess(entry, 'constructs', jobs, work, checkout.dir) },
          { label: RAW, run: () => runSynthProcess(entry, 'raw', jobs, work, checkout.dir) },
        ], { rounds: settings.rounds, warmupRounds: settings.warmupRounds, log: options.log }));
      }
      options.log(`synth: ${TARGET_TASKS} scheduled tasks, ${settings.rounds} rounds of ${SCHEDULED} / ${RAW_TASKS} / ${ARTICLE}`);
      const tasks = await alternate([
        { label: SCHEDULED, run: () => runSynthProcess(entry, 'tasks', TARGET_TASKS, work, checkout.dir) },
        { label: RAW_TASKS, run: () => runSynthProcess(entry, 'raw-tasks', TARGET_TASKS, work, checkout.dir) },
        { label: ARTICLE, run: () => runSynthProcess(entry, 'article', TARGET_TASKS, work, checkout.dir) },
      ], { rounds: settings.rounds, warmupRounds: settings.warmupRounds, log: options.log });
      const taskSides: Side[] = [SCHEDULED, RAW_TASKS, ARTICLE].map((label) => ({
        label,
        wallMs: tasks.get(label)!.map((s) => s.wallMs),
        peakRssKb: tasks.get(label)!.flatMap((s) => (s.peakRssKb === undefined ? [] : [s.peakRssKb])),
      }));
      const tasksCheck: Check = {
        label: `${SCHEDULED} / ${ARTICLE} at ${TARGET_TASKS} tasks`,
        value: ratioOfMedians(taskSides[0].wallMs, taskSides[2].wallMs),
        unit: 'x',
        op: '<=',
        limit: TASKS_TARGET_RATIO,
        relative: true,
      };

      const sidesAt = (jobs: number): Side[] => [CONSTRUCTS, RAW].map((label) => ({
        label,
        wallMs: bySize.get(jobs)!.get(label)!.map((s) => s.wallMs),
        peakRssKb: bySize.get(jobs)!.get(label)!.flatMap((s) => (s.peakRssKb === undefined ? [] : [s.peakRssKb])),
      }));
      const ratioAt = (jobs: number) => ratioOfMedians(sidesAt(jobs)[0].wallMs, sidesAt(jobs)[1].wallMs);
      const check: Check = {
        label: `${CONSTRUCTS} / ${RAW} at ${TARGET_JOBS} jobs`,
        value: ratioAt(TARGET_JOBS),
        unit: 'x',
        op: '<=',
        limit: SYNTH_TARGET_RATIO,
        relative: true,
      };

      // The target names 50 jobs, but a ratio over it at another count is worth explaining too, from a profile rather than a guess.
      const over = settings.sizes.filter((jobs) => !meetsTarget({ ...check, value: ratioAt(jobs) }));
      const profiles: string[] = [];
      if (!options.quick && over.length > 0) {
        // The largest such count: the most per-job work against the same startup.
        const jobs = Math.max(...over);
        options.log(`synth: over ${SYNTH_TARGET_RATIO}× at ${over.join(', ')} job(s), profiling one ${jobs}-job process of each side`);
        const profileSide = async (label: string, side: 'constructs' | 'raw') => {
          const args = [entry, side, String(jobs), fs.mkdtempSync(path.join(work, 'profile-'))];
          return { label, summary: await profileProcessTree(process.execPath, args, { cwd: checkout.dir, timeoutMs: 300_000 }, checkout.dir) };
        };
        profiles.push([
          `Over ${SYNTH_TARGET_RATIO}× at ${over.join(', ')} job(s); one ${jobs}-job process of each side, profiled`,
          '(`packages/cdktf` and `packages/core` are the constructs; `cdktf` is token resolution and synthesis, which both sides run):',
          '',
          renderProfileComparison(await profileSide(CONSTRUCTS, 'constructs'), await profileSide(RAW, 'raw')),
        ].join('\n'));
      }
      if (!options.quick && !meetsTarget(tasksCheck)) {
        options.log(`synth: ${SCHEDULED} over ${TASKS_TARGET_RATIO}×, profiling one ${TARGET_TASKS}-task process of each side`);
        const profileSide = async (label: string, side: 'tasks' | 'article') => {
          const args = [entry, side, String(TARGET_TASKS), fs.mkdtempSync(path.join(work, 'profile-'))];
          return { label, summary: await profileProcessTree(process.execPath, args, { cwd: checkout.dir, timeoutMs: 300_000 }, checkout.dir) };
        };
        profiles.push([
          `${SCHEDULED} over ${TASKS_TARGET_RATIO}× at ${TARGET_TASKS} tasks; one process of each side, profiled:`,
          '',
          renderProfileComparison(await profileSide(SCHEDULED, 'tasks'), await profileSide(ARTICLE, 'article')),
        ].join('\n'));
      }
      const profile = profiles.length > 0 ? profiles.join('\n\n') : undefined;

      return {
        id: 'synth',
        title: 'synth: `EcsBatchJob` and `EcsScheduledTask` against raw provider classes',
        method: [
          `Stacks of ${settings.sizes.join(', ')} jobs, each job what a generated repo's \`infra/main.ts\` declares by default`,
          '(Scheduler in Asia/Tokyo, failure alerts to a created topic with an email, a missed-run alarm: 14 resources, and the account, region and partition data sources the stack shares),',
          'as `EcsBatchJob`s and as the same resources written by hand with `@cdktf/provider-aws/lib/<resource>` classes and literal policies',
          '([bench/synth-stacks/](../bench/synth-stacks)). Both synthesize identical Terraform JSON, logical ids included',
          '([test/bench/synth-stacks.test.ts](../test/bench/synth-stacks.test.ts)).',
          'Each run is a fresh `node` process, as `cdktf synth` runs an app: load the modules, build the stack, `app.synth()` into a temp folder.',
          'The sides alternate per job count; one warm-up round is discarded. The constructs run from `@ecs-batch/cdktf`\'s `lib/`,',
          'built in a copy of the last commit as it is published (its post-compile step makes each module require what it imports on first use:',
          '[projenrc/lazy-requires.ts](../projenrc/lazy-requires.ts)); the entry script is compiled to JavaScript beforehand, so no side pays for TypeScript.',
          `Second comparison: ${TARGET_TASKS} \`EcsScheduledTask\`s (an EventBridge rule in UTC starting an existing task definition, a literal ARN,`,
          'on FARGATE with a public IP) against the same schedules as the original article writes them with raw provider classes:',
          'per task one rule, one target and one invoke role with an inline policy, literal ARNs, no data source',
          '([bench/synth-stacks/article-tasks.ts](../bench/synth-stacks/article-tasks.ts)). The Terraform differs (the constructs add',
          'a separate role policy, a source-account trust and a retry policy), so the blocks each side declares are reported next to the time.',
          'A third side writes the constructs\' Terraform by hand, identical JSON included ([bench/synth-stacks/raw-tasks.ts](../bench/synth-stacks/raw-tasks.ts)):',
          'it splits the gap into what the constructs declare and what running them costs. The three run as separate processes, alternating, in the same run;',
          'each process also reports its own CPU time, which a busy machine disturbs less than wall time.',
        ].join(' '),
        tables: [
          scalingTable(settings.sizes, bySize, CONSTRUCTS, RAW),
          phaseTable(settings.sizes, bySize, [CONSTRUCTS, RAW]),
          ...settings.sizes.map((jobs) => sidesTable(sidesAt(jobs), RAW, `${jobs} job(s): wall time of the whole process, and its peak RSS`)),
          sidesTable(taskSides, ARTICLE, `${TARGET_TASKS} scheduled tasks: wall time of the whole process, and its peak RSS`),
          phaseTable([TARGET_TASKS], new Map([[TARGET_TASKS, tasks]]), [SCHEDULED, RAW_TASKS, ARTICLE]),
          cpuTable(TARGET_TASKS, tasks, [SCHEDULED, RAW_TASKS, ARTICLE], ARTICLE),
          declaredTable([
            { label: CONSTRUCTS, jobs: TARGET_JOBS, sample: bySize.get(TARGET_JOBS)!.get(CONSTRUCTS)![0] },
            { label: RAW, jobs: TARGET_JOBS, sample: bySize.get(TARGET_JOBS)!.get(RAW)![0] },
            { label: SCHEDULED, jobs: TARGET_TASKS, sample: tasks.get(SCHEDULED)![0] },
            { label: RAW_TASKS, jobs: TARGET_TASKS, sample: tasks.get(RAW_TASKS)![0] },
            { label: ARTICLE, jobs: TARGET_TASKS, sample: tasks.get(ARTICLE)![0] },
          ]),
        ],
        checks: [check, tasksCheck],
        notes: [
          `The target is on the whole process, as \`cdktf synth\` runs it. Without Node.js startup and module loading, build + synth alone at ${TARGET_JOBS} jobs ` +
            `is ${formatValue(inProcessRatio(bySize.get(TARGET_JOBS)!), 'x')} the raw stack's (medians, from the phase table).`,
          '"per extra job" is the growth between one job count and the next, divided by the jobs added: constant means linear growth.',
          'Peak RSS is that of the one `node` process (GNU time), in MiB.',
          `Of the ${formatValue(tasksCheck.value, 'x')} at ${TARGET_TASKS} scheduled tasks: the constructs' Terraform written by hand is ` +
            `${formatValue(ratioOfMedians(taskSides[1].wallMs, taskSides[2].wallMs), 'x')} the article's (what the constructs declare: a separate role policy, ` +
            `the trust conditions, the retry policy, the shared account data source); ${SCHEDULED} is ` +
            `${formatValue(ratioOfMedians(taskSides[0].wallMs, taskSides[1].wallMs), 'x')} that (what running the constructs costs for the same Terraform: ` +
            'loading `@ecs-batch/cdktf` and `@ecs-batch/core`, validation, core\'s policies).',
        ],
        profile,
      };
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      checkout.dispose();
    }
  },
};

/** What each side's stack declares: resources and data sources, in all and per job (or scheduled task). */
function declaredTable(rows: readonly { label: string; jobs: number; sample: SynthSample }[]): Table {
  const perJob = (n: number, jobs: number) => String(Number((n / jobs).toFixed(2)));
  return {
    caption: 'What each stack declares: resources and data sources, in all and per job (a job of `EcsScheduledTask` is one task)',
    header: ['side', 'jobs', 'resources', 'data sources', 'resources per job', 'data sources per job', '(resources + data sources) per job'],
    rows: rows.map(({ label, jobs, sample }) => [
      label,
      String(jobs),
      String(sample.phases.resources),
      String(sample.phases.dataSources),
      perJob(sample.phases.resources, jobs),
      perJob(sample.phases.dataSources, jobs),
      perJob(sample.phases.blocks, jobs),
    ]),
  };
}

/** CPU time (user + system) of each side's whole process, medians, and the ratio to `baseline`. */
function cpuTable(jobs: number, samples: ReadonlyMap<string, readonly SynthSample[]>, labels: readonly string[], baseline: string): Table {
  const cpu = (label: string) => median(samples.get(label)!.map((s) => s.phases.cpuMs));
  return {
    caption: `${jobs} scheduled tasks: CPU time of the whole process (user + system, medians)`,
    header: ['side', 'CPU', `× ${baseline}`],
    rows: labels.map((label) => [label, formatMs(cpu(label)), formatValue(cpu(label) / cpu(baseline), 'x')]),
  };
}

/** Build + synth of the constructs over the raw stack's, medians: the part of the process the constructs change. */
function inProcessRatio(samples: ReadonlyMap<string, readonly SynthSample[]>): number {
  const work = (label: string) => samples.get(label)!.map((s) => s.phases.buildMs + s.phases.synthMs);
  return ratioOfMedians(work(CONSTRUCTS), work(RAW));
}

if (require.main === module) {
  void runStandalone(synthBenchmark);
}
