import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyWorkspace } from '../../scripts/lib/workspace-copy';

/**
 * A throwaway copy of the workspace (what a commit of it would hold) with
 * the installed node_modules mirrored in. Benchmarks build, pack and empty
 * the Nx cache there, never in the working tree, so nobody's Nx cache or
 * build output is disturbed while they run.
 */
export class Checkout {
  static async create(repoRoot: string): Promise<Checkout> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-batch-bench-'));
    try {
      await copyWorkspace(repoRoot, dir);
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return new Checkout(dir);
  }

  private constructor(readonly dir: string) {}

  /** A path inside the copy. */
  path(...segments: string[]): string {
    return path.join(this.dir, ...segments);
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The monorepo root: bench/ sits right under it. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
