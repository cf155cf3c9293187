import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyze, MigrationReport } from '../../src';
import { expectContractShape, FIXTURES, jobNamed } from '../contract';

/** The fixture's functions use a role it does not declare: their permissions cannot be carried over. */
const ROLE_NOT_HERE = (fn: string) =>
  `functions.tf: aws_lambda_function.${fn}.role: aws_iam_role.lambda.arn is not an aws_iam_role of this folder; its permissions are not carried over, grant them by hand`;

const REPO = join(FIXTURES, 'terraform-repo');

describe('a Terraform repository', () => {
  let report: MigrationReport;
  beforeAll(async () => {
    report = await analyze(REPO);
  });

  test('finds the four scheduled functions, and only the JSON contract fields', () => {
    expect(report.jobs.map((j) => j.name).sort()).toEqual(['cleanup', 'heavy', 'ledger-sync', 'payments-nightly-report']);
    expectContractShape(report);
  });

  test('a Node function on EventBridge Scheduler, at the 900 s limit, with var., local. and tfvars values and a jsonencode input', () => {
    expect(jobNamed(report, 'payments-nightly-report')).toEqual({
      // function_name = "${var.prefix}_nightlyReport", prefix from terraform.tfvars
      name: 'payments-nightly-report',
      sourceFile: 'functions.tf',
      source: 'terraform',
      handler: 'report.handler',
      runtime: 'nodejs20.x',
      schedule: ['cron(0 2 * * ? *)'],
      timeZone: 'Asia/Tokyo',
      enabled: true,
      // jsonencode(local.report_event)
      input: { scope: 'all', limit: 500 },
      // var.report_memory's default
      memoryMb: 1024,
      timeoutSeconds: 900,
      cpu: 1024,
      memory: 2048,
      // hcl2json returns the map's keys sorted
      environment: [
        { name: 'DB_PASSWORD', value: 'not-a-real-password', secret: true },
        { name: 'ORDERS_TABLE', value: 'orders-payments', secret: false },
        { name: 'REPORT_BUCKET', value: null, expression: 'aws_s3_bucket.reports.bucket', secret: false },
      ],
      // data.archive_file.report.source_dir = "${path.module}/src", where report.js is
      codePath: 'src',
      // it imports no other file and no package
      codeFiles: ['report.js'],
      dependencies: {},
      warnings: [
        ROLE_NOT_HERE('report'),
        "timeout is 900 s, at Lambda's limit: the reason to migrate",
        'runtime nodejs20.x: the runner needs Node 22 or later, so test the handler on Node 22',
        'environment DB_PASSWORD looks like a secret: pass it as a container secret (Secrets Manager or SSM Parameter Store), not as a plain variable',
        'environment REPORT_BUCKET: aws_s3_bucket.reports.bucket is not a literal; set its value by hand',
        "memoryMb: taken from var.report_memory's default; a deploy that sets it differently changes it",
      ],
      // memory_size = var.report_memory, which no tfvars file sets
      defaults: ['memoryMb'],
    });
  });

  test('a Python function on a rate rule, with its permission and an archive of one file', () => {
    expect(jobNamed(report, 'cleanup')).toEqual({
      name: 'cleanup',
      sourceFile: 'functions.tf',
      source: 'terraform',
      handler: 'cleanup.handler',
      runtime: 'python3.12',
      schedule: ['rate(1 hour)'],
      enabled: true,
      memoryMb: 512,
      timeoutSeconds: 60,
      cpu: 512,
      memory: 1024,
      environment: [],
      // data.archive_file.cleanup.source_file = "${path.module}/jobs/cleanup.py"
      codePath: 'jobs',
      warnings: [ROLE_NOT_HERE('cleanup'), 'runtime python3.12 is not Node: the runner is Node-only, so wrap or port'],
      defaults: [],
    });
  });

  test('a disabled rule, a VPC, a heredoc input, 1769 MB, reserved concurrency 1 and no aws_lambda_permission', () => {
    expect(jobNamed(report, 'ledger-sync')).toEqual({
      name: 'ledger-sync',
      sourceFile: 'functions.tf',
      source: 'terraform',
      handler: 'sync.handler',
      runtime: 'nodejs22.x',
      schedule: ['cron(0/15 * * * ? *)'],
      enabled: false,
      input: { full: false },
      memoryMb: 1769,
      // no timeout: Lambda's 3 s default
      timeoutSeconds: 3,
      cpu: 1024,
      memory: 2048,
      environment: [],
      warnings: [
        ROLE_NOT_HERE('sync'),
        'no aws_lambda_permission lets events.amazonaws.com invoke it for aws_cloudwatch_event_rule.ledger_sync: check that the rule really runs it before you switch over',
        'VPC config: pass these subnets (subnet-0a1, subnet-0b2) and security groups (aws_security_group.sync.id) '
          + "to the job's subnetIds and securityGroupIds; the task needs the same network access",
        "reserved concurrency 1 kept runs from overlapping: skip overlapping runs with ECS_BATCH_OVERLAP=skip (the template's overlap: 'skip')",
        'handler source not found: filename "build/sync.zip" is a prebuilt archive, not a source folder; move the code by hand',
      ],
      defaults: [],
    });
  });

  test('10240 MB, a layer, code in S3, a rule targeted by its literal name and a permission by function name', () => {
    expect(jobNamed(report, 'heavy')).toEqual({
      name: 'heavy',
      sourceFile: 'functions.tf',
      source: 'terraform',
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      schedule: ['cron(30 4 ? * SUN *)'],
      enabled: true,
      memoryMb: 10240,
      timeoutSeconds: 3,
      cpu: 8192,
      memory: 16384,
      environment: [],
      warnings: [
        ROLE_NOT_HERE('heavy'),
        'uses 1 layer: install what they provide as dependencies of the image',
        'handler source not found: the code is an S3 object (s3_bucket); move the code by hand',
      ],
      defaults: [],
    });
  });

  test('reports the event pattern, the input transformer and the unresolved expression, and migrates none of them', () => {
    expect(report.warnings).toEqual([
      'schedules.tf: aws_cloudwatch_event_rule.audit: runs aws_lambda_function.audit on an event pattern, not a schedule: not migrated',
      'schedules.tf: aws_cloudwatch_event_target.digest: passes aws_lambda_function.digest an input_transformer, not a constant event: not migrated',
      'schedules.tf: aws_cloudwatch_event_rule.legacy: schedule_expression var.legacy_schedule does not resolve to a literal: not migrated (aws_lambda_function.legacy)',
    ]);
    expect(report.jobs.map((j) => j.name)).not.toEqual(expect.arrayContaining(['audit', 'digest', 'legacy', 'api']));
  });
});

