import { join } from 'path';
import { analyze, MigrationReport } from '../../src';
import { expectContractShape, FIXTURES, jobNamed } from '../contract';

const APP = join(FIXTURES, 'serverless-app');

const SERVICE = { name: 'SERVICE', value: 'billing', secret: false };
const STRIPE = { name: 'STRIPE_API_KEY', value: null, expression: '${ssm:/billing/stripe-key}', secret: true };
const STRIPE_WARNING = 'environment STRIPE_API_KEY looks like a secret: pass it as a container secret (Secrets Manager or SSM Parameter Store), not as a plain variable';

describe('a Serverless Framework service', () => {
  let report: MigrationReport;
  beforeAll(async () => {
    report = await analyze(APP);
  });

  test('finds the three scheduled functions, and only the JSON contract fields', () => {
    expect(report.jobs.map((j) => j.name)).toEqual(['invoice', 'remind', 'purge']);
    expectContractShape(report);
  });

  test('a string schedule, at the 900 s limit, with ${self:} and ${sls:stage} values and provider environment', () => {
    expect(jobNamed(report, 'invoice')).toEqual({
      name: 'invoice',
      sourceFile: 'serverless.yml',
      source: 'serverless',
      handler: 'src/invoice.handler',
      // provider.runtime
      runtime: 'nodejs22.x',
      schedule: ['rate(1 day)'],
      enabled: true,
      // ${self:custom.invoiceMemory}
      memoryMb: 2048,
      timeoutSeconds: 900,
      cpu: 2048,
      memory: 4096,
      // provider variables first; ${self:custom.invoiceTable} = invoices-${sls:stage}, stage ${opt:stage, 'dev'}
      environment: [SERVICE, STRIPE, { name: 'INVOICE_TABLE', value: 'invoices-dev', secret: false }],
      // the handler is relative to the service folder; src/invoice.ts exists (TypeScript, bundled at deploy)
      codePath: '.',
      warnings: ["timeout is 900 s, at Lambda's limit: the reason to migrate", STRIPE_WARNING],
    });
  });

  test('a list of rates with an input and a time zone, on the framework defaults (1024 MB, 6 s)', () => {
    expect(jobNamed(report, 'remind')).toEqual({
      name: 'remind',
      sourceFile: 'serverless.yml',
      source: 'serverless',
      handler: 'src/remind.handler',
      runtime: 'nodejs22.x',
      schedule: ['cron(0 8 * * ? *)', 'cron(0 20 * * ? *)'],
      timeZone: 'America/New_York',
      enabled: true,
      input: { kind: 'reminder', channels: ['email', 'sms'] },
      memoryMb: 1024,
      timeoutSeconds: 6,
      cpu: 1024,
      memory: 2048,
      environment: [SERVICE, STRIPE],
      codePath: '.',
      warnings: [STRIPE_WARNING],
    });
  });

  test('a disabled schedule on a Python function in a VPC', () => {
    expect(jobNamed(report, 'purge')).toEqual({
      name: 'purge',
      sourceFile: 'serverless.yml',
      source: 'serverless',
      handler: 'purge.handler',
      runtime: 'python3.12',
      schedule: ['rate(6 hours)'],
      enabled: false,
      memoryMb: 256,
      timeoutSeconds: 120,
      cpu: 256,
      memory: 512,
      environment: [SERVICE, STRIPE],
      codePath: '.',
      warnings: [
        'runtime python3.12 is not Node: the runner is Node-only, so wrap or port',
        "VPC config: pass these subnets (subnet-111, subnet-222) and security groups (sg-0123) to the job's subnetIds and securityGroupIds; "
          + 'the task needs the same network access',
        STRIPE_WARNING,
      ],
    });
  });

  test('reports the event pattern and the input transformer, and migrates neither', () => {
    expect(report.warnings).toEqual([
      'serverless.yml: functions.watcher.events[0]: runs watcher on an event pattern (eventBridge), not a schedule: not migrated',
      'serverless.yml: functions.stamped.events[0]: passes an inputTransformer, not a constant event: not migrated',
    ]);
  });
});
