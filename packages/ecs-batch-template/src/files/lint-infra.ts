import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { InfraNames } from './infra-names';
import { ProjectSettings } from '../private/project-settings';

/** The task that lints the infra; CI also runs `ecs-batch-lint <dir> --sarif` for code scanning. */
export const LINT_INFRA_TASK = 'lint:infra';

/** The SARIF file build.yml writes and uploads to GitHub code scanning (git-ignored). */
export const LINT_SARIF_FILE = 'ecs-batch-lint.sarif';

/** The code scanning category of the uploaded findings, so other analyses keep theirs. */
export const LINT_SARIF_CATEGORY = 'ecs-batch-lint';

/**
 * `npx projen lint:infra`: `ecs-batch-lint` over the Terraform that `terraform`
 * runs (the synthesized stack, or the HCL root module with its modules), as part of
 * the build, after the infra synthesizes. An error fails the build; warnings are
 * printed. Extra flags pass through: `npx projen lint:infra --fail-on warning`.
 *
 * No `--time-zone`: the template already writes every rule's cron in UTC and every
 * Scheduler schedule with its zone, so only comments can say a cron is meant locally.
 */
export class LintInfra extends Component {
  /**
   * The shell line CI runs for code scanning: the findings as SARIF in
   * {@link LINT_SARIF_FILE}. Exit 1 (findings at or above `--fail-on`) is not this
   * step's to report: `npx projen build` already failed on them, and their SARIF
   * must still be uploaded. Exit 2 (usage, or input it cannot read) fails it.
   * The local binary (`npm ci` installed it): no network, no AWS.
   */
  public static sarifCommand(dir: string): string {
    return `npx ecs-batch-lint ${dir} --sarif > ${LINT_SARIF_FILE} || [ $? -eq 1 ]`;
  }

  /** The folder `ecs-batch-lint` reads. */
  public readonly dir: string;

  constructor(project: NodeProject, settings: ProjectSettings) {
    super(project, 'LintInfra');
    this.dir = new InfraNames(settings).terraformDir;
    const task = project.addTask(LINT_INFRA_TASK, {
      description: `Find the scheduled-task pitfalls (ECSB000-ECSB009) in ${this.dir}`,
      exec: `ecs-batch-lint ${this.dir}`,
      receiveArgs: true,
    });
    // After synth:infra (cdktf, cdktn), which post-compile spawns first.
    project.postCompileTask.spawn(task);
    project.gitignore.exclude(`/${LINT_SARIF_FILE}`);
  }
}
