import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CommandFailed, run, RunResult } from '../../../scripts/lib/command';
import { projenNew } from '../../../scripts/lib/projen-new';

/** A repo made by `projen new --from ecs-batch-template@<snapshot>`, and commands in it. */
export class GeneratedRepo {
  /** Runs `projen new --from <from> <flags>` (with projen's install and git commit) in `<parent>/<name>`. */
  static async create(parent: string, name: string, from: string, flags: readonly string[], env: NodeJS.ProcessEnv): Promise<GeneratedRepo> {
    const dir = join(parent, name);
    mkdirSync(dir);
    const result = await projenNew({ dir, from, flags, env });
    if (result.exitCode !== 0) throw new CommandFailed(result);
    return new GeneratedRepo(dir, env);
  }

  constructor(readonly dir: string, private readonly env: NodeJS.ProcessEnv) {}

  /** `npx projen [args]`, with the repo's own projen. */
  projen(...args: string[]): Promise<RunResult> {
    return run(join(this.dir, 'node_modules', '.bin', 'projen'), args, { cwd: this.dir, env: this.env });
  }

  npm(...args: string[]): Promise<RunResult> {
    return run('npm', args, { cwd: this.dir, env: this.env });
  }

  git(...args: string[]): Promise<RunResult> {
    return run('git', args, { cwd: this.dir, env: this.env });
  }

  /** `git status --porcelain`: empty when the work tree matches the last commit. */
  async gitStatus(): Promise<string> {
    return (await this.git('status', '--porcelain')).stdout.trim();
  }

  exists(path: string): boolean {
    return existsSync(join(this.dir, path));
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  readJson(path: string): any {
    return JSON.parse(this.read(path));
  }

  write(path: string, content: string): void {
    writeFileSync(join(this.dir, path), content);
  }
}
