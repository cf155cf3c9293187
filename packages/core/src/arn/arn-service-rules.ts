import { ValidationError } from '../errors';
import { AwsPartition } from './aws-partition';

/**
 * Which services need a region and an account in their ARNs.
 *
 * Regional services put both in every resource ARN; IAM is global (no region) but
 * owned by an account; a few services (S3 buckets, Route 53) leave both empty.
 * Services not listed here are checked leniently: a region or account, when
 * present, must still be well formed.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 * Not exported from the package: an implementation detail of `Arn`.
 */
export class ArnServiceRules {
  /** Services whose resource ARNs always carry a region and a 12-digit account. */
  public static readonly REGIONAL = [
    'batch', 'cloudwatch', 'dynamodb', 'ecr', 'ecs', 'elasticfilesystem', 'events', 'kms', 'lambda',
    'logs', 'scheduler', 'secretsmanager', 'sns', 'sqs', 'ssm', 'states',
  ];

  /** Services whose ARNs have no region but an account (or `aws` for AWS-managed IAM policies). */
  public static readonly GLOBAL_WITH_ACCOUNT = ['iam', 'cloudfront', 'organizations'];

  public static checkRegion(service: string, region: string, partition: string, field: string): void {
    if (ArnServiceRules.GLOBAL_WITH_ACCOUNT.includes(service)) {
      if (region !== '') {
        throw new ValidationError(field, `region '${region}' must be empty for ${service} (${service} ARNs are global: arn:<partition>:${service}::<account>:<resource>)`);
      }
      return;
    }
    if (region === '') {
      if (ArnServiceRules.REGIONAL.includes(service)) {
        throw new ValidationError(field, `region is empty but ${service} ARNs need one (e.g. us-east-1)`);
      }
      return;
    }
    if (!AwsPartition.REGION_PATTERN.test(region)) {
      throw new ValidationError(field, `region '${region}' is not a region name (e.g. us-east-1, ap-northeast-1, cn-north-1, us-gov-west-1)`);
    }
    const expected = AwsPartition.ofRegion(region);
    if (expected !== partition) {
      throw new ValidationError(field, `region '${region}' is not in partition '${partition}' (it is in '${expected}')`);
    }
  }

  public static checkAccount(service: string, account: string, resource: string, field: string): void {
    const needsAccount = ArnServiceRules.REGIONAL.includes(service) || ArnServiceRules.GLOBAL_WITH_ACCOUNT.includes(service);
    if (account === '') {
      if (needsAccount) {
        throw new ValidationError(field, `account is empty but ${service} ARNs need one (12 digits)`);
      }
      return;
    }
    // AWS managed IAM policies are owned by the pseudo-account 'aws': arn:aws:iam::aws:policy/...
    if (account === 'aws' && service === 'iam' && resource.startsWith('policy/')) {
      return;
    }
    if (!/^\d{12}$/.test(account)) {
      throw new ValidationError(field, `account '${account}' must be 12 digits`);
    }
  }

  private constructor() {}
}
