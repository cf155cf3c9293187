/**
 * `npm run new -- --dir <folder> --team <name> [any project-type flag]`
 *
 * Stamps out a team's batch repo from this checkout, with no published
 * packages: builds every package, packs them, publishes them to a Verdaccio on
 * 127.0.0.1 that lives only for this run, runs `projen new --from
 * ecs-batch-template` into --dir, and installs. Our package tarballs are kept
 * in the new repo's `.ecs-batch/` and its package-lock.json points there (and
 * at the public registry for everything else), so the repo installs after the
 * temporary registry is gone.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, resolve } from 'path';
import { CommandFailed, RunResult, run, tryRun } from './lib/command';
import { gitInitAndCommit } from './lib/git-init';
import { LocalRegistry, OWN_PACKAGE_PATTERNS } from './lib/local-registry';
import { NewArgs, parseNewArgs, UsageError } from './lib/new-args';
import { readNpmSettings } from './lib/npm-settings';
import { packWorkspaces } from './lib/pack-workspaces';
import { makeLockfilePortable } from './lib/portable-lockfile';
import { developerEnv, projenNew } from './lib/projen-new';
import { PhaseTimer } from './lib/timing';
import { whereItRuns } from './lib/where-it-runs';

const ROOT = resolve(__dirname, '..');
const TEMPLATE = 'ecs-batch-template';
const echo = process.env.ECS_BATCH_NEW_VERBOSE === '1';

/** The project type refused the options; its own message names the flag. */
class ProjectTypeRejected extends Error {
  constructor(result: RunResult) {
    super(projectTypeMessage(result));
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseNewArgs(argv, process.env.INIT_CWD ?? process.cwd());
  const say = (line: string) => process.stdout.write(line + '\n');
  const timer = new PhaseTimer(say);
  const work = mkdtempSync(join(tmpdir(), 'ecs-batch-new-'));
  let registry: LocalRegistry | undefined;
  let touchedDir = false;
  const cleanUp = async (failed: boolean) => {
    await registry?.stop();
    rmSync(work, { recursive: true, force: true });
    if (failed && touchedDir) restoreDir(args);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    say(`\n${signal}: stopping the registry and cleaning up`);
    void cleanUp(true).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let failed = true;
  try {
    await timer.phase('build', 'npm run build (every package; Nx reuses unchanged builds)', () =>
      run('npm', ['run', 'build'], { cwd: ROOT, echo }));
    const packed = await timer.phase('pack', 'npm pack --workspaces', () => packWorkspaces(ROOT, join(work, 'tarballs'), echo));
    const template = packed.find((p) => p.name === TEMPLATE);
    if (!template) throw new Error(`pack: ${TEMPLATE} is not a workspace package`);

    const npm = await readNpmSettings(ROOT);
    registry = await timer.phase('registry', `Verdaccio on 127.0.0.1, other packages from ${npm.registry}`, () =>
      LocalRegistry.start({ uplink: npm.registry, npmCache: npm.cache }));
    const env = developerEnv(registry.npmEnv());
    await timer.phase('publish', packed.map((p) => `${p.name}@${p.version}`).join(', '), async () => {
      for (const p of packed) await run('npm', ['publish', p.file], { cwd: work, env, echo });
    });

    mkdirSync(args.dir, { recursive: true });
    touchedDir = true;
    const from = `${TEMPLATE}@${template.version}`;
    await timer.phase('new', `projen new --from ${from} ${args.projectFlags.join(' ')}`, async () => {
      const result = await projenNew({ dir: args.dir, from, flags: args.projectFlags, env, post: false, git: false, echo });
      if (result.exitCode !== 0) throw new ProjectTypeRejected(result);
    });

    const activeRegistry = registry;
    const portable = await timer.phase('install', 'npm install, projen, eslint --fix, lockfile without the temporary registry, git', async () => {
      await run('npm', ['install'], { cwd: args.dir, env, echo });
      const projen = join(args.dir, 'node_modules', '.bin', 'projen');
      await run(projen, [], { cwd: args.dir, env, echo });
      // What the project type's LintOnCreate does after `projen new` with its post steps, which this script replaces.
      const lint = await tryRun(projen, ['eslint'], { cwd: args.dir, env, echo });
      if (lint.exitCode !== 0) say(`  eslint found problems it could not fix; run 'npx projen eslint' in ${args.dir}`);
      const result = await makeLockfilePortable(args.dir, {
        localRegistry: activeRegistry.url,
        uplink: npm.registry,
        isOwnPackage: (name) => OWN_PACKAGE_PATTERNS.some((p) => (p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : name === p)),
        npmEnv: env,
      });
      const skipped = await gitInitAndCommit(args.dir, `chore: project created with ${from}`);
      if (skipped) say(`  git: initial commit skipped (${skipped})`);
      return result;
    });

    failed = false;
    const shown = relative(process.env.INIT_CWD ?? process.cwd(), args.dir) || '.';
    say('');
    say(`Created ${args.dir} from ${from}.`);
    say(`  ${portable.vendored.length} package tarballs kept in .ecs-batch/ (package-lock.json resolves them there;`);
    say(`  ${portable.thirdParty} other packages resolve from ${npm.registry}).`);
    say('');
    say(timer.summary());
    say('');
    for (const line of whereItRuns(args.dir)) say(line);
    say('');
    say(`Next: cd ${shown} && npx projen build`);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanUp(failed);
  }
}

/** Leaves --dir as we found it: absent, or empty. */
function restoreDir(args: NewArgs) {
  if (!args.dirExisted) {
    rmSync(args.dir, { recursive: true, force: true });
    return;
  }
  for (const entry of readdirSync(args.dir)) rmSync(join(args.dir, entry), { recursive: true, force: true });
}

/** The project type's own error line (it names the flag), without projen's stack trace. */
function projectTypeMessage(result: RunResult): string {
  const lines = (result.stderr + '\n' + result.stdout).split('\n').map((l) => l.trim());
  const error = lines.find((l) => /^(\w*Error|Error):\s/.test(l) || /^--?[a-z][\w-]*: /.test(l));
  if (error) return error.replace(/^\w*Error:\s*/, '');
  return `projen new exited with ${result.exitCode}\n${lines.filter(Boolean).slice(-20).join('\n')}`;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ProjectTypeRejected) {
    process.stderr.write(`${error.message}\n`);
  } else if (error instanceof CommandFailed) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exitCode = 1;
});
