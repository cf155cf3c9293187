/**
 * cache (monorepo): a cold test run (Nx cache and build output gone, as in a
 * fresh clone) against a warm one (every target from the Nx cache), in a
 * copy of the workspace so nobody's cache is emptied.
 *
 * Run alone: npx ts-node --project tsconfig.dev.json bench/cache.ts [--quick]
 */
import * as fs from 'fs';
import * as path from 'path';
import { alternate } from './lib/alternate';
import { Checkout, REPO_ROOT } from './lib/checkout';
import { profileProcessTree, renderProfileSummary } from './lib/cpu-profile';
import { runStandalone } from './lib/harness';
import { timeProcess } from './lib/process';
import { sidesTable } from './lib/report';
import { Benchmark, BenchOptions, BenchReport, Check, Side } from './lib/result';
import { ratioOfMedians } from './lib/stats';
import { meetsTarget } from './lib/verdict';

const TARGET_PERCENT = 15;
const COLD = 'cold';
const WARM = 'warm';
/** The root project: its test target is the monorepo's own jest suite, end-to-end proof included. */
const ROOT_PROJECT = 'ecs-batch-monorepo';
/** With --quick: one package's test target (and the build it depends on). */
const QUICK_PROJECT = '@ecs-batch/core';

/**
 * What is timed. The full run leaves out the root project's tests: they hold
 * the end-to-end suite (a local registry, `projen new` and two generated repos
 * built from scratch), minutes per cold run, which would make this bench alone
 * take longer than all the others together. Every package target is in.
 */
const SCOPES = {
  full: {
    describe: `every package's \`test\` target and the \`build\` targets they depend on (\`npm test\` without the root project \`${ROOT_PROJECT}\`)`,
    args: ['run-many', '--target=test', `--exclude=${ROOT_PROJECT}`, '--output-style=stream'],
    rounds: 2,
  },
  quick: {
    describe: `\`${QUICK_PROJECT}:test\` and the build it depends on`,
    args: ['run', `${QUICK_PROJECT}:test`, '--output-style=stream'],
    rounds: 1,
  },
};

/** Nx writes these (nx.json `outputs`); a fresh clone has none of them. */
const BUILD_OUTPUTS = ['lib', 'dist', '.jsii', 'API.md', 'tsconfig.tsbuildinfo'];

const NX_ENV: NodeJS.ProcessEnv = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

export const cacheBenchmark: Benchmark = {
  id: 'cache',
  async run(options: BenchOptions): Promise<BenchReport> {
    const scope = options.quick ? SCOPES.quick : SCOPES.full;
    const checkout = await Checkout.create(REPO_ROOT, options.source);
    try {
      const nx = checkout.path('node_modules', '.bin', 'nx');
      const runTests = () => timeProcess(nx, scope.args, { cwd: checkout.dir, env: NX_ENV, timeoutMs: 1_800_000 });
      const contenders = [
        {
          label: COLD,
          run: async () => {
            await timeProcess(nx, ['reset'], { cwd: checkout.dir, env: NX_ENV, timeoutMs: 120_000 });
            removeBuildOutputs(checkout);
            return runTests();
          },
        },
        {
          label: WARM,
          run: async () => {
            const run = await runTests();
            const cached = /from the cache instead of running the command for (\d+) out of (\d+) tasks/.exec(stripAnsi(run.stdout));
            if (!cached || cached[1] !== cached[2]) {
              throw new Error(`warm: Nx ran tasks instead of reading them all from its cache\n${run.stdout.slice(-2000)}`);
            }
            return run;
          },
        },
      ];
      options.log(`cache: ${scope.rounds} round(s) of cold / warm: nx ${scope.args.join(' ')}`);
      const samples = await alternate(contenders, { rounds: scope.rounds, log: options.log });
      const sides: Side[] = contenders.map((c) => ({ label: c.label, wallMs: samples.get(c.label)!.map((r) => r.wallMs) }));
      const lastWarm = samples.get(WARM)!.at(-1)!;
      const check: Check = {
        label: 'warm / cold',
        value: ratioOfMedians(sides[1].wallMs, sides[0].wallMs) * 100,
        unit: '%',
        op: '<=',
        limit: TARGET_PERCENT,
        relative: true,
      };
      let profile: string | undefined;
      if (!options.quick && !meetsTarget(check)) {
        options.log('cache: target missed, profiling one warm run');
        const summary = await profileProcessTree(nx, scope.args, { cwd: checkout.dir, env: NX_ENV, timeoutMs: 600_000 }, checkout.dir);
        profile = renderProfileSummary(summary);
      }
      return {
        id: 'cache',
        title: 'cache: cold against warm tests (Nx cache)',
        method: [
          `\`nx ${scope.args.join(' ')}\` in a copy of the workspace: ${scope.describe}.`,
          'Cold: `nx reset` and every build output removed first, as in a fresh clone (Jest\'s own transform cache is left warm,',
          'which only makes cold faster and the ratio harder to meet). Warm: the same command again, every task read from the Nx cache',
          '(the bench fails if Nx does not say so). The two alternate, cold first.',
        ].join(' '),
        tables: [sidesTable(sides, COLD, 'Wall time of the whole command')],
        checks: [check],
        notes: [
          ...(options.quick ? [] : [`Not in the timed command: the root project's own tests (\`${ROOT_PROJECT}:test\`, the end-to-end suite among them), for the time they take; see the e2e benchmark for that suite's own numbers.`]),
          `Nx on the warm run: "${cacheLine(lastWarm.stdout)}".`,
        ],
        profile,
      };
    } finally {
      checkout.dispose();
    }
  },
};

function removeBuildOutputs(checkout: Checkout): void {
  const packages = checkout.path('packages');
  for (const pkg of fs.readdirSync(packages)) {
    for (const output of BUILD_OUTPUTS) {
      fs.rmSync(path.join(packages, pkg, output), { recursive: true, force: true });
    }
  }
}

function cacheLine(stdout: string): string {
  return stripAnsi(stdout).split('\n').find((l) => /from the cache instead of running/.test(l))?.trim() ?? 'no cache line';
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

if (require.main === module) {
  void runStandalone(cacheBenchmark);
}
