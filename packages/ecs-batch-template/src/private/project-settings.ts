import { ClusterArn, FargateArchitecture, ManagedPolicyArn, TimeZone } from '@ecs-batch/core';
import { AwsPartition } from '@ecs-batch/core/lib/arn/aws-partition';
import { NodePackageManager } from 'projen/lib/javascript';
import { CdkInfraKind } from './cdk-framework';
import { fieldError, flagName } from './field-error';
import { JobSettings, resolveJob, resolveTrigger, TriggerName } from './job-settings';
import { EcsBatchProjectOptions } from '../ecs-batch-project-options';

/** How the infra is written: TypeScript on CDK for Terraform or CDK Terrain, or HCL. */
export type InfraKind = CdkInfraKind | 'hcl';

/** The repo-level settings, validated, with defaults filled in. */
export interface ProjectSettings {
  readonly team: string;
  readonly infra: InfraKind;
  readonly region: string;
  readonly timeZone: string;
  /** The trigger jobs use unless they set one; undefined means the construct's default. */
  readonly trigger?: TriggerName;
  readonly alertEmail?: string;
  /** One dashboard for every job, with the `dashboard_url` output. */
  readonly dashboard: boolean;
  readonly clusterArn?: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  readonly assignPublicIp: boolean;
  readonly createCluster: boolean;
  readonly keepImages: number;
  /** `ARM64` or `X86_64`: every job's `runtimePlatform.cpuArchitecture`. */
  readonly architecture: string;
  /**
   * The image platform for `architecture` (`linux/arm64` or `linux/amd64`): the one
   * place the Dockerfile build and the deploy workflow take it from.
   */
  readonly imagePlatform: string;
  /** The capacity providers a created cluster offers for `architecture`. */
  readonly clusterCapacityProviders: string[];
  readonly permissionsBoundaryArn?: string;
  /** `<team>-batch`: the ECR repository, the created cluster and the stack. */
  readonly baseName: string;
  /** The jobs the repo starts with: the one from the flags, or the migrated Lambdas (none when `firstJob` is false). */
  readonly initialJobs: JobSettings[];
}

/** Defaults of the project options, also shown in the docs. */
export const PROJECT_DEFAULTS = {
  infra: 'cdktf' as InfraKind,
  region: 'ap-northeast-1',
  jobName: 'nightly',
  schedule: 'cron(0 2 * * ? *)',
  timeZone: 'Asia/Tokyo',
  keepImages: 30,
  /** Repos made before the option existed stay X86_64; `projen new` writes ARM64 (`@pjnew`). */
  architecture: FargateArchitecture.X86_64,
};

/** A team name prefixes AWS names, so it stays short and plain. */
export const TEAM_PATTERN = /^[a-z][a-z0-9-]{1,30}$/;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const INFRA_KINDS: InfraKind[] = ['cdktf', 'cdktn', 'hcl'];

/**
 * Validates every option through @ecs-batch/core, naming the flag in each error,
 * before the project writes anything.
 */
