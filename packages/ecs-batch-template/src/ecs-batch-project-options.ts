import { typescript } from 'projen';

/**
 * Options of `EcsBatchProject`. The struct is flat so that `projen new` turns every
 * option into a flag: `timeZone` is `--time-zone`, `subnetIds` is `--subnet-ids`
 * (repeat it for each subnet).
 *
 * The first job comes from `jobName`, `schedule`, `timeZone`, `trigger`, `cpu`,
 * `memory` and `timeoutMinutes`; more jobs come from `project.addJob()`. With
 * `migrateFrom`, the jobs come from a folder of scheduled Lambda functions instead.
 */
export interface EcsBatchProjectOptions extends typescript.TypeScriptProjectOptions {
  /**
   * The team that owns the repo: 2-31 lowercase letters, digits and hyphens,
   * starting with a letter. It prefixes every AWS name: the image repository
   * `<team>-batch` and the task definition families `<team>-<job>`.
   *
   * @example 'payments'
   */
  readonly team: string;

  /**
   * How the infra is written: `cdktf` (TypeScript, `infra/main.ts` with the
   * `EcsBatchJob` construct, on CDK for Terraform), `cdktn` (the same, on CDK
   * Terrain, the maintained fork of the archived CDK for Terraform) or `hcl` (a
   * Terraform root module calling the vendored `ecs-batch-job` module).
   *
   * Moving from `cdktf` to `cdktn` is this option and `npx projen`: the synthesized
   * Terraform keeps its addresses, so the state needs no move.
   *
   * @default 'cdktf'
   * @pjnew "cdktf"
   */
  readonly infra?: string;

  /**
   * The AWS region the jobs run in.
   *
   * @default 'ap-northeast-1'
   * @pjnew "ap-northeast-1"
   */
  readonly region?: string;

  /**
   * The name of the first job.
   *
   * @default 'nightly'
   * @pjnew "nightly"
   */
  readonly jobName?: string;

  /**
   * When the first job runs: `cron(...)`, `rate(...)` or `at(...)`, as EventBridge reads them.
   *
   * @default 'cron(0 2 * * ? *)'
   * @pjnew "cron(0 2 * * ? *)"
   */
  readonly schedule?: string;

  /**
   * The IANA time zone schedules are read in, for every job that does not set its own.
   *
   * @default 'Asia/Tokyo'
   * @pjnew "Asia/Tokyo"
   */
  readonly timeZone?: string;

  /**
   * What starts the tasks: `scheduler` (EventBridge Scheduler) or `rule` (an
   * EventBridge rule, cron in UTC).
   *
   * @default - `scheduler` when a time zone is set (always, here), as the construct does
   * @featured true
   */
  readonly trigger?: string;

  /**
   * CPU units of the first job's Fargate task (256 = 0.25 vCPU ... 16384 = 16 vCPU).
   *
   * @default - 256, or the smallest CPU that fits `memory`
   * @featured true
   */
  readonly cpu?: number;

  /**
   * Memory of the first job's Fargate task in MiB, valid for `cpu`.
   *
   * @default - the smallest memory valid for `cpu` (512 for 256)
   * @featured true
   */
  readonly memory?: number;

  /**
   * The runner stops the first job's handler after this many minutes.
   *
   * @default 60
   */
  readonly timeoutMinutes?: number;

  /**
   * A folder of scheduled Lambda functions to migrate (Terraform, AWS SAM or Serverless
   * Framework), or an AWS Copilot workspace with scheduled jobs, relative to the new repo:
   * `--migrate-from ../legacy-lambdas`.
   *
   * `projen new` runs the analyzer, `@ecs-batch/migrate` at the version this template pins
   * (installed, or through `npx`), and makes one job per scheduled Lambda with its schedule,
   * time zone, Fargate size, timeout, environment, input and enabled state. A Node.js handler's
   * source is copied into `src/jobs/<job>/`; a function whose code is not found or not Node gets
   * a handler that throws "not migrated yet" and names where the code was. The README lists
   * each Lambda, the job it became and what to resolve by hand.
   *
   * The jobs are written into `.projenrc.ts` as `project.addJob()` calls, which own them from
   * then on: this option is used by `projen new` only and is not kept. It replaces the first job
   * of `jobName` and `schedule` (`firstJob: false`). A path that does not exist, or a folder
   * without a scheduled function that can be migrated (or whose only files do not parse), fails
   * before anything is written. A file that does not parse among others that do is listed in the
   * README under "Not migrated: could not read", and the rest is migrated.
   *
   * @default - no migration
   */
  readonly migrateFrom?: string;

