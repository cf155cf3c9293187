import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { timeProcess } from './process';
import type { SynthPhases, SynthSide } from '../synth-stacks/entry';

/** One synth process: its wall time and peak RSS, and the phases it measured itself. */
export interface SynthSample {
  readonly wallMs: number;
  readonly peakRssKb: number | undefined;
  readonly phases: SynthPhases;
}

/**
 * Compiles the TypeScript files of `<root>/bench/synth-stacks` to JavaScript
 * (transpile only: the tests type-check them) and returns the entry script.
 * The output goes under `<root>/node_modules/.cache`, where Node resolves
 * cdktf and our packages as from the workspace at `root`, with no NODE_PATH.
 */
export function compileSynthEntry(root: string): string {
  const sources = path.join(root, 'bench', 'synth-stacks');
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const out = fs.mkdtempSync(path.join(cache, 'ecs-batch-bench-synth-'));
  for (const file of fs.readdirSync(sources).filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(sources, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  return path.join(out, 'entry.js');
}

/** Runs one synth process of `side` with `jobs` jobs in `cwd`, writing into a fresh folder under `work` that it removes after. */
export async function runSynthProcess(entry: string, side: SynthSide, jobs: number, work: string, cwd: string): Promise<SynthSample> {
  const outdir = fs.mkdtempSync(path.join(work, `${side}-${jobs}-`));
  try {
    const run = await timeProcess(process.execPath, [entry, side, String(jobs), outdir], { cwd, timeoutMs: 300_000 });
    return { wallMs: run.wallMs, peakRssKb: run.peakRssKb, phases: parsePhases(run.stdout) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The JSON line the entry prints last; anything cdktf prints before it is ignored. */
export function parsePhases(stdout: string): SynthPhases {
  const last = stdout.trim().split('\n').pop() ?? '';
  let parsed: any;
  try {
    parsed = JSON.parse(last);
  } catch {
    throw new Error(`synth process: its last line is not JSON phases: ${JSON.stringify(last.slice(0, 200))}`);
  }
  for (const key of ['loadMs', 'buildMs', 'synthMs', 'blocks', 'resources', 'dataSources', 'cpuMs']) {
    if (typeof parsed?.[key] !== 'number') throw new Error(`synth process: ${key} is missing from ${last}`);
  }
  return parsed as SynthPhases;
}
