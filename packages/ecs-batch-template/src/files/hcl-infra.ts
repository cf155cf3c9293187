import { TerraformVersions } from '@ecs-batch/core';
import { Component, JsonFile } from 'projen';
import { TypeScriptProject } from 'projen/lib/typescript';
import { InfraNames } from './infra-names';
import { JOB_MODULE, TerraformModules } from './terraform-modules';
import { GeneratedTextFile } from '../private/generated-text-file';
import { hclLiteral } from '../private/hcl-literal';
import { JobSettings } from '../private/job-settings';
import { ProjectSettings } from '../private/project-settings';

/** The tfvars file projen writes from `.projenrc.ts`; Terraform loads `*.auto.tfvars.json` by itself. */
export const JOBS_TFVARS = 'infra/jobs.auto.tfvars.json';

/**
 * infra=hcl: a Terraform root module in `infra/` that calls the vendored
 * `ecs-batch-job` module once per job. The job settings come from `.projenrc.ts`
 * through `infra/jobs.auto.tfvars.json`; a test parses the HCL.
 */
export class HclInfra extends Component {
  constructor(project: TypeScriptProject, private readonly settings: ProjectSettings, private readonly jobs: () => JobSettings[]) {
    super(project, 'HclInfra');
    const names = new InfraNames(settings);
    new TerraformModules(project);
    new GeneratedTextFile(this, 'infra/versions.tf', () => this.versionsTf(), { comment: '#' });
    new GeneratedTextFile(this, 'infra/variables.tf', () => this.variablesTf(), { comment: '#' });
    new GeneratedTextFile(this, 'infra/main.tf', () => this.mainTf(names), { comment: '#' });
    new GeneratedTextFile(this, 'infra/outputs.tf', () => this.outputsTf(), { comment: '#' });
    // No marker: Terraform would read a "//" key as a variable.
    new JsonFile(project, JOBS_TFVARS, { obj: () => ({ jobs: Object.fromEntries(this.jobs().map((j) => [j.name, tfvarsJob(j)])) }), marker: false });
    new GeneratedTextFile(this, 'test/infra/main.test.ts', () => this.testTs(), { comment: '//' });
    project.gitignore.exclude('.terraform/', '*.tfplan');
  }

  private versionsTf(): string[] {
    return [
      'terraform {',
      `  required_version = "${TerraformVersions.ROOT_MODULE}"`,
      '  required_providers {',
      '    aws = {',
      '      source  = "hashicorp/aws"',
      `      version = "${TerraformVersions.AWS_PROVIDER}"`,
      '    }',
      '  }',
      '  # State lives in S3: each environment passes infra/environments/<env>.s3.tfbackend to `terraform init`.',
      '  backend "s3" {}',
      '}',
    ];
  }

  private variablesTf(): string[] {
    const s = this.settings;
    const v = InfraNames.VARIABLES;
    const variable = (name: keyof typeof v, type: string, def: unknown) => [
      `variable "${name}" {`,
      `  description = ${hclLiteral(v[name])}`,
      `  type        = ${type}`,
      ...(def === undefined ? [] : [`  default     = ${hclLiteral(def, 2)}`]),
      '}',
      '',
    ];
    return [
      '# Inputs of each environment (infra/environments/<env>.tfvars); defaults come from .projenrc.ts.',
      '',
      ...variable('region', 'string', s.region),
      ...(s.createCluster ? [] : variable('cluster_arn', 'string', s.clusterArn)),
      ...variable('subnet_ids', 'list(string)', s.subnetIds.length > 0 ? s.subnetIds : undefined),
      ...variable('security_group_ids', 'list(string)', s.securityGroupIds.length > 0 ? s.securityGroupIds : undefined),
      ...variable('image_tag', 'string', undefined),
      '# The jobs, from .projenrc.ts: projen writes them to jobs.auto.tfvars.json.',
      'variable "jobs" {',
      '  description = "The scheduled jobs, by name (written by projen from .projenrc.ts)."',
      '  type = map(object({',
      '    family              = string',
      '    description         = optional(string)',
      '    handler             = string',
      '    schedule_expression = string',
      '    time_zone           = optional(string)',
      '    trigger             = string',
      '    enabled             = bool',
      '    cpu                 = number',
      '    memory              = number',
      '    timeout_seconds     = number',
      '    overlap             = string',
      '    input               = optional(string)',
      '    missed_run_hours    = optional(number)',
      '    command             = optional(list(string))',
      '    environment         = map(string)',
      '    permissions = list(object({',
      '      actions    = list(string)',
      '      resources  = list(string)',
      '      conditions = optional(list(object({ operator = string, key = string, values = list(string) })), [])',
      '    }))',
      '    managed_policy_arns      = list(string)',
      '    secrets_manager_secrets  = map(string)',
      '    ssm_parameters           = map(string)',
      '    kms_key_arns             = list(string)',
      '    ephemeral_storage_gib    = optional(number)',
      '    stop_timeout_seconds     = optional(number)',
      '    readonly_root_filesystem = bool',
      '  }))',
      '}',
    ];
  }

