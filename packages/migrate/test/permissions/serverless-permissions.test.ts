import { join } from 'path';
import { analyze, MigrationReport } from '../../src';
import { expectContractShape, FIXTURES, jobNamed } from '../contract';

describe('Serverless functions\' permissions and secrets, carried over', () => {
  let report: MigrationReport;
  beforeAll(async () => {
    report = await analyze(join(FIXTURES, 'serverless-permissions'));
    expectContractShape(report);
  });

  test('provider.iam.role statements and managedPolicies, the older iamRoleStatements, and the plugin\'s per-function statements', () => {
    const job = jobNamed(report, 'invoice');
    expect(job.permissions).toEqual([
      { actions: ['dynamodb:Query', 'dynamodb:PutItem'], resources: ['arn:aws:dynamodb:eu-west-1:123456789012:table/invoices'] },
      { actions: ['sns:Publish'], resources: ['arn:aws:sns:eu-west-1:123456789012:billing-alerts'] },
      {
        actions: ['ses:SendEmail'],
        resources: ['arn:aws:ses:eu-west-1:123456789012:identity/billing.example.com'],
        conditions: [{ operator: 'StringEquals', key: 'ses:FromAddress', values: ['billing@example.com'] }],
      },
    ]);
    expect(job.managedPolicyArns).toEqual(['arn:aws:iam::123456789012:policy/billing-read']);
    expect(job.warnings).toContain('permissions: dropped logs:CreateLogStream, logs:PutLogEvents, AWSLambdaVPCAccessExecutionRole: '
      + 'Lambda\'s own logging and VPC access; the task has its own (execution role, awslogs, Fargate networking)');
  });

  test('a refused or unresolvable statement is a warning naming the file and the statement, not a failure', () => {
    const job = jobNamed(report, 'invoice');
    expect(job.warnings.filter((w) => w.startsWith('serverless.yml: provider.iam.role.statements['))).toEqual([
      expect.stringMatching(/^serverless.yml: provider.iam.role.statements\[2\]: permissions\[0\].actions\[0\]: 'iam:\*' lets the job grant itself.*; not carried over/),
      expect.stringMatching(/^serverless.yml: provider.iam.role.statements\[3\]: its Resource does not resolve to literal strings .*Fn::GetAtt/),
    ]);
  });

  test('a function with its own role takes that role\'s policies, not the provider\'s', () => {
    const job = jobNamed(report, 'reconcile');
    expect(job.permissions).toEqual([{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::billing-ledger/*'] }]);
    expect(job.managedPolicyArns).toBeUndefined();
    expect(job.warnings).toContain('permissions: dropped AWSLambdaBasicExecutionRole: '
      + 'Lambda\'s own logging and VPC access; the task has its own (execution role, awslogs, Fargate networking)');
  });

  test('${ssm:...} and dynamic references become ssmParameters and secretsManagerSecrets, never plain environment', () => {
    for (const name of ['invoice', 'reconcile']) {
      const job = jobNamed(report, name);
      expect(job.ssmParameters).toEqual({ DB_PASSWORD: '/billing/prod/db-password' });
      expect(job.secretsManagerSecrets).toEqual({ STRIPE_KEY: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:stripe-XyZ123' });
      expect(job.environment.filter((v) => v.value !== null).map((v) => v.name)).toEqual(['STAGE']);
    }
  });
});
