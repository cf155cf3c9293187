import { cdkFramework } from '../private/cdk-framework';
import { ProjectSettings } from '../private/project-settings';

/**
 * Names the infra, the workflows and the scripts agree on. One place, so the
 * deploy workflow pushes to the repository the infra creates.
 */
export class InfraNames {
  /** The Terraform variables every environment may set, with what they mean. */
  public static readonly VARIABLES = {
    region: 'The AWS region of the jobs.',
    cluster_arn: 'ARN of the ECS cluster the jobs run in.',
    subnet_ids: 'Subnets the tasks run in.',
    security_group_ids: 'Security groups of the tasks.',
    image_tag: 'Image tag of the first task definition revision; CI registers later revisions itself.',
  };

  constructor(private readonly settings: ProjectSettings) {}

  /** The ECR repository, e.g. `payments-batch`. */
  public get repository(): string {
    return this.settings.baseName;
  }

  /** The cluster created with `createCluster`, e.g. `payments-batch`. */
  public get cluster(): string {
    return this.settings.baseName;
  }

  /** The jobs' dashboard, e.g. `payments-batch`. */
  public get dashboard(): string {
    return this.settings.baseName;
  }

  /** The CDK stack (cdktf, cdktn), and its folder under cdktf.out/stacks/. */
  public get stack(): string {
    return this.settings.baseName;
  }

  /** Where `terraform` runs: the synthesized stack (cdktf, cdktn) or the root module (hcl). */
  public get terraformDir(): string {
    // CDK Terrain keeps CDK for Terraform's output folder, cdktf.out/.
    return cdkFramework(this.settings.infra) ? `cdktf.out/stacks/${this.stack}` : 'infra';
  }

  /** Tags on every resource (the AWS provider's default_tags). */
  public get tags(): { [key: string]: string } {
    return { 'team': this.settings.team, 'managed-by': 'ecs-batch' };
  }

  /**
   * The ECR lifecycle policy: expire all but the newest `keepImages` images.
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html
   */
  public get lifecyclePolicy(): object {
    return {
      rules: [{
        rulePriority: 1,
        description: `Keep the last ${this.settings.keepImages} images`,
        selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: this.settings.keepImages },
        action: { type: 'expire' },
      }],
    };
  }
}
