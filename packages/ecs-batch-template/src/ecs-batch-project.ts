import { TextFile, typescript } from 'projen';
import { NodePackageManager } from 'projen/lib/javascript';
import { EcsBatchJobOptions } from './ecs-batch-job-options';
import { EcsBatchProjectOptions } from './ecs-batch-project-options';
import { Bootstrap } from './files/bootstrap';
import { CdktfInfra } from './files/cdktf-infra';
import { Changesets } from './files/changesets';
import { Dockerfile, IMAGE_NODE_MAJOR } from './files/dockerfile';
import { Environments } from './files/environments';
import { HandlerFiles } from './files/handler-files';
import { HclInfra } from './files/hcl-infra';
import { LintInfra } from './files/lint-infra';
import { MigratedLambdas } from './files/migrated-lambdas';
import { TeamReadme } from './files/readme';
import { RevisionScripts } from './files/revision-scripts';
import { Rollback } from './files/rollback';
import { RunNow } from './files/run-now';
import { UpgradeWorkflow } from './files/upgrade-workflow';
import { Workflows } from './files/workflows';
import { cdkFramework } from './private/cdk-framework';
import { fieldError, isValidationError, jobFieldName } from './private/field-error';
import { JobSettings, resolveJob } from './private/job-settings';
import { LambdaMigration, migratedDependencies, planLambdaMigration } from './private/lambda-migration';
import { LintOnCreate } from './private/lint-on-create';
import { NewProjectCleanup } from './private/new-project-cleanup';
import { PackageAssets } from './private/package-assets';
import { PinnedWorkflows } from './private/pinned-actions';
import { PROJECT_DEFAULTS, ProjectSettings, resolveProjectSettings } from './private/project-settings';
import { TemplateDependency } from './private/template-dependency';

