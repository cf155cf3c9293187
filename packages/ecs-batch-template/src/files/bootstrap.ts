import { DeployRolePolicy, GithubOidcTrustPolicy, PlanRolePolicy, StateBucketPolicy, TerraformVersions } from '@ecs-batch/core';
import { Component, Project } from 'projen';
import { DEFAULT_ENVIRONMENT, Environments } from './environments';
import { InfraNames } from './infra-names';
import { TeamReadme } from './readme';
import { GeneratedTextFile } from '../private/generated-text-file';
import { alignAttributes, hclExpression } from '../private/hcl-expression';
import { ProjectSettings } from '../private/project-settings';

/** The folder of the bootstrap module, relative to the repo. */
export const BOOTSTRAP_DIR = 'infra/bootstrap';

/**
 * `infra/bootstrap/`: what an administrator applies once per account, by hand,
 * before the first deploy (both flavours; HCL in both). It holds GitHub's OIDC
 * provider (or takes an existing one), the Terraform state bucket, the deploy role
 * and the read-only plan role. Every policy is @ecs-batch/core's, rendered with
 * Terraform references in place of the account, region and bucket.
 */
export class Bootstrap extends Component {
  /** The Terraform output holding the deploy role's ARN: the deploy workflow reads a GitHub variable of that name. */
  public static readonly DEPLOY_ROLE_OUTPUT = 'AWS_DEPLOY_ROLE_ARN';
  /** The Terraform output holding the plan role's ARN: the pull request workflow reads a GitHub variable of that name. */
  public static readonly PLAN_ROLE_OUTPUT = 'AWS_PLAN_ROLE_ARN';

  /** The state bucket of a team in an account: S3 names are global, so it carries the account ID. */
  public static stateBucket(team: string, accountId: string): string {
    return `${team}-terraform-state-${accountId}`;
  }

  /** The deploy role's name. It does not start with `<team>-`, so the deploy role cannot reach it. */
  public static deployRoleName(team: string): string {
    return `ecs-batch-deploy-${team}`;
  }

  /** The plan role's name, outside `<team>-` too. */
  public static planRoleName(team: string): string {
    return `ecs-batch-plan-${team}`;
  }

  constructor(project: Project, private readonly settings: ProjectSettings, private readonly defaultBranch: string) {
    super(project, 'Bootstrap');
    const file = (name: string, lines: () => string[]) => new GeneratedTextFile(this, `${BOOTSTRAP_DIR}/${name}`, lines, { comment: '#' });
    file('versions.tf', () => this.versionsTf());
    file('variables.tf', () => this.variablesTf());
    file('main.tf', () => this.mainTf());
    file('policies.tf', () => this.policiesTf());
    file('outputs.tf', () => this.outputsTf());
    new GeneratedTextFile(this, `${BOOTSTRAP_DIR}/README.md`, () => this.readme(), { comment: '<!--' });
    // Applied by hand with local state: never committed (see the README).
    project.gitignore.exclude(`${BOOTSTRAP_DIR}/*.tfstate`, `${BOOTSTRAP_DIR}/*.tfstate.*`, `${BOOTSTRAP_DIR}/.terraform/`);
  }

  /** The core documents, with the Terraform references the module uses. */
  public policies(): Record<string, any> {
    const s = this.settings;
    const names = new InfraNames(s);
    const stack = {
      team: s.team,
      accountId: '${local.account_id}',
      region: '${var.region}',
      partition: '${local.partition}',
      stateBucket: '${aws_s3_bucket.state.bucket}',
      repositoryName: names.repository,
    };
    return {
      state_bucket_policy: StateBucketPolicy.tlsOnly('${aws_s3_bucket.state.bucket}', '${local.partition}'),
      deploy_trust_policy: GithubOidcTrustPolicy.document({ oidcProviderArn: '${local.oidc_provider_arn}', subjects: ['${local.deploy_subjects}'] }),
      deploy_policy: DeployRolePolicy.permissions({ ...stack, permissionsBoundaryArn: '${var.permissions_boundary_arn}' }),
      plan_trust_policy: GithubOidcTrustPolicy.document({
        oidcProviderArn: '${local.oidc_provider_arn}',
        // Pull requests plan; so does the deploy's plan job, on the default branch, before the approval.
        subjects: [
          GithubOidcTrustPolicy.pullRequestSubject('${var.github_repository}'),
          GithubOidcTrustPolicy.branchSubject('${var.github_repository}', this.defaultBranch),
        ],
      }),
      plan_policy: PlanRolePolicy.permissions(stack),
    };
  }

