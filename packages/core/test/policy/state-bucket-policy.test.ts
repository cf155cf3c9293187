import { resourcePolicyDecision } from './simulate';
import { StateBucketPolicy } from '../../src';
import { errorOf } from '../error-of';

const BUCKET = 'payments-terraform-state-123456789012';
const CALLER = 'arn:aws:iam::123456789012:role/ecs-batch-deploy-payments';

describe('StateBucketPolicy.tlsOnly', () => {
  const policy = StateBucketPolicy.tlsOnly(BUCKET);

  test('denies every S3 call on the bucket and its objects without TLS', () => {
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }],
    });
  });

  test.each([
    ['s3:GetObject', `arn:aws:s3:::${BUCKET}/payments-batch/production.tfstate`],
    ['s3:PutObject', `arn:aws:s3:::${BUCKET}/payments-batch/production.tfstate.tflock`],
    ['s3:ListBucket', `arn:aws:s3:::${BUCKET}`],
  ])('IAM simulation: %s on %s is denied over plain HTTP, not over TLS', async (action, resource) => {
    expect(await resourcePolicyDecision(policy, { principal: CALLER, action, resource, context: { 'aws:SecureTransport': 'false' } })).toBe('ExplicitlyDenied');
    expect(await resourcePolicyDecision(policy, { principal: CALLER, action, resource, context: { 'aws:SecureTransport': 'true' } })).not.toBe('ExplicitlyDenied');
  });

  test('a bad bucket name is refused; a Terraform reference passes through', () => {
    expect(errorOf(() => StateBucketPolicy.tlsOnly('Payments_State')).message).toBe("bucket: 'Payments_State' is not an S3 bucket name (3-63 lowercase letters, digits, '.' and '-')");
    expect(StateBucketPolicy.tlsOnly('${aws_s3_bucket.state.bucket}', '${local.partition}').Statement[0].Resource[1]).toBe('arn:${local.partition}:s3:::${aws_s3_bucket.state.bucket}/*');
  });
});
