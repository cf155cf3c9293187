import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'fs';
import { dirname, join } from 'path';
import { run } from './command';

/**
 * Copies the workspace at `root` to `dest` the way a commit of it would look
 * (git-tracked files plus untracked files that are not ignored), so a command
 * that mutates the tree (`changeset version`, a build) can run there without
 * touching the user's checkout.
 *
 * node_modules is not copied but mirrored: each installed package is a symlink
 * to the checkout's copy, while workspace links (`node_modules/@ecs-batch/core
 * -> ../../packages/core`) are recreated as the same relative links, so inside
 * the copy they resolve to the copy's packages. (A single symlink to the whole
 * node_modules would make them resolve to the checkout's packages instead.)
 */
export async function copyWorkspace(root: string, dest: string): Promise<void> {
  const listed = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root });
  mkdirSync(dest, { recursive: true });
  for (const file of new Set(listed.stdout.split('\0').filter(Boolean))) {
    const from = join(root, file);
    // A tracked file deleted in the work tree is not part of the tree we copy.
    if (!existsSync(from) && !isSymlink(from)) continue;
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    cpSync(from, join(dest, file), { verbatimSymlinks: true });
  }
  mirrorNodeModules(join(root, 'node_modules'), join(dest, 'node_modules'));
  // A workspace's own node_modules: what npm could not hoist (e.g. packages/cdktn's cdktn,
  // @cdktn/provider-aws and constructs 10.6.0, apart from the root's constructs 10.8.1).
  const workspaces: string[] = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces ?? [];
  for (const ws of workspaces) {
    const nested = join(root, ws, 'node_modules');
    if (existsSync(nested)) mirrorNodeModules(nested, join(dest, ws, 'node_modules'));
  }
}

/** Mirrors an installed node_modules folder with links (see copyWorkspace). */
export function mirrorNodeModules(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    const target = join(to, entry);
    if (isSymlink(source)) {
      // Workspace links and .bin links are relative: recreated, they point into the copy.
      symlinkSync(readlinkSync(source), target);
    } else if (entry.startsWith('@') || entry === '.bin') {
      mirrorNodeModules(source, target);
    } else if (entry === '.cache') {
      // Tool caches stay with the checkout's own runs.
      continue;
    } else {
      symlinkSync(source, target);
    }
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
