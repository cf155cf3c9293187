import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const BIN = join(__dirname, '..', 'bin', 'ecs-batch-lint');
const FIXTURES = join(__dirname, 'fixtures');

/** Runs the real bin from the package folder, as a team's CI runs it. */
function lint(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: join(__dirname, '..'), encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ecs-batch-lint (the real bin)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-batch-lint-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('an error exits 1 and the table shows file:line, rule, severity, message and fix', () => {
    const r = lint('test/fixtures/ECSB002/bad');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^test\/fixtures\/ECSB002\/bad\/main\.tf:88 +ECSB002 +error +aws_iam_role_policy\.invoker: ecs:RunTask is allowed only on the family ARN/m);
    expect(r.out).toMatch(/^ +fix: Resource = ".*:\*"/m);
    expect(r.out).toContain('1 finding(s): 1 error(s), 0 warning(s)');
  });

  test('warnings exit 0 unless --fail-on warning', () => {
    expect(lint('test/fixtures/ECSB008/bad').code).toBe(0);
    expect(lint('test/fixtures/ECSB008/bad', '--fail-on', 'warning').code).toBe(1);
    expect(lint('test/fixtures/ECSB008/good', '--fail-on', 'warning')).toMatchObject({ code: 0, out: 'No findings.\n' });
  });

  test('--json prints { findings: [{ rule, severity, file, line, resource, message, fix }] }', () => {
    const r = lint('test/fixtures/ECSB004/bad', '--json');
    expect(r.code).toBe(0);
    const { findings, ...rest } = JSON.parse(r.out);
    expect(rest).toEqual({});
    expect(findings).toHaveLength(3);
    for (const f of findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'file', 'line', 'resource', 'message', 'fix']);
    expect(findings[0]).toMatchObject({ rule: 'ECSB004', severity: 'warning', file: 'test/fixtures/ECSB004/bad/main.tf', line: 44, resource: 'aws_cloudwatch_event_target.nightly' });
  });

  test('--sarif prints SARIF 2.1.0 with rule metadata and help links to docs/lint.md at the release tag', () => {
    const r = lint('test/fixtures/ECSB002/bad', '--sarif');
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.out);
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    const version = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;
    expect(run.tool.driver).toMatchObject({ name: 'ecs-batch-lint', version });
    expect(run.tool.driver.rules.map((rule: any) => rule.id)).toEqual(['ECSB000', 'ECSB001', 'ECSB002', 'ECSB003', 'ECSB004', 'ECSB005', 'ECSB006', 'ECSB007', 'ECSB008', 'ECSB009']);
    const rule = run.tool.driver.rules[2];
    expect(rule).toMatchObject({ shortDescription: { text: expect.any(String) }, fullDescription: { text: expect.any(String) }, defaultConfiguration: { level: 'error' } });
    expect(rule.helpUri).toBe(`https://github.com/ecs-batch/ecs-batch/blob/@ecs-batch/lint@${version}/docs/lint.md#ecsb002-runtask-allowed-only-on-the-bare-family-arn`);
    expect(run.results).toEqual([expect.objectContaining({
      ruleId: 'ECSB002',
      ruleIndex: 2,
      level: 'error',
      locations: [expect.objectContaining({ physicalLocation: { artifactLocation: { uri: 'test/fixtures/ECSB002/bad/main.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 88 } } })],
    })]);
  });

  test.each([
    [[], '<path>: give at least one folder or file to lint'],
    [['x', '--fail-on', 'info'], "--fail-on: 'info' is not a severity (error or warning)"],
    [['x', '--json', '--sarif'], '--json, --sarif: pick one output format'],
    [['x', '--yaml'], '--yaml: unknown flag'],
    [['x', '--var', 'novalue'], "--var: 'novalue' is not K=V"],
    [['x', '--time-zone'], '--time-zone: needs a value'],
  ])('usage error %j exits 2 naming the flag', (args, message) => {
    const r = lint(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`ecs-batch-lint: ${message}`);
    expect(r.err).toContain('Usage: ecs-batch-lint <path>...');
    expect(r.out).toBe('');
  });

  test('unreadable input exits 2 naming it: a missing path, a file that does not parse, a bad zone', () => {
    expect(lint('no/such/dir')).toMatchObject({ code: 2, err: expect.stringContaining('no/such/dir: does not exist') });
    writeFileSync(join(dir, 'broken.tf'), 'resource "aws_sqs_queue" "q" {\n  name = \n}\n');
    const broken = lint(dir);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/broken\.tf:2: .*valid HCL/);
    expect(broken.out).toBe('');
    expect(lint('test/fixtures/ECSB008/good', '--time-zone', 'Mars/Base')).toMatchObject({ code: 2, err: expect.stringContaining("--time-zone: 'Mars/Base' is not an IANA time zone") });
    expect(lint(join(dir, '..', 'ecs-batch-lint-empty-' + process.pid + '-x'), '--json').code).toBe(2);
  });

  test('--time-zone: a Scheduler schedule without schedule_expression_timezone, and a rule cron meant locally', () => {
    const scheduler = join(dir, 'scheduler');
    mkdirSync(scheduler);
    writeFileSync(join(scheduler, 'main.tf'), [
      'resource "aws_scheduler_schedule" "nightly" {',
      '  name                = "nightly"',
      '  schedule_expression = "cron(0 2 * * ? *)"',
      '  flexible_time_window {',
      '    mode = "OFF"',
      '  }',
      '}',
      '',
    ].join('\n'));
    expect(lint(scheduler).out).toBe('No findings.\n');
    const r = JSON.parse(lint(scheduler, '--time-zone', 'Europe/Berlin', '--json').out);
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'ECSB007', line: 3, fix: 'schedule_expression_timezone = "Europe/Berlin"' })]);
    const rule = JSON.parse(lint(join(FIXTURES, 'ECSB008', 'good'), '--time-zone', 'Asia/Tokyo', '--json').out);
    expect(rule.findings).toEqual([expect.objectContaining({ rule: 'ECSB007', message: expect.stringContaining('meant in --time-zone Asia/Tokyo'), fix: expect.stringContaining('schedule_expression = "cron(0 8 * * ? *)"') })]);
  });

  test('--var and tfvars reach the rules', () => {
    const vars = join(dir, 'vars');
    mkdirSync(vars);
    const base = readFileSync(join(FIXTURES, 'ECSB003', 'good', 'main.tf'), 'utf8');
    writeFileSync(join(vars, 'main.tf'), `${base}\nvariable "public_ip" {\n  default = false\n}\n`.replace('assign_public_ip = true', 'assign_public_ip = var.public_ip').replace(/\n    capacity_provider_strategy \{[^}]*\}\n/, '\n    launch_type = "EC2"\n'));
    expect(lint(vars).code).toBe(0);
    expect(lint(vars, '--var', 'public_ip=true')).toMatchObject({ code: 1, out: expect.stringContaining('ECSB003') });
    writeFileSync(join(vars, 'terraform.tfvars'), 'public_ip = true\n');
    expect(lint(vars)).toMatchObject({ code: 1, out: expect.stringContaining('ECSB003') });
  });
});