  private mainTf(names: InfraNames): string[] {
    const s = this.settings;
    return [
      'provider "aws" {',
      '  region = var.region',
      '  default_tags {',
      `    tags = ${hclLiteral(names.tags, 4)}`,
      '  }',
      '}',
      '',
      '# One image for every job: immutable tags (the release version), scanned on push.',
      'resource "aws_ecr_repository" "images" {',
      `  name                 = ${hclLiteral(names.repository)}`,
      '  image_tag_mutability = "IMMUTABLE"',
      '  image_scanning_configuration {',
      '    scan_on_push = true',
      '  }',
      '}',
      '',
      `# Keep the last ${s.keepImages} images: enough to roll back, without paying for every build.`,
      'resource "aws_ecr_lifecycle_policy" "images" {',
      '  repository = aws_ecr_repository.images.name',
      `  policy     = jsonencode(${hclLiteral(names.lifecyclePolicy, 2)})`,
      '}',
      '',
      ...(s.createCluster ? [
        '# A dedicated Fargate cluster for these jobs (createCluster).',
        'resource "aws_ecs_cluster" "cluster" {',
        `  name = ${hclLiteral(names.cluster)}`,
        '  setting {',
        '    name  = "containerInsights"',
        '    value = "enabled"',
        '  }',
        '}',
        '',
        'resource "aws_ecs_cluster_capacity_providers" "cluster" {',
        '  cluster_name       = aws_ecs_cluster.cluster.name',
        `  capacity_providers = ${hclLiteral(s.clusterCapacityProviders)}`,
        '  default_capacity_provider_strategy {',
        '    capacity_provider = "FARGATE"',
        '    weight            = 1',
        '  }',
        '}',
        '',
      ] : []),
      'locals {',
      `  cluster_arn = ${s.createCluster ? 'aws_ecs_cluster.cluster.arn' : 'var.cluster_arn'}`,
      '  image       = "${aws_ecr_repository.images.repository_url}:${var.image_tag}"',
      '}',
      '',
      `# One ${JOB_MODULE} per job of jobs.auto.tfvars.json.`,
      'module "job" {',
      `  source   = "./modules/${JOB_MODULE}"`,
      '  for_each = var.jobs',
      '',
      ...moduleArguments(s).map(([name, value], _, all) => `  ${name.padEnd(Math.max(...all.map(([n]) => n.length)))} = ${value}`),
      '}',
    ];
  }

  private outputsTf(): string[] {
    return [
      'output "repository_url" {',
      '  description = "Where the deploy workflow pushes the image."',
      '  value       = aws_ecr_repository.images.repository_url',
      '}',
    ];
  }

  private testTs(): string[] {
    const s = this.settings;
    return [
      "import { readdirSync, readFileSync } from 'fs';",
      "import { join } from 'path';",
      "import { parse } from '@cdktf/hcl2json';",
      "import { FargateSize, Schedule, TimeZone } from '@ecs-batch/core';",
      '',
      "const infra = join(__dirname, '..', '..', 'infra');",
      '',
      '/** Every .tf file of a folder, parsed as Terraform reads it. */',
      'async function parseModule(dir: string): Promise<any[]> {',
      "  const files = readdirSync(dir).filter((f) => f.endsWith('.tf'));",
      "  return Promise.all(files.map((f) => parse(f, readFileSync(join(dir, f), 'utf8'))));",
      '}',
      'const blocks = (parsed: any[], kind: string): Record<string, any> => Object.assign({}, ...parsed.map((p) => p[kind] ?? {}));',
      '',
      "describe('infra', () => {",
      "  test('the root module calls ecs-batch-job with the variables it declares, and all the required ones', async () => {",
      '    const root = await parseModule(infra);',
      '    const [call] = blocks(root, \'module\').job;',
      `    expect(call.source).toBe('./modules/${JOB_MODULE}');`,
      "    expect(call.for_each).toBe('${var.jobs}');",
      `    const declared = blocks(await parseModule(join(infra, 'modules', '${JOB_MODULE}')), 'variable');`,
      "    const passed = Object.keys(call).filter((k) => !['source', 'for_each'].includes(k));",
      '    expect(passed.filter((name) => !(name in declared))).toEqual([]);',
      "    const required = Object.keys(declared).filter((name) => !('default' in declared[name][0]));",
      '    expect(required.filter((name) => !passed.includes(name))).toEqual([]);',
      '  });',
      '',
      "  test('every job in jobs.auto.tfvars.json has a valid schedule, time zone and Fargate size', () => {",
      "    const { jobs } = JSON.parse(readFileSync(join(infra, 'jobs.auto.tfvars.json'), 'utf8'));",
      '    expect(Object.keys(jobs).length).toBeGreaterThan(0);',
      '    for (const job of Object.values<any>(jobs)) {',
      '      expect(Schedule.expression(job.schedule_expression).expressionString).toBe(job.schedule_expression);',
      "      if (job.trigger === 'scheduler') expect(TimeZone.validate(job.time_zone)).toBe(job.time_zone);",
      '      expect(FargateSize.validate(job.cpu, job.memory)).toEqual({ cpu: job.cpu, memory: job.memory });',
      `      expect(job.family).toMatch(/^${s.team}-/);`,
      '    }',
      '  });',
      '',
      `  test('images: immutable tags, scanned on push, the last ${s.keepImages} kept', async () => {`,
      '    const root = await parseModule(infra);',
      "    const [repository] = blocks(root, 'resource').aws_ecr_repository.images;",
      "    expect(repository.image_tag_mutability).toBe('IMMUTABLE');",
      '    expect(repository.image_scanning_configuration[0].scan_on_push).toBe(true);',
      "    const [lifecycle] = blocks(root, 'resource').aws_ecr_lifecycle_policy.images;",
      `    expect(lifecycle.policy).toMatch(/countNumber\\s*=\\s*${s.keepImages}\\b/);`,
      '  });',
      '',
      "  test('state lives in an S3 backend that each environment configures', async () => {",
      '    const root = await parseModule(infra);',
      '    const terraform = root.flatMap((p) => p.terraform ?? []);',
      '    expect(terraform.some((t) => t.backend?.s3)).toBe(true);',
      '  });',
      '});',
    ];
  }
}

