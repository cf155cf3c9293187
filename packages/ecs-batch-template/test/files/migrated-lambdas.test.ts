import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';
import { EcsBatchProject } from '../../src';
import { MigratedLambdas } from '../../src/files/migrated-lambdas';
import { errorOf, newProject, synthInPlace, tempDir } from '../fixtures';

/** The analyzer's own fixtures: a Serverless app, a SAM app and a Terraform repo, each with several scheduled functions. */
const FIXTURES = resolve(__dirname, '..', '..', '..', 'migrate', 'test', 'fixtures');
const packageRoot = resolve(__dirname, '..', '..');
const workspaceModules = resolve(packageRoot, '..', '..', 'node_modules');

/** A repo made with `--migrate-from <fixture>`, written to disk (the analyzer runs for real, from the workspace). */
function migrated(fixture: string, options: object = {}): { project: EcsBatchProject; dir: string; read: (path: string) => string } {
  const dir = tempDir();
  const project = newProject({ migrateFrom: join(FIXTURES, fixture), infra: 'hcl', ...options }, dir);
  synthInPlace(project);
  return { project, dir, read: (path) => readFileSync(join(dir, path), 'utf8') };
}

/** Every file under `dir/under`, relative to it, sorted. */
function files(dir: string, under = ''): string[] {
  const root = join(dir, under);
  const walk = (prefix: string): string[] => readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(prefix, e.name)) : [join(prefix, e.name)]);
  return existsSync(root) ? walk('').sort() : [];
}

