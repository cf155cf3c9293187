import { execFile } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { MigrationReport } from '../src';
import { FIXTURES } from './contract';

const BIN = join(__dirname, '..', 'bin', 'ecs-batch-migrate');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real bin (shim → lib/cli.js) in a child process. */
async function run(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: join(__dirname, '..') });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('ecs-batch-migrate (the real bin)', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(join(__dirname, '..', 'lib', 'cli.js'))) throw new Error('compile first: npx tsc --build');
    dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('--json prints the report and exits 0', async () => {
    const result = await run(join(FIXTURES, 'serverless-app'), '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as MigrationReport;
    expect(report.jobs.map((j) => j.name)).toEqual(['invoice', 'remind', 'purge']);
    expect(report.warnings).toHaveLength(2);
  });

  test('--var sets a Terraform variable as terraform plan -var does: a value the repo lacks, or one that wins over a default', async () => {
    const [plain, withVars] = await Promise.all([
      run(join(FIXTURES, 'terraform-repo'), '--json'),
      run(join(FIXTURES, 'terraform-repo'), '--json', '--var', 'legacy_schedule=rate(2 hours)', '--var', 'report_memory=2048'),
    ]);
    expect(withVars.code).toBe(0);
    const jobs = (out: Run) => Object.fromEntries((JSON.parse(out.stdout) as MigrationReport).jobs.map((j) => [j.name, j]));
    expect(jobs(plain).legacy).toBeUndefined();
    expect(jobs(withVars).legacy.schedule).toEqual(['rate(2 hours)']);
    expect(jobs(plain)['payments-nightly-report'].memoryMb).toBe(1024);
    expect(jobs(withVars)['payments-nightly-report'].memoryMb).toBe(2048);
  });

  test('--template-json prints the --json report plus the addJob options of each job, as --projenrc writes them', async () => {
    const [json, template] = await Promise.all([
      run(join(FIXTURES, 'serverless-app'), '--json'),
      run(join(FIXTURES, 'serverless-app'), '--template-json'),
    ]);
    expect(template.code).toBe(0);
    expect(template.stderr).toBe('');
    const { addJob, ...report } = JSON.parse(template.stdout);
    expect(report).toEqual(JSON.parse(json.stdout));
    expect(addJob.map((a: { job: string }) => a.job)).toEqual(['invoice', 'remind', 'purge']);
    // remind has two crons: two addJob calls. invoice is at the 900 s limit: no timeoutMinutes.
    expect(addJob[0].options).toEqual([{
      name: 'invoice',
      schedule: 'rate(1 day)',
      timeZone: 'UTC',
      cpu: 2048,
      memory: 4096,
      environment: { SERVICE: 'billing', INVOICE_TABLE: 'invoices-dev' },
      // ${ssm:/billing/stripe-key}: a container secret, never a plain value
      ssmParameters: { STRIPE_API_KEY: '/billing/stripe-key' },
    }]);
    expect(addJob[1].options.map((o: { name: string; schedule: string }) => [o.name, o.schedule])).toEqual([
      ['remind', 'cron(0 8 * * ? *)'], ['remind-2', 'cron(0 20 * * ? *)'],
    ]);
    expect(addJob[1].options[1]).toEqual(expect.objectContaining({
      timeZone: 'America/New_York', timeoutMinutes: 1, input: '{"kind":"reminder","channels":["email","sms"]}',
    }));
    expect(addJob[2].options[0].enabled).toBe(false);
  });

  test('without --json prints a table, the warnings and what was not migrated, and exits 0', async () => {
    const result = await run('test/fixtures/terraform-repo');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^NAME +SOURCE +SCHEDULE +TIME ZONE +ENABLED +LAMBDA +FARGATE CPU\/MEMORY +RUNTIME +FILE$/);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^payments-nightly-report +terraform +cron\(0 2 \* \* \? \*\) +Asia\/Tokyo +yes +1024 MB\*, 900 s +1024 \/ 2048 +nodejs20\.x +functions\.tf$/),
      expect.stringMatching(/^ledger-sync +terraform +cron\(0\/15 \* \* \* \? \*\) +UTC +no +1769 MB, 3 s +1024 \/ 2048 +nodejs22\.x +functions\.tf$/),
      "    - timeout is 900 s, at Lambda's limit: the reason to migrate",
      'Not migrated:',
      '4 jobs from scheduled Lambda functions; ecs-batch-migrate --projenrc prints the addJob calls.',
    ]));
  });

  test('--projenrc prints addJob calls that run as written', async () => {
    const STRIPE = { STRIPE_API_KEY: '/billing/stripe-key' };
    const result = await run(join(FIXTURES, 'serverless-app'), '--projenrc');
    expect(result.code).toBe(0);
    const calls: unknown[] = [];
    // The printed code is plain object literals: run it against a stand-in project.
    new Function('project', result.stdout)({ addJob: (options: unknown) => calls.push(options) });
    expect(calls).toEqual([
      // 900 s was Lambda's limit: the template's default timeout applies
      {
        name: 'invoice',
        schedule: 'rate(1 day)',
        timeZone: 'UTC',
        cpu: 2048,
        memory: 4096,
        environment: { SERVICE: 'billing', INVOICE_TABLE: 'invoices-dev' },
        ssmParameters: STRIPE,
      },
      {
        name: 'remind',
        schedule: 'cron(0 8 * * ? *)',
        timeZone: 'America/New_York',
        cpu: 1024,
        memory: 2048,
        timeoutMinutes: 1,
        environment: { SERVICE: 'billing' },
        ssmParameters: STRIPE,
        input: '{"kind":"reminder","channels":["email","sms"]}',
      },
      {
        name: 'remind-2',
        schedule: 'cron(0 20 * * ? *)',
        timeZone: 'America/New_York',
        cpu: 1024,
        memory: 2048,
        timeoutMinutes: 1,
        environment: { SERVICE: 'billing' },
        ssmParameters: STRIPE,
        input: '{"kind":"reminder","channels":["email","sms"]}',
      },
      {
        name: 'purge',
        schedule: 'rate(6 hours)',
        timeZone: 'UTC',
        cpu: 256,
        memory: 512,
        timeoutMinutes: 2,
        environment: { SERVICE: 'billing' },
        ssmParameters: STRIPE,
        enabled: false,
      },
    ]);
    // carried over as ssmParameters, so not left out
    expect(result.stdout).not.toContain('left out of environment');
    expect(result.stdout).toContain("// its code imports (add to the project's deps): '@aws-sdk/client-s3@^3'");
    expect(result.stdout).toContain("  // timeoutMinutes: the template's default, since 900 s was Lambda's limit");
    expect(result.stdout).toContain('  enabled: false, // disabled in the source: enable it when you switch over');
  });

  test('--projenrc carries the Lambda role\'s permissions, managed policies and secrets into addJob', async () => {
    const result = await run(join(FIXTURES, 'sam-permissions'), '--projenrc');
    expect(result.code).toBe(0);
    const calls: any[] = [];
    new Function('project', result.stdout)({ addJob: (options: unknown) => calls.push(options) });
    const report = JSON.parse((await run(join(FIXTURES, 'sam-permissions'), '--json')).stdout);
    expect(calls).toHaveLength(1);
    for (const key of ['permissions', 'managedPolicyArns', 'secretsManagerSecrets', 'ssmParameters']) {
      expect(calls[0][key]).toEqual(report.jobs[0][key]);
      expect(calls[0][key]).toBeDefined();
    }
    expect(calls[0].environment).toEqual({ STAGE: 'prod' });
  });

  test('a folder without scheduled functions exits 3 with a message', async () => {
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
    const result = await run(dir);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^ecs-batch-migrate: no scheduled Lambda function found in ${dir} \\(looked for Terraform`));

    const json = await run(dir, '--json');
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toEqual({ jobs: [], warnings: [], unreadable: [] });

    const template = await run(dir, '--template-json');
    expect(template.code).toBe(3);
    expect(JSON.parse(template.stdout)).toEqual({ jobs: [], warnings: [], unreadable: [], addJob: [] });
  });

  test('none found lists what was seen but not migrated', async () => {
    writeFileSync(join(dir, 'serverless.yml'), 'service: s\nfunctions:\n  w:\n    handler: w.h\n    events:\n      - eventBridge:\n          pattern:\n            source: [aws.ec2]\n');
    const result = await run(dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('  - serverless.yml: functions.w.events[0]: runs w on an event pattern (eventBridge), not a schedule: not migrated');
    rmSync(join(dir, 'serverless.yml'));
  });

  test('a path that does not exist exits 1 naming it', async () => {
    const result = await run(join(dir, 'missing'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`ecs-batch-migrate: ${join(dir, 'missing')}: does not exist (a folder with Terraform, AWS SAM or Serverless Framework files)\n`);
  });

  test('only an unparseable file: exit 1 naming the file and the line, without a stack; the JSON lists it', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-broken-'));
    try {
      writeFileSync(join(broken, 'main.tf'), 'resource "aws_lambda_function" "f" {\n  handler = "a.b"\n  timeout = \n}\n');
      const result = await run(broken, '--json');
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).unreadable).toEqual([{ file: 'main.tf', line: 3, reason: expect.stringMatching(/^Invalid expression; /) }]);
      expect(result.stderr).toBe(`ecs-batch-migrate: no scheduled Lambda function found in ${broken}, and 1 file could not be read (main.tf:3)\n`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  test.each([
    [[], '<path>: missing (the folder to analyze)'],
    [['a', 'b'], '<path>: one path expected, got 2 (a b)'],
    [['a', '--yaml'], '--yaml: unknown option (--json, --projenrc, --template-json, --stage, --parameter-overrides, --var, --var-file, --cost, --help)'],
    [['a', '--json', '--projenrc'], '--json, --projenrc: choose one output format'],
  ])('usage error %j exits 2 with the reason and the usage', async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`ecs-batch-migrate: ${message}\n`);
    expect(result.stderr).toContain('Usage: ecs-batch-migrate <path> [--json | --projenrc | --template-json]');
  });

  test('--help prints the usage and exits 0', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Exit codes: 0 jobs found, 3 none found, 1 unreadable input, 2 usage error.');
  });
});
