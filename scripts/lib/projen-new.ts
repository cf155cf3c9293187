import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { RunResult, tryRun } from './command';

export interface ProjenNewOptions {
  /** Empty folder to create the project in. */
  readonly dir: string;
  /** npm spec of the project type module, e.g. `ecs-batch-template@0.1.0`. */
  readonly from: string;
  /** Project-type flags, passed through as given (`--team payments --infra hcl`). */
  readonly flags: readonly string[];
  /** Environment (npm pointed at the registry that serves `from`). */
  readonly env: NodeJS.ProcessEnv;
  /** Run projen's post-synth steps (npm install). @default true */
  readonly post?: boolean;
  /** `git init` and an initial commit. @default true */
  readonly git?: boolean;
  readonly echo?: boolean;
}

/**
 * The environment of a developer working in a repo of its own (a generated
 * repo, or a copy of this workspace), when we run inside this monorepo's CI
 * or Nx: projen reads CI=true as an automated build and installs with
 * `npm ci`, which fails in a repo that has no lockfile yet; and Nx's task
 * variables (NX_*) describe the outer workspace, not that one.
 */
export function developerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (key !== 'CI' && !key.startsWith('NX_')) copy[key] = value;
  }
  return copy;
}

/** The projen CLI this monorepo pins (the version the project type is built against). */
export function projenCli(): { readonly bin: string; readonly version: string } {
  const packageJson = require.resolve('projen/package.json');
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8'));
  return { bin: join(dirname(packageJson), pkg.bin.projen), version: pkg.version };
}

/**
 * `projen new --from <spec> [flags]` in `dir`. Resolves with the result
 * whatever the exit code, so callers can assert on failures too.
 */
export function projenNew(options: ProjenNewOptions): Promise<RunResult> {
  const cli = projenCli();
  const args = ['new', '--from', options.from, ...options.flags];
  if (options.post === false) args.push('--no-post');
  if (options.git === false) args.push('--no-git');
  return tryRun(process.execPath, [cli.bin, ...args], { cwd: options.dir, env: options.env, echo: options.echo });
}