  /** The deploy role's subjects, as HCL: one per GitHub environment of `var.environments`. */
  public deploySubjects(): string {
    return `[for e in var.environments : ${hclExpression(GithubOidcTrustPolicy.environmentSubject('${var.github_repository}', '${e}'))}]`;
  }

  private versionsTf(): string[] {
    const names = new InfraNames(this.settings);
    return [
      'terraform {',
      `  required_version = "${TerraformVersions.ROOT_MODULE}"`,
      '  required_providers {',
      '    aws = {',
      '      source  = "hashicorp/aws"',
      `      version = "${TerraformVersions.AWS_PROVIDER}"`,
      '    }',
      '  }',
      '  # Local state: this module creates the state bucket. Keep terraform.tfstate (README.md).',
      '}',
      '',
      'provider "aws" {',
      '  region = var.region',
      '  default_tags {',
      `    tags = ${hclExpression(names.tags, 4)}`,
      '  }',
      '}',
    ];
  }

  private variablesTf(): string[] {
    const s = this.settings;
    return [
      'variable "github_repository" {',
      '  description = "The GitHub repository whose workflows assume the roles, as <owner>/<repo>."',
      '  type        = string',
      '',
      '  validation {',
      `    condition     = can(regex(${JSON.stringify(GithubOidcTrustPolicy.REPOSITORY_PATTERN)}, var.github_repository))`,
      '    error_message = "github_repository: expected <owner>/<repo>, e.g. acme/payments-batch."',
      '  }',
      '}',
      '',
      'variable "environments" {',
      '  description = "The GitHub environments whose deploy jobs may assume the deploy role."',
      '  type        = list(string)',
      `  default     = ["${DEFAULT_ENVIRONMENT}"]`,
      '',
      '  validation {',
      '    condition     = length(var.environments) > 0 && alltrue([for e in var.environments : can(regex("^[^*?:]{1,255}$", e))])',
      '    error_message = "environments: at least one GitHub environment name, without *, ? or :."',
      '  }',
      '}',
      '',
      'variable "permissions_boundary_arn" {',
      '  description = "The managed policy every role the deploy creates must carry (the stack\'s permissionsBoundaryArn)."',
      '  type        = string',
      '',
      '  validation {',
      '    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:policy/.+$", var.permissions_boundary_arn))',
      '    error_message = "permissions_boundary_arn: expected a managed policy ARN, arn:aws:iam::<account>:policy/<name>."',
      '  }',
      '}',
      '',
      'variable "github_oidc_provider_arn" {',
      `  description = "The account's IAM OIDC provider for ${GithubOidcTrustPolicy.PROVIDER_HOST}, if it has one (an account has at most one); null creates it."`,
      '  type        = string',
      '  default     = null',
      '}',
      '',
      'variable "region" {',
      '  description = "The region of the state bucket and of the jobs."',
      '  type        = string',
      `  default     = "${s.region}"`,
      '}',
    ];
  }

