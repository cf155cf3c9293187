import { JobTaskDefinitionProps } from './job-task-definition-props';
import { OverlapPolicies } from './job-vocabulary';
import { RunnerEnvironment, RunnerMetrics } from '../runner-contract';

/**
 * A job's task definition, rendered once for everyone who registers it: the
 * infra (the `EcsBatchJob` construct, and the HCL module through a parity test)
 * and the release (`register-revision`), so Terraform and CI cannot disagree on
 * anything but the image.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
 */
export class JobTaskDefinition {
  /** Log groups are `/ecs-batch/<family>`. */
  public static readonly LOG_GROUP_PREFIX = '/ecs-batch/';
  /** The awslogs stream prefix: streams are `ecs-batch/<container>/<task id>`. */
  public static readonly LOG_STREAM_PREFIX = 'ecs-batch';

  /** The volume that gives a read-only root filesystem its writable `/tmp`. */
  public static readonly TMP_VOLUME = 'tmp';
  /** Where that volume is mounted. */
  public static readonly TMP_PATH = '/tmp';

  /** The log group of a family, e.g. `/ecs-batch/payments-nightly`. */
  public static logGroupName(family: string): string {
    return `${JobTaskDefinition.LOG_GROUP_PREFIX}${family}`;
  }

  /**
   * The runner's variables of a job, by name: job name, timeout, overlap,
   * metric namespace and handler.
   */
  public static runnerEnvironment(props: JobTaskDefinitionProps): { [name: string]: string } {
    const runner: { [name: string]: string } = {
      [RunnerEnvironment.JOB_NAME]: props.family,
      [RunnerEnvironment.TIMEOUT_SECONDS]: String(props.timeoutSeconds),
      [RunnerEnvironment.OVERLAP]: OverlapPolicies.validate(props.overlap ?? OverlapPolicies.ALLOW, 'overlap'),
      [RunnerEnvironment.METRIC_NAMESPACE]: props.metricNamespace ?? RunnerMetrics.DEFAULT_NAMESPACE,
    };
    if (props.handler !== undefined) runner[RunnerEnvironment.HANDLER] = props.handler;
    return runner;
  }

  /**
   * The one container of the job, as `containerDefinitions` holds it. The
   * environment and secrets are sorted by name, as Terraform iterates a map.
   */
  public static container(props: JobTaskDefinitionProps): any {
    const sorted = (map: { [key: string]: string }) => Object.keys(map).sort().map((name) => ({ name, value: map[name] }));
    const container: any = { name: props.family, image: props.image, essential: true };
    if (props.command !== undefined) container.command = [...props.command];
    container.environment = sorted({ ...props.environment, ...JobTaskDefinition.runnerEnvironment(props) });
    const secrets = sorted(props.secrets ?? {});
    if (secrets.length > 0) container.secrets = secrets.map((s) => ({ name: s.name, valueFrom: s.value }));
    if (props.readonlyRootFilesystem ?? true) {
      container.readonlyRootFilesystem = true;
      container.mountPoints = [{ sourceVolume: JobTaskDefinition.TMP_VOLUME, containerPath: JobTaskDefinition.TMP_PATH, readOnly: false }];
    }
    if (props.stopTimeoutSeconds !== undefined) container.stopTimeout = props.stopTimeoutSeconds;
    container.logConfiguration = {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': props.logGroupName ?? JobTaskDefinition.logGroupName(props.family),
        'awslogs-region': props.region,
        'awslogs-stream-prefix': JobTaskDefinition.LOG_STREAM_PREFIX,
      },
    };
    return container;
  }

  /**
   * The `RegisterTaskDefinition` input: a Fargate task in `awsvpc` mode with the
   * job's container, size, platform, roles and tags.
   */
  public static registerInput(props: JobTaskDefinitionProps): any {
    const tags = Object.keys(props.tags ?? {}).sort().map((key) => ({ key, value: props.tags![key] }));
    return {
      family: props.family,
      taskRoleArn: props.taskRoleArn,
      executionRoleArn: props.executionRoleArn,
      networkMode: 'awsvpc',
      containerDefinitions: [JobTaskDefinition.container(props)],
      requiresCompatibilities: ['FARGATE'],
      cpu: String(props.cpu),
      memory: String(props.memory),
      runtimePlatform: { cpuArchitecture: props.architecture ?? 'X86_64', operatingSystemFamily: 'LINUX' },
      ...((props.readonlyRootFilesystem ?? true) ? { volumes: [{ name: JobTaskDefinition.TMP_VOLUME }] } : {}),
      ...(props.ephemeralStorageGiB !== undefined ? { ephemeralStorage: { sizeInGiB: props.ephemeralStorageGiB } } : {}),
      ...(tags.length > 0 ? { tags } : {}),
    };
  }

  private constructor() {}
}
