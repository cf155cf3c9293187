import { Arn } from '../arn';
import { AwsPartition } from '../arn/aws-partition';
import { ValidationError } from '../errors';
import { PolicyDocument } from './policy-document';

/**
 * The Terraform state bucket's policy: every request without TLS is denied.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
 */
export class StateBucketPolicy {
  /** Sid of the TLS-only deny. */
  public static readonly SID_TLS_ONLY = 'DenyInsecureTransport';

  /**
   * Build the bucket policy.
   *
   * @param bucket the bucket name (a Terraform reference is passed through)
   * @param partition @default 'aws'
   * @returns an S3 bucket policy document (plain JSON)
   * @throws ValidationError naming `bucket`
   */
  public static tlsOnly(bucket: string, partition?: string): any {
    if (!Arn.isToken(bucket) && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
      throw new ValidationError('bucket', `'${bucket}' is not an S3 bucket name (3-63 lowercase letters, digits, '.' and '-')`);
    }
    const p = partition ?? 'aws';
    if (!Arn.isToken(p)) AwsPartition.check(p, 'partition');
    return PolicyDocument.of([{
      sid: StateBucketPolicy.SID_TLS_ONLY,
      effect: 'Deny',
      anyPrincipal: true,
      actions: ['s3:*'],
      resources: [`arn:${p}:s3:::${bucket}`, `arn:${p}:s3:::${bucket}/*`],
      conditions: [{ operator: 'Bool', key: 'aws:SecureTransport', value: 'false' }],
    }]);
  }

  private constructor() {}
}
