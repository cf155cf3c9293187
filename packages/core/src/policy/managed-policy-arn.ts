import { Arn } from '../arn';
import { ValidationError } from '../errors';

/**
 * IAM managed policy ARNs: `arn:<partition>:iam::aws:policy/<path><name>` (AWS managed)
 * or `arn:<partition>:iam::<account>:policy/<path><name>` (customer managed).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
export class ManagedPolicyArn {
  /**
   * AWS managed policies a job role may not get: they grant `*` or `iam:*`,
   * which `TaskRolePermissions` refuses as statements.
   * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
   * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMFullAccess.html
   */
  public static readonly REFUSED_FOR_JOBS: string[] = Object.freeze(['AdministratorAccess', 'IAMFullAccess']) as string[];

  /**
   * Check the shape of a managed policy ARN (also a permissions boundary). Tokens pass through.
   *
   * @param arn the policy ARN
   * @param field the caller's name for it, used in errors
   * @returns the ARN
   * @throws ValidationError naming `field`
   */
  public static check(arn: string, field: string): string {
    if (Arn.isToken(arn)) return arn;
    const c = Arn.parse(arn, field);
    if (c.service !== 'iam' || !c.resource.startsWith('policy/')) {
      throw new ValidationError(field, `'${arn}' is not an IAM managed policy ARN (arn:<partition>:iam::aws:policy/<name> or arn:<partition>:iam::<account>:policy/<name>)`);
    }
    // Policy names: 1-128 of letters, numbers and +=,.@-_; paths / or /<letters...>/.
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html
    if (!/^policy\/([\u0021-\u007E]+\/)?[\w+=,.@-]{1,128}$/.test(c.resource)) {
      throw new ValidationError(field, `'${c.resource}' is not a policy path and name (policy/<path>/<name>, names of 1-128 letters, numbers, +=,.@-_)`);
    }
    return arn;
  }

  /**
   * Check managed policies for a job role: each a valid ARN, none that grants `*` or `iam:*`, no duplicates.
   *
   * @param arns the policy ARNs
   * @param field the caller's name for the list, e.g. `managedPolicyArns`; errors name `<field>[i]`
   * @throws ValidationError naming `<field>[i]`
   */
  public static checkForJob(arns: string[], field: string): string[] {
    const seen = new Set<string>();
    arns.forEach((arn, i) => {
      const at = `${field}[${i}]`;
      ManagedPolicyArn.check(arn, at);
      if (!Arn.isToken(arn)) {
        const c = Arn.parse(arn, at);
        const name = c.resource.split('/').pop()!;
        if (c.account === 'aws' && ManagedPolicyArn.REFUSED_FOR_JOBS.includes(name)) {
          throw new ValidationError(at, `${name} grants ${name === 'IAMFullAccess' ? 'iam:*' : '*'} (give the job the permissions it uses instead)`);
        }
      }
      if (seen.has(arn)) {
        throw new ValidationError(at, `'${arn}' is given twice`);
      }
      seen.add(arn);
    });
    return arns;
  }

  private constructor() {}
}
