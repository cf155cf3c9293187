import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyze, MigrationReport } from '../../src';
import { main } from '../../src/cli';
import { registryModuleKind } from '../../src/terraform/registry-module-calls';
import { expectContractShape, FIXTURES, jobNamed } from '../contract';

// Fixtures written for these tests: the module calls are read from their arguments, never downloaded.
const REGISTRY = join(FIXTURES, 'terraform-registry');
const RULES = join(REGISTRY, 'rules');
const SCHEDULER = join(REGISTRY, 'scheduler');
const UNKNOWN = join(REGISTRY, 'unknown');

const defaulted = (field: string, origin: string) => `${field}: taken from ${origin}; a deploy that sets it differently changes it`;

describe('terraform-aws-modules/lambda/aws run by terraform-aws-modules/eventbridge/aws rules', () => {
  let report: MigrationReport;
  beforeAll(async () => {
    report = await analyze(RULES);
  });

  test('a rate and a cron rule targeting module.invoice_report.lambda_function_arn: one job, with the call\'s arguments and attached policies', () => {
    expectContractShape(report);
    expect(report.jobs.map((j) => j.name)).toEqual(['billing-invoice-report', 'archive-sweep']);
    expect(jobNamed(report, 'billing-invoice-report')).toEqual({
      // function_name = "${var.prefix}-invoice-report", prefix from terraform.tfvars
      name: 'billing-invoice-report',
      sourceFile: 'main.tf',
      source: 'terraform',
      handler: 'report.handler',
      runtime: 'nodejs20.x',
      // rules.every_five and rules.nightly, through targets.every_five and targets.nightly
      schedule: ['rate(5 minutes)', 'cron(0 3 * * ? *)'],
      enabled: true,
      // memory_size = var.report_memory: its default, so listed in defaults
      memoryMb: 1024,
      timeoutSeconds: 300,
      cpu: 1024,
      memory: 2048,
      environment: [
        // "invoices-${var.stage}", stage from terraform.tfvars
        { name: 'INVOICES_TABLE', value: 'invoices-prod', secret: false },
        { name: 'REPORT_BUCKET', value: null, expression: 'aws_s3_bucket.reports.bucket', secret: false },
      ],
      // source_path = "${path.module}/src/report", where report.js is
      codePath: 'src/report',
      codeFiles: ['report.js'],
      dependencies: {},
      warnings: [
        "architectures: arm64: set the job's CPU architecture to ARM64 (Fargate Spot does not run ARM64)",
        'also triggered by allowed_triggers.InvoicesApi (apigateway.amazonaws.com): the job runs only the schedule, so keep the Lambda for that trigger or move it too',
        'main.tf: module.invoice_report.policy_statements.reports: resources aws_s3_bucket.reports.arn does not resolve to a literal; not carried over, grant it by hand',
        'runtime nodejs20.x: the runner needs Node 22 or later, so test the handler on Node 22',
        'environment REPORT_BUCKET: aws_s3_bucket.reports.bucket is not a literal; set its value by hand',
        defaulted('memoryMb', "var.report_memory's default"),
      ],
      defaults: ['memoryMb'],
      // policy_statements (attach_policy_statements = true), with its condition; policy_json is not attached
      permissions: [{
        actions: ['dynamodb:Query'],
        resources: ['arn:aws:dynamodb:eu-west-1:123456789012:table/invoices-prod'],
        conditions: [{ operator: 'ForAllValues:StringEquals', key: 'dynamodb:LeadingKeys', values: ['invoice'] }],
      }],
      // policies (attach_policies = true)
      managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSESFullAccess'],
    });
  });

  test('a disabled rule (enabled = false) with a jsonencode input, a prebuilt package, the module\'s 128 MB and 3 s, no allowed_triggers, its own role', () => {
    expect(jobNamed(report, 'archive-sweep')).toEqual({
      name: 'archive-sweep',
      sourceFile: 'main.tf',
      source: 'terraform',
      handler: 'sweep.handler',
      runtime: 'python3.12',
      // schedule_expression = var.sweep_schedule, its default
      schedule: ['cron(30 1 ? * SUN *)'],
      enabled: false,
      input: { olderThanDays: 90 },
      memoryMb: 128,
      timeoutSeconds: 3,
      cpu: 256,
      memory: 512,
      environment: [],
      warnings: [
        'no allowed_triggers entry lets events.amazonaws.com invoke it for module.schedules.rules.sweep: check that the rule really runs it before you switch over',
        'runtime python3.12 is not Node: the runner is Node-only, so wrap or port',
        'handler source not found: local_existing_package "./build/sweep.zip" is a prebuilt archive, not a source folder; move the code by hand',
        defaulted('schedule', "var.sweep_schedule's default"),
      ],
      defaults: ['schedule'],
      // create_role = false: lambda_role's aws_iam_role_policy
      permissions: [{ actions: ['s3:DeleteObject'], resources: ['arn:aws:s3:::acme-archive/*'] }],
    });
  });

  test('the event-pattern rule is reported with its file:line; the queue target is not a function', () => {
    expect(report.warnings).toEqual([
      'main.tf:106: module.schedules.rules.on_upload: runs module.invoice_report on an event pattern, not a schedule: not migrated',
    ]);
  });

  test('--var sets what the defaults gave: no longer listed', async () => {
    const set = await analyze(RULES, { vars: { report_memory: '512', sweep_schedule: 'rate(1 day)' } });
    expect([jobNamed(set, 'billing-invoice-report').memoryMb, jobNamed(set, 'billing-invoice-report').defaults]).toEqual([512, []]);
    expect([jobNamed(set, 'archive-sweep').schedule, jobNamed(set, 'archive-sweep').defaults]).toEqual([['rate(1 day)'], []]);
  });
});

