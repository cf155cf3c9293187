/**
 * One synth process of the synth benchmark, as `cdktf synth` runs an app:
 * `node entry.js <constructs|raw> <jobs> <outdir>` loads the modules of one
 * side only, builds the stack, synthesizes it into <outdir>, and prints its
 * own phases as JSON on stdout. bench/synth.ts compiles it to JavaScript
 * first, so neither side pays for TypeScript.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
// Both sides synthesize with cdktf's App and the AWS provider, as a real app does: loading them is in both.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
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
}

async function main(): Promise<void> {
  const [side, jobs, outdir] = process.argv.slice(2);
  const count = Number(jobs);
  if ((side !== 'constructs' && side !== 'raw') || !Number.isInteger(count) || count < 1 || !outdir) {
    throw new Error('usage: node entry.js <constructs|raw> <jobs> <outdir>');
  }
  // Imported here, not at the top: each side loads only its own modules.
  const add = side === 'constructs'
    ? (await import('./construct-jobs')).addConstructJobs
    : (await import('./raw-jobs')).addRawJobs;
  const loaded = performance.now();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AwsProvider(stack, 'aws', { region: REGION });
  add(stack, count);
  const built = performance.now();
  app.synth();
  const synthesized = performance.now();
  const written = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const blocks = ['resource', 'data'].reduce((sum, kind) =>
    sum + Object.values(written[kind] ?? {}).reduce((n: number, byName) => n + Object.keys(byName as object).length, 0), 0);
  const phases: SynthPhases = { loadMs: loaded, buildMs: built - loaded, synthMs: synthesized - built, blocks };
  process.stdout.write(`${JSON.stringify(phases)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
