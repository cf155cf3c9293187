import { join } from 'path';
import { analyze, MigrationJob } from '../../src';
import { expectContractShape, FIXTURES, jobNamed } from '../contract';

describe('a Terraform function\'s role and secrets, carried over', () => {
  let job: MigrationJob;
  beforeAll(async () => {
    const report = await analyze(join(FIXTURES, 'terraform-permissions'));
    expectContractShape(report);
    job = jobNamed(report, 'export');
  });

  test('inline_policy (jsonencode), aws_iam_role_policy (policy document with conditions), an aws_iam_policy attached to the role', () => {
    expect(job.permissions).toEqual([
      { actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:123456789012:exports'] },
      {
        actions: ['s3:GetObject', 's3:ListBucket'],
        resources: ['arn:aws:s3:::acme-exports', 'arn:aws:s3:::acme-exports/*'],
        conditions: [{ operator: 'StringLike', key: 's3:prefix', values: ['daily/*'] }],
      },
      { actions: ['dynamodb:Query'], resources: ['arn:aws:dynamodb:eu-west-1:123456789012:table/ledger'] },
    ]);
  });

  test('managed policies attached to the role become managedPolicyArns; Lambda\'s own logging is dropped with a note', () => {
    expect(job.managedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AmazonAthenaFullAccess']);
    expect(job.warnings).toContain('permissions: dropped logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents, AWSLambdaBasicExecutionRole: '
      + 'Lambda\'s own logging and VPC access; the task has its own (execution role, awslogs, Fargate networking)');
  });

  test('what cannot be carried over is a warning naming the file and the statement', () => {
    expect(job.warnings.filter((w) => w.startsWith('main.tf: '))).toEqual([
      expect.stringMatching(/^main.tf: aws_iam_role.export.inline_policy\[0\].Statement\[1\]: Resource .*aws_s3_bucket.out.arn.* does not resolve/),
      expect.stringMatching(/^main.tf: data.aws_iam_policy_document.read.statement\[2\]: permissions\[0\].actions\[0\]: '\*' allows every action.*; not carried over/),
    ]);
  });

  test('data.aws_ssm_parameter.x.value becomes an ssmParameters entry, never a plain value', () => {
    expect(job.ssmParameters).toEqual({ DB_PASSWORD: '/exports/prod/db-password' });
    expect(job.environment.filter((v) => v.value !== null).map((v) => v.name)).toEqual(['STAGE']);
    expect(job.warnings.filter((w) => w.includes('DB_PASSWORD'))).toEqual([]);
  });
});
