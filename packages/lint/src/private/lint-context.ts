import { TerraformBlock, TerraformModule } from '@ecs-batch/terraform-reader';
import { scheduledTargets, ScheduledTarget } from './scheduled-target';

/** A rule's finding before it is placed: the block, the attribute at fault, and the words. */
export interface RawFinding {
  readonly block: TerraformBlock;
  /** Attribute path inside the block (`ecs_target.launch_type`); the block's own line when absent. */
  readonly attribute?: string;
  readonly message: string;
  readonly fix: string;
}

/** What every rule sees: one root module with the modules it calls, and the run's options. */
export class LintContext {
  public readonly modules: TerraformModule[];
  public readonly targets: ScheduledTarget[];

  constructor(public readonly root: TerraformModule, public readonly timeZone: string | undefined) {
    this.modules = root.allModules();
    this.targets = this.modules.flatMap(scheduledTargets);
  }
}

/** A rule: one file each under rules/, cdk-nag style. */
export interface LintRule {
  readonly id: string;
  readonly title: string;
  readonly severity: import('../severity').Severity;
  readonly description: string;
  readonly awsDocUrl: string;
  check(context: LintContext): Promise<RawFinding[]>;
}
