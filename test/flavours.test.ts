/**
 * The two flavours of the constructs (issue 13, item 1), as a team installs them:
 * each packed, installed alone with @ecs-batch/core into an empty project from the
 * registry (npm installs the peers: the framework, its AWS provider, constructs),
 * then used to synthesize a job. Installing one never pulls in the other framework,
 * and core (a peer) is there once, so the team's `Schedule` is the class the
 * construct checks.
 *
 * Needs the packages built (`npm run build`; the root's tests depend on every
 * package's build) and the registry, through npm's cache first (--prefer-offline).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..');

interface Flavour {
  readonly name: string;
  /** The framework module and its AWS provider. */
  readonly framework: string;
  readonly provider: string;
  /** Package names that belong to the other framework. */
  readonly other: RegExp;
}

const FLAVOURS: Flavour[] = [
  { name: 'cdktf', framework: 'cdktf', provider: '@cdktf/provider-aws', other: /^(cdktn|cdktn-cli|@cdktn\/.+)$/ },
  { name: 'cdktn', framework: 'cdktn', provider: '@cdktn/provider-aws', other: /^(cdktf|cdktf-cli|@cdktf\/.+)$/ },
];

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** `npm pack` of a workspace package into `dest`; returns the tarball's path. */
function pack(folder: string, dest: string): string {
  const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', dest], join(ROOT, 'packages', folder)));
  return join(dest, info.filename);
}

/** Every installed package, at any depth, as name -> versions. */
function installed(dir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const visit = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const dirs = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((n) => join(modules, entry, n)) : [join(modules, entry)];
      for (const d of dirs) {
        const manifest = join(d, 'package.json');
        if (!existsSync(manifest)) continue;
        const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
        found.set(name, [...found.get(name) ?? [], version]);
        visit(join(d, 'node_modules'));
      }
    }
  };
  visit(join(dir, 'node_modules'));
  return found;
}

/** A job synthesized in the team's project with the installed flavour, framework and core. */
const SYNTH = (f: Flavour) => `
const { TerraformStack, Testing } = require('${f.framework}');
const { AwsProvider } = require('${f.provider}/lib/provider');
const { EcsBatchJob } = require('@ecs-batch/${f.name}');
const { Schedule } = require('@ecs-batch/core');
const stack = new TerraformStack(Testing.app(), 'batch');
new AwsProvider(stack, 'aws', { region: 'ap-northeast-1' });
new EcsBatchJob(stack, 'nightly', {
  name: 'nightly',
  image: '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/batch/jobs:1.0.0',
  handler: 'dist/jobs/nightly.handler',
  clusterArn: 'arn:aws:ecs:ap-northeast-1:123456789012:cluster/batch',
  subnetIds: ['subnet-0a1b2c3d4e5f60718'],
  schedules: [{ name: 'daily', schedule: Schedule.cron({ minute: '0', hour: '2' }), timeZone: 'Asia/Tokyo' }],
});
const synth = JSON.parse(Testing.synth(stack));
console.log(JSON.stringify({ family: Object.values(synth.resource.aws_ecs_task_definition)[0].family, schedules: Object.keys(synth.resource.aws_scheduler_schedule) }));
`;

describe.each(FLAVOURS)('@ecs-batch/$name, installed alone', (f) => {
  let dir: string;
  let tree: Map<string, string[]>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `flavour-${f.name}-`));
    const tarballs = [pack('core', dir), pack(f.name, dir)];
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'team-batch', private: true }));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], dir);
    tree = installed(dir);
  }, 600_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('npm installs its peers: its own framework, AWS provider and constructs, in the ranges it declares', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'node_modules', '@ecs-batch', f.name, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(['@ecs-batch/core', 'constructs', f.framework, f.provider].sort());
    expect(manifest.dependencies ?? {}).toEqual({});
    for (const name of [f.framework, f.provider, 'constructs']) expect([name, tree.get(name)?.length]).toEqual([name, 1]);
    if (f.name === 'cdktn') expect(Number(tree.get('constructs')![0].split('.')[1])).toBeLessThan(8);
  });

  test('the other framework is nowhere in the tree', () => {
    expect([...tree.keys()].filter((name) => f.other.test(name))).toEqual([]);
  });

  test('core is installed once, so the team\'s Schedule is the construct\'s', () => {
    expect(tree.get('@ecs-batch/core')).toHaveLength(1);
    const out = JSON.parse(execFileSync(process.execPath, ['-e', SYNTH(f)], { cwd: dir, encoding: 'utf8' }));
    expect(out).toEqual({ family: 'nightly', schedules: [expect.stringContaining('nightly')] });
  });
});