describe('terraform-aws-modules/eventbridge/aws schedules (EventBridge Scheduler)', () => {
  let report: MigrationReport;
  beforeAll(async () => {
    report = await analyze(SCHEDULER);
  });

  test('a schedule with a timezone and an input, on a lambda module from its GitHub repository', () => {
    expectContractShape(report);
    expect(report.warnings).toEqual([]);
    const backfillNote = 'module.scheduler.schedules.backfill.start_date: "2027-01-01T00:00:00Z": the job has no start date, so enable or disable it by hand';
    expect(jobNamed(report, 'weekly-digest-monday')).toEqual({
      name: 'weekly-digest-monday',
      sourceFile: 'main.tf',
      source: 'terraform',
      handler: 'digest.handler',
      runtime: 'nodejs22.x',
      schedule: ['cron(0 8 ? * MON *)'],
      timeZone: 'Europe/Paris',
      enabled: true,
      input: { kind: 'weekly' },
      memoryMb: 2048,
      timeoutSeconds: 900,
      cpu: 2048,
      memory: 4096,
      environment: [{ name: 'DIGEST_DAY', value: 'MON', secret: false }],
      // source_path is a file: its folder
      codePath: 'src',
      codeFiles: ['digest.mjs'],
      dependencies: {},
      warnings: [
        backfillNote,
        "timeout is 900 s, at Lambda's limit: the reason to migrate",
        'VPC config: pass these subnets (subnet-0a1, subnet-0b2) and security groups (aws_security_group.digest.id) '
          + "to the job's subnetIds and securityGroupIds; the task needs the same network access",
        "reserved concurrency 1 kept runs from overlapping: skip overlapping runs with ECS_BATCH_OVERLAP=skip (the template's overlap: 'skip')",
      ],
      defaults: [],
    });
  });

  test('state = false disables; the qualified ARN designates the same function; a stream target is not a job', () => {
    expect(report.jobs.map((j) => [j.name, j.schedule, j.enabled, j.timeZone ?? null])).toEqual([
      ['weekly-digest-backfill', ['rate(1 day)'], false, null],
      ['weekly-digest-monday', ['cron(0 8 ? * MON *)'], true, 'Europe/Paris'],
    ]);
  });
});

describe('module calls that are not read', () => {
  test('each one that may deploy functions is a warning naming file:line; a VPC module is not', async () => {
    const report = await analyze(UNKNOWN);
    expect(report.jobs).toEqual([]);
    const notRead = (line: number, name: string, source: string) => `main.tf:${line}: module.${name} (source "${source}") is not read `
      + '(of registry modules, only terraform-aws-modules/lambda/aws and terraform-aws-modules/eventbridge/aws are): '
      + 'any scheduled Lambda function it deploys is not migrated; migrate it by hand';
    expect(report.warnings).toEqual([
      notRead(4, 'nightly_export', 'acme-platform/scheduled-task/aws'),
      notRead(13, 'export_alias', 'terraform-aws-modules/lambda/aws//modules/alias'),
      'main.tf:30: module.disabled: create or create_function is false, so the module creates no function: not migrated',
      'main.tf:41: module.orphan: allowed_triggers.Hourly lets events.amazonaws.com invoke it (arn:aws:events:eu-west-1:123456789012:rule/hourly), '
        + 'but no schedule in this folder targets it: not migrated',
    ]);
  });

  test('the CLI exits 3 and prints them', async () => {
    let stderr = '';
    const code = await main([UNKNOWN], { stdout: () => undefined, stderr: (t) => { stderr += t; } });
    expect(code).toBe(3);
    expect(stderr).toContain('main.tf:4: module.nightly_export');
  });
});

