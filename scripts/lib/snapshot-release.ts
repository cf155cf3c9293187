import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { run } from './command';

/** A workspace package: its folder and its package.json name and version. */
export interface WorkspacePackage {
  readonly dir: string;
  readonly name: string;
  readonly version: string;
  readonly private: boolean;
}

/** The packages of the npm workspace at `root`, as their package.json files say now. */
export function workspacePackages(root: string): WorkspacePackage[] {
  const rootPackage = readJson(join(root, 'package.json'));
  return (rootPackage.workspaces as string[]).map((folder) => {
    const pkg = readJson(join(root, folder, 'package.json'));
    return { dir: join(root, folder), name: pkg.name, version: pkg.version, private: pkg.private === true };
  });
}

/**
 * Writes `.changeset/<name>.md` with a patch bump for each package, so the
 * next `changeset version` versions them (snapshots only version packages
 * that have a changeset).
 */
export function writeChangeset(root: string, name: string, packageNames: readonly string[], summary: string): void {
  const frontMatter = packageNames.map((pkg) => `"${pkg}": patch`).join('\n');
  writeFileSync(join(root, '.changeset', `${name}.md`), `---\n${frontMatter}\n---\n\n${summary}\n`);
}

/**
 * Runs the repo's own `npm run release:snapshot -- <tag>` in `root` (changeset
 * version --snapshot, build, changeset publish --tag) with `env` pointing npm
 * at a registry, and returns the version each published package got.
 *
 * It rewrites versions and deletes changesets: run it in a copy of the workspace.
 */
export async function releaseSnapshot(root: string, tag: string, env: NodeJS.ProcessEnv, echo = false): Promise<Map<string, string>> {
  await run('npm', ['run', 'release:snapshot', '--', tag], { cwd: root, env, echo });
  const versions = new Map<string, string>();
  for (const pkg of workspacePackages(root)) {
    if (!pkg.private && pkg.version.includes(`-${tag}-`)) versions.set(pkg.name, pkg.version);
  }
  return versions;
}

function readJson(file: string) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
