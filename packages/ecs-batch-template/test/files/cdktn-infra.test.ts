/**
 * infra: 'cdktn' (CDK Terrain, the fork of the archived CDK for Terraform), and the move
 * from 'cdktf': one option and `npx projen`, with Terraform JSON that keeps every address.
 *
 * The cdktn side runs against the real CDK Terrain packages at the versions the template
 * pins, installed from the registry into a cache folder under the OS temp dir (reused while
 * the pins stay the same). Its `@ecs-batch/cdktn` is packages/cdktn/lib once that package
 * exists in the monorepo; until then, packages/cdktf/lib with its imports renamed, as the
 * `@ecs-batch/cdktn` build generates it. The first run needs the npm registry (about 25 s);
 * without it the install fails the test rather than skipping it.
 */
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { tmpdir } from 'os';
import { join } from 'path';
import { TerraformVersions } from '@ecs-batch/core';
import { EcsBatchProjectOptions } from '../../src';
import { CDKTN_VERSIONS } from '../../src/private/cdk-framework';
import { PackageAssets } from '../../src/private/package-assets';
import { newProject, synth, synthInPlace, tempDir } from '../fixtures';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const STACK_FILE = join('cdktf.out', 'stacks', 'payments-batch', 'cdk.tf.json');

/** A repo with every kind of block the stack can hold: a created cluster, both triggers, a dashboard, alerts, IAM. */
function teamRepo(infra: string, outdir = tempDir()) {
  const options: Partial<EcsBatchProjectOptions> = { infra, createCluster: true, alertEmail: 'ops@example.com', permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary' };
  const project = newProject(options, outdir);
  project.addJob({ name: 'weekly', schedule: 'cron(0 9 ? * MON *)', trigger: 'rule', timeZone: 'UTC', input: '{"kind":"weekly"}', overlap: 'skip' });
  project.addJob({
    name: 'report',
    schedule: 'cron(0 3 * * ? *)',
    permissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] }],
    secretsManagerSecrets: { DB_PASSWORD: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:report/db-AbCdEf' },
  });
  return project;
}

/** Every file a synthesized repo holds, by path (node_modules left out). */
function files(dir: string, sub = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, sub))) {
    const path = join(sub, name);
    if (name === 'node_modules') continue;
    if (statSync(join(dir, path)).isDirectory()) Object.assign(out, files(dir, path));
    else out[path] = readFileSync(join(dir, path), 'utf8');
  }
  return out;
}

/**
 * The CDK Terrain packages at the template's pins, installed once into a cache folder, with
 * `@ecs-batch/cdktn` and `@ecs-batch/core` next to them. Returns its node_modules.
 */