describe('--migrate-from a Serverless app', () => {
  const { project, dir, read } = migrated('serverless-app');
  const jobs = JSON.parse(read('infra/jobs.auto.tfvars.json')).jobs;

  test('one job per schedule of each scheduled Lambda, instead of the first job', () => {
    // remind has two crons: a template job has one schedule, so it is two jobs.
    expect(project.jobNames).toEqual(['invoice', 'remind', 'remind-2', 'purge']);
    expect(Object.keys(jobs)).toEqual(['invoice', 'remind', 'remind-2', 'purge']);
    expect(existsSync(join(dir, 'src/jobs/nightly'))).toBe(false);
  });

  test('schedule, time zone, size, timeout, environment, input and enabled state carry over', () => {
    expect(jobs.invoice).toEqual(expect.objectContaining({
      family: 'payments-invoice',
      schedule_expression: 'rate(1 day)',
      time_zone: 'UTC', // no zone in the source: UTC, not the repo's Asia/Tokyo
      cpu: 2048,
      memory: 4096, // 2048 MB of Lambda
      timeout_seconds: 3600, // 900 s was Lambda's limit: the template's default
      enabled: true,
      // STRIPE_API_KEY is an SSM lookup: a container secret, not a plain value.
      environment: { SERVICE: 'billing', INVOICE_TABLE: 'invoices-dev' },
    }));
    expect(Object.keys(jobs.invoice.ssm_parameters)).toEqual(['STRIPE_API_KEY']);
    expect(jobs.remind).toEqual(expect.objectContaining({
      schedule_expression: 'cron(0 8 * * ? *)',
      time_zone: 'America/New_York',
      cpu: 1024,
      memory: 2048,
      timeout_seconds: 60,
      input: '{"kind":"reminder","channels":["email","sms"]}',
    }));
    expect(jobs['remind-2']).toEqual(expect.objectContaining({ schedule_expression: 'cron(0 20 * * ? *)', time_zone: 'America/New_York' }));
    expect(jobs.purge).toEqual(expect.objectContaining({ schedule_expression: 'rate(6 hours)', enabled: false, cpu: 256, memory: 512, timeout_seconds: 120 }));
  });

  test('a Node handler\'s folder is copied into src/jobs/<job>/, and the job runs its module', () => {
    expect(read('src/jobs/invoice/invoice.ts')).toBe(readFileSync(join(FIXTURES, 'serverless-app/src/invoice.ts'), 'utf8'));
    expect(read('src/jobs/remind/remind.js')).toBe(readFileSync(join(FIXTURES, 'serverless-app/src/remind.js'), 'utf8'));
    expect(jobs.invoice.handler).toBe('lib/jobs/invoice/invoice.handler');
    expect(jobs.remind.handler).toBe('lib/jobs/remind/remind.handler');
    // The Lambda's code replaces the skeleton: no handler.ts, no skeleton test.
    expect(existsSync(join(dir, 'src/jobs/invoice/handler.ts'))).toBe(false);
    expect(existsSync(join(dir, 'test/jobs/invoice.test.ts'))).toBe(false);
  });

  test('the moved code\'s packages are deps: the SDK nodejs22.x provided, imported undeclared, at ^3', () => {
    expect(JSON.parse(read('package.json')).dependencies).toEqual(expect.objectContaining({ '@aws-sdk/client-s3': '^3' }));
    const invoice = read('README.md').split('\n').find((r) => r.includes('`invoice`: `rate(1 day)` UTC'))!;
    expect(invoice).toContain('its npm packages in `deps` in `.projenrc.ts`: `@aws-sdk/client-s3@^3`');
    expect(invoice).toContain('deps: @aws-sdk/client-s3 added at ^3 (the latest v3)');
  });

  test('Lambdas that share a folder each get their own file: invoice.ts and remind.js are not copied into each other\'s job', () => {
    expect(files(dir, 'src/jobs/invoice')).toEqual(['invoice.ts']);
    expect(files(dir, 'src/jobs/remind')).toEqual(['remind.js']);
  });

  test('a further schedule of the same Lambda re-exports its handler, so the code lives once', () => {
    expect(files(dir, 'src/jobs/remind-2')).toEqual(['handler.ts']);
    expect(read('src/jobs/remind-2/handler.ts')).toContain("export { handler } from '../remind/remind';");
    expect(jobs['remind-2'].handler).toBe('lib/jobs/remind-2/handler.handler');
  });

  test('a Lambda that is not Node gets a handler that throws "not migrated yet" and names where the code was', () => {
    const placeholder = read('src/jobs/purge/handler.ts');
    expect(placeholder).toContain('NOT MIGRATED YET');
    expect(placeholder).toContain(`declared in ${join(FIXTURES, 'serverless-app')}/serverless.yml (serverless)`);
    expect(placeholder).toContain('handler purge.handler, runtime python3.12');
    expect(placeholder).toContain('runtime python3.12 is not Node.js');
    expect(placeholder).toContain("throw new Error('purge: not migrated yet");
    expect(jobs.purge.handler).toBe('lib/jobs/purge/handler.handler');
  });

  test('the README has the migration table: each Lambda, what it became, each warning, and what was not migrated', () => {
    const readme = read('README.md');
    expect(readme).toContain('## Migrated from Lambda');
    const rows = readme.split('\n').filter((l) => l.startsWith('| `') && l.includes('serverless.yml'));
    expect(rows).toHaveLength(4);
    const invoice = rows.find((r) => r.includes('`invoice`: `rate(1 day)` UTC'))!;
    expect(invoice).toContain('`src/invoice.handler` nodejs22.x');
    expect(invoice).toContain("timeout is 900 s, at Lambda's limit: the reason to migrate");
    // ${ssm:/billing/stripe-key} is carried over as an SSM parameter: nothing to resolve by hand
    expect(invoice).not.toContain('STRIPE_API_KEY');
    expect(invoice).toContain('code copied from');
    const purge = rows.find((r) => r.includes('`purge`'))!;
    expect(purge).toContain('(disabled)');
    expect(purge).toContain('**not migrated yet**');
    expect(purge).toContain('VPC config: pass these subnets (subnet-111, subnet-222)');
    expect(readme).toContain('- serverless.yml: functions.watcher.events[0]: runs watcher on an event pattern (eventBridge), not a schedule: not migrated');
    // The quick start names the first migrated job.
    expect(readme).toContain('npx projen run-now -- --job invoice --dry-run');
  });

  test('JavaScript handlers compile with the rest', () => {
    // projen's marker comment opens the file.
    const tsconfig = JSON.parse(read('tsconfig.json').replace(/^\/\/.*\n/, ''));
    expect(tsconfig.compilerOptions.allowJs).toBe(true);
    expect(tsconfig.include).toEqual(expect.arrayContaining(['src/**/*.ts', 'src/**/*.js', 'src/**/*.mjs', 'src/**/*.cjs']));
  });
});