// What the repo compiles besides projen's src/**/*.ts: JavaScript moved from Lambda, and ES/CommonJS modules.
const SOURCE_PATTERNS = ['mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `src/**/*.${ext}`);

/**
 * A team's repo of scheduled batch jobs: Lambda-style handlers that run once per
 * schedule as ECS Fargate tasks, with their Terraform (CDKTF or HCL), one Docker
 * image, CI that tests, releases and deploys, and a rollback command.
 *
 * ```sh
 * npx projen new --from ecs-batch-template --team payments
 * ```
 *
 * Every option is checked through @ecs-batch/core before anything is written;
 * a bad one fails naming its flag (`--time-zone: 'Mars/Base' is not an IANA time zone ...`).
 *
 * @pjid ecs-batch
 */
export class EcsBatchProject extends typescript.TypeScriptProject {
  /** The region when `region` is not given. */
  public static readonly DEFAULT_REGION = PROJECT_DEFAULTS.region;
  /** The first job's name when `jobName` is not given. */
  public static readonly DEFAULT_JOB_NAME = PROJECT_DEFAULTS.jobName;
  /** The first job's schedule when `schedule` is not given: 02:00 every day. */
  public static readonly DEFAULT_SCHEDULE = PROJECT_DEFAULTS.schedule;
  /** The time zone when `timeZone` is not given. */
  public static readonly DEFAULT_TIME_ZONE = PROJECT_DEFAULTS.timeZone;
  /** The minimum Node major of a generated repo (engines, .nvmrc, the image). */
  public static readonly NODE_MAJOR = IMAGE_NODE_MAJOR;

  /**
   * Validates the options before the project exists. Under `projen new`, a bad
   * option also removes what `projen new` installed into the folder, prints its
   * message (without a stack: the message names the flag) and exits 1, as the
   * projen CLI does for its own errors.
   */
  private static validate(options: EcsBatchProjectOptions): { settings: ProjectSettings; migration?: LambdaMigration } {
    try {
      const settings = resolveProjectSettings(options);
      if (options.migrateFrom === undefined) return { settings };
      const defaults = { team: settings.team, timeZone: settings.timeZone, trigger: settings.trigger, region: settings.region };
      const inputs = {
        stage: options.migrateStage, parameters: options.migrateParameter, vars: options.migrateVar, varFiles: options.migrateVarFile,
      };
      const migration = planLambdaMigration(options.migrateFrom, options.outdir ?? process.cwd(), defaults, inputs);
      return { settings: { ...settings, initialJobs: migration.jobs.map((job) => job.settings) }, migration };
    } catch (error) {
      if (NewProjectCleanup.isProjenNew(options) && isValidationError(error)) {
        NewProjectCleanup.run(options.outdir ?? process.cwd(), PackageAssets.manifest().name);
        console.error(`${error.message}\nNothing was created. Run projen new again with a valid value.`);
        process.exit(1);
      }
      throw error;
    }
  }

  /** The team that owns the repo. */
  public readonly team: string;
  /** How the infra is written: `cdktf`, `cdktn` or `hcl`. */
  public readonly infra: string;
  /** The AWS region of the jobs. */
  public readonly region: string;
  /** The CPU architecture of every job: `ARM64` or `X86_64`. */
  public readonly architecture: string;
  /** The platform the image is built for: `linux/arm64` or `linux/amd64`. */
  public readonly imagePlatform: string;

  private readonly settings: ProjectSettings;
  private readonly jobSettings: JobSettings[];

  constructor(options: EcsBatchProjectOptions) {
    const { settings, migration } = EcsBatchProject.validate(options);
    super({
      projenrcTs: true,
      projenVersion: PackageAssets.thirdPartyVersion('projen'),
      minNodeVersion: `${IMAGE_NODE_MAJOR}.0.0`,
      workflowNodeVersion: String(IMAGE_NODE_MAJOR),
      typescriptVersion: PackageAssets.toolchainRange('typescript'),
      packageManager: NodePackageManager.NPM,
      jestOptions: { jestVersion: PackageAssets.toolchainRange('jest'), junitReporting: false, jestConfig: { collectCoverage: false, testTimeout: 60_000 } },
      // allowJs: a handler moved from Lambda is often JavaScript (.js, .mjs, .cjs); it compiles
      // into lib/ with the rest, untyped-checked.
      tsconfig: { compilerOptions: { target: 'ES2022', lib: ['es2022'], allowJs: true }, include: SOURCE_PATTERNS },
      sampleCode: false,
      package: false,
      release: false,
      buildWorkflow: false,
      depsUpgrade: true,
      depsUpgradeOptions: UpgradeWorkflow.options(),
      pullRequestTemplate: false,
      githubOptions: { mergify: false, pullRequestLint: false },
      licensed: false,
      npmignoreEnabled: false,
      readme: { contents: TeamReadme.contents(options.name, settings, migration) },
      ...MigratedLambdas.persistedOptions(TemplateDependency.unpinOptions(options, PackageAssets.manifest().name), migration),
    });
    this.settings = settings;
    this.team = settings.team;
    this.infra = settings.infra;
    this.region = settings.region;
    this.architecture = settings.architecture;
    this.imagePlatform = settings.imagePlatform;
    this.jobSettings = [];
    this.package.addField('private', true);
    new TextFile(this, '.nvmrc', { lines: [String(IMAGE_NODE_MAJOR)] });

    const version = (name: string) => `${name}@${PackageAssets.packageVersion(name)}`;
    const thirdParty = (name: string) => `${name}@${PackageAssets.thirdPartyVersion(name)}`;
    this.addDeps(version('@ecs-batch/lambda-runner'));
    // What the moved Lambda code imports; `.projenrc.ts` declares them as `deps` from then on.
    if (migration) this.addDeps(...migratedDependencies(migration));
    // The release scripts render task definitions with core and read the environments' tfvars with hcl2json;
    // lint:infra runs the linter in the build.
    this.addDevDeps(version('@ecs-batch/core'), version('@ecs-batch/lint'), thirdParty('@cdktf/hcl2json'));
    // cdktf or cdktn: the construct package, the framework, its AWS provider and the constructs it accepts.
    const framework = cdkFramework(settings.infra);
    if (framework) this.addDevDeps(...framework.devDependencies());

    const jobs = () => this.jobSettings;
    const branch = options.defaultReleaseBranch ?? 'main';
    new Dockerfile(this);
    if (framework) new CdktfInfra(this, settings, framework, jobs);
    else new HclInfra(this, settings, jobs);
    new LintInfra(this, settings);
    new Environments(this, settings);
    new Bootstrap(this, settings, branch);
    new RevisionScripts(this, settings, jobs);
    new Rollback(this, settings, jobs);
    new RunNow(this);
    new Workflows(this, settings, branch);
    new Changesets(this, branch);
    UpgradeWorkflow.harden(this);
    new PinnedWorkflows(this);

    // The migrated code is written before the jobs' handler skeletons are considered.
    if (migration) new MigratedLambdas(this, migration);
    for (const job of settings.initialJobs) this.addResolvedJob(job);
    new LintOnCreate(this);
  }

  /**
   * Adds a scheduled job: its handler skeleton and test (only if the handler does
   * not exist yet), its task definition and schedule in the infra, and its entry in
   * the deploy and rollback scripts.
   *
   * @throws an error naming the bad setting, e.g. `addJob(weekly).schedule: hour 25 is out of range (0-23)`
   */
  public addJob(options: EcsBatchJobOptions): void {
    const defaults = { team: this.settings.team, timeZone: this.settings.timeZone, trigger: this.settings.trigger, region: this.settings.region };
    const job = resolveJob(options, defaults, jobFieldName(String(options.name)));
    this.addResolvedJob(job);
  }

  /** The names of the jobs, in the order they were added. */
  public get jobNames(): string[] {
    return this.jobSettings.map((job) => job.name);
  }

  private addResolvedJob(job: JobSettings): void {
    if (this.jobSettings.some((existing) => existing.name === job.name)) {
      throw fieldError(`addJob(${job.name}).name`, `a job named '${job.name}' already exists (job names are unique: ${this.jobNames.join(', ')})`);
    }
    this.jobSettings.push(job);
    for (const warning of job.permissionWarnings) this.logger.warn(warning);
    new HandlerFiles(this, job);
  }

}
