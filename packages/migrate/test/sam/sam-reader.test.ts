import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FargateSize, TimeZone } from '@ecs-batch/core';
import { analyze, MigrationReport } from '../../src';
import { coreError, expectContractShape, FIXTURES, jobNamed } from '../contract';

const APP = join(FIXTURES, 'sam-app');

const DEFAULTED = (field: string, parameter: string) =>
  `${field}: taken from parameter ${parameter}'s Default; a deploy that sets it differently changes it`;

const GLOBAL_ENVIRONMENT = [
  { name: 'STAGE', value: 'prod', secret: false },
  { name: 'LOG_LEVEL', value: 'info', secret: false },
];

describe('an AWS SAM application', () => {
  let report: MigrationReport;
  beforeAll(async () => {
    report = await analyze(APP);
  });

  test('finds each scheduled function (one job per distinct schedule setting), and only the JSON contract fields', () => {
    expect(report.jobs.map((j) => j.name)).toEqual(['nightly-report', 'cleanup', 'prod-ledger-sync-every15', 'prod-ledger-sync-weekly']);
    expectContractShape(report);
  });

  test('a ScheduleV2 event with a time zone and input; !Ref and !Sub of parameters; Globals merged', () => {
    expect(jobNamed(report, 'nightly-report')).toEqual({
      // logical ID NightlyReportFunction, without its Function suffix
      name: 'nightly-report',
      sourceFile: 'template.yaml',
      source: 'sam',
      handler: 'report.handler',
      // from Globals.Function
      runtime: 'nodejs20.x',
      schedule: ['cron(0 3 * * ? *)'],
      timeZone: 'Europe/London',
      enabled: true,
      input: { scope: 'all' },
      // !Ref ReportMemory, Default 3008
      memoryMb: 3008,
      timeoutSeconds: 900,
      cpu: 2048,
      memory: 4096,
      environment: [
        ...GLOBAL_ENVIRONMENT,
        // !Sub '${Stage}-orders'
        { name: 'ORDERS_TABLE', value: 'prod-orders', secret: false },
        { name: 'ARCHIVE_BUCKET', value: null, expression: '!Ref ArchiveBucket', secret: false },
        { name: 'API_TOKEN', value: 'not-a-real-token', secret: true },
      ],
      // CodeUri: src/, where report.mjs is
      codePath: 'src',
      // it imports no other file and no package
      codeFiles: ['report.mjs'],
      dependencies: {},
      warnings: [
        "timeout is 900 s, at Lambda's limit: the reason to migrate",
        'runtime nodejs20.x: the runner needs Node 22 or later, so test the handler on Node 22',
        'environment ARCHIVE_BUCKET: !Ref ArchiveBucket is not a literal; set its value by hand',
        'environment API_TOKEN looks like a secret: pass it as a container secret (Secrets Manager or SSM Parameter Store), not as a plain variable',
        DEFAULTED('memoryMb', 'ReportMemory'),
        DEFAULTED('environment.STAGE', 'Stage'),
        DEFAULTED('environment.ORDERS_TABLE', 'Stage'),
      ],
      // Each from a parameter's Default: a deploy may override them.
      defaults: ['memoryMb', 'environment.STAGE', 'environment.ORDERS_TABLE'],
    });
  });

  test('a disabled Schedule event on a Python function, with Lambda\'s 128 MB default and the global timeout', () => {
    expect(jobNamed(report, 'cleanup')).toEqual({
      name: 'cleanup',
      sourceFile: 'template.yaml',
      source: 'sam',
      handler: 'app.lambda_handler',
      runtime: 'python3.12',
      schedule: ['rate(1 hour)'],
      enabled: false,
      memoryMb: 128,
      timeoutSeconds: 30,
      cpu: 256,
      memory: 512,
      environment: GLOBAL_ENVIRONMENT,
      codePath: 'cleanup',
      warnings: [
        'runtime python3.12 is not Node: the runner is Node-only, so wrap or port',
        "reserved concurrency 1 kept runs from overlapping: skip overlapping runs with ECS_BATCH_OVERLAP=skip (the template's overlap: 'skip')",
        DEFAULTED('environment.STAGE', 'Stage'),
      ],
      defaults: ['environment.STAGE'],
    });
  });

  test('a function in a VPC with two schedules in different time zones becomes two jobs', () => {
    const common = {
      sourceFile: 'template.yaml',
      source: 'sam',
      handler: 'index.handler',
      runtime: 'nodejs20.x',
      enabled: true,
      memoryMb: 1769,
      timeoutSeconds: 30,
      cpu: 1024,
      memory: 2048,
      environment: GLOBAL_ENVIRONMENT,
      // sync/ exists but has no index.js: no codePath
      warnings: [
        'runtime nodejs20.x: the runner needs Node 22 or later, so test the handler on Node 22',
        'VPC config: pass these subnets (subnet-aaa, subnet-bbb) and security groups (!GetAtt SyncSecurityGroup.GroupId) '
          + "to the job's subnetIds and securityGroupIds; the task needs the same network access",
        'uses 1 layer: install what they provide as dependencies of the image',
        'handler source not found: index.js is not in sync; move the code by hand',
        DEFAULTED('name', 'Stage'),
        DEFAULTED('environment.STAGE', 'Stage'),
      ],
      defaults: ['name', 'environment.STAGE'],
    };
    // FunctionName: !Sub '${Stage}-ledger-sync', then the event's name
    expect(jobNamed(report, 'prod-ledger-sync-every15')).toEqual({ name: 'prod-ledger-sync-every15', ...common, schedule: ['cron(0/15 * * * ? *)'] });
    expect(jobNamed(report, 'prod-ledger-sync-weekly')).toEqual({
      name: 'prod-ledger-sync-weekly', ...common, schedule: ['cron(0 9 ? * MON *)'], timeZone: 'Asia/Tokyo',
    });
  });

  test('reports the event pattern and the unresolvable schedule, and migrates neither', () => {
    expect(report.warnings).toEqual([
      'template.yaml: OnUploadFunction.Events.Uploaded: runs OnUploadFunction on an event pattern (EventBridgeRule), not a schedule: not migrated',
      'template.yaml: TunedFunction.Events.Tuned: Schedule !Sub "rate(${TablePrefix} minutes)" does not resolve to a literal: not migrated',
    ]);
  });

  test('analyzes the template file itself, with paths relative to its folder', async () => {
    const single = await analyze(join(APP, 'template.yaml'));
    expect(single).toEqual(report);
  });
});

