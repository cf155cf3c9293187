/** What a job's task definition is made of: its settings, and where it runs. */
export interface JobTaskDefinitionProps {
  /** The task definition family, also the container name, e.g. `payments-nightly`. */
  readonly family: string;

  /** The container image URI, with its tag. */
  readonly image: string;

  /** CPU units; with `memory`, a valid Fargate size. */
  readonly cpu: number;

  /** Memory in MiB. */
  readonly memory: number;

  /**
   * `X86_64` or `ARM64`.
   * @default 'X86_64'
   */
  readonly architecture?: string;

  /**
   * The handler the runner calls (`ECS_BATCH_HANDLER`).
   * @default - none: the image's command names it
   */
  readonly handler?: string;

  /**
   * The container command.
   * @default - the image's CMD
   */
  readonly command?: string[];

  /**
   * The job's own environment variables (no `ECS_BATCH_*` names).
   * @default - none
   */
  readonly environment?: { [name: string]: string };

  /**
   * Secrets as environment variables: name to the ARN of a Secrets Manager secret or an SSM parameter.
   * @default - none
   */
  readonly secrets?: { [name: string]: string };

  /** Seconds a run may take before the runner stops it (`ECS_BATCH_TIMEOUT_SECONDS`). */
  readonly timeoutSeconds: number;

  /**
   * `allow` or `skip` (`ECS_BATCH_OVERLAP`).
   * @default 'allow'
   */
  readonly overlap?: string;

  /**
   * CloudWatch namespace of the runner's metrics (`ECS_BATCH_METRIC_NAMESPACE`).
   * @default 'EcsBatch'
   */
  readonly metricNamespace?: string;

  /**
   * The log group the container writes to.
   * @default - `/ecs-batch/<family>`
   */
  readonly logGroupName?: string;

  /**
   * A read-only root filesystem, with a writable `/tmp` volume (Lambda code writes to `/tmp`).
   * @default true
   */
  readonly readonlyRootFilesystem?: boolean;

  /**
   * Seconds between SIGTERM and SIGKILL when the task stops (`stopTimeout`, at most 120 on Fargate).
   * @default - ECS's default, 30 seconds
   */
  readonly stopTimeoutSeconds?: number;

  /**
   * Ephemeral storage of the task, in GiB (21 to 200 on Fargate).
   * @default - Fargate's default, 20 GiB
   */
  readonly ephemeralStorageGiB?: number;

  /** The region of the log group (`awslogs-region`). */
  readonly region: string;

  /** ARN of the task execution role. */
  readonly executionRoleArn: string;

  /** ARN of the task role. */
  readonly taskRoleArn: string;

  /**
   * Tags of the task definition.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}
