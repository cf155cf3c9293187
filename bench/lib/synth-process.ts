import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { REPO_ROOT } from './checkout';
import { timeProcess } from './process';
import type { SynthPhases } from '../synth-stacks/entry';

/** One synth process: its wall time and peak RSS, and the phases it measured itself. */
export interface SynthSample {
  readonly wallMs: number;
  readonly peakRssKb: number | undefined;
  readonly phases: SynthPhases;
}

const SOURCES = path.join(REPO_ROOT, 'bench', 'synth-stacks');

/**
 * Compiles bench/synth-stacks/*.ts to JavaScript (transpile only: the tests
 * type-check them) and returns the entry script. The output goes under the
/* as
 * from the repo, with no NODE_PATH. `dispose` removes it.
 */
export function compileSynthEntry(): { entry: string; dispose: () => void } {
  const cache = path.join(REPO_ROOT, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const out = fs.mkdtempSync(path.join(cache, 'ecs-batch-bench-synth-'));
  for (const file of fs.readdirSync(SOURCES).filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(SOURCES, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  return { entry: path.join(out, 'entry.js'), dispose: () => fs.rmSync(out, { recursive: true, force: true }) };
}

/** Runs one synth process of `side` with `jobs` jobs, writing into a fresh folder under `work` that it removes after. */
export async function runSynthProcess(entry: string, side: 'constructs' | 'raw', jobs: number, work: string): Promise<SynthSample> {
  const outdir = fs.mkdtempSync(path.join(work, `${side}-${jobs}-`));
  try {
    const run = await timeProcess(process.execPath, [entry, side, String(jobs), outdir], { cwd: REPO_ROOT, timeoutMs: 300_000 });
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
  for (const key of ['loadMs', 'buildMs', 'synthMs', 'blocks']) {
    if (typeof parsed?.[key] !== 'number') throw new Error(`synth process: ${key} is missing from ${last}`);
  }
  return parsed as SynthPhases;
}