  private mainTf(): string[] {
    const team = this.settings.team;
    return [
      '# What an administrator applies once per account before the first deploy: see README.md.',
      '',
      'data "aws_caller_identity" "current" {}',
      '',
      'data "aws_partition" "current" {}',
      '',
      'locals {',
      alignAttributes([
        { key: 'account_id', text: 'data.aws_caller_identity.current.account_id' },
        { key: 'partition', text: 'data.aws_partition.current.partition' },
        { key: 'oidc_provider_arn', text: 'var.github_oidc_provider_arn != null ? var.github_oidc_provider_arn : aws_iam_openid_connect_provider.github[0].arn' },
      ], 2),
      '}',
      '',
      '# GitHub\'s OIDC provider: an account has one; pass its ARN if it exists already.',
      '# https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
      'resource "aws_iam_openid_connect_provider" "github" {',
      '  count = var.github_oidc_provider_arn == null ? 1 : 0',
      '',
      `  url            = "https://${GithubOidcTrustPolicy.PROVIDER_HOST}"`,
      `  client_id_list = ["${GithubOidcTrustPolicy.AUDIENCE}"]`,
      '}',
      '',
      '# The Terraform state: versioned, encrypted, never public, TLS only. The deploy',
      '# locks it with S3 native locking (use_lockfile in infra/environments/<env>.s3.tfbackend).',
      'resource "aws_s3_bucket" "state" {',
      `  bucket = "${Bootstrap.stateBucket(team, '${local.account_id}')}"`,
      '',
      '  lifecycle {',
      '    prevent_destroy = true',
      '  }',
      '}',
      '',
      'resource "aws_s3_bucket_versioning" "state" {',
      '  bucket = aws_s3_bucket.state.id',
      '  versioning_configuration {',
      '    status = "Enabled"',
      '  }',
      '}',
      '',
      'resource "aws_s3_bucket_server_side_encryption_configuration" "state" {',
      '  bucket = aws_s3_bucket.state.id',
      '  rule {',
      '    apply_server_side_encryption_by_default {',
      '      sse_algorithm = "AES256"',
      '    }',
      '  }',
      '}',
      '',
      'resource "aws_s3_bucket_public_access_block" "state" {',
      '  bucket                  = aws_s3_bucket.state.id',
      '  block_public_acls       = true',
      '  block_public_policy     = true',
      '  ignore_public_acls      = true',
      '  restrict_public_buckets = true',
      '}',
      '',
      'resource "aws_s3_bucket_ownership_controls" "state" {',
      '  bucket = aws_s3_bucket.state.id',
      '  rule {',
      '    object_ownership = "BucketOwnerEnforced"',
      '  }',
      '}',
      '',
      'resource "aws_s3_bucket_policy" "state" {',
      '  bucket = aws_s3_bucket.state.id',
      '  policy = jsonencode(local.state_bucket_policy)',
      '',
      '  depends_on = [aws_s3_bucket_public_access_block.state]',
      '}',
      '',
      '# The deploy role: only this repository\'s deploy jobs, in the given GitHub environments.',
      'resource "aws_iam_role" "deploy" {',
      `  name               = "${Bootstrap.deployRoleName(team)}"`,
      `  description        = "Deploys the batch jobs of team ${team} from GitHub Actions"`,
      '  assume_role_policy = jsonencode(local.deploy_trust_policy)',
      '}',
      '',
      'resource "aws_iam_role_policy" "deploy" {',
      '  name   = "deploy"',
      '  role   = aws_iam_role.deploy.name',
      '  policy = jsonencode(local.deploy_policy)',
      '}',
      '',
      '# The plan role: this repository\'s pull requests and the deploy\'s plan job on the default branch; reads, and writes only the state lock file.',
      'resource "aws_iam_role" "plan" {',
      `  name               = "${Bootstrap.planRoleName(team)}"`,
      `  description        = "Plans the batch jobs of team ${team} for pull requests and before each deploy, read-only"`,
      '  assume_role_policy = jsonencode(local.plan_trust_policy)',
      '}',
      '',
      'resource "aws_iam_role_policy" "plan" {',
      '  name   = "plan"',
      '  role   = aws_iam_role.plan.name',
      '  policy = jsonencode(local.plan_policy)',
      '}',
    ];
  }

  private policiesTf(): string[] {
    const policies = this.policies();
    return [
      '# The policies, from @ecs-batch/core (GithubOidcTrustPolicy, DeployRolePolicy,',
      '# PlanRolePolicy, StateBucketPolicy): the rules and their IAM simulation tests live there.',
      'locals {',
      `  deploy_subjects = ${this.deploySubjects()}`,
      '',
      Object.entries(policies).map(([key, doc]) => `  ${key} = ${hclExpression(doc, 2)}`).join('\n\n'),
      '}',
    ];
  }

  private outputsTf(): string[] {
    const backend = Environments.backendFile(DEFAULT_ENVIRONMENT);
    return [
      `output "${Bootstrap.DEPLOY_ROLE_OUTPUT}" {`,
      '  description = "The deploy role: set it as the GitHub variable AWS_DEPLOY_ROLE_ARN of each deploy environment."',
      '  value       = aws_iam_role.deploy.arn',
      '}',
      '',
      `output "${Bootstrap.PLAN_ROLE_OUTPUT}" {`,
      '  description = "The plan role: set it as the repository variable AWS_PLAN_ROLE_ARN."',
      '  value       = aws_iam_role.plan.arn',
      '}',
      '',
      'output "state_bucket" {',
      `  description = "The state bucket: the bucket of ${backend}."`,
      '  value       = aws_s3_bucket.state.bucket',
      '}',
      '',
      'output "oidc_provider_arn" {',
      '  description = "GitHub\'s OIDC provider in this account."',
      '  value       = local.oidc_provider_arn',
      '}',
    ];
  }

