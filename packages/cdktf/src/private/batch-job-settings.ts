import {
  AwsLimits, EcrImage, ExecutionRolePolicy, FargateArchitecture, FargateSize, JobName, ManagedPolicyArn, OverlapPolicies, Permission,
  RunnerEnvironment, RunnerMetrics, SsmParameterArn, TaskRolePermissions,
} from '@ecs-batch/core';
import { ValidationError } from '@ecs-batch/core/lib/errors';
import { CpuArchitecture } from '../cpu-architecture';
import type { EcsBatchJobProps } from '../ecs-batch-job';
import { OverlapPolicy } from '../overlap-policy';
import { PropCheck } from './prop-check';

/** Defaults shared by the construct and (as variable defaults) the HCL module. */
export class BatchJobDefaults {
  public static readonly CPU = 256;
  public static readonly MEMORY = 512;
  public static readonly LOG_RETENTION_DAYS = 30;
  public static readonly TIMEOUT_SECONDS = 3600;
  /** Job names stay short enough for `<job>-<schedule>` rule names (64) and `<job>-<schedule>-dlq` queues (80). */
  public static readonly NAME_PATTERN = new RegExp(JobName.FAMILY_PATTERN);
  /** Log groups are `/ecs-batch/<job>`. */
  public static readonly LOG_GROUP_PREFIX = '/ecs-batch/';

  private constructor() {}
}

/**
 * The validated, defaulted settings of one `EcsBatchJob` (the schedules are
 * validated by their `EcsScheduledTask`s).
 */
export class BatchJobSettings {
  /**
   * @param where the job's partition, region and account (tokens), where SSM parameters given by name live
   */
  public static resolve(props: EcsBatchJobProps, where: { partition: string; region: string; account: string }): BatchJobSettings {
    return new BatchJobSettings(props, where);
  }

  private static sortedEntries(map: { [key: string]: string } | undefined): Array<{ name: string; value: string }> {
    return Object.keys(map ?? {}).sort().map((name) => ({ name, value: map![name] }));
  }

  public readonly name: string;
  public readonly cpu: number;
  public readonly memory: number;
  public readonly architecture: CpuArchitecture;
  public readonly logRetentionDays: number;
  public readonly overlap: OverlapPolicy;
  public readonly metricNamespace: string;
  public readonly timeoutSeconds: number;
  /** Secrets as ECS `secrets` entries, sorted by name. */
  public readonly secrets: Array<{ name: string; valueFrom: string }>;
  /** Secrets Manager ARNs, sorted by environment variable name (`secretsManagerSecretNames`). */
  public readonly secretsManagerSecretArns: string[];
  public readonly secretsManagerSecretNames: string[];
  /** SSM parameter ARNs, sorted by environment variable name (`ssmParameterNames`). */
  public readonly ssmParameterArns: string[];
  public readonly ssmParameterNames: string[];
  public readonly ecrRepositoryArn?: string;
  /** True when the image is a token and no ECR repository was given: no pull permission. */
  public readonly imageRegistryUnknown: boolean;
  /** The task role's typed permissions, then the deprecated raw statements. */
  public readonly permissions: Permission[];
  /** Warnings about the permissions (a `*` resource), each naming the prop. */
  public readonly permissionWarnings: string[];
  /** Managed policy ARNs by policy name: the attachments' keys (construct IDs cannot hold '/'). */
  public readonly managedPolicyArnsByName: { [name: string]: string };
  public readonly kmsKeyArns: string[];
  public readonly ephemeralStorageGiB?: number;
  public readonly stopTimeoutSeconds?: number;
  public readonly readonlyRootFilesystem: boolean;
  public readonly permissionsBoundaryArn?: string;

