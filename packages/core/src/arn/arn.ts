import { ValidationError } from '../errors';
import { ArnServiceRules } from './arn-service-rules';
import { AwsPartition } from './aws-partition';

/**
 * The five parts of an ARN: `arn:<partition>:<service>:<region>:<account>:<resource>`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export interface ArnComponents {
  /** `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: string;
  /** The service namespace, e.g. `ecs`, `iam`, `events`. */
  readonly service: string;
  /** The region, e.g. `ap-northeast-1`; empty for global services such as IAM. */
  readonly region: string;
  /** The 12-digit account ID; empty for some resources (e.g. S3 buckets). */
  readonly account: string;
  /** Everything after the fifth colon, e.g. `task-definition/sample_def:3`. */
  readonly resource: string;
}

/**
 * Parse, validate and format ARNs, and tell unresolved Terraform/CDKTF tokens apart.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export class Arn {
  /** The partitions this package accepts. */
  public static readonly PARTITIONS: string[] = AwsPartition.NAMES;

  /**
   * Parse and validate an ARN.
   *
   * Checks the partition, the service name, the region (required for regional
   * services such as ECS, forbidden for IAM, and in the ARN's partition) and the
   * account (12 digits where the service needs one).
   *
   * @param arn the ARN; must not be a token (see `Arn.isToken`)
   * @param field the name used in error messages. @default 'arn'
   * @throws ValidationError naming `field`, e.g. `arn: 'x' is not an ARN (...)`
   */
  public static parse(arn: string, field?: string): ArnComponents {
    const name = field ?? 'arn';
    if (typeof arn !== 'string' || arn.length === 0) {
      throw new ValidationError(name, `is empty (expected ${Arn.SHAPE})`);
    }
    if (Arn.isToken(arn)) {
      throw new ValidationError(name, `'${arn}' is an unresolved token and cannot be parsed at synth time (pass a literal ARN, or let the builder pass the token through)`);
    }
    const parts = arn.split(':');
    if (parts.length < 6 || parts[0] !== 'arn') {
      throw new ValidationError(name, `'${arn}' is not an ARN (expected ${Arn.SHAPE})`);
    }
    const components: ArnComponents = {
      partition: parts[1],
      service: parts[2],
      region: parts[3],
      account: parts[4],
      resource: parts.slice(5).join(':'),
    };
    Arn.check(components, name);
    return components;
  }

  /**
   * Format ARN components into an ARN string.
   *
   * Literal components are validated like `Arn.parse` does. When any component is
   * an unresolved token, the parts are joined verbatim and nothing is validated.
   *
   * @param components the parts of the ARN
   * @throws ValidationError naming `arn` when a literal component is invalid
   */
  public static format(components: ArnComponents): string {
    const { partition, service, region, account, resource } = components;
    const arn = `arn:${partition}:${service}:${region}:${account}:${resource}`;
    if ([partition, service, region, account, resource].some((part) => Arn.isToken(part))) {
      return arn;
    }
    Arn.check(components, 'arn');
    return arn;
  }

  /**
   * Whether the value is an unresolved CDKTF token (`${TfToken[TOKEN.n]}`, or the
   * `#{TfToken[...]}` form of a list element) or contains a Terraform interpolation
   * (`${...}`). Builders pass such values through verbatim instead of parsing them.
   *
   * @param value any string
   */
  public static isToken(value: string): boolean {
    return typeof value === 'string' && (value.includes('${') || value.includes('#{TfToken['));
  }

  /**
   * The partition a region belongs to: `aws-cn` for China regions, `aws-us-gov` for
   * GovCloud, else `aws`.
   *
   * @param region e.g. `ap-northeast-1`
   */
  public static partitionOfRegion(region: string): string {
    return AwsPartition.ofRegion(region);
  }

  private static readonly SHAPE = 'arn:<partition>:<service>:<region>:<account>:<resource>';

  private static check(components: ArnComponents, field: string): void {
    const { partition, service, region, account, resource } = components;
    AwsPartition.check(partition, field);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(service)) {
      throw new ValidationError(field, `service '${service}' is not valid (lowercase letters, digits and '-', e.g. ecs)`);
    }
    ArnServiceRules.checkRegion(service, region, partition, field);
    ArnServiceRules.checkAccount(service, account, resource, field);
    if (resource.length === 0) {
      throw new ValidationError(field, `resource is empty (expected ${Arn.SHAPE})`);
    }
  }

  private constructor() {}
}
