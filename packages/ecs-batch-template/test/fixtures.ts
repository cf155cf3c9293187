import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { synthSnapshot } from 'projen/lib/util/synth';
import { parse as parseYaml } from 'yaml';
import { EcsBatchProject, EcsBatchProjectOptions } from '../src';

const created: string[] = [];
// Each test file that uses these fixtures removes its folders when it is done.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp dir (synthSnapshot refuses anything else), removed after the test file. */
export function tempDir(prefix = 'ecs-batch-template-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A project as `projen new --from ecs-batch-template --team payments` makes it, plus `options`. */
export function newProject(options: Partial<EcsBatchProjectOptions> = {}, outdir = tempDir()): EcsBatchProject {
  return new EcsBatchProject({ name: 'payments-batch', team: 'payments', outdir, ...options });
}

/** Every file the project writes, by path (JSON and YAML parsed); the folder is removed afterwards. */
export function synth(project: EcsBatchProject): Record<string, any> {
  const out = synthSnapshot(project);
  for (const [path, content] of Object.entries(out)) {
    if (/\.ya?ml$/.test(path)) out[path] = parseYaml(content as string);
  }
  return out;
}

/** Writes the project into its outdir and keeps it there, as `npx projen` does (without installing). */
export function synthInPlace(project: EcsBatchProject): void {
  const previous = process.env.PROJEN_DISABLE_POST;
  process.env.PROJEN_DISABLE_POST = 'true';
  try {
    project.synth();
  } finally {
    if (previous === undefined) delete process.env.PROJEN_DISABLE_POST;
    else process.env.PROJEN_DISABLE_POST = previous;
  }
}

/** The message of the error `fn` throws. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