  private constructor(props: EcsBatchJobProps, where: { partition: string; region: string; account: string }) {
    this.name = props.name;
    if (typeof this.name !== 'string' || !BatchJobDefaults.NAME_PATTERN.test(this.name)) {
      throw new ValidationError('name', `'${this.name ?? ''}' is not a valid job name (1-${JobName.FAMILY_MAX_LENGTH} letters, numbers, '-', '_': it names the family, log group, rules and metrics)`);
    }
    if (typeof props.image !== 'string' || props.image.trim() === '') {
      throw new ValidationError('image', 'is empty (an image URI, e.g. 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/team/jobs:1.2.0)');
    }

    this.cpu = props.cpu ?? BatchJobDefaults.CPU;
    this.memory = props.memory ?? BatchJobDefaults.MEMORY;
    FargateSize.validate(this.cpu, this.memory);
    this.architecture = props.architecture ?? CpuArchitecture.X86_64;
    FargateArchitecture.checkCapacityProviders(this.architecture, (props.capacityProviderStrategy ?? []).map((c) => c.capacityProvider), 'capacityProviderStrategy');

    this.permissions = props.permissions ?? [];
    this.permissionWarnings = TaskRolePermissions.warnings({ permissions: this.permissions, field: 'permissions' });
    this.managedPolicyArnsByName = {};
    ManagedPolicyArn.checkForJob(props.managedPolicyArns ?? [], 'managedPolicyArns').forEach((arn, i) => {
      const name = PropCheck.isToken(arn) ? `${i}` : arn.split('/').pop()!;
      if (this.managedPolicyArnsByName[name] !== undefined) {
        throw new ValidationError(`managedPolicyArns[${i}]`, `another policy is also named '${name}' (the attachments are keyed by policy name)`);
      }
      this.managedPolicyArnsByName[name] = arn;
    });
    this.kmsKeyArns = props.kmsKeyArns ?? [];
    if (props.permissionsBoundaryArn !== undefined) {
      this.permissionsBoundaryArn = ManagedPolicyArn.check(props.permissionsBoundaryArn, 'permissionsBoundaryArn');
    }
    PropCheck.integerInRange(props.ephemeralStorageGiB, AwsLimits.FARGATE_EPHEMERAL_STORAGE_MIN_GIB, AwsLimits.FARGATE_EPHEMERAL_STORAGE_MAX_GIB, 'ephemeralStorageGiB');
    this.ephemeralStorageGiB = props.ephemeralStorageGiB;
    PropCheck.integerInRange(props.stopTimeoutSeconds, 1, AwsLimits.FARGATE_STOP_TIMEOUT_MAX_SECONDS, 'stopTimeoutSeconds');
    this.stopTimeoutSeconds = props.stopTimeoutSeconds;
    this.readonlyRootFilesystem = props.readonlyRootFilesystem ?? true;

    this.logRetentionDays = AwsLimits.validateLogRetentionDays(props.logRetentionDays ?? BatchJobDefaults.LOG_RETENTION_DAYS, 'logRetentionDays');

    this.timeoutSeconds = props.timeoutSeconds ?? BatchJobDefaults.TIMEOUT_SECONDS;
    PropCheck.integerInRange(this.timeoutSeconds, 1, Number.MAX_SAFE_INTEGER, 'timeoutSeconds');
    // Core's vocabulary: the runner reads the same words (a JavaScript caller may pass any string).
    this.overlap = OverlapPolicies.validate(props.overlap ?? OverlapPolicy.ALLOW, 'overlap') as OverlapPolicy;
    this.metricNamespace = RunnerMetrics.validateNamespace(props.metricNamespace ?? RunnerMetrics.DEFAULT_NAMESPACE, 'metricNamespace');

    // The runner reads these; a job's own environment must not shadow them.
    for (const name of Object.keys(props.environment ?? {})) {
      if (RunnerEnvironment.isRunnerName(name)) {
        throw new ValidationError('environment', `${name}: ${RunnerEnvironment.PREFIX}* names are reserved for the runner (set handler, timeoutSeconds, overlap or metricNamespace, or a schedule's event)`);
      }
    }

    const both = Object.keys(props.secretsManagerSecrets ?? {}).find((k) => (props.ssmParameters ?? {})[k] !== undefined);
    if (both !== undefined) {
      throw new ValidationError('ssmParameters', `${both} is also in secretsManagerSecrets (one source per environment variable)`);
    }
    // Each value checked under the name the user wrote; SSM parameter names become ARNs.
    const secretsManager = BatchJobSettings.sortedEntries(props.secretsManagerSecrets);
    secretsManager.forEach((s) => ExecutionRolePolicy.secretResource(s.value, `secretsManagerSecrets.${s.name}`));
    const ssm = BatchJobSettings.sortedEntries(props.ssmParameters)
      .map((s) => ({ name: s.name, value: SsmParameterArn.of({ nameOrArn: s.value, ...where, field: `ssmParameters.${s.name}` }) }));
    this.secrets = [...secretsManager, ...ssm].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => ({ name: s.name, valueFrom: s.value }));
    this.secretsManagerSecretArns = secretsManager.map((s) => s.value);
    this.secretsManagerSecretNames = secretsManager.map((s) => s.name);
    this.ssmParameterArns = ssm.map((s) => s.value);
    this.ssmParameterNames = ssm.map((s) => s.name);

    if (props.ecrRepositoryArn !== undefined) {
      this.ecrRepositoryArn = props.ecrRepositoryArn;
      this.imageRegistryUnknown = false;
    } else if (PropCheck.isToken(props.image)) {
      this.imageRegistryUnknown = true;
    } else {
      this.ecrRepositoryArn = EcrImage.repositoryArn(props.image, 'image');
      this.imageRegistryUnknown = false;
    }

    if (props.schedules === undefined || props.schedules.length === 0) {
      throw new ValidationError('schedules', 'is empty (at least one schedule, e.g. { name: \'nightly\', schedule: Schedule.cron({ minute: \'0\', hour: \'2\' }) })');
    }
    const seen = new Set<string>();
    props.schedules.forEach((s, i) => {
      const full = `${this.name}-${s.name}`;
      if (typeof s.name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(s.name) || full.length > AwsLimits.SCHEDULE_NAME_MAX_LENGTH) {
        throw new ValidationError(`schedules[${i}].name`, `'${s.name ?? ''}' is not valid (letters, numbers, '-', '_'; '<job>-<schedule>' at most ${AwsLimits.SCHEDULE_NAME_MAX_LENGTH} characters)`);
      }
      if (seen.has(s.name)) {
        throw new ValidationError(`schedules[${i}].name`, `'${s.name}' is used twice (each schedule of a job needs its own name)`);
      }
      seen.add(s.name);
    });

    if (props.missedRunAlarm !== undefined) {
      PropCheck.integerInRange(props.missedRunAlarm.hours, 1, AwsLimits.ALARM_MAX_HOURS, 'missedRunAlarm.hours');
    }
  }
}
