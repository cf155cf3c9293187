import { Component, Project, SampleFile } from 'projen';
import { InfraNames } from './infra-names';
import { ProjectSettings } from '../private/project-settings';

/** The environment the deploy workflow targets unless told otherwise. */
export const DEFAULT_ENVIRONMENT = 'production';

/** The Terraform version the workflows install: S3 state locking (`use_lockfile`) needs 1.10. */
export const TERRAFORM_VERSION = '^1.10.0';

/**
 * What each environment supplies: `infra/environments/<env>.tfvars` (cluster,
 * subnets, security groups) and `<env>.s3.tfbackend` (where the state lives).
 * Written once as samples for `production`: they are the team's files, and
 * another environment is a copy with another name.
 */
export class Environments extends Component {
  /** The variables file of an environment, relative to the repo. */
  public static varFile(environment: string): string {
    return `infra/environments/${environment}.tfvars`;
  }

  /** The backend settings of an environment, relative to the repo. */
  public static backendFile(environment: string): string {
    return `infra/environments/${environment}.s3.tfbackend`;
  }

  constructor(project: Project, settings: ProjectSettings) {
    super(project, 'Environments');
    const names = new InfraNames(settings);
    const env = DEFAULT_ENVIRONMENT;
    new SampleFile(project, Environments.varFile(env), {
      contents: [
        `# Inputs of the ${env} environment. The deploy workflow passes infra/environments/<environment>.tfvars`,
        '# to terraform plan; another environment is a copy of this file under another name.',
        '# A value set here overrides the default from .projenrc.ts; a variable without either fails the plan.',
        '',
        settings.createCluster
          ? '# The jobs run in the cluster the infra creates (createCluster).'
          : `# cluster_arn        = "${settings.clusterArn ?? `arn:aws:ecs:${settings.region}:123456789012:cluster/batch`}"`,
        `# subnet_ids         = ${JSON.stringify(settings.subnetIds.length > 0 ? settings.subnetIds : ['subnet-0123456789abcdef0'])}`,
        `# security_group_ids = ${JSON.stringify(settings.securityGroupIds.length > 0 ? settings.securityGroupIds : ['sg-0123456789abcdef0'])}`,
        '',
      ].join('\n'),
    });
    new SampleFile(project, Environments.backendFile(env), {
      contents: [
        `# Where Terraform keeps the ${env} state: terraform init -backend-config=<this file>.`,
        '# The bucket is the one infra/bootstrap creates (terraform output state_bucket): put in your account ID.',
        '# S3 native state locking (use_lockfile) needs Terraform 1.10 or later.',
        `bucket       = "${settings.team}-terraform-state-<account-id>"`,
        `key          = "${names.stack}/${env}.tfstate"`,
        `region       = "${settings.region}"`,
        'use_lockfile = true',
        '',
      ].join('\n'),
    });
  }
}