  private readme(): string[] {
    const s = this.settings;
    const env = DEFAULT_ENVIRONMENT;
    const bucket = Bootstrap.stateBucket(s.team, '<account-id>');
    return [
      '# infra/bootstrap',
      '',
      `What an administrator applies **once per AWS account**, by hand, before the first deploy of the jobs of team ${s.team}:`,
      '',
      `- GitHub's OIDC provider (\`${GithubOidcTrustPolicy.PROVIDER_HOST}\`), or the ARN of the one the account has;`,
      `- the Terraform state bucket \`${bucket}\`: versioned, encrypted, public access blocked, TLS only;`,
      `- the deploy role \`${Bootstrap.deployRoleName(s.team)}\`, which only this repository's deploy jobs in the given`,
      '  GitHub environments can assume;',
      `- the plan role \`${Bootstrap.planRoleName(s.team)}\`, which only this repository's pull requests and the deploy's plan job (on \`${this.defaultBranch}\`) can assume.`,
      '',
      'The workflows never hold AWS keys: they assume these roles with GitHub\'s OIDC token.',
      '',
      '## What the roles may do',
      '',
      `The deploy role may do exactly what the deploy does, on resources whose names start with \`${s.team}-\`:`,
      'read and write the state, push to the image repository, manage the resources of the stack (task definitions,',
      'roles, log groups, rules, schedules, queues, topics, alarms, the cluster), register task definition revisions',
      `tagged \`team = ${s.team}\`, and pass the stack's roles, each to its own service: \`${s.team}-<job>-execution\` and`,
      `\`${s.team}-<job>-task\` to ECS tasks, \`${s.team}-<job>-<schedule>-invoker\` to EventBridge and EventBridge Scheduler.`,
      '',
      'It may create or change a role only with the permissions boundary `permissions_boundary_arn`. It may not remove',
      'a boundary, attach `AdministratorAccess`, or assume a role. So every job role it creates carries the boundary:',
      'set the same ARN as the project\'s permissions boundary in `.projenrc.ts`.',
      '',
      'The plan role reads the state and the same resources, and writes nothing but the state lock file.',
      '',
      'The policies come from `@ecs-batch/core` (`DeployRolePolicy`, `PlanRolePolicy`, `GithubOidcTrustPolicy`,',
      `\`StateBucketPolicy\`), where IAM simulation tests them: [IAM](${TeamReadme.docsUrl('iam.md')}).`,
      '',
      '## Apply it',
      '',
      'With administrator credentials for the account:',
      '',
      '```sh',
      `cd ${BOOTSTRAP_DIR}`,
      'terraform init',
      'terraform apply \\',
      '  -var github_repository=<owner>/<repo> \\',
      '  -var permissions_boundary_arn=arn:aws:iam::<account-id>:policy/<boundary>',
      '# The account has a GitHub OIDC provider already? Add:',
      '#   -var github_oidc_provider_arn=arn:aws:iam::<account-id>:oidc-provider/token.actions.githubusercontent.com',
      `# More environments than ${env}? Add: -var 'environments=["${env}","staging"]'`,
      '```',
      '',
      'Then give the workflows the roles, as GitHub variables (not secrets: an ARN is not a secret):',
      '',
      '```sh',
      `gh variable set ${Bootstrap.DEPLOY_ROLE_OUTPUT} --env ${env} --body "$(terraform output -raw ${Bootstrap.DEPLOY_ROLE_OUTPUT})"`,
      `gh variable set ${Bootstrap.PLAN_ROLE_OUTPUT} --body "$(terraform output -raw ${Bootstrap.PLAN_ROLE_OUTPUT})"`,
      `gh variable set AWS_REGION --body ${s.region}`,
      '```',
      '',
      `and the bucket to \`${Environments.backendFile(env)}\`: \`bucket = "<terraform output -raw state_bucket>"\`.`,
      '',
      '## Its own state',
      '',
      'This module keeps its state in a local `terraform.tfstate` (git ignores it), since it creates the bucket.',
      'Keep that file: copy it into the bucket after the apply, and back before changing the bootstrap.',
      '',
      '```sh',
      'aws s3 cp terraform.tfstate "s3://$(terraform output -raw state_bucket)/bootstrap/terraform.tfstate"',
      '```',
      '',
      '## References',
      '',
      '- [Configuring OpenID Connect in AWS](https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services) (GitHub)',
      '- [Create a role for OpenID Connect federation](https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html) (AWS)',
      '- [Permissions boundaries for IAM entities](https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html) (AWS)',
      '- [S3 backend: state locking](https://developer.hashicorp.com/terraform/language/backend/s3#state-locking) (Terraform)',
    ];
  }
}