describe('--migrate-from a Terraform repo and a SAM app', () => {
  test('Terraform: code from an archive_file source_dir is copied; S3 and prebuilt zips get a placeholder', () => {
    const { project, dir, read } = migrated('terraform-repo');
    expect(project.jobNames).toEqual(['payments-nightly-report', 'cleanup', 'ledger-sync', 'heavy']);
    expect(files(dir, 'src/jobs/payments-nightly-report')).toEqual(['report.js']);
    expect(read('src/jobs/heavy/handler.ts')).toContain('handler source not found: the code is an S3 object (s3_bucket)');
    expect(read('src/jobs/ledger-sync/handler.ts')).toContain('filename "build/sync.zip" is a prebuilt archive');
    expect(read('src/jobs/cleanup/handler.ts')).toContain(`code in ${join(FIXTURES, 'terraform-repo')}/jobs`);
    const jobs = JSON.parse(read('infra/jobs.auto.tfvars.json')).jobs;
    expect(jobs['payments-nightly-report']).toEqual(expect.objectContaining({
      schedule_expression: 'cron(0 2 * * ? *)',
      time_zone: 'Asia/Tokyo',
      input: '{"limit":500,"scope":"all"}',
      environment: { ORDERS_TABLE: 'orders-payments' },
    }));
    expect(jobs['ledger-sync'].enabled).toBe(false);
  });

  test('SAM: CodeUri is the code folder; two schedules with different zones are two jobs', () => {
    const { project, read } = migrated('sam-app');
    expect(project.jobNames).toEqual(['nightly-report', 'cleanup', 'prod-ledger-sync-every15', 'prod-ledger-sync-weekly']);
    expect(read('src/jobs/nightly-report/report.mjs')).toBe(readFileSync(join(FIXTURES, 'sam-app/src/report.mjs'), 'utf8'));
    const jobs = JSON.parse(read('infra/jobs.auto.tfvars.json')).jobs;
    expect(jobs['nightly-report']).toEqual(expect.objectContaining({
      schedule_expression: 'cron(0 3 * * ? *)', time_zone: 'Europe/London', handler: 'lib/jobs/nightly-report/report.handler',
    }));
  });
});

