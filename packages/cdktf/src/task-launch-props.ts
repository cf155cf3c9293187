import { CapacityProviderStrategyItem } from './capacity-provider-strategy-item';
import { LaunchType } from './launch-type';

/**
 * Where and how each run's task is launched: the cluster, its network and its
 * capacity. Shared by `EcsScheduledTask` and `EcsBatchJob`, which passes them on.
 */
export interface TaskLaunchProps {
  /** The cluster to run in. A literal ARN or a token. */
  readonly clusterArn: string;

  /** Subnets of the task's network interface (awsvpc). At least one. */
  readonly subnetIds: string[];

  /**
   * Security groups of the task's network interface.
   * @default - the VPC's default security group
   */
  readonly securityGroupIds?: string[];

  /**
   * Give the task a public IP, e.g. to pull images in a public subnet without a
   * NAT gateway. Fargate only.
   * @default false
   */
  readonly assignPublicIp?: boolean;

  /**
   * The launch type. Cannot be combined with `capacityProviderStrategy`.
   * @default - LaunchType.FARGATE, unless a capacity provider strategy is given
   */
  readonly launchType?: LaunchType;

  /**
   * Capacity providers instead of a launch type, e.g. FARGATE_SPOT with a FARGATE
   * base. The target's `launch_type` is then omitted.
   * @default - none: the launch type is used
   */
  readonly capacityProviderStrategy?: CapacityProviderStrategyItem[];

  /**
   * The Fargate platform version, e.g. `1.4.0`.
   * @default - LATEST
   */
  readonly platformVersion?: string;

  /**
   * Copy the task definition's tags to the task.
   * @default false
   */
  readonly propagateTags?: boolean;

  /**
   * Add ECS managed tags (`aws:ecs:clusterName`...) to the task.
   * @default false
   */
  readonly enableEcsManagedTags?: boolean;
}