  /**
   * With `migrateFrom`: the Serverless Framework stage a deploy would use
   * (`--migrate-stage prod`), for `${opt:stage}` and `${sls:stage}`. Used by `projen new` only.
   *
   * @default - the stage the repository sets, or the framework's default (reported as a default)
   */
  readonly migrateStage?: string;

  /**
   * With `migrateFrom`: SAM parameter values a deploy would pass, each `K=V`
   * (`--migrate-parameter Stage=prod`, repeated for more). Used by `projen new` only.
   *
   * @default - each parameter's Default (reported as a default)
   */
  readonly migrateParameter?: string[];

  /**
   * With `migrateFrom`: Terraform variable values a deploy would pass, each `K=V`
   * (`--migrate-var environment=prod`, repeated for more). Used by `projen new` only.
   *
   * @default - tfvars files and each variable's default (reported as a default)
   */
  readonly migrateVar?: string[];

  /**
   * With `migrateFrom`: Terraform variable definitions files a deploy would pass, each a
   * `.tfvars` or `.tfvars.json` path relative to the new repo (`--migrate-var-file ../legacy/prod.tfvars`,
   * repeated for more), as `terraform apply -var-file` reads them: after `terraform.tfvars`,
   * `terraform.tfvars.json` and `*.auto.tfvars(.json)`, in order; `migrateVar` values win over them.
   * Used by `projen new` only.
   *
   * @see https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence
   * @default - only the files Terraform loads by itself (a `prod.tfvars` in the folder is reported as not read)
   */
  readonly migrateVarFile?: string[];

  /**
   * Whether the repo has the job made of `jobName`, `schedule`, `cpu`, `memory` and
   * `timeoutMinutes`. A repo made with `migrateFrom` has `firstJob: false` in its
   * `.projenrc.ts`: its jobs are the `project.addJob()` calls written there.
   *
   * @default - true; false with `migrateFrom`
   */
  readonly firstJob?: boolean;

  /**
   * An email address that gets failed and missed runs (SNS subscription).
   *
   * @default - alerts go to an SNS topic without subscribers
   * @featured true
   */
  readonly alertEmail?: string;

  /**
   * One CloudWatch dashboard for every job of the repo (`EcsBatchDashboard` /
   * the `ecs-batch-dashboard` module): runs, duration against the timeout, exit
   * codes and failures to start, the last successful run, missed runs. Its URL
   * is the Terraform output `dashboard_url`. `false` leaves it out.
   *
   * @default true
   */
  readonly dashboard?: boolean;

  /**
   * Default of the infra's `cluster_arn` variable: the ECS cluster the jobs run in.
   * Per-environment `*.tfvars` files can set another.
   *
   * @default - none: each environment supplies it, unless `createCluster` is set
   * @featured true
   */
  readonly clusterArn?: string;

  /**
   * Default of the infra's `subnet_ids` variable: the subnets the tasks run in.
   *
   * @default - none: each environment supplies them
   * @featured true
   */
  readonly subnetIds?: string[];

  /**
   * Default of the infra's `security_group_ids` variable.
   *
   * @default - none: each environment supplies them
   * @featured true
   */
  readonly securityGroupIds?: string[];

  /**
   * Give the tasks a public IP: needed in public subnets without a NAT gateway,
   * so the task can pull its image.
   *
   * @default false
   */
  readonly assignPublicIp?: boolean;

  /**
   * Create a dedicated Fargate cluster `<team>-batch` instead of using `cluster_arn`.
   *
   * @default false
   */
  readonly createCluster?: boolean;

  /**
   * The CPU architecture of every job: the repo builds one image, for
   * `linux/arm64` (`ARM64`, Graviton) or `linux/amd64` (`X86_64`). New repos get
   * ARM64: Fargate on Graviton costs about 20% less per vCPU-hour. Fargate Spot
   * has no ARM64, so a created cluster offers only FARGATE then.
   *
   * @default 'X86_64'
   * @pjnew "ARM64"
   */
  readonly architecture?: string;

  /**
   * A permissions boundary for every role the infra creates: each job's task,
   * execution and scheduler roles.
   *
   * @default - none
   */
  readonly permissionsBoundaryArn?: string;

  /**
   * How many images the ECR repository keeps; older ones expire.
   *
   * @default 30
   */
  readonly keepImages?: number;
}
