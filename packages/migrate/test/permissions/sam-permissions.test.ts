import { join } from 'path';
import { analyze, MigrationJob } from '../../src';
import { expectContractShape, FIXTURES, jobNamed } from '../contract';

describe('a SAM function\'s Policies and secrets, carried over', () => {
  let job: MigrationJob;
  beforeAll(async () => {
    const report = await analyze(join(FIXTURES, 'sam-permissions'));
    expectContractShape(report);
    job = jobNamed(report, 'export');
  });

  test('policy templates are expanded with SAM\'s own definitions; inline statements are kept with their conditions', () => {
    expect(job.permissions).toEqual([
      {
        actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'],
        resources: ['arn:aws:s3:::acme-reports', 'arn:aws:s3:::acme-reports/*'],
      },
      {
        actions: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem',
          'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:ConditionCheckItem'],
        resources: ['arn:aws:dynamodb:*:*:table/orders', 'arn:aws:dynamodb:*:*:table/orders/index/*'],
      },
      {
        actions: ['sqs:SendMessage'],
        resources: ['arn:aws:sqs:eu-west-1:123456789012:exports'],
        conditions: [{ operator: 'Bool', key: 'aws:SecureTransport', values: ['true'] }],
      },
    ]);
  });

  test('managed policies become managedPolicyArns; Lambda\'s own are dropped with a note', () => {
    expect(job.managedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AmazonAthenaFullAccess', 'arn:aws:iam::123456789012:policy/acme-export-extra']);
    expect(job.warnings).toContain('permissions: dropped AWSLambdaBasicExecutionRole, AWSLambdaVPCAccessExecutionRole, logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents: '
      + 'Lambda\'s own logging and VPC access; the task has its own (execution role, awslogs, Fargate networking)');
  });

  test('nothing is lost silently: each statement not carried over is a warning naming the file and the statement', () => {
    const about = (prefix: string) => job.warnings.filter((w) => w.startsWith(prefix));
    expect(about('template.yaml: Policies[6] of ExportFunction.Statement[2]')).toEqual([
      expect.stringMatching(/^template.yaml: Policies\[6\] of ExportFunction.Statement\[2\]: permissions\[0\].actions\[0\]: '\*' allows every action.*; not carried over/),
    ]);
    expect(about('template.yaml: Policies[6] of ExportFunction.Statement[3]')).toEqual([expect.stringContaining('a Deny statement')]);
    expect(about('template.yaml: Policies[7] of ExportFunction')).toEqual([expect.stringContaining('!If')]);
    expect(about('template.yaml: Policies[8] of ExportFunction')).toEqual([expect.stringContaining('NoSuchPolicyTemplate is not a SAM policy template')]);
    expect(about('template.yaml: Policies[9] of ExportFunction')).toEqual([expect.stringContaining('!GetAtt ExportKey.Arn')]);
    // core refuses it for a job: dropped with a warning, so --migrate-from does not fail
    expect(about('template.yaml: Policies[10] of ExportFunction')).toEqual([
      expect.stringMatching(/^template.yaml: Policies\[10\] of ExportFunction: managedPolicyArns\[0\]: AdministratorAccess grants \*.*; not carried over/),
    ]);
  });

  test('dynamic references become secretsManagerSecrets and ssmParameters, never plain environment', () => {
    expect(job.secretsManagerSecrets).toEqual({ DB_PASSWORD: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf:password::' });
    expect(job.ssmParameters).toEqual({ API_TOKEN: '/prod/export/api-token' });
    expect(job.environment.filter((v) => v.value !== null).map((v) => v.name)).toEqual(['STAGE']);
    expect(job.warnings.filter((w) => /DB_PASSWORD|API_TOKEN/.test(w))).toEqual([]);
    // ECS needs a secret's ARN: one given by name is a warning (core's check), and not a plain value either
    expect(job.warnings).toContainEqual(expect.stringMatching(/^environment SMTP_PASSWORD reads the secret prod\/smtp:password::: secretsManagerSecrets.SMTP_PASSWORD: .*; add it to secretsManagerSecrets by its ARN by hand$/));
    expect(job.environment.find((v) => v.name === 'SMTP_PASSWORD')).toEqual(expect.objectContaining({ value: null }));
    // a reference inside a longer value is not copied as a literal either
    expect(job.warnings).toContain('environment DATABASE_URL: postgres://export:{{resolve:ssm-secure:/prod/export/db-password}}@db.internal/export is not a literal; set its value by hand');
  });
});
