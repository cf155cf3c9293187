import { PolicyDocument } from './policy-document';
import { TeamStackAccess } from './team-stack-access';
import { TeamStackProps } from './team-stack-props';

/**
 * The permissions of the read-only role that plans a pull request: it reads the
 * state and everything the team's stack manages (as `DeployRolePolicy` reaches
 * it), and writes nothing but the state lock file (`<key>.tflock`, S3 native
 * locking), which `terraform plan` creates and deletes.
 *
 * @see https://developer.hashicorp.com/terraform/language/backend/s3#permissions-required
 */
export class PlanRolePolicy {
  /** Sid of the lock file statement: the plan role's only write. */
  public static readonly SID_STATE_LOCK = 'WriteStateLockFile';

  /**
   * Build the permissions policy.
   *
   * @returns an IAM policy document (plain JSON)
   * @throws ValidationError naming the prop, e.g. `team: ...`
   */
  public static permissions(props: TeamStackProps): any {
    const stack = new TeamStackAccess(props);
    return PolicyDocument.of([
      ...stack.readStatements(),
      { sid: PlanRolePolicy.SID_STATE_LOCK, actions: ['s3:PutObject', 's3:DeleteObject'], resources: [stack.stateLockFilesArn] },
    ]);
  }

  private constructor() {}
}
