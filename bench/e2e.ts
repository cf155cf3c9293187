/**
 * e2e (template): from `projen new --from ecs-batch-template` to a green
 * `projen build` of the generated repo, with a warm npm cache, split into
 * phases. Dependency install is the floor; everything else is ours. The same
 * path for projen's built-in TypeScript project is the baseline, in the same
 * run, alternating.
 *
 * Our packages are published to a local registry (Verdaccio on 127.0.0.1,
 * everything else proxied) as `npm run new` does, so installs are real.
 *
 * Run alone: npx ts-node --project tsconfig.dev.json bench/e2e.ts
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { alternate } from './lib/alternate';
import { Checkout, REPO_ROOT } from './lib/checkout';
import { profileProcessTree, renderProfileSummary } from './lib/cpu-profile';
import { runStandalone } from './lib/harness';
import { INSTALL, Phase, splitPhases, TimedLine } from './lib/phases';
import { timeProcess } from './lib/process';
import { formatMs, sidesTable } from './lib/report';
import { Benchmark, BenchOptions, BenchReport, Check, Side, Table } from './lib/result';
import { median, ratioOfMedians } from './lib/stats';
import { meetsTarget } from './lib/verdict';
import { run } from '../scripts/lib/command';
import { LocalRegistry } from '../scripts/lib/local-registry';
import { readNpmSettings } from '../scripts/lib/npm-settings';
import { packWorkspaces } from '../scripts/lib/pack-workspaces';

const TARGET_OVERHEAD_S = 30;
/** Three, so the median is a run: the median of two is their mean, which one slow run moves. */
const ROUNDS = 3;
const TEMPLATE = 'ecs-batch-template';
const BASELINE = 'projen new typescript';
/** Required options of EcsBatchProject (issue 6). */
const TEMPLATE_FLAGS = ['--team', 'bench'];
const NEW = 'new';