function cdktnModules(): string {
  const dir = join(tmpdir(), `ecs-batch-cdktn-${Object.values(CDKTN_VERSIONS).join('-')}`);
  const modules = join(dir, 'node_modules');
  if (!existsSync(join(modules, '@cdktn', 'provider-aws', 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, dependencies: CDKTN_VERSIONS }, null, 2));
    const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`npm install of ${JSON.stringify(CDKTN_VERSIONS)} failed:\n${install.stderr}`);
  }
  const scope = join(modules, '@ecs-batch');
  rmSync(scope, { recursive: true, force: true });
  mkdirSync(scope, { recursive: true });
  symlinkSync(join(repoRoot, 'packages', 'core'), join(scope, 'core'));
  const target = join(scope, 'cdktn');
  const real = join(repoRoot, 'packages', 'cdktn', 'lib');
  if (existsSync(real)) {
    cpSync(real, join(target, 'lib'), { recursive: true });
  } else {
    // The same constructs, their imports renamed: the only change CDK Terrain asks for.
    const source = join(repoRoot, 'packages', 'cdktf', 'lib');
    for (const path of Object.keys(files(source))) {
      if (!/\.(js|d\.ts)$/.test(path)) continue;
      const text = readFileSync(join(source, path), 'utf8')
        .replace(/(["'])cdktf\1/g, '$1cdktn$1')
        .replace(/(["'])@cdktf\/provider-aws/g, '$1@cdktn/provider-aws');
      mkdirSync(join(target, 'lib', path, '..'), { recursive: true });
      writeFileSync(join(target, 'lib', path), text);
    }
  }
  writeFileSync(join(target, 'package.json'), JSON.stringify({ name: '@ecs-batch/cdktn', version: PackageAssets.packageVersion('@ecs-batch/cdktf'), main: 'lib/index.js', types: 'lib/index.d.ts' }));
  return modules;
}

/**
 * Runs the repo's `synth:infra` as the task does (ts-node on infra/main.ts, which calls
 * `app.synth()` when it is the main module), with `modules` as the repo's node_modules.
 * Transpile-only: the type-check of infra/ is the team build's, not this test's.
 */
function synthInfra(dir: string): { stack: any; output: string[] } {
  const tsNode = join(repoRoot, 'node_modules', 'ts-node', 'dist', 'bin.js');
  const compiler = join(repoRoot, 'node_modules', 'typescript');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(CDKTF|CDKTN)_/.test(name)));
  const result = spawnSync(process.execPath, [tsNode, '--project', 'infra/tsconfig.json', '--transpile-only', '--compiler', compiler, 'infra/main.ts'], { cwd: dir, encoding: 'utf8', env });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return { stack: JSON.parse(readFileSync(join(dir, STACK_FILE), 'utf8')), output: Object.keys(files(join(dir, 'cdktf.out'))).sort() };
}

/**
 * A repo's node_modules as `npx projen` installs it for cdktn: every package of `modules`,
 * linked, plus the type packages the repo's tsconfig names (from the monorepo).
 */
function linkCdktnModules(dir: string, modules: string): void {
  const target = join(dir, 'node_modules');
  mkdirSync(join(target, '@types'), { recursive: true });
  for (const entry of readdirSync(modules)) {
    const names = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((name) => join(entry, name)) : [entry];
    for (const name of names) {
      mkdirSync(join(target, name, '..'), { recursive: true });
      symlinkSync(join(modules, name), join(target, name));
    }
  }
  for (const types of ['node', 'jest']) symlinkSync(join(repoRoot, 'node_modules', '@types', types), join(target, '@types', types));
  // What the repo's jest needs to run its infra test.
  for (const tool of ['ts-jest', 'typescript']) symlinkSync(join(repoRoot, 'node_modules', tool), join(target, tool));
}

/** The paths (a.b.c) at which two JSON values differ. */
function differences(a: any, b: any, path: string[] = []): string[] {
  const isObject = (v: any) => typeof v === 'object' && v !== null;
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => differences(a[key], b[key], [...path, key]));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path.join('.')];
}

describe('infra: cdktn', () => {
  const out = synth(teamRepo('cdktn'));
  const cdktf = synth(teamRepo('cdktf'));

  test('infra/main.ts imports cdktn, @ecs-batch/cdktn and @cdktn/provider-aws (deep imports), and asks for the provider cdktn is built from', () => {
    const main: string = out['infra/main.ts'];
    expect(main).toContain("import { EcrRepository } from '@cdktn/provider-aws/lib/ecr-repository';");
    expect(main).toContain("import { EcsCluster } from '@cdktn/provider-aws/lib/ecs-cluster';");
    expect(main).toContain("import { AwsProvider } from '@cdktn/provider-aws/lib/provider';");
    expect(main).toContain("import { CpuArchitecture, EcsBatchDashboard, EcsBatchJob, OverlapPolicy, TriggerKind } from '@ecs-batch/cdktn';");
    expect(main).toContain("import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktn';");
    expect(main).toContain(`this.addOverride('terraform.required_providers.aws.version', '${TerraformVersions.AWS_PROVIDER_CDKTN}');`);
    expect(main).not.toMatch(/cdktf['/]/);
    expect(out['test/infra/main.test.ts']).toContain("import { Testing } from 'cdktn';");
  });

  test('devDependencies: the CDK Terrain packages and a constructs cdktn accepts, never the cdktf ones', () => {
    const dev = out['package.json'].devDependencies;
    expect(dev).toMatchObject({
      '@ecs-batch/cdktn': cdktf['package.json'].devDependencies['@ecs-batch/cdktf'],
      'cdktn': CDKTN_VERSIONS.cdktn,
      '@cdktn/provider-aws': CDKTN_VERSIONS['@cdktn/provider-aws'],
      'constructs': CDKTN_VERSIONS.constructs,
    });
    for (const name of ['cdktf', '@cdktf/provider-aws', '@ecs-batch/cdktf']) expect(dev[name]).toBeUndefined();
    // Both flavours pin the construct packages at one version (one fixed changesets group).
    expect(dev['@ecs-batch/cdktn']).toBe(PackageAssets.packageVersion('@ecs-batch/cdktf'));
  });

  test('the pins pair: provider-aws peers on the pinned cdktn, both accept the pinned constructs, and core\'s constraint is the provider they wrap', () => {
    const modules = cdktnModules();
    const semver = createRequire(join(modules, 'cdktn', 'package.json'))('semver');
    const manifest = (name: string) => JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
    const [cdktn, provider] = [manifest('cdktn'), manifest('@cdktn/provider-aws')];
    expect(cdktn.version).toBe(CDKTN_VERSIONS.cdktn);
    expect(provider.version).toBe(CDKTN_VERSIONS['@cdktn/provider-aws']);
    expect(semver.satisfies(CDKTN_VERSIONS.cdktn, provider.peerDependencies.cdktn)).toBe(true);
    expect(semver.satisfies(CDKTN_VERSIONS.constructs, cdktn.peerDependencies.constructs)).toBe(true);
    expect(semver.satisfies(CDKTN_VERSIONS.constructs, provider.peerDependencies.constructs)).toBe(true);
    // The team repo's projen accepts that constructs too.
    const projen = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'projen', 'package.json'), 'utf8'));
    expect(projen.version).toBe(PackageAssets.thirdPartyVersion('projen'));
    expect(semver.satisfies(CDKTN_VERSIONS.constructs, projen.peerDependencies.constructs)).toBe(true);
    // ~> 6.66: the schema @cdktn/provider-aws is generated from, hashicorp/aws.
    expect(provider.cdktn.provider.name).toBe('registry.terraform.io/hashicorp/aws');
    const [major, minor] = provider.cdktn.provider.version.split('.');
    expect(TerraformVersions.AWS_PROVIDER_CDKTN).toBe(`~> ${major}.${minor}`);
  }, 300_000);

  // npm refuses (ERESOLVE) a cdktn repo's constructs next to a template that peers on ^10.8.
  test('ecs-batch-template\'s own constructs peer accepts the constructs a cdktn repo pins', () => {
    const semver = createRequire(join(cdktnModules(), 'cdktn', 'package.json'))('semver');
    expect(semver.satisfies(CDKTN_VERSIONS.constructs, PackageAssets.manifest().peerDependencies.constructs)).toBe(true);
  }, 300_000);

  test('cdktf.json, synth:infra, the output folder, workflows and lint are the same as a cdktf repo\'s', () => {
    for (const path of ['cdktf.json', '.gitignore', 'infra/tsconfig.json', '.github/workflows/build.yml', '.github/workflows/deploy.yml']) {
      expect([path, out[path]]).toEqual([path, cdktf[path]]);
    }
    for (const task of ['synth:infra', 'lint:infra', 'post-compile']) {
      expect([task, out['.projen/tasks.json'].tasks[task]]).toEqual([task, cdktf['.projen/tasks.json'].tasks[task]]);
    }
    expect(out['cdktf.json'].output).toBe('cdktf.out');
  });

  /**
   * The move, as a team makes it: a cdktf repo, synthesized and its stack synthesized; then
   * `infra: 'cdktn'` in the same folder, `npx projen` (re-synthesized) and `synth:infra` again.
   */
  describe('moving from cdktf: change infra in .projenrc.ts, run npx projen', () => {
    const dir = tempDir();
    let before: Record<string, string>;
    let after: Record<string, string>;
    let tf: { stack: any; output: string[] };
    let tn: { stack: any; output: string[] };
    beforeAll(() => {
      synthInPlace(teamRepo('cdktf', dir));
      before = files(dir);
      symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
      tf = synthInfra(dir);
      rmSync(join(dir, 'cdktf.out'), { recursive: true });
      rmSync(join(dir, 'node_modules'));
      synthInPlace(teamRepo('cdktn', dir));
      after = files(dir);
      // npx projen installs the new devDependencies: here, the CDK Terrain packages.
      linkCdktnModules(dir, cdktnModules());
      tn = synthInfra(dir);
    }, 300_000);

    test('only the imports, the constraint and the packages change', () => {
      const generated = (all: Record<string, string>) => Object.keys(all).filter((path) => !path.startsWith('cdktf.out/')).sort();
      expect(generated(after)).toEqual(generated(before));
      const changed = generated(after).filter((path) => after[path] !== before[path]);
      expect(changed).toEqual(['.projen/deps.json', '.projen/tasks.json', 'infra/main.ts', 'package.json', 'test/infra/main.test.ts']);
      // main.ts: the same stack, with the package names and the provider constraint of CDK Terrain.
      const renamed = before['infra/main.ts']
        .replace(/'@cdktf\/provider-aws\//g, "'@cdktn/provider-aws/")
        .replace("from '@ecs-batch/cdktf'", "from '@ecs-batch/cdktn'")
        .replace("from 'cdktf'", "from 'cdktn'")
        .replace('(CDK for Terraform, package `cdktf`)', '(CDK Terrain, package `cdktn`)')
        .replace(`'${TerraformVersions.AWS_PROVIDER}'`, `'${TerraformVersions.AWS_PROVIDER_CDKTN}'`);
      expect(after['infra/main.ts']).toBe(renamed);
      expect(after['test/infra/main.test.ts']).toBe(before['test/infra/main.test.ts'].replace("from 'cdktf'", "from 'cdktn'"));
      // tasks.json: only the upgrade task's list of packages.
      const tasks = (all: Record<string, string>) => JSON.parse(all['.projen/tasks.json']).tasks;
      const changedTasks = Object.keys(tasks(after)).filter((name) => JSON.stringify(tasks(after)[name]) !== JSON.stringify(tasks(before)[name]));
      expect(changedTasks).toEqual(['upgrade']);
      const dev = JSON.parse(after['package.json']).devDependencies;
      expect(Object.keys(dev).filter((name) => /cdktf/.test(name))).toEqual(['@cdktf/hcl2json']);
      expect(Object.keys(dev).filter((name) => /cdktn/.test(name)).sort()).toEqual(['@cdktn/provider-aws', '@ecs-batch/cdktn', 'cdktn']);
    });

    test('infra/main.ts type-checks against the CDK Terrain typings and @ecs-batch/cdktn', () => {
      const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'infra/tsconfig.json'], { cwd: dir, encoding: 'utf8' });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    }, 120_000);

    test('the repo\'s own infra test (test/infra/main.test.ts, on cdktn\'s Testing) passes', () => {
      const jest = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', 'test/infra'], {
        cwd: dir,
        encoding: 'utf8',
        // Plain text to match: Nx runs the tests with FORCE_COLOR, which the child would inherit.
        env: { ...process.env, FORCE_COLOR: '0' },
      });
      expect(jest.stderr).toMatch(/Tests: +\d+ passed, \d+ total/);
      expect(jest.status).toBe(0);
    }, 120_000);

    test('synth:infra writes the same files into the same cdktf.out/', () => {
      expect(tn.output).toEqual(tf.output);
      expect(tn.output).toContain(join('stacks', 'payments-batch', 'cdk.tf.json'));
    });

    test('the state needs no move: the Terraform JSON is identical but for the provider constraint and the // metadata', () => {
      const differing = differences(tf.stack, tn.stack);
      // Exactly two leaves differ: the stack's `//` metadata (the framework version) and the constraint.
      expect(differing).toEqual(['//.metadata.version', 'terraform.required_providers.aws.version']);
      // The provider keeps its source, hashicorp/aws; only the lower bound of its version moves.
      expect(tf.stack.terraform.required_providers.aws).toEqual({ source: 'hashicorp/aws', version: TerraformVersions.AWS_PROVIDER });
      expect(tn.stack.terraform.required_providers.aws).toEqual({ source: 'hashicorp/aws', version: TerraformVersions.AWS_PROVIDER_CDKTN });
      // One backend, S3, in both (the framework's default local backend would make two, which Terraform refuses).
      expect([tf.stack.terraform.backend, tn.stack.terraform.backend]).toEqual([{ s3: {} }, { s3: {} }]);
      // What the metadata says: the framework's version.
      expect([tf.stack['//'].metadata.version, tn.stack['//'].metadata.version]).toEqual([PackageAssets.thirdPartyVersion('cdktf'), CDKTN_VERSIONS.cdktn]);
      // Not vacuous: both stacks hold every block of the repo, at the same addresses.
      const addresses = (stack: any) => ['resource', 'data'].flatMap((kind) => Object.entries<any>(stack[kind]).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${kind}.${type}.${name}`))).sort();
      expect(addresses(tn.stack)).toEqual(addresses(tf.stack));
      expect(addresses(tf.stack).length).toBeGreaterThan(30);
    });
  });
});