describe('--migrate-from carries the Lambda role\'s permissions and its secrets over', () => {
  // The analyzer's permission fixtures: one per source format, each with statements, managed
  // policies, Lambda's own policies (dropped) and secret references.
  test.each([
    ['sam-permissions', 'export'],
    ['serverless-permissions', 'invoice'],
    ['terraform-permissions', 'export'],
  ])('%s: the job gets the permissions, managed policies, secrets and parameters the analyzer reports', (fixture, name) => {
    const bin = join(packageRoot, '..', 'migrate', 'bin', 'ecs-batch-migrate');
    const analyzer = spawnSync(process.execPath, [bin, join(FIXTURES, fixture), '--json'], { encoding: 'utf8' });
    const lambda = JSON.parse(analyzer.stdout).jobs.find((j: { name: string }) => j.name === name);
    const { read } = migrated(fixture);
    const job = JSON.parse(read('infra/jobs.auto.tfvars.json')).jobs[name];
    expect(lambda.permissions.length).toBeGreaterThan(0);
    expect(job.permissions).toEqual(lambda.permissions.map((p: object) => ({ conditions: [], ...p })));
    expect(job.managed_policy_arns).toEqual(lambda.managedPolicyArns ?? []);
    expect(job.secrets_manager_secrets).toEqual(lambda.secretsManagerSecrets ?? {});
    // Core expands a parameter name to its ARN in the job's account and region.
    expect(Object.keys(job.ssm_parameters)).toEqual(Object.keys(lambda.ssmParameters));
    // A secret is never a plain value.
    for (const secret of [...Object.keys(lambda.secretsManagerSecrets ?? {}), ...Object.keys(lambda.ssmParameters ?? {})]) {
      expect(Object.keys(job.environment)).not.toContain(secret);
    }
  });

  test('the addJob calls in .projenrc.ts have them', () => {
    const { project } = migrated('sam-permissions');
    const component = project.components.find((c) => c instanceof MigratedLambdas);
    const lines = MigratedLambdas.projenrcLines((component as any).migration).join('\n');
    expect(lines).toContain("  permissions: [{ actions: ['s3:GetObject',");
    expect(lines).toContain("  managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonAthenaFullAccess', 'arn:aws:iam::123456789012:policy/acme-export-extra'],");
    expect(lines).toContain("  secretsManagerSecrets: { DB_PASSWORD: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf:password::' },");
    expect(lines).toContain("  ssmParameters: { API_TOKEN: '/prod/export/api-token' },");
  });
});

describe('--migrate-from Lambdas that share a folder and a lockfile', () => {
  const { dir, read } = migrated(join('..', 'imports', 'fixtures', 'shared-folder'));

  test('each job gets the files its handler reaches, in their folders; a file no handler imports is left behind', () => {
    expect(files(dir, 'src/jobs/report')).toEqual(['lib/format.ts', 'lib/page.mjs', 'lib/retry.ts', 'lib/units.ts', 'report.ts']);
    expect(files(dir, 'src/jobs/cleanup')).toEqual(['cleanup.js', join('lib', 'shared', 'index.js')]);
    expect(files(dir, 'src/jobs/legacy')).toEqual(['legacy.js']);
  });

  test('deps hold the locked versions, and the SDK each runtime provided (v3 from nodejs18, v2 on nodejs16)', () => {
    expect(JSON.parse(read('package.json')).dependencies).toEqual(expect.objectContaining({
      '@aws-sdk/client-dynamodb': '^3',
      '@aws-sdk/client-s3': '^3',
      '@smithy/util-retry': '3.0.11',
      'aws-sdk': '^2',
      'date-fns': '3.6.0',
      'lodash': '4.17.21',
    }));
  });

  test('an import that resolves to nothing is a warning in the README naming the file', () => {
    const cleanup = read('README.md').split('\n').find((r) => r.includes('`cleanup`'))!;
    expect(cleanup).toContain('src/cleanup.js: cannot resolve ./lib/gone');
    expect(cleanup).toContain('src/cleanup.js: imports uuid, not in package.json; add it to deps by hand');
  });
});

describe('--migrate-from a handler that imports a file above its folder', () => {
  test('the handler is copied; the file above is left behind, and the README row says so', () => {
    const { dir, read } = migrated(join('..', 'imports', 'fixtures', 'above-handler'));
    expect(files(dir, 'src/jobs/tally')).toEqual(['tally.js']);
    const row = read('README.md').split('\n').find((r) => r.includes('`tally`'))!;
    expect(row).toContain("**not copied**, being above the handler's folder:");
    expect(row).toContain('above-handler/shared/count.js');
  });
});

describe('the team\'s code is never overwritten', () => {
  test('a file already in src/jobs/<job>/ stays as it is', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'src/jobs/invoice'), { recursive: true });
    writeFileSync(join(dir, 'src/jobs/invoice/invoice.ts'), '// ours\n');
    mkdirSync(join(dir, 'src/jobs/purge'), { recursive: true });
    writeFileSync(join(dir, 'src/jobs/purge/handler.js'), '// ported\n');
    synthInPlace(newProject({ migrateFrom: join(FIXTURES, 'serverless-app') }, dir));
    expect(readFileSync(join(dir, 'src/jobs/invoice/invoice.ts'), 'utf8')).toBe('// ours\n');
    expect(existsSync(join(dir, 'src/jobs/purge/handler.ts'))).toBe(false);
  });
});

