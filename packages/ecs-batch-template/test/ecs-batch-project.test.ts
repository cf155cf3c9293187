import { spawnSync } from 'child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import * as inventory from 'projen/lib/inventory';
import { errorOf, newProject, synth, tempDir } from './fixtures';
import { EcsBatchProject } from '../src';

const packageRoot = join(__dirname, '..');
const versions = JSON.parse(readFileSync(join(packageRoot, 'lib', 'versions.json'), 'utf8'));

describe('EcsBatchProject with only --team', () => {
  const out = synth(newProject());
  const pkg = out['package.json'];

  test('pins the ecs-batch packages and the third-party ones to the versions this template was built with', () => {
    expect(pkg.dependencies['@ecs-batch/lambda-runner']).toBe(versions.packages['@ecs-batch/lambda-runner']);
    expect(pkg.devDependencies['@ecs-batch/cdktf']).toBe(versions.packages['@ecs-batch/cdktf']);
    expect(pkg.devDependencies['@ecs-batch/core']).toBe(versions.packages['@ecs-batch/core']);
    for (const name of ['cdktf', '@cdktf/provider-aws', 'constructs', 'projen']) {
      expect(pkg.devDependencies[name]).toBe(versions.thirdParty[name]);
    }
    // The release scripts read the environments' tfvars with it.
    expect(pkg.devDependencies['@cdktf/hcl2json']).toBe(versions.thirdParty['@cdktf/hcl2json']);
  });

  test('keeps the heavy infra packages out of the image: none is a runtime dependency', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['@ecs-batch/lambda-runner']);
  });

  test('requires Node 22 or later, and says so in .nvmrc', () => {
    expect(pkg.engines.node).toBe('>= 22.0.0');
    expect(out['.nvmrc']).toContain('22');
  });

  test('is a private npm project: npm installs, and nothing is published', () => {
    expect(pkg.private).toBe(true);
    expect(out['.projen/tasks.json'].tasks.install.steps).toEqual([{ exec: 'npm install' }]);
    expect(out['.projen/tasks.json'].tasks.package.steps).toBeUndefined();
  });

  test('starts with the nightly job at 02:00 Tokyo time', () => {
    expect(out['src/jobs/nightly/handler.ts']).toBeDefined();
    expect(out['scripts/jobs.json'].jobs).toEqual({ nightly: expect.objectContaining({ family: 'payments-nightly', schedule: 'cron(0 2 * * ? *)', scheduleTimeZone: 'Asia/Tokyo' }) });
  });

  test('matches the snapshot (review aid)', () => {
    const files = Object.keys(out).sort();
    expect(files).toMatchSnapshot();
  });
});

describe('defaults', () => {
  test('are exposed as constants', () => {
    expect(EcsBatchProject.DEFAULT_REGION).toBe('ap-northeast-1');
    expect(EcsBatchProject.DEFAULT_JOB_NAME).toBe('nightly');
    expect(EcsBatchProject.DEFAULT_SCHEDULE).toBe('cron(0 2 * * ? *)');
    expect(EcsBatchProject.DEFAULT_TIME_ZONE).toBe('Asia/Tokyo');
    expect(EcsBatchProject.NODE_MAJOR).toBe(22);
  });

  test('a cpu alone gets the smallest memory valid for it, and a memory alone the smallest cpu', () => {
    const cpuOnly = synth(newProject({ cpu: 1024 }));
    expect(cpuOnly['infra/main.ts']).toContain('cpu: 1024,\n      memory: 2048,');
    const memoryOnly = synth(newProject({ memory: 4096 }));
    expect(memoryOnly['infra/main.ts']).toContain('cpu: 512,\n      memory: 4096,');
  });

  test('the project exposes its team, infra, region and job names', () => {
    const project = newProject({ infra: 'cdktf', region: 'eu-west-1' });
    project.addJob({ name: 'weekly', schedule: 'cron(0 9 ? * MON *)' });
    expect([project.team, project.infra, project.region]).toEqual(['payments', 'cdktf', 'eu-west-1']);
    expect(project.jobNames).toEqual(['nightly', 'weekly']);
  });
});

