import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyze, MigrationJob, MigrationReport } from '../../src';
import { expectContractShape, FIXTURES } from '../contract';

// Written for these tests: ./modules/job declares a scheduled aws_lambda_function, called twice from main.tf.
const LOCAL = join(FIXTURES, 'terraform-local-module');

const ROLE_WARNING = 'modules/job/main.tf: aws_lambda_function.this.role: arn:aws:iam::123456789012:role/scheduled-jobs is not an aws_iam_role of this folder; its permissions are not carried over, grant them by hand';
const defaulted = (field: string, origin: string) => `${field}: taken from ${origin}; a deploy that sets it differently changes it`;

/** The job as the module call gives it: the module's file, code and role, the call's values. */
function job(name: string, values: Partial<MigrationJob>): MigrationJob {
  return {
    name,
    sourceFile: 'modules/job/main.tf',
    source: 'terraform',
    handler: 'index.handler',
    runtime: 'nodejs22.x',
    schedule: [],
    enabled: true,
    memoryMb: 0,
    timeoutSeconds: 0,
    cpu: 0,
    memory: 0,
    // JOB_NAME = var.function_name
    environment: [{ name: 'JOB_NAME', value: name, secret: false }],
    // source_dir = "${path.module}/src": the module's folder, not the caller's
    codePath: 'modules/job/src',
    codeFiles: ['index.js'],
    dependencies: {},
    warnings: [ROLE_WARNING],
    defaults: [],
    ...values,
  };
}

describe('local modules (source = "./modules/job") are read with the call\'s inputs', () => {
  let report: MigrationReport;
  beforeAll(async () => {
    report = await analyze(LOCAL);
  });

  test('two calls of one module become two jobs, each with its call\'s values; the module folder is not read alone', () => {
    expectContractShape(report);
    expect(report.jobs).toEqual([
      // every input set by the call
      job('nightly-report', { schedule: ['cron(0 3 * * ? *)'], memoryMb: 1024, timeoutSeconds: 300, cpu: 1024, memory: 2048 }),
      // memory: the module's var.memory default (512); timeout = var.sync_timeout, the root's default (60)
      job('hourly-sync', {
        schedule: ['rate(1 hour)'],
        memoryMb: 512,
        timeoutSeconds: 60,
        cpu: 512,
        memory: 1024,
        warnings: [
          ROLE_WARNING,
          defaulted('memoryMb', "module.hourly_sync.var.memory's default"),
          defaulted('timeoutSeconds', "var.sync_timeout's default"),
        ],
        defaults: ['memoryMb', 'timeoutSeconds'],
      }),
    ]);
  });

  test('a local module call whose folder is missing is a warning naming file:line', () => {
    expect(report.warnings).toEqual([
      'main.tf:25: module.archive: source "./modules/archive" is not a folder of .tf files; the functions it declares are not migrated',
    ]);
    expect(report.unreadable).toEqual([]);
  });

  test('--var sets the root variable a call passes on: no longer a default', async () => {
    const r = await analyze(LOCAL, { vars: { sync_timeout: '120' } });
    const sync = r.jobs.find((j) => j.name === 'hourly-sync');
    expect([sync?.timeoutSeconds, sync?.defaults]).toEqual([120, ['memoryMb']]);
  });

  test('the module folder analyzed alone is a root: its variables without default do not resolve, nothing is migrated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-local-module-'));
    try {
      cpSync(join(LOCAL, 'modules', 'job'), dir, { recursive: true });
      const r = await analyze(dir);
      expect(r.jobs).toEqual([]);
      expect(r.warnings).toEqual([
        'main.tf: aws_cloudwatch_event_rule.schedule: schedule_expression var.schedule_expression does not resolve to a literal: not migrated (aws_lambda_function.this)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a call with count or for_each is reported once, with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-local-module-'));
    try {
      cpSync(LOCAL, dir, { recursive: true });
      const main = readFileSync(join(dir, 'main.tf'), 'utf8');
      writeFileSync(join(dir, 'main.tf'), main.replace('module "nightly_report" {\n', 'module "nightly_report" {\n  count = 2\n'));
      const r = await analyze(dir);
      expect(r.jobs.map((j) => [j.name, j.warnings[0]])).toEqual([
        ['nightly-report', 'count: module.nightly_report may stand for several instances; the analyzer reports it once, with the inputs as written'],
        ['hourly-sync', ROLE_WARNING],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