describe('bad --migrate-from input fails before anything is written, naming the flag', () => {
  test.each([
    ['a path that does not exist', () => join(tempDir(), 'missing'), /^--migrate-from: .*missing does not exist/],
    ['a file that does not parse', () => {
      const legacy = tempDir();
      writeFileSync(join(legacy, 'main.tf'), 'resource "aws_lambda_function" "f" {\n  handler = "a.b"\n  timeout = \n}\n');
      return legacy;
    }, /^--migrate-from: no scheduled Lambda function found in .*, and 1 file could not be read \(main\.tf:3\)/],
    ['a folder without scheduled functions (the analyzer\'s exit 3)', () => {
      const legacy = tempDir();
      writeFileSync(join(legacy, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
      return legacy;
    }, /^--migrate-from: no scheduled Lambda function found in /],
  ])('%s', (_label, legacy, message) => {
    const outdir = tempDir();
    expect(errorOf(() => newProject({ migrateFrom: legacy() }, outdir))).toMatch(message);
    expect(readdirSync(outdir)).toEqual([]);
  });

  test('a first job\'s flag is refused: the jobs are the Lambdas\'', () => {
    const outdir = tempDir();
    expect(errorOf(() => newProject({ migrateFrom: join(FIXTURES, 'serverless-app'), jobName: 'weekly' }, outdir)))
      .toMatch(/^--job-name: is not used with --migrate-from/);
    expect(errorOf(() => newProject({ migrateFrom: join(FIXTURES, 'serverless-app'), memory: 1024 }, outdir)))
      .toMatch(/^--memory: is not used with --migrate-from/);
    expect(readdirSync(outdir)).toEqual([]);
  });
});

describe('what a deploy would be given: --migrate-stage, --migrate-parameter, --migrate-var, --migrate-var-file', () => {
  test('--migrate-var-file reads a tfvars file Terraform does not load by itself; without it, the README says it was not read', () => {
    const prod = migrated('terraform-var-files', { migrateVarFile: [join(FIXTURES, 'terraform-var-files', 'prod.tfvars')] });
    const jobs = JSON.parse(prod.read('infra/jobs.auto.tfvars.json')).jobs;
    expect(Object.keys(jobs)).toEqual(['digest-prod']);
    expect(jobs['digest-prod'].schedule_expression).toBe('cron(0 5 * * ? *)');
    const auto = migrated('terraform-var-files');
    // terraform.tfvars.json and b.auto.tfvars.json are read as Terraform reads them.
    expect(Object.keys(JSON.parse(auto.read('infra/jobs.auto.tfvars.json')).jobs)).toEqual(['digest-tfvars-json']);
    expect(auto.read('README.md')).toMatch(/^- prod\.tfvars: not read: Terraform loads only terraform\.tfvars, terraform\.tfvars\.json and \*\.auto\.tfvars\(\.json\) by itself/m);
    expect(prod.read('README.md')).not.toContain('prod.tfvars: not read');
    const outdir = tempDir();
    expect(errorOf(() => newProject({ migrateFrom: join(FIXTURES, 'terraform-var-files'), migrateVarFile: ['missing.tfvars'] }, outdir)))
      .toMatch(/^--migrate-var-file: missing.tfvars does not exist/);
    expect(readdirSync(outdir)).toEqual([]);
  });

  test('--migrate-stage picks the Serverless stage\'s events; without it the stage is a default, marked in the README', () => {
    const prod = migrated('serverless-classes', { migrateStage: 'prod' });
    const settle = JSON.parse(prod.read('infra/jobs.auto.tfvars.json')).jobs.settle;
    expect(settle.schedule_expression).toBe('cron(0 1 * * ? *)');
    expect(settle.time_zone).toBe('Europe/Paris');
    const dev = migrated('serverless-classes');
    expect(JSON.parse(dev.read('infra/jobs.auto.tfvars.json')).jobs.settle.schedule_expression).toBe('rate(30 minutes)');
    expect(dev.read('README.md')).toMatch(/`settle`: `rate\(30 minutes\)`[^|]*\(from defaults: schedule\)/);
    expect(prod.read('README.md')).not.toContain('(from defaults:');
  });

  test('--migrate-parameter K=V overrides a SAM parameter\'s Default; a pair that is not K=V names the flag', () => {
    const { read } = migrated('sam-classes', { migrateParameter: ['ExportRate=rate(2 hours)', 'ReportsEnabled=true', 'ExportState=ENABLED'] });
    // Both events now enabled, in UTC: one Lambda job, two addJob calls.
    const jobs = JSON.parse(read('infra/jobs.auto.tfvars.json')).jobs;
    expect([jobs.export.schedule_expression, jobs['export-2'].schedule_expression]).toEqual(['rate(2 hours)', 'cron(0 7 ? * MON *)']);
    expect([jobs.export.enabled, jobs['export-2'].enabled]).toEqual([true, true]);
    const outdir = tempDir();
    expect(errorOf(() => newProject({ migrateFrom: join(FIXTURES, 'sam-classes'), migrateParameter: ['ExportRate'] }, outdir)))
      .toMatch(/^--migrate-parameter: ExportRate is not K=V \(e\.g\. Stage=prod\)/);
    expect(errorOf(() => newProject({ migrateFrom: join(FIXTURES, 'sam-classes'), migrateVar: ['=x'] }, outdir)))
      .toMatch(/^--migrate-var: =x is not K=V/);
    expect(readdirSync(outdir)).toEqual([]);
  });

  test('a file that does not parse among others: the rest is migrated, the README lists it under "could not read"', () => {
    const legacy = tempDir();
    cpSync(join(FIXTURES, 'serverless-app'), legacy, { recursive: true });
    mkdirSync(join(legacy, 'broken'));
    writeFileSync(join(legacy, 'broken', 'template.yaml'), 'Resources: [a,\n  b: c\n');
    const dir = tempDir();
    synthInPlace(newProject({ migrateFrom: legacy, infra: 'hcl' }, dir));
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'infra/jobs.auto.tfvars.json'), 'utf8')).jobs)).toContain('invoice');
    expect(readme).toContain('Not migrated: could not read');
    expect(readme).toMatch(/- `[^`]*broken\/template\.yaml:\d+`: .*\(valid YAML\)/);
  });
});

describe('--migrate-from an AWS Copilot workspace', () => {
  const { read } = migrated('copilot-app');
  const jobs = JSON.parse(read('infra/jobs.auto.tfvars.json')).jobs;

  test('each Scheduled Job is a job with its schedule, size, timeout and command', () => {
    expect(Object.keys(jobs).sort()).toEqual(['hourly-sync', 'nightly-export', 'weekly-digest']);
    expect(jobs['nightly-export']).toEqual(expect.objectContaining({
      schedule_expression: 'cron(0 0 * * ? *)', time_zone: 'UTC', cpu: 1024, memory: 2048, timeout_seconds: 5400,
    }));
    expect(jobs['nightly-export'].command).toEqual(['node', 'dist/export.js', '--full']);
    expect(jobs['hourly-sync'].command).toEqual(['sync', '--all']);
  });

  test('its code is an image: the handler says what to do, and the README lists retries, overrides and the image', () => {
    expect(read('src/jobs/nightly-export/handler.ts')).toContain('not migrated yet');
    const readme = read('README.md');
    expect(readme).toContain('(copilot)');
    expect(readme).toContain('retries: 3: Copilot re-ran a failed job');
    expect(readme).toContain('environments.prod overrides cpu, memory, variables');
  });
});

describe('under projen new', () => {
  /**
   * projen new runs the constructor with `__new__` and writes `.projenrc.ts` from its args; a child
   * process does the same with the compiled package. The legacy folder sits next to the repo, as
   * `--migrate-from ../legacy-lambdas` expects.
   */
  function projenNew(synth = true): { dir: string; projenrc: string } {
    const parent = tempDir();
    cpSync(join(FIXTURES, 'serverless-app'), join(parent, 'legacy-lambdas'), { recursive: true });
    const dir = join(parent, 'payments-batch');
    mkdirSync(dir);
    const args = { name: 'payments-batch', team: 'payments', infra: 'hcl', jobName: 'nightly', schedule: 'cron(0 2 * * ? *)', timeZone: 'Asia/Tokyo', migrateFrom: '../legacy-lambdas' };
    const script = [
      `const { EcsBatchProject } = require(${JSON.stringify(packageRoot)});`,
      'process.env.PROJEN_DISABLE_POST = "true";',
      `const args = ${JSON.stringify(args)};`,
      `new EcsBatchProject({ ...args, outdir: ${JSON.stringify(dir)}, __new__: { fqn: 'ecs-batch-template.EcsBatchProject', args, comments: 0, synth: ${synth}, post: false } }).synth();`,
    ].join('\n');
    // projen resolves the project type's .jsii from the working directory, as projen new does.
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: packageRoot });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return { dir, projenrc: readFileSync(join(dir, '.projenrc.ts'), 'utf8') };
  }

  const { dir, projenrc } = projenNew();

  test('.projenrc.ts declares the migrated jobs as addJob calls, and neither migrateFrom nor a first job', () => {
    expect(projenrc).not.toContain('migrateFrom');
    expect(projenrc).not.toContain('jobName');
    expect(projenrc).toContain('firstJob: false');
    expect(projenrc).toContain("project.addJob({\n  name: 'invoice',\n  schedule: 'rate(1 day)',\n  timeZone: 'UTC',\n  cpu: 2048,\n  memory: 4096,\n");
    expect(projenrc).toContain("  handler: 'invoice.handler',\n});");
    expect(projenrc).toContain("  input: '{\"kind\":\"reminder\",\"channels\":[\"email\",\"sms\"]}',");
    expect(projenrc).toContain('  enabled: false,');
    expect(projenrc.trimEnd().endsWith('project.synth();')).toBe(true);
    expect(projenrc).toContain('// invoice: serverless ../legacy-lambdas/serverless.yml, handler src/invoice.handler');
    expect(readFileSync(join(dir, 'src/jobs/invoice/invoice.ts'), 'utf8')).toContain('export const handler');
  });

  test('.projenrc.ts declares the moved code\'s packages as deps', () => {
    expect(projenrc).toMatch(/deps: \[\s*['"]@aws-sdk\/client-s3@\^3['"],?\s*\]/);
  });

  test('projen new --no-synth still writes the jobs and their code, for the first npx projen', () => {
    const bare = projenNew(false);
    expect(bare.projenrc).toContain("  handler: 'invoice.handler',\n});");
    expect(files(bare.dir, 'src/jobs')).toEqual(files(dir, 'src/jobs'));
    expect(existsSync(join(bare.dir, 'package.json'))).toBe(false);
  });

  test('running that .projenrc.ts (as npx projen does) changes no file', () => {
    const before = Object.fromEntries(files(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const js = ts.transpileModule(projenrc, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(dir, '.projenrc.js'), js);
    const result = spawnSync(process.execPath, ['.projenrc.js'], {
      encoding: 'utf8', cwd: dir, env: { ...process.env, NODE_PATH: workspaceModules, PROJEN_DISABLE_POST: 'true' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const after = Object.fromEntries(files(dir).filter((f) => f !== '.projenrc.js').map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expect(after).toEqual(before);
    expect(relative(dir, dirname(join(dir, '.projenrc.ts')))).toBe('');
  });
});