describe('bad options fail before anything is written, naming the flag', () => {
  test.each([
    [{ team: 'Payments' }, "--team: 'Payments' is not a valid team name (2-31 lowercase letters, digits and hyphens, starting with a letter)"],
    [{ team: 'p' }, "--team: 'p' is not a valid team name"],
    [{ team: 'a'.repeat(32) }, '--team:'],
    [{ team: '1payments' }, '--team:'],
    [{ infra: 'pulumi' }, "--infra: 'pulumi' is not supported (cdktf, cdktn or hcl)"],
    [{ region: 'tokyo' }, "--region: 'tokyo' is not an AWS region name"],
    [{ schedule: 'cron(0 25 * * ? *)' }, '--schedule: hour 25 is out of range (0-23)'],
    [{ schedule: 'cron(0 2 * * *)' }, '--schedule: cron has 5 fields'],
    [{ schedule: 'daily' }, "--schedule: 'daily' is not a schedule expression"],
    [{ timeZone: 'Mars/Base' }, "--time-zone: 'Mars/Base' is not an IANA time zone"],
    [{ cpu: 1024, memory: 512 }, '--memory: 512 is not valid with 1024 cpu (valid memory for 1024 cpu: 2048, 3072'],
    [{ cpu: 300 }, '--cpu: 300 is not a Fargate CPU value (256, 512, 1024, 2048, 4096, 8192, 16384)'],
    [{ timeoutMinutes: 0 }, '--timeout-minutes: 0 is not a whole number of minutes'],
    [{ trigger: 'cron' }, "--trigger: 'cron' is not a trigger (scheduler or rule)"],
    [{ trigger: 'rule', timeZone: 'Europe/Berlin' }, '--trigger: cron(0 2 * * ? *) in Europe/Berlin has no exact UTC equivalent for a rule'],
    [{ trigger: 'rule', schedule: 'at(2030-01-01T09:00:00)' }, "--trigger: 'at(2030-01-01T09:00:00)' is a one-time schedule: EventBridge rules take cron(...) or rate(...), Scheduler takes at(...)"],
    [{ jobName: 'Nightly' }, "--job-name: 'Nightly' is not a valid job name"],
    [{ alertEmail: 'ops' }, "--alert-email: 'ops' is not an email address"],
    [{ clusterArn: 'arn:aws:ecs:ap-northeast-1:123:cluster/x' }, "--cluster-arn: account '123' must be 12 digits"],
    [{ clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/x' }, '--cluster-arn: the cluster is in us-east-1, the jobs in ap-northeast-1'],
    [{ clusterArn: 'arn:aws:ecs:ap-northeast-1:123456789012:cluster/x', createCluster: true }, '--create-cluster: and --cluster-arn are both set'],
    [{ keepImages: 1 }, '--keep-images: 1 is too few images to keep (2 or more: a rollback runs the previous image)'],
    [{ subnetIds: [''] }, '--subnet-ids: must be a list of non-empty IDs'],
    [{ packageManager: 'pnpm' as any }, "--package-manager: 'pnpm' is not supported (npm"],
  ])('%j', (options, message) => {
    const outdir = tempDir();
    expect(errorOf(() => newProject(options, outdir))).toContain(message);
    expect(readdirSync(outdir)).toEqual([]);
  });

  test('a rule in a zone without daylight saving time converts exactly, and is kept', () => {
    const out = synth(newProject({ trigger: 'rule' }));
    expect(out['infra/main.ts']).toContain('trigger: TriggerKind.RULE');
    expect(out['README.md']).toContain('(rule: `cron(0 17 * * ? *)` UTC)');
  });
});

describe('under projen new', () => {
  /**
   * `projen new --from` installs projen and the template into the target folder,
   * then runs the constructor with a `__new__` field: a child process does the same
   * with the compiled package, as projen's CLI loads it.
   */
  function projenNew(dir: string, options: object) {
    const script = [
      `const { EcsBatchProject } = require(${JSON.stringify(packageRoot)});`,
      `new EcsBatchProject(${JSON.stringify({ name: 'x', outdir: dir, __new__: { fqn: 'ecs-batch-template.EcsBatchProject', args: {} }, ...options })});`,
      'console.log("constructed");',
    ].join('\n');
    return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: dir });
  }

  function bootstrap(dir: string, manifest: object): void {
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
    mkdirSync(join(dir, 'node_modules', 'projen'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'projen', 'package.json'), '{}');
  }

  test('a bad option removes what projen new installed, prints only the message and exits 1', () => {
    const dir = tempDir();
    bootstrap(dir, { devDependencies: { 'projen': '^0.103.25', 'ecs-batch-template': '0.1.0' } });
    const result = projenNew(dir, { team: 'Payments' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^--team: 'Payments' is not a valid team name/);
    expect(result.stderr).not.toContain('    at ');
    expect(result.stdout).not.toContain('constructed');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a folder with a package.json of its own is left alone', () => {
    const dir = tempDir();
    bootstrap(dir, { name: 'mine', devDependencies: { projen: '^0.103.25' } });
    const result = projenNew(dir, { team: 'Payments' });
    expect(result.status).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'package.json']);
  });

  test('outside projen new, a bad option is an ordinary exception and nothing is removed', () => {
    const dir = tempDir();
    bootstrap(dir, { devDependencies: { projen: '^0.103.25' } });
    expect(errorOf(() => newProject({ team: 'Payments' }, dir))).toContain('--team:');
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'package.json']);
  });
});

