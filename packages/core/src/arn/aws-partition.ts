import { ValidationError } from '../errors';

/**
 * The AWS partitions and the regions that belong to each.
 *
 * @see https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 * Not exported from the package: an implementation detail of `Arn`.
 */
export class AwsPartition {
  /** Commercial regions, China regions, GovCloud (US) regions. */
  public static readonly NAMES = ['aws', 'aws-cn', 'aws-us-gov'];

  /**
   * Region names look like `us-east-1`, `ap-northeast-1`, `cn-north-1`, `us-gov-west-1`.
   * @see https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
   */
  public static readonly REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/;

  public static check(partition: string, field: string): void {
    if (!AwsPartition.NAMES.includes(partition)) {
      throw new ValidationError(field, `partition '${partition}' is not supported (${AwsPartition.NAMES.join(', ')})`);
    }
  }

  /** The partition a region belongs to: China regions start with `cn-`, GovCloud with `us-gov-`. */
  public static ofRegion(region: string): string {
    if (region.startsWith('cn-')) return 'aws-cn';
    if (region.startsWith('us-gov-')) return 'aws-us-gov';
    return 'aws';
  }

  private constructor() {}
}
