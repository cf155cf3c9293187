import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Schedule } from '@ecs-batch/core';
import { analyze, MigrationReport } from '../../src';
import { coreError, expectContractShape, FIXTURES, jobNamed } from '../contract';

const APP = join(FIXTURES, 'serverless-app');

const SERVICE = { name: 'SERVICE', value: 'billing', secret: false };
const STRIPE = { name: 'STRIPE_API_KEY', value: null, expression: '${ssm:/billing/stripe-key}', secret: true };
/** `${ssm:...}` is carried over as the container secret it reads, not warned about. */
const STRIPE_PARAMETER = { STRIPE_API_KEY: '/billing/stripe-key' };

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
      ssmParameters: STRIPE_PARAMETER,
      // the handler is relative to the service folder; src/invoice.ts exists (TypeScript, bundled at deploy)
      codePath: '.',
      // its own file only, not remind.js beside it
      codeFiles: ['src/invoice.ts'],
      // imported, declared nowhere (no package.json): the SDK nodejs22.x provided
      dependencies: { '@aws-sdk/client-s3': '^3' },
      warnings: [
        "timeout is 900 s, at Lambda's limit: the reason to migrate",
        'deps: @aws-sdk/client-s3 added at ^3 (the latest v3), since the nodejs22.x runtime provided AWS SDK v3 and a container has none',
        "environment.INVOICE_TABLE: taken from the fallback of ${opt:stage, 'dev'}; a deploy that sets it differently changes it",
      ],
      // No --stage: the stage is the fallback, which a deploy with --stage changes.
      defaults: ['environment.INVOICE_TABLE'],
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
      ssmParameters: STRIPE_PARAMETER,
      codePath: '.',
      codeFiles: ['src/remind.js'],
      dependencies: {},
      warnings: [],
      defaults: [],
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
      ssmParameters: STRIPE_PARAMETER,
      codePath: '.',
      warnings: [
        'runtime python3.12 is not Node: the runner is Node-only, so wrap or port',
        "VPC config: pass these subnets (subnet-111, subnet-222) and security groups (sg-0123) to the job's subnetIds and securityGroupIds; "
          + 'the task needs the same network access',
      ],
      defaults: [],
    });
  });

  test('reports the event pattern and the input transformer, and migrates neither', () => {
    expect(report.warnings).toEqual([
      'serverless.yml: functions.watcher.events[0]: runs watcher on an event pattern (eventBridge), not a schedule: not migrated',
      'serverless.yml: functions.stamped.events[0]: passes an inputTransformer, not a constant event: not migrated',
    ]);
  });
});

describe('Serverless edge cases', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-sls-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a container image, an invalid cron, a CloudFormation function as the rate, a body input, another provider', async () => {
    writeFileSync(join(dir, 'serverless.yml'), [
      'service: x',
      'provider:',
      '  name: aws',
      'functions:',
      '  img:',
      '    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/x:latest',
      '    events:',
      '      - schedule:',
      '          rate: rate(1 hour)',
      '          input:',
      '            body: \'{"a": 1}\'',
      '  bad:',
      '    handler: bad.h',
      '    events:',
      '      - schedule: cron(0 2 * * *)',
      '      - schedule:',
      '          rate:',
      '            - Fn::Join: ["", ["rate(", "5 minutes)"]]',
      '  empty:',
    ].join('\n'));
    const report = await analyze(dir);
    expect(report.jobs).toEqual([{
      name: 'img',
      sourceFile: 'serverless.yml',
      source: 'serverless',
      schedule: ['rate(1 hour)'],
      enabled: true,
      input: { body: { a: 1 } },
      memoryMb: 1024,
      timeoutSeconds: 6,
      cpu: 1024,
      memory: 2048,
      environment: [],
      warnings: [
        'container image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/x:latest: the runner is Node-only; '
          + 'rebuild the image on Node 22 with ecs-batch-run as its entrypoint, or wrap it',
      ],
      defaults: [],
    }]);
    expect(report.warnings).toEqual([
      'serverless.yml: functions.bad.events[1]: rate {"Fn::Join":["",["rate(","5 minutes)"]]} does not resolve to a literal: not migrated',
      // core's own message, whatever its wording
      `serverless.yml: functions.bad: events[0].schedule: ${coreError(() => Schedule.expression('cron(0 2 * * *)'))}: not migrated`,
    ]);

    writeFileSync(join(dir, 'serverless.yml'), 'service: x\nprovider:\n  name: google\nfunctions:\n  f:\n    handler: f.h\n    events:\n      - schedule: rate(1 hour)\n');
    await expect(analyze(dir)).resolves.toEqual({ jobs: [], warnings: [], unreadable: [] });
  });
});
