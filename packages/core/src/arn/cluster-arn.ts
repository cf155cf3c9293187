import { ValidationError } from '../errors';
import { ArnExpectation } from './arn-expectation';

/**
 * An ECS cluster ARN: `arn:aws:ecs:us-east-1:123456789012:cluster/default`.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html#amazonelasticcontainerservice-resources-for-iam-policies
 */
export class ClusterArn {
  /**
   * Parse a cluster ARN.
   *
   * @param arn `arn:<partition>:ecs:<region>:<account>:cluster/<name>`
   * @param field the name used in error messages. @default 'clusterArn'
   * @throws ValidationError e.g. `clusterArn: service is 'ecs' but resource is 'task-definition/x', expected cluster/<name>`
   */
  public static parse(arn: string, field?: string): ClusterArn {
    const name = field ?? 'clusterArn';
    const components = ClusterArn.EXPECTATION.parse(arn, name);
    const clusterName = components.resource.slice('cluster/'.length);
    // Cluster names: up to 255 letters, numbers, underscores and hyphens.
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html#ECS-CreateCluster-request-clusterName
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(clusterName)) {
      throw new ValidationError(name, `cluster name '${clusterName}' is not valid (1-255 letters, numbers, hyphens and underscores)`);
    }
    return new ClusterArn(arn, components.partition, components.region, components.account, clusterName);
  }

  private static readonly EXPECTATION = new ArnExpectation('ecs', 'cluster/', 'cluster/<name>');

  /** The ARN as given. */
  public readonly arn: string;
  /** `aws`, `aws-cn` or `aws-us-gov`. */
  public readonly partition: string;
  /** The region of the cluster. */
  public readonly region: string;
  /** The 12-digit account that owns the cluster. */
  public readonly account: string;
  /** The cluster name. */
  public readonly name: string;
  /**
   * The ARNs of every task in this cluster: `arn:<partition>:ecs:<region>:<account>:task/<name>/*`
   * (the long task ARN format, which includes the cluster name).
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-account-settings.html#ecs-resource-ids
   */
  public readonly taskArnPattern: string;

  private constructor(arn: string, partition: string, region: string, account: string, name: string) {
    this.arn = arn;
    this.partition = partition;
    this.region = region;
    this.account = account;
    this.name = name;
    this.taskArnPattern = `arn:${partition}:ecs:${region}:${account}:task/${name}/*`;
  }
}