/** Offline-preferred, as with a warm cache; no audit or fund requests, which would time the network. */
const NPM_ENV: NodeJS.ProcessEnv = {
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

/** One run of one side: every phase in order, and the whole. */
interface E2eSample {
  readonly phases: readonly Phase[];
  readonly totalMs: number;
}

export const e2eBenchmark: Benchmark = {
  id: 'e2e',
  fullOnly: true,
  async run(options: BenchOptions): Promise<BenchReport> {
    const checkout = await Checkout.create(REPO_ROOT, options.source);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-batch-e2e-'));
    let registry: LocalRegistry | undefined;
    try {
      options.log('e2e: building and packing every package, publishing to a local registry');
      await run('npm', ['run', 'build'], { cwd: checkout.dir, timeoutMs: 1_200_000 });
      const packed = await packWorkspaces(checkout.dir, path.join(work, 'tarballs'));
      const template = packed.find((p) => p.name === TEMPLATE);
      if (!template) throw new Error(`pack: ${TEMPLATE} is not a workspace package`);
      const npm = await readNpmSettings(checkout.dir);
      registry = await LocalRegistry.start({ uplink: npm.registry, npmCache: npm.cache });
      const env = { ...registry.npmEnv(), ...NPM_ENV };
      for (const p of packed) await run('npm', ['publish', p.file], { cwd: work, env });

      const projen = checkout.path('node_modules', '.bin', 'projen');
      const projenVersion = JSON.parse(fs.readFileSync(checkout.path('node_modules', 'projen', 'package.json'), 'utf8')).version as string;
      const newArgs = {
        [TEMPLATE]: ['new', '--from', `${TEMPLATE}@${template.version}`, '--projen-version', projenVersion, ...TEMPLATE_FLAGS, '--no-post', '--no-git'],
        [BASELINE]: ['new', 'typescript', '--no-post', '--no-git'],
      };
      let next = 0;
      const newProject = async (label: keyof typeof newArgs): Promise<{ dir: string; newMs: number }> => {
        const dir = path.join(work, `${label.replace(/\W+/g, '-')}-${next++}`);
        fs.mkdirSync(dir);
        const created = await timeProcess(projen, newArgs[label], { cwd: dir, env, timeoutMs: 600_000 });
        return { dir, newMs: created.wallMs };
      };
      const cycle = (label: keyof typeof newArgs) => async (): Promise<E2eSample> => {
        const { dir, newMs } = await newProject(label);
        const installed = await timeProcess('npm', ['install'], { cwd: dir, env, timeoutMs: 1_200_000 });
        const lines: TimedLine[] = [];
        const built = await timeProcess(path.join(dir, 'node_modules', '.bin', 'projen'), ['build'], {
          cwd: dir,
          env,
          timeoutMs: 1_200_000,
          onLine: (atMs, text) => lines.push({ atMs, text }),
        });
        fs.rmSync(dir, { recursive: true, force: true });
        const phases = mergePhases([
          { name: NEW, ms: newMs },
          { name: INSTALL, ms: installed.wallMs },
          ...splitPhases(lines, built.wallMs).map((p) => ({ name: p.name === 'default' ? 'synth' : p.name, ms: p.ms })),
        ]);
        return { phases, totalMs: phases.reduce((sum, p) => sum + p.ms, 0) };
      };

      options.log(`e2e: one warm-up round, then ${ROUNDS} rounds of ${TEMPLATE} / ${BASELINE}`);
      const samples = await alternate(
        [TEMPLATE, BASELINE].map((label) => ({ label, run: cycle(label as keyof typeof newArgs) })),
        { rounds: ROUNDS, warmupRounds: 1, log: options.log },
      );
      const ours = samples.get(TEMPLATE)!;
      const baseline = samples.get(BASELINE)!;
      const overheadS = median(ours.map(overheadMs)) / 1000;
      const check: Check = {
        label: 'our time beyond dependency install',
        value: overheadS,
        unit: 's',
        op: '<=',
        limit: TARGET_OVERHEAD_S,
        relative: false,
      };
      const sides: Side[] = [
        { label: TEMPLATE, wallMs: ours.map((s) => s.totalMs) },
        { label: BASELINE, wallMs: baseline.map((s) => s.totalMs) },
      ];

      let profile: string | undefined;
      if (!meetsTarget(check)) {
        options.log('e2e: target missed, profiling the build of one generated repo');
        const { dir } = await newProject(TEMPLATE);
        await timeProcess('npm', ['install'], { cwd: dir, env, timeoutMs: 1_200_000 });
        profile = [
          'Profile of `projen build` in a freshly generated repo (its `npm install` done first, not profiled):',
          renderProfileSummary(await profileProcessTree(path.join(dir, 'node_modules', '.bin', 'projen'), ['build'], { cwd: dir, env, timeoutMs: 1_200_000 })),
        ].join('\n\n');
      }

      return {
        id: 'e2e',
        title: 'e2e: from `projen new` to a green `projen build`',
        method: [
          'Every package built and packed from the workspace, published to a local Verdaccio (third-party packages proxied),',
          `then in an empty folder: \`projen new --from ${TEMPLATE} ${TEMPLATE_FLAGS.join(' ')} --no-post\`, \`npm install\`, and \`projen build\`,`,
          `whose phases are timed from the task lines projen prints. The same for \`${BASELINE}\` (projen's built-in project) alternates with it.`,
          'The npm cache is warm (one warm-up round, discarded) and installs prefer it (`prefer-offline`, no audit).',
          'Dependency install (`npm install`, and any install projen runs during synth) is the floor; everything else is ours.',
        ].join(' '),
        tables: [
          phaseTable(ours, baseline),
          sidesTable(sides, BASELINE, 'The whole path, new to green build'),
        ],
        checks: [check],
        notes: [
          `Ours beyond install: ${(overheadS).toFixed(1)} s (median); ${BASELINE} beyond install: ${(median(baseline.map(overheadMs)) / 1000).toFixed(1)} s. ` +
            `Whole path ${ratioOfMedians(sides[0].wallMs, sides[1].wallMs).toFixed(2)}× the baseline's.`,
          `\`${NEW}\` includes the install of projen and the project type into the new folder that \`projen new --from\` does; it is counted as ours.`,
        ],
        profile,
      };
    } finally {
      await registry?.stop();
      fs.rmSync(work, { recursive: true, force: true });
      checkout.dispose();
    }
  },
};

function overheadMs(sample: E2eSample): number {
  return sample.phases.filter((p) => p.name !== INSTALL).reduce((sum, p) => sum + p.ms, 0);
}

/** Adds up phases of the same name (install happens twice: `npm install`, then projen's during synth). */
function mergePhases(phases: readonly Phase[]): Phase[] {
  const totals = new Map<string, number>();
  for (const p of phases) totals.set(p.name, (totals.get(p.name) ?? 0) + p.ms);
  return [...totals].map(([name, ms]) => ({ name, ms }));
}

/** One row per phase: the median of each side, and whose it is. */
function phaseTable(ours: readonly E2eSample[], baseline: readonly E2eSample[]): Table {
  const names = [...new Set([...ours, ...baseline].flatMap((s) => s.phases.map((p) => p.name)))];
  const phaseMedian = (samples: readonly E2eSample[], name: string) =>
    median(samples.map((s) => s.phases.find((p) => p.name === name)?.ms ?? 0));
  const rows = names.map((name) => [
    name,
    name === INSTALL ? 'floor (dependency install)' : 'ours',
    formatMs(phaseMedian(ours, name)),
    formatMs(phaseMedian(baseline, name)),
  ]);
  rows.push(['beyond install', 'ours', formatMs(median(ours.map(overheadMs))), formatMs(median(baseline.map(overheadMs)))]);
  return { caption: 'Median time per phase', header: ['phase', 'whose', TEMPLATE, BASELINE], rows };
}

if (require.main === module) {
  void runStandalone(e2eBenchmark);
}