/** The arguments of each `module "job"` call: repo-wide values and the job's own from var.jobs. */
function moduleArguments(s: ProjectSettings): Array<[string, string]> {
  return [
    ['name', 'each.value.family'],
    ['image', 'local.image'],
    ['ecr_repository_arn', 'aws_ecr_repository.images.arn'],
    ['handler', 'each.value.handler'],
    ['command', 'each.value.command'],
    ['environment', 'each.value.environment'],
    ['secrets_manager_secrets', 'each.value.secrets_manager_secrets'],
    ['ssm_parameters', 'each.value.ssm_parameters'],
    ['kms_key_arns', 'each.value.kms_key_arns'],
    ['cpu', 'each.value.cpu'],
    ['memory', 'each.value.memory'],
    ['architecture', hclLiteral(s.architecture)],
    ['ephemeral_storage_gib', 'each.value.ephemeral_storage_gib'],
    ['stop_timeout_seconds', 'each.value.stop_timeout_seconds'],
    ['readonly_root_filesystem', 'each.value.readonly_root_filesystem'],
    ['timeout_seconds', 'each.value.timeout_seconds'],
    ['overlap', 'each.value.overlap'],
    ['permissions', 'each.value.permissions'],
    ['managed_policy_arns', 'each.value.managed_policy_arns'],
    ...(s.permissionsBoundaryArn === undefined ? [] : [['permissions_boundary_arn', hclLiteral(s.permissionsBoundaryArn)] as [string, string]]),
    ['cluster_arn', 'local.cluster_arn'],
    ['subnet_ids', 'var.subnet_ids'],
    ['security_group_ids', 'var.security_group_ids'],
    ['assign_public_ip', String(s.assignPublicIp)],
    ['schedules', [
      '{',
      '    run = {',
      '      schedule_expression = each.value.schedule_expression',
      '      time_zone           = each.value.time_zone',
      '      trigger             = each.value.trigger',
      '      enabled             = each.value.enabled',
      '      event               = each.value.input',
      '    }',
      '  }',
    ].join('\n')],
    ['alerts', hclLiteral({ emails: s.alertEmail ? [s.alertEmail] : [] }, 2)],
    ['missed_run_alarm', 'each.value.missed_run_hours == null ? null : { hours = each.value.missed_run_hours }'],
    // On in every team repo: a warning when p95 duration passes 80% of the timeout.
    ['duration_alarm', '{}'],
  ];
}

/** One job as jobs.auto.tfvars.json holds it (snake_case, as Terraform names things). */
function tfvarsJob(job: JobSettings): object {
  return {
    family: job.family,
    description: job.description,
    handler: job.handlerSpec,
    // A rule runs in UTC only and this module cannot convert cron between zones:
    // core converted it (exactly, or the job was refused), so the rule gets UTC.
    schedule_expression: job.trigger === 'rule' ? job.utcSchedule : job.schedule,
    time_zone: job.trigger === 'rule' ? undefined : job.timeZone,
    trigger: job.trigger,
    enabled: job.enabled,
    cpu: job.cpu,
    memory: job.memory,
    timeout_seconds: job.timeoutMinutes * 60,
    overlap: job.overlap,
    input: job.input,
    missed_run_hours: job.missedRunAlarmHours,
    command: job.command,
    environment: job.environment,
    // The same shapes as addJob's, in the module's snake_case names.
    permissions: job.permissions.map((p) => ({ actions: p.actions, resources: p.resources, conditions: p.conditions ?? [] })),
    managed_policy_arns: job.managedPolicyArns,
    secrets_manager_secrets: job.secretsManagerSecrets,
    ssm_parameters: job.ssmParameters,
    kms_key_arns: job.kmsKeyArns,
    ephemeral_storage_gib: job.ephemeralStorageGiB,
    stop_timeout_seconds: job.stopTimeoutSeconds,
    readonly_root_filesystem: job.readonlyRootFilesystem,
  };
}
