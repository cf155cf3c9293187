/**
 * One synth process of the synth benchmark, as `cdktf synth` runs an app:
 * `node entry.js <side> <jobs> <outdir>` loads the modules of one side only,
 * builds the stack, synthesizes it into <outdir>, and prints its own phases
 * as JSON on stdout. The sides: `constructs` (EcsBatchJob) against `raw`
 * (the same Terraform by hand), and `tasks` (EcsScheduledTask) against
 * `raw-tasks` (the same Terraform by hand) and `article` (the schedules as
 * the original article writes them). bench/synth.ts compiles it to JavaScript
 * first, so neither side pays for TypeScript.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
// Both sides synthesize with cdktf's App and the AWS provider, as a real app does: loading them is in both.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { REGION } from './job-spec';

/** What one process prints: ms since the process started, per phase. */
export interface SynthPhases {
  /*). */
  readonly loadMs: number;
  /** Creating the constructs. */
  readonly buildMs: number;
  /** `app.synth()`: resolving tokens and writing cdk.tf.json. */
  readonly synthMs: number;
  /** Resources and data sources in the written stack. */
  readonly blocks: number;
  /** Resources in the written stack. */
  readonly resources: number;
  /** Data sources in the written stack. */
  readonly dataSources: number;
  /** CPU time of the whole process (user + system), from its start to the end of synth: less disturbed than wall time on a busy machine. */
  readonly cpuMs: number;
}

/** The sides, each with the module that builds it (loaded only by its own process). */
export const SIDES = ['constructs', 'raw', 'tasks', 'raw-tasks', 'article'] as const;
export type SynthSide = typeof SIDES[number];

async function builderOf(side: SynthSide): Promise<(scope: Construct, count: number) => void> {
  switch (side) {
    case 'constructs': return (await import('./construct-jobs')).addConstructJobs;
    case 'raw': return (await import('./raw-jobs')).addRawJobs;
    case 'tasks': return (await import('./construct-tasks')).addConstructTasks;
    case 'article': return (await import('./article-tasks')).addArticleTasks;
    case 'raw-tasks': return (await import('./raw-tasks')).addRawTasks;
  }
}

async function main(): Promise<void> {
  const [side, jobs, outdir] = process.argv.slice(2);
  const count = Number(jobs);
  if (!(SIDES as readonly string[]).includes(side) || !Number.isInteger(count) || count < 1 || !outdir) {
    throw new Error(`usage: node entry.js <${SIDES.join('|')}> <jobs> <outdir>`);
  }
  // Imported here, not at the top: each side loads only its own modules.
  const add = await builderOf(side as SynthSide);
  const loaded = performance.now();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AwsProvider(stack, 'aws', { region: REGION });
  add(stack, count);
  const built = performance.now();
  app.synth();
  const synthesized = performance.now();
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const written = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const countOf = (kind: 'resource' | 'data') =>
    Object.values(written[kind] ?? {}).reduce((n: number, byName) => n + Object.keys(byName as object).length, 0);
  const resources = countOf('resource');
  const dataSources = countOf('data');
  const phases: SynthPhases = {
    loadMs: loaded, buildMs: built - loaded, synthMs: synthesized - built, blocks: resources + dataSources, resources, dataSources, cpuMs,
  };
  process.stdout.write(`${JSON.stringify(phases)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
