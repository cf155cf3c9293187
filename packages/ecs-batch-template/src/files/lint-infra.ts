import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { InfraNames } from './infra-names';
import { ProjectSettings } from '../private/project-settings';

/** The task that lints the infra; CI also runs `ecs-batch-lint <dir> --sarif` for code scanning. */
export const LINT_INFRA_TASK = 'lint:infra';

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
    // After synth:infra (cdktf), which post-compile spawns first.
    project.postCompileTask.spawn(task);
  }
}
