import { AwsPartition } from '../arn/aws-partition';
import { ValidationError } from '../errors';
import { JobName } from './job-name';

/**
 * The IAM role names of a job, derived from its task definition family, so that
 * anything that knows the family and the account knows the roles' exact ARNs
 * (`register-revision --print` does) and every role of a team's stack starts
 * with `<team>-` (a deploy role can be limited to that prefix).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (RoleName: at most 64 characters)
 */
export class JobRoleNames {
  /** IAM's limit on a role name. */
  public static readonly MAX_LENGTH = 64;
  /** Suffix of the task execution role: `<family>-execution`. */
  public static readonly EXECUTION_SUFFIX = 'execution';
  /** Suffix of the task role: `<family>-task`. */
  public static readonly TASK_SUFFIX = 'task';
  /** Suffix of the role a rule or schedule assumes: `<family>-<schedule>-invoker`. */
  public static readonly INVOKER_SUFFIX = 'invoker';

  /** The task execution role of a family, e.g. `payments-nightly-execution`. */
  public static executionRole(family: string): string {
    return JobRoleNames.derive(family, JobRoleNames.EXECUTION_SUFFIX);
  }

  /** The task role of a family, e.g. `payments-nightly-task`. */
  public static taskRole(family: string): string {
    return JobRoleNames.derive(family, JobRoleNames.TASK_SUFFIX);
  }

  /**
   * The role of a rule or schedule, e.g. `payments-nightly-run-invoker`. A
   * schedule name may take 64 characters itself: then its head is kept, which
   * still starts with the family.
   */
  public static invokerRole(scheduleName: string): string {
    const suffix = `-${JobRoleNames.INVOKER_SUFFIX}`;
    return `${scheduleName.slice(0, JobRoleNames.MAX_LENGTH - suffix.length)}${suffix}`;
  }

  /**
   * The ARN of a role (path `/`) in an account, in the partition of `region`.
   *
   * @param accountId the 12-digit account
   * @param roleName the role name
   * @param region the region, for the partition. @default - the `aws` partition
   */
  public static arn(accountId: string, roleName: string, region?: string): string {
    if (!/^\d{12}$/.test(accountId ?? '')) {
      throw new ValidationError('accountId', `'${accountId ?? ''}' is not an AWS account ID (12 digits)`);
    }
    const partition = region === undefined ? 'aws' : AwsPartition.ofRegion(region);
    return `arn:${partition}:iam::${accountId}:role/${roleName}`;
  }

  private static derive(family: string, suffix: string): string {
    if (typeof family !== 'string' || !new RegExp(JobName.FAMILY_PATTERN).test(family)) {
      throw new ValidationError('family', `'${family ?? ''}' is not a task definition family (${JobName.FAMILY_PATTERN})`);
    }
    // A family has at most 40 characters, so every suffix fits in 64.
    return `${family}-${suffix}`;
  }

  private constructor() {}
}