describe('projen new flags (from the compiled .jsii)', () => {
  const type = inventory.discover(packageRoot).find((t) => t.pjid === 'ecs-batch')!;
  const option = (name: string) => type.options.find((o) => o.name === name)!;

  test('the project type is "ecs-batch" in ecs-batch-template', () => {
    expect(type.moduleName).toBe('ecs-batch-template');
    expect(type.fqn).toBe('ecs-batch-template.EcsBatchProject');
  });

  test('--team is the only required flag without a default', () => {
    const required = type.options.filter((o) => !o.optional && o.default === undefined && o.initialValue === undefined);
    expect(required.map((o) => o.switch)).toEqual(['team']);
  });

  test('every template option is a flag projen new can pass', () => {
    const expected: Array<[string, string, string]> = [
      ['team', 'team', 'string'], ['infra', 'infra', 'string'], ['region', 'region', 'string'],
      ['jobName', 'job-name', 'string'], ['schedule', 'schedule', 'string'], ['timeZone', 'time-zone', 'string'],
      ['trigger', 'trigger', 'string'], ['cpu', 'cpu', 'number'], ['memory', 'memory', 'number'],
      ['timeoutMinutes', 'timeout-minutes', 'number'], ['alertEmail', 'alert-email', 'string'],
      ['clusterArn', 'cluster-arn', 'string'], ['createCluster', 'create-cluster', 'boolean'],
      ['assignPublicIp', 'assign-public-ip', 'boolean'], ['keepImages', 'keep-images', 'number'],
      ['architecture', 'architecture', 'string'], ['permissionsBoundaryArn', 'permissions-boundary-arn', 'string'],
    ];
    for (const [name, flag, simpleType] of expected) {
      expect([name, option(name).switch, option(name).simpleType]).toEqual([name, flag, simpleType]);
    }
    expect(option('subnetIds').type?.collection?.elementtype.primitive).toBe('string');
  });

  test('the generated .projenrc.ts spells out infra, region, job name, schedule, time zone and architecture', () => {
    const initial = Object.fromEntries(['infra', 'region', 'jobName', 'schedule', 'timeZone', 'architecture'].map((n) => [n, option(n).initialValue]));
    expect(initial).toEqual({
      infra: '"cdktf"', region: '"ap-northeast-1"', jobName: '"nightly"', schedule: '"cron(0 2 * * ? *)"', timeZone: '"Asia/Tokyo"', architecture: '"ARM64"',
    });
  });

  test('new repos are ARM64 (written into .projenrc.ts); a repo without the option stays X86_64', () => {
    expect(option('architecture').default).toBe("'X86_64'");
    expect(newProject().architecture).toBe('X86_64');
    expect(newProject({ architecture: 'ARM64' }).imagePlatform).toBe('linux/arm64');
    expect(newProject().imagePlatform).toBe('linux/amd64');
  });
});

describe('the template dependency', () => {
  test('is declared by name, so `npm i -D ecs-batch-template@<new>` then `npx projen` upgrades', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'payments-batch', devDependencies: { 'ecs-batch-template': '^0.4.0' } }));
    const out = synth(newProject({ devDeps: ['ecs-batch-template@0.3.0', 'left-pad@1.3.0'] }, dir));
    expect(out['package.json'].devDependencies['ecs-batch-template']).toBe('^0.4.0');
    expect(out['package.json'].devDependencies['left-pad']).toBe('1.3.0');
  });

  test('projen new renders it without a version into .projenrc.ts', () => {
    const dir = tempDir();
    const script = [
      `const { EcsBatchProject } = require(${JSON.stringify(packageRoot)});`,
      'process.env.PROJEN_DISABLE_POST = "true";',
      'const args = { name: \'x\', team: \'payments\', devDeps: [\'ecs-batch-template@0.3.0\'] };',
      `new EcsBatchProject({ ...args, outdir: ${JSON.stringify(dir)}, __new__: { fqn: 'ecs-batch-template.EcsBatchProject', args, comments: 0, synth: true, post: false } }).synth();`,
    ].join('\n');
    // projen resolves the project type's .jsii from the working directory, as projen new does.
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: packageRoot });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const projenrc = readFileSync(join(dir, '.projenrc.ts'), 'utf8');
    expect(projenrc).toContain('devDeps: ["ecs-batch-template"]');
    expect(projenrc).toContain('team: "payments"');
  });
});
