import { Permission } from '@ecs-batch/core';

/**
 * One scheduled job of a team repo: `project.addJob({...})` in `.projenrc.ts`.
 *
 * The job gets a handler skeleton in `src/jobs/<name>/` (only if absent), a test,
 * its task definition and schedule in the infra, and a line in the deploy and
 * rollback scripts.
 */
export interface EcsBatchJobOptions {
  /**
   * The job name: lowercase letters, digits and hyphens, starting with a letter,
   * at most 24 characters. It names the handler folder `src/jobs/<name>/`, the
   * task definition family `<team>-<name>` and the schedule.
   */
  readonly name: string;

  /**
   * When the job runs: an EventBridge expression, `cron(...)`, `rate(...)` or `at(...)`.
   *
   * @example 'cron(0 2 * * ? *)'
   */
  readonly schedule: string;

  /**
   * The IANA time zone the schedule is read in.
   *
   * @default - the project's `timeZone`
   */
  readonly timeZone?: string;

  /**
   * What starts the task: `scheduler` (EventBridge Scheduler, time zones and `at()`)
   * or `rule` (an EventBridge rule; cron in UTC, converted from `timeZone`).
   *
   * @default - the project's `trigger`
   */
  readonly trigger?: string;

  /**
   * The handler, Lambda style: `<file>.<export>`, with the file relative to
   * `src/jobs/<name>/` and without extension.
   *
   * @default 'handler.handler'
   */
  readonly handler?: string;

  /**
   * Replaces the container command: the arguments given to `ecs-batch-run`.
   *
   * @default - none: the runner reads the handler from `ECS_BATCH_HANDLER`
   */
  readonly command?: string[];

  /**
   * CPU units of the Fargate task (256 = 0.25 vCPU ... 16384 = 16 vCPU).
   *
   * @default - 256, or the smallest CPU that fits `memory`
   */
  readonly cpu?: number;

  /**
   * Memory of the Fargate task in MiB; it must be valid for `cpu`.
   *
   * @default - the smallest memory valid for `cpu` (512 for 256)
   */
  readonly memory?: number;

  /**
   * The runner stops the handler after this many minutes (exit 124).
   *
   * @default 60
   */
  readonly timeoutMinutes?: number;

  /**
   * Environment variables of the job's container.
   *
   * @default - none besides the runner's own
   */
  readonly environment?: { [name: string]: string };

  /**
   * The event the handler receives, as JSON (`ECS_BATCH_EVENT`): the constant
   * input of the Lambda's schedule, when it had one.
   *
   * @default - an EventBridge "Scheduled Event"
   */
  readonly input?: string;

  /**
   * What a run does when the previous run is still going: `allow` or `skip`.
   *
   * @default 'allow'
   */
  readonly overlap?: string;

  /**
   * Whether the schedule is enabled. A disabled job keeps its infra and can be
   * started by hand.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * One line about what the job does, for the README and the infra.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * What the job's code may do in AWS: its task role's statements, e.g.
   * `[{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] }]`.
   * `*` and `iam:*` actions are refused; a `*` resource is warned about unless
   * the actions support no resource-level permissions.
   *
   * @default - none: the job's code can call nothing in AWS
   */
  readonly permissions?: Permission[];

  /**
   * Managed policies for the job's task role (not AdministratorAccess or IAMFullAccess).
   *
   * @default - none
   */
  readonly managedPolicyArns?: string[];

  /**
   * Secrets Manager secrets as environment variables: name to secret ARN, as ECS
   * takes it (optionally `:<json-key>:<version-stage>:<version-id>`, e.g. `:password::`).
   * The job may read exactly these, at start, never in plain `environment`.
   *
   * @default - none
   */
  readonly secretsManagerSecrets?: { [name: string]: string };

  /**
   * SSM parameters as environment variables: name to parameter ARN or name
   * (`/team/db/host`, in the job's account and region).
   *
   * @default - none
   */
  readonly ssmParameters?: { [name: string]: string };

  /**
   * Customer managed KMS keys of those secrets or parameters (`kms:Decrypt` through
   * Secrets Manager and SSM only). Not needed for the AWS managed keys.
   *
   * @default - none
   */
  readonly kmsKeyArns?: string[];

  /**
   * Ephemeral storage of the task in GiB (21-200).
   *
   * @default - Fargate's 20 GiB
   */
  readonly ephemeralStorageGiB?: number;

  /**
   * Seconds the handler has to finish after SIGTERM (a stop or a deploy) before it is killed (1-120).
   *
   * @default - ECS's 30 seconds
   */
  readonly stopTimeoutSeconds?: number;

  /**
   * A read-only root filesystem with a writable `/tmp`, as on Lambda.
   *
   * @default true
   */
  readonly readonlyRootFilesystem?: boolean;
}
