import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyWorkspace } from '../../scripts/lib/workspace-copy';

/**
 * What a benchmark measures: the last commit (the default, so that work in
 * progress elsewhere in the tree cannot break or skew a run), or the working
 * tree as it is (`--worktree`, to measure a change before committing it).
 */
export type Source = 'head' | 'worktree';

/**
 * A throwaway copy of the workspace with the installed node_modules mirrored
 * in. Benchmarks build, pack and empty the Nx cache there, never in the
 * working tree, so nobody's Nx cache or build output is disturbed.
 */
export class Checkout {
  static async create(repoRoot: string, source: Source): Promise<Checkout> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-batch-bench-'));
    const head = source === 'head' ? fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-batch-bench-head-')) : undefined;
    try {
      if (head) {
        // A local clone holds exactly HEAD; with the repo's node_modules beside it, copyWorkspace mirrors them as usual.
        execFileSync('git', ['clone', '--quiet', '--local', '--no-checkout', repoRoot, head], { stdio: 'pipe' });
        execFileSync('git', ['-C', head, 'checkout', '--quiet', execFileSync('git', ['-C', repoRoot, 'rev-parse', 'HEAD']).toString().trim()], { stdio: 'pipe' });
        fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(head, 'node_modules'));
        // .gitignore's `/node_modules/` matches folders only: keep git from listing the link as a file to copy.
        fs.appendFileSync(path.join(head, '.git', 'info', 'exclude'), '\n/node_modules\n');
      }
      await copyWorkspace(head ?? repoRoot, dir);
    } catch (error) {
      for (const d of [dir, head]) if (d) fs.rmSync(d, { recursive: true, force: true });
      throw error;
    }
    // The mirrored links go through the clone's node_modules link: the clone lives as long as the copy.
    return new Checkout(dir, head);
  }

  private constructor(readonly dir: string, private readonly clone: string | undefined) {}

  /** A path inside the copy. */
  path(...segments: string[]): string {
    return path.join(this.dir, ...segments);
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
    if (this.clone) fs.rmSync(this.clone, { recursive: true, force: true });
  }
}

/** The monorepo root: bench/ sits right under it. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
