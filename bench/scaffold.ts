/**
 * scaffold (template): `projen new --from ecs-batch-template --no-post`
 * against the same command for a minimal jsii project type fixture
 * (bench/fixtures/minimal-project-type), both packed at bench time and
 * installed the same way, alternating in separate processes. Also
 * `projen new typescript --no-post` (built in, nothing to install) for reference.
 *
 * Run alone: npx ts-node --project tsconfig.dev.json bench/scaffold.ts [--quick]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { alternate } from './lib/alternate';
import { Checkout, REPO_ROOT } from './lib/checkout';
import { profileProcessTree, renderProfileComparison } from './lib/cpu-profile';
import { directoryBytes } from './lib/disk';
import { runStandalone } from './lib/harness';
import { timeProcess, TimedRun } from './lib/process';
import { formatBytes, sidesTable } from './lib/report';
import { Benchmark, BenchOptions, BenchReport, Check, Side } from './lib/result';
import { median, ratioOfMedians } from './lib/stats';
import { meetsTarget } from './lib/verdict';

const TARGET_RATIO = 1.3;
const ROUNDS = { full: 5, quick: 2 };
const TEMPLATE = 'ecs-batch-template';
const FIXTURE = 'minimal fixture';
const BUILT_IN = 'projen new typescript';
/** Required options of EcsBatchProject (issue 6); the fixture has none. */
const TEMPLATE_FLAGS = ['--team', 'bench'];

/**
 * The same npm for every side: the user's warm cache, offline-preferred
 * (no metadata round trips for what is cached), and no audit or fund
 * requests, which would time the network rather than the install.
 */
