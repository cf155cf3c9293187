import { execSync } from 'child_process';
import { Component } from 'projen';
import type { InitProject } from 'projen';
import { TypeScriptProject } from 'projen/lib/typescript';

/**
 * Runs the repo's own `eslint --fix` once, right after `projen new` has installed
 * the dependencies and before it makes the first commit.
 *
 * `projen new` writes `.projenrc.ts` with its own renderer (double quotes), and
 * moved Lambda code arrives as the team wrote it; without this, the team's first
 * `npx projen build` would rewrite those files and leave a diff nobody made.
 */
export class LintOnCreate extends Component {
  constructor(private readonly typescriptProject: TypeScriptProject) {
    super(typescriptProject, 'LintOnCreate');
  }

  public postProjectCreation(_initProject: InitProject): void {
    const eslint = this.typescriptProject.eslint?.eslintTask;
    if (!eslint) return;
    try {
      execSync(this.project.runTaskCommand(eslint), { cwd: this.project.outdir, stdio: 'pipe' });
    } catch (error) {
      // Problems eslint cannot fix are the team's to see at their first build, not a reason to fail creation.
      const output = String((error as { stdout?: Buffer }).stdout ?? '').trim();
      this.project.logger.warn(`eslint found problems it could not fix; run '${this.project.runTaskCommand(eslint)}':\n${output}`);
    }
  }
}