describe('registry sources', () => {
  test.each([
    ['terraform-aws-modules/lambda/aws', 'lambda'],
    ['registry.terraform.io/terraform-aws-modules/lambda/aws', 'lambda'],
    ['terraform-aws-modules/eventbridge/aws', 'eventbridge'],
    ['github.com/terraform-aws-modules/terraform-aws-eventbridge', 'eventbridge'],
    ['git::https://github.com/terraform-aws-modules/terraform-aws-lambda.git?ref=v8.1.0', 'lambda'],
    ['git@github.com:terraform-aws-modules/terraform-aws-lambda.git', 'lambda'],
  ])('%s is read as the %s module', (source, kind) => {
    expect(registryModuleKind(source)).toBe(kind);
  });

  test.each([
    'terraform-aws-modules/lambda/aws//modules/alias',
    'terraform-aws-modules/lambda/google',
    'someone/lambda/aws',
    './modules/lambda',
    'github.com/someone/terraform-aws-lambda',
  ])('%s is not', (source) => {
    expect(registryModuleKind(source)).toBeUndefined();
  });
});

describe('registry modules with plain resources', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-registry-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lambdaModule = (name: string, extra = '') => `
module "${name}" {
  source        = "terraform-aws-modules/lambda/aws"
  version       = "~> 7.0"
  function_name = "${name}"
  handler       = "index.handler"
  runtime       = "nodejs22.x"
  source_path   = "./src"
${extra}}
`;

  test('an aws_cloudwatch_event_rule whose target is module.x.lambda_function_arn, with and without allowed_triggers', async () => {
    writeFileSync(join(dir, 'main.tf'), `${lambdaModule('allowed', `
  allowed_triggers = {
    Hourly = {
      principal  = "events.amazonaws.com"
      source_arn = aws_cloudwatch_event_rule.hourly.arn
    }
  }
`)}${lambdaModule('unallowed')}
resource "aws_cloudwatch_event_rule" "hourly" {
  schedule_expression = "rate(1 hour)"
}

resource "aws_cloudwatch_event_target" "allowed" {
  rule = aws_cloudwatch_event_rule.hourly.name
  arn  = module.allowed.lambda_function_arn
}

resource "aws_cloudwatch_event_target" "unallowed" {
  rule = aws_cloudwatch_event_rule.hourly.name
  arn  = module.unallowed.lambda_function_arn
}

resource "aws_cloudwatch_event_target" "missing" {
  rule = aws_cloudwatch_event_rule.hourly.name
  arn  = module.missing_lambda.lambda_function_arn
}
`);
    const report = await analyze(dir);
    expect(report.jobs.map((j) => [j.name, j.schedule, j.codePath])).toEqual([
      ['allowed', ['rate(1 hour)'], undefined],
      ['unallowed', ['rate(1 hour)'], undefined],
    ]);
    const permissionWarning = 'no allowed_triggers entry lets events.amazonaws.com invoke it for aws_cloudwatch_event_rule.hourly: check that the rule really runs it before you switch over';
    expect(jobNamed(report, 'allowed').warnings).not.toContain(permissionWarning);
    expect(jobNamed(report, 'unallowed').warnings).toContain(permissionWarning);
    expect(report.warnings).toEqual([
      'main.tf: aws_cloudwatch_event_target.missing: targets ${module.missing_lambda.lambda_function_arn}, a function this folder does not declare: not migrated',
    ]);
  });

  test('an eventbridge module whose target is an aws_lambda_function, with its permission; rules and targets from locals', async () => {
    writeFileSync(join(dir, 'main.tf'), `
resource "aws_lambda_function" "export" {
  function_name = "export"
  handler       = "export.handler"
  runtime       = "nodejs22.x"
}

resource "aws_lambda_permission" "export" {
  principal     = "events.amazonaws.com"
  function_name = aws_lambda_function.export.function_name
  source_arn    = module.eb.eventbridge_rule_arns["export"]
}

locals {
  rules = {
    export = { schedule_expression = "cron(15 2 * * ? *)", state = "DISABLED" }
  }
  targets = {
    export = [{ name = "export", arn = aws_lambda_function.export.arn }]
  }
}

module "eb" {
  source     = "terraform-aws-modules/eventbridge/aws"
  version    = "~> 4.0"
  create_bus = false
  rules      = local.rules
  targets    = local.targets
}
`);
    const report = await analyze(dir);
    expect(report.warnings).toEqual([]);
    expect(report.jobs.map((j) => [j.name, j.schedule, j.enabled])).toEqual([['export', ['cron(15 2 * * ? *)'], false]]);
    expect(report.jobs[0].warnings.filter((w) => w.includes('invoke it'))).toEqual([]);
  });

  test('a schedule expression that does not resolve, a target without its rule, and create_targets = false are each reported', async () => {
    writeFileSync(join(dir, 'main.tf'), `${lambdaModule('job')}
variable "when" {}

module "eb" {
  source = "terraform-aws-modules/eventbridge/aws"
  rules = {
    a = { schedule_expression = var.when }
  }
  targets = {
    a = [{ name = "a", arn = module.job.lambda_function_arn }]
    b = [{ name = "b", arn = module.job.lambda_function_arn }]
  }
}

module "off" {
  source         = "terraform-aws-modules/eventbridge/aws"
  create_targets = false
  rules = {
    c = { schedule_expression = "rate(1 day)" }
  }
  targets = {
    c = [{ name = "c", arn = module.job.lambda_function_arn }]
  }
}
`);
    const report = await analyze(dir);
    expect(report.jobs).toEqual([]);
    expect(report.warnings).toEqual([
      'main.tf:15: module.eb.rules.a: schedule_expression var.when does not resolve to a literal: not migrated (module.job)',
      'main.tf:18: module.eb.targets.b[0]: there is no rules.b for this target: not migrated (module.job)',
      'main.tf:30: module.off.targets.c[0]: create_rules or create_targets is false, so the rule does not run module.job: not migrated',
    ]);
  });

  test('values read from a variable\'s default, directly or through a local, are listed; a tfvars value is not', async () => {
    writeFileSync(join(dir, 'main.tf'), `
variable "when" {
  default = "rate(2 hours)"
}
variable "stage" {
  default = "dev"
}
variable "table" {
  default = "t"
}
locals {
  table = "orders-\${var.table}"
}

resource "aws_lambda_function" "plain" {
  function_name = "plain-\${var.stage}"
  handler       = "a.handler"
  runtime       = "nodejs22.x"
  environment {
    variables = { TABLE = local.table }
  }
}

resource "aws_cloudwatch_event_rule" "r" {
  schedule_expression = var.when
}

resource "aws_cloudwatch_event_target" "t" {
  rule = aws_cloudwatch_event_rule.r.name
  arn  = aws_lambda_function.plain.arn
}
${lambdaModule('mod', '  environment_variables = { TABLE = local.table }\n')}
module "eb" {
  source = "terraform-aws-modules/eventbridge/aws"
  schedules = {
    s = { schedule_expression = var.when, timezone = "Europe/Berlin", arn = module.mod.lambda_function_arn }
  }
}
`);
    writeFileSync(join(dir, 'terraform.tfvars'), 'stage = "prod"\n');
    const report = await analyze(dir);
    expect(report.jobs.map((j) => [j.name, j.defaults])).toEqual([
      ['plain-prod', ['environment.TABLE', 'schedule']],
      ['mod', ['environment.TABLE', 'schedule']],
    ]);
    expect(jobNamed(report, 'mod').warnings).toEqual(expect.arrayContaining([
      defaulted('environment.TABLE', "var.table's default"),
      defaulted('schedule', "var.when's default"),
    ]));
  });

  test('policies: an aws_iam_policy of the folder is read as its statements; a flag that does not resolve is a warning', async () => {
    writeFileSync(join(dir, 'main.tf'), `
variable "attach" {}

resource "aws_iam_policy" "read" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::in/*"] }] })
}
${lambdaModule('job', `
  attach_policy            = true
  policy                   = aws_iam_policy.read.arn
  attach_policy_statements = var.attach
  policy_statements        = { a = { actions = ["sqs:SendMessage"], resources = ["arn:aws:sqs:eu-west-1:123456789012:q"] } }
`)}
resource "aws_scheduler_schedule" "s" {
  schedule_expression = "rate(1 day)"
  target {
    arn = module.job.lambda_function_arn
  }
}
`);
    const job = jobNamed(await analyze(dir), 'job');
    expect(job.permissions).toEqual([{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::in/*'] }]);
    expect(job.warnings).toContain('main.tf: module.job.policy_statements: attached only if attach_policy_statements is true, which does not resolve to a literal; '
      + 'not carried over, grant it by hand');
  });
});