const NPM_ENV: NodeJS.ProcessEnv = {
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

interface Tarballs {
  readonly core: string;
  readonly template: string;
  readonly fixture: string;
}

interface ScaffoldSample {
  readonly run: TimedRun;
  readonly nodeModulesBytes: number;
}

export const scaffoldBenchmark: Benchmark = {
  id: 'scaffold',
  async run(options: BenchOptions): Promise<BenchReport> {
    const checkout = await Checkout.create(REPO_ROOT, options.source);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-batch-scaffold-'));
    try {
      options.log('scaffold: building and packing @ecs-batch/core, ecs-batch-template and the fixture');
      const tarballs = await packAll(checkout, path.join(work, 'tarballs'));
      const projen = checkout.path('node_modules', '.bin', 'projen');
      const projenVersion = readJson(checkout.path('node_modules', 'projen', 'package.json')).version as string;
      let next = 0;
      const newDir = (label: string) => {
        const dir = path.join(work, `${label.replace(/\W+/g, '-')}-${next++}`);
        fs.mkdirSync(dir);
        return dir;
      };
      const fromArgs = (tarball: string, extra: readonly string[]) =>
        ['new', '--from', tarball, '--projen-version', projenVersion, '--no-post', '--no-git', ...extra];
      const contenders = [
        { label: TEMPLATE, args: fromArgs(tarballs.template, TEMPLATE_FLAGS), from: true },
        { label: FIXTURE, args: fromArgs(tarballs.fixture, []), from: true },
        { label: BUILT_IN, args: ['new', 'typescript', '--no-post', '--no-git'], from: false },
      ].map((c) => ({
        label: c.label,
        run: async (): Promise<ScaffoldSample> => {
          const dir = newDir(c.label);
          if (c.from) writeInstallManifest(dir, tarballs.core);
          const run = await timeProcess(projen, c.args, { cwd: dir, env: NPM_ENV, timeoutMs: 300_000 });
          if (!fs.existsSync(path.join(dir, '.projenrc.ts'))) {
            throw new Error(`${c.label}: projen new exited 0 but wrote no .projenrc.ts in ${dir}\n${run.stdout}${run.stderr}`);
          }
          const nodeModulesBytes = directoryBytes(path.join(dir, 'node_modules'));
          fs.rmSync(dir, { recursive: true, force: true });
          return { run, nodeModulesBytes };
        },
      }));

      options.log(`scaffold: ${options.quick ? ROUNDS.quick : ROUNDS.full} rounds of ${contenders.map((c) => c.label).join(' / ')}`);
      const samples = await alternate(contenders, {
        rounds: options.quick ? ROUNDS.quick : ROUNDS.full,
        warmupRounds: 1,
        log: options.log,
      });
      const sides: Side[] = contenders.map((c) => ({
        label: c.label,
        wallMs: samples.get(c.label)!.map((s) => s.run.wallMs),
        peakRssKb: samples.get(c.label)!.flatMap((s) => (s.run.peakRssKb === undefined ? [] : [s.run.peakRssKb])),
      }));
      const bytes = (label: string) => median(samples.get(label)!.map((s) => s.nodeModulesBytes));
      const check: Check = {
        label: `${TEMPLATE} / ${FIXTURE}`,
        value: ratioOfMedians(sides[0].wallMs, sides[1].wallMs),
        unit: 'x',
        op: '<=',
        limit: TARGET_RATIO,
        relative: true,
      };

      let profile: string | undefined;
      if (!options.quick && !meetsTarget(check)) {
        options.log('scaffold: target missed, profiling one run of each side');
        const profileSide = async (label: string, args: readonly string[]) => {
          const dir = newDir(`profile-${label}`);
          writeInstallManifest(dir, tarballs.core);
          return { label, summary: await profileProcessTree(projen, args, { cwd: dir, env: NPM_ENV, timeoutMs: 300_000 }) };
        };
        profile = renderProfileComparison(
          await profileSide(TEMPLATE, fromArgs(tarballs.template, TEMPLATE_FLAGS)),
          await profileSide(FIXTURE, fromArgs(tarballs.fixture, [])),
        );
      }

      return {
        id: 'scaffold',
        title: 'scaffold: `projen new --from ecs-batch-template`',
        method: [
          '`projen new --from <tarball> --no-post` for `ecs-batch-template` against the same command for',
          '[a minimal jsii project type](../bench/fixtures/minimal-project-type) (a `TypeScriptProject` subclass),',
          'both compiled and packed in the same run, each run in a fresh empty folder and its own process, the sides alternating.',
          `Both install the same way: from local tarballs, with projen pinned (\`--projen-version ${projenVersion}\`),`,
          'the same warm npm cache, `prefer-offline`, no audit. `@ecs-batch/core` is not on the public registry, so each',
          'folder starts with a `package.json` whose `overrides` point it at the packed core tarball (a no-op for the fixture).',
          '`projen new typescript --no-post` is built into projen and installs nothing: the floor, for reference. One warm-up round is discarded.',
        ].join(' '),
        tables: [
          sidesTable(sides, FIXTURE, 'Wall time of `projen new`, and peak RSS of the largest process'),
          {
            caption: 'What the `--from` install leaves in node_modules (median per run)',
            header: ['side', 'tarball', 'node_modules', `added over ${FIXTURE}`],
            rows: [
              [TEMPLATE, `${formatBytes(fileBytes(tarballs.template))} (+ core ${formatBytes(fileBytes(tarballs.core))})`,
                formatBytes(bytes(TEMPLATE)), formatBytes(bytes(TEMPLATE) - bytes(FIXTURE))],
              [FIXTURE, formatBytes(fileBytes(tarballs.fixture)), formatBytes(bytes(FIXTURE)), '0'],
              [BUILT_IN, 'none', formatBytes(bytes(BUILT_IN)), ''],
            ],
          },
        ],
        checks: [check],
        notes: [
          'Both `--from` sides first install projen itself into the new folder (what `projen new --from` always does), so that cost is in both.',
        ],
        profile,
      };
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      checkout.dispose();
    }
  },
};

/**
 * Builds core and the template the way their packages build (`npm run build`:
 * jsii, docgen, the template's bundled HCL and versions), compiles the
 * fixture with jsii, and packs all three.
 */
async function packAll(checkout: Checkout, dest: string): Promise<Tarballs> {
  fs.mkdirSync(dest, { recursive: true });
  const core = checkout.path('packages', 'core');
  const template = checkout.path('packages', 'ecs-batch-template');
  await timeProcess('npm', ['run', 'build'], { cwd: core, timeoutMs: 600_000 });
  await timeProcess('npm', ['run', 'build'], { cwd: template, timeoutMs: 600_000 });
  // The fixture compiles where its dependencies (projen, constructs) resolve: under the checkout.
  const fixture = checkout.path('bench', 'fixtures', 'minimal-project-type');
  await timeProcess(checkout.path('node_modules', '.bin', 'jsii'), ['--silence-warnings=reserved-word'], { cwd: fixture, timeoutMs: 300_000 });
  return {
    core: await pack(core, dest),
    template: await pack(template, dest),
    fixture: await pack(fixture, dest),
  };
}

async function pack(dir: string, dest: string): Promise<string> {
  const run = await timeProcess('npm', ['pack', '--json', '--pack-destination', dest], { cwd: dir, env: NPM_ENV, timeoutMs: 120_000 });
  const [packed] = JSON.parse(run.stdout) as { filename: string }[];
  return path.join(dest, packed.filename);
}

/**
 * The folder's starting package.json, the same on both `--from` sides:
 * `overrides` make `@ecs-batch/core` resolve to its packed tarball, since
 * it is not on the public registry. projen replaces the file when it synthesizes.
 */
function writeInstallManifest(dir: string, coreTarball: string): void {
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: path.basename(dir),
    version: '0.0.0',
    private: true,
    overrides: { '@ecs-batch/core': `file:${coreTarball}` },
  }, null, 2));
}

function fileBytes(file: string): number {
  return fs.statSync(file).size;
}

function readJson(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

if (require.main === module) {
  void runStandalone(scaffoldBenchmark);
}