describe('SAM edge cases', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-sam-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('an unknown time zone is not migrated; input that is not JSON and memory Lambda rejects are warnings', async () => {
    writeFileSync(join(dir, 'template.yml'), [
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      InlineCode: "exports.handler = async () => 1"',
      '      Handler: index.handler',
      '      Runtime: nodejs22.x',
      '      MemorySize: 64',
      '      Events:',
      '        Mars:',
      '          Type: ScheduleV2',
      '          Properties:',
      '            ScheduleExpression: rate(1 hour)',
      '            ScheduleExpressionTimezone: Mars/Olympus',
      '        Earth:',
      '          Type: Schedule',
      '          Properties:',
      '            Schedule: rate(2 hours)',
      '            Input: not json',
      '            State: DISABLED',
    ].join('\n'));
    const report = await analyze(dir);
    expect(report.jobs).toEqual([{
      // two schedule settings, so the event's name is in the job's
      name: 'fn-earth',
      sourceFile: 'template.yml',
      source: 'sam',
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      schedule: ['rate(2 hours)'],
      enabled: false,
      memoryMb: 64,
      timeoutSeconds: 3,
      cpu: 256,
      memory: 512,
      environment: [],
      warnings: [
        // the reason is V8's JSON.parse message
        expect.stringMatching(/^Events\.Earth\.Input: not valid JSON \(.+\); the input is not carried over, set ECS_BATCH_EVENT by hand$/),
        `memory: ${coreError(() => FargateSize.forLambda(64))}; sized for 128 MB instead`,
        'handler source not found: the code is inline in the template (InlineCode); move the code by hand',
      ],
      defaults: [],
    }]);
    expect(report.warnings).toEqual([
      `template.yml: Fn: Events.Mars: ${coreError(() => TimeZone.validate('Mars/Olympus', 'timeZone'))}: not migrated`,
    ]);
  });
});
