/**
 * One capacity provider of a strategy, e.g. FARGATE_SPOT with a FARGATE base.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
 */
export interface CapacityProviderStrategyItem {
  /**
   * The capacity provider: `FARGATE`, `FARGATE_SPOT`, or the name of an
   * Auto Scaling group capacity provider (EC2) of the cluster.
   */
  readonly capacityProvider: string;

  /**
   * The relative share of tasks placed on this provider (0-1000).
   * @default - AWS's default (0 when unset; at least one provider needs a weight above 0)
   */
  readonly weight?: number;

  /**
   * How many tasks run on this provider before the weights apply (0-100000).
   * Only one provider of a strategy can have a base.
   * @default 0
   */
  readonly base?: number;
}