export function resolveProjectSettings(options: EcsBatchProjectOptions): ProjectSettings {
  // The Dockerfile and the workflows run `npm ci`: a repo needs package-lock.json.
  if (options.packageManager !== undefined && options.packageManager !== NodePackageManager.NPM) {
    throw fieldError(flagName('packageManager'), `'${options.packageManager}' is not supported (npm: the image and the workflows install with npm ci)`);
  }
  const team = options.team;
  if (typeof team !== 'string' || !TEAM_PATTERN.test(team)) {
    throw fieldError(flagName('team'), `'${team ?? ''}' is not a valid team name (2-31 lowercase letters, digits and hyphens, starting with a letter)`);
  }
  const infra = (options.infra ?? PROJECT_DEFAULTS.infra) as InfraKind;
  if (!INFRA_KINDS.includes(infra)) {
    throw fieldError(flagName('infra'), `'${infra}' is not supported (${INFRA_KINDS.slice(0, -1).join(', ')} or ${INFRA_KINDS[INFRA_KINDS.length - 1]})`);
  }
  const region = options.region ?? PROJECT_DEFAULTS.region;
  if (!AwsPartition.REGION_PATTERN.test(region)) {
    throw fieldError(flagName('region'), `'${region}' is not an AWS region name (e.g. ap-northeast-1, us-east-1)`);
  }
  const timeZone = TimeZone.validate(options.timeZone ?? PROJECT_DEFAULTS.timeZone, flagName('timeZone'));
  const trigger = options.trigger === undefined ? undefined : resolveTrigger(options.trigger, flagName('trigger'));
  if (options.alertEmail !== undefined && !EMAIL_PATTERN.test(options.alertEmail)) {
    throw fieldError(flagName('alertEmail'), `'${options.alertEmail}' is not an email address (name@example.com)`);
  }
  if (options.clusterArn !== undefined) {
    const cluster = ClusterArn.parse(options.clusterArn, flagName('clusterArn'));
    if (cluster.region !== region) {
      throw fieldError(flagName('clusterArn'), `the cluster is in ${cluster.region}, the jobs in ${region} (a cluster in --region)`);
    }
    if (options.createCluster) {
      throw fieldError(flagName('createCluster'), 'and --cluster-arn are both set (one of them: create a cluster, or use an existing one)');
    }
  }
  const subnetIds = stringList(options.subnetIds, 'subnetIds');
  const securityGroupIds = stringList(options.securityGroupIds, 'securityGroupIds');
  const keepImages = options.keepImages ?? PROJECT_DEFAULTS.keepImages;
  if (!Number.isInteger(keepImages) || keepImages < 2) {
    throw fieldError(flagName('keepImages'), `${keepImages} is too few images to keep (2 or more: a rollback runs the previous image)`);
  }
  const architecture = FargateArchitecture.check(options.architecture ?? PROJECT_DEFAULTS.architecture, flagName('architecture'));
  const permissionsBoundaryArn = options.permissionsBoundaryArn === undefined
    ? undefined
    : ManagedPolicyArn.check(options.permissionsBoundaryArn, flagName('permissionsBoundaryArn'));
  const migrating = options.migrateFrom !== undefined;
  if (migrating) refuseFirstJobFlags(options);
  if (!(options.firstJob ?? !migrating)) {
    return { ...settingsSoFar(), initialJobs: [] };
  }
  const firstJob = resolveJob({
    name: options.jobName ?? PROJECT_DEFAULTS.jobName,
    schedule: options.schedule ?? PROJECT_DEFAULTS.schedule,
    timeZone,
    trigger,
    cpu: options.cpu,
    memory: options.memory,
    timeoutMinutes: options.timeoutMinutes,
  }, { team, timeZone, trigger, region }, (prop) => flagName(prop === 'name' ? 'jobName' : prop));
  return { ...settingsSoFar(), initialJobs: [firstJob] };

  function settingsSoFar(): Omit<ProjectSettings, 'initialJobs'> {
    return {
      team,
      infra,
      region,
      timeZone,
      trigger,
      alertEmail: options.alertEmail,
      dashboard: options.dashboard ?? true,
      clusterArn: options.clusterArn,
      subnetIds,
      securityGroupIds,
      assignPublicIp: options.assignPublicIp ?? false,
      createCluster: options.createCluster ?? false,
      keepImages,
      architecture,
      imagePlatform: FargateArchitecture.dockerPlatform(architecture),
      clusterCapacityProviders: FargateArchitecture.capacityProviders(architecture),
      permissionsBoundaryArn,
      baseName: `${team}-batch`,
    };
  }
}

/**
 * With `--migrate-from` the jobs are the Lambdas': a first job's flag would be silently
 * ignored, so it is refused. `jobName` and `schedule` may hold their defaults, which
 * `projen new` fills in.
 */
function refuseFirstJobFlags(options: EcsBatchProjectOptions): void {
  const given: Array<[keyof EcsBatchProjectOptions, boolean]> = [
    ['firstJob', options.firstJob === true],
    ['jobName', options.jobName !== undefined && options.jobName !== PROJECT_DEFAULTS.jobName],
    ['schedule', options.schedule !== undefined && options.schedule !== PROJECT_DEFAULTS.schedule],
    ['cpu', options.cpu !== undefined],
    ['memory', options.memory !== undefined],
    ['timeoutMinutes', options.timeoutMinutes !== undefined],
  ];
  const flag = given.find(([, set]) => set)?.[0];
  if (flag) {
    throw fieldError(flagName(flag), 'is not used with --migrate-from (the jobs come from the Lambdas; change them in .projenrc.ts afterwards)');
  }
}

function stringList(value: string[] | undefined, prop: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw fieldError(flagName(prop), 'must be a list of non-empty IDs');
  }
  return [...value];
}