describe('Terraform references', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-refs-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a target through an alias or a literal ARN, a function with count, a target the folder does not declare', async () => {
    writeFileSync(join(dir, 'main.tf'), `
resource "aws_lambda_function" "by_alias" {
  function_name = "by-alias"
  handler       = "a.handler"
  runtime       = "nodejs22.x"
  count         = 2
}

resource "aws_lambda_alias" "live" {
  name          = "live"
  function_name = aws_lambda_function.by_alias[0].function_name
}

resource "aws_lambda_function" "by_arn" {
  function_name = "by-arn"
  handler       = "b.handler"
  runtime       = "nodejs22.x"
}

resource "aws_cloudwatch_event_rule" "r" {
  schedule_expression = "rate(5 minutes)"
}

resource "aws_cloudwatch_event_target" "alias" {
  rule = aws_cloudwatch_event_rule.r.id
  arn  = aws_lambda_alias.live.arn
}

resource "aws_scheduler_schedule" "arn" {
  schedule_expression = "at(2030-01-01T00:00:00)"
  state               = "DISABLED"
  target {
    arn = "arn:aws:lambda:eu-west-1:123456789012:function:by-arn:live"
  }
}

resource "aws_cloudwatch_event_target" "elsewhere" {
  rule = aws_cloudwatch_event_rule.r.name
  arn  = module.lambdas.report_arn
}
`);
    const report = await analyze(dir);
    expect(report.jobs.map((j) => [j.name, j.schedule, j.enabled])).toEqual([
      ['by-alias', ['rate(5 minutes)'], true],
      ['by-arn', ['at(2030-01-01T00:00:00)'], false],
    ]);
    expect(report.jobs[0].warnings).toEqual(expect.arrayContaining([
      'count: the resource may stand for several functions; the analyzer reports it once, with the settings as written',
    ]));
    expect(report.warnings).toEqual([
      'main.tf: aws_cloudwatch_event_target.elsewhere: targets ${module.lambdas.report_arn}, a function this folder does not declare: not migrated',
    ]);
  });
});
