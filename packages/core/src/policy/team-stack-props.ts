/**
 * Where a team's stack lives and what it is called: every resource it creates
 * has a name starting with `<team>-` (a job's family is `<team>-<job>`), so a
 * policy can reach exactly that team's resources by name.
 *
 * Every value may be a Terraform reference (`${...}`), passed through verbatim.
 */
export interface TeamStackProps {
  /** The team: every resource name of its stack starts with `<team>-`. */
  readonly team: string;

  /** The 12-digit AWS account of the stack. */
  readonly accountId: string;

  /** The region of the stack, e.g. `ap-northeast-1`. */
  readonly region: string;

  /**
   * The AWS partition.
   * @default 'aws'
   */
  readonly partition?: string;

  /** The S3 bucket that holds the stack's Terraform state. */
  readonly stateBucket: string;

  /** The team's ECR repository, e.g. `payments-batch`; it must start with `<team>-`. */
  readonly repositoryName: string;

  /**
   * What the name of each job's log group starts with, before the family.
   * @default '/ecs-batch/'
   */
  readonly logGroupNamePrefix?: string;
}
