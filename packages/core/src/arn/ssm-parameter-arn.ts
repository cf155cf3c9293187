import { ValidationError } from '../errors';
import { Arn } from './arn';
import { ArnExpectation } from './arn-expectation';

/** Where a parameter given by name lives: the job's partition, region and account (tokens allowed). */
export interface SsmParameterArnProps {
  /** A parameter ARN, or a parameter name (`/team/db/host` or `db-host`). */
  readonly nameOrArn: string;
  /** The partition, e.g. `aws`. */
  readonly partition: string;
  /** The job's region. */
  readonly region: string;
  /** The job's account. */
  readonly account: string;
  /**
   * The caller's name for the value, used in errors, e.g. `ssmParameters.DB_HOST`.
   * @default 'ssmParameter'
   */
  readonly field?: string;
}

/**
 * SSM Parameter Store parameters as ECS `valueFrom` and IAM resource: always the ARN.
 *
 * ECS takes a parameter's name when it is in the task's region, but IAM grants
 * `ssm:GetParameters` on the ARN, so a name becomes
 * `arn:<partition>:ssm:<region>:<account>:parameter/<name without leading />`.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-ssm-paramstore.html
 * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html
 */
export class SsmParameterArn {
  /**
   * Parameter names: letters, numbers, `.`, `-`, `_`, and `/` between hierarchy levels;
   * not starting with `aws` or `ssm` (reserved).
   * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html
   */
  public static readonly NAME_PATTERN: string = '^/?[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)*$';

  /**
   * The longest parameter name (with its hierarchy).
   * @see https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html
   */
  public static readonly NAME_MAX_LENGTH = 1011;

  /**
   * The parameter's ARN: an ARN is checked and kept, a name expanded in the given
   * partition, region and account. A token is taken to be an ARN.
   *
   * @throws ValidationError naming `field`
   */
  public static of(props: SsmParameterArnProps): string {
    const field = props.field ?? 'ssmParameter';
    const value = props.nameOrArn;
    if (typeof value !== 'string' || value.length === 0) {
      throw new ValidationError(field, 'is empty (an SSM parameter ARN or name, e.g. /team/db/host)');
    }
    if (Arn.isToken(value)) return value;
    if (value.startsWith('arn:')) {
      return SsmParameterArn.PARAMETER.passThroughOrCheck(value, field);
    }
    SsmParameterArn.checkName(value, field);
    return `arn:${props.partition}:ssm:${props.region}:${props.account}:parameter/${value.replace(/^\//, '')}`;
  }

  /**
   * The same expansion as a Terraform expression, for the HCL module.
   *
   * @param value HCL expression of the name or ARN, e.g. `v`
   * @param partition HCL expression of the partition
   * @param region HCL expression of the region
   * @param account HCL expression of the account
   */
  public static terraformExpression(value: string, partition: string, region: string, account: string): string {
    return `startswith(${value}, "arn:") ? ${value} : "arn:\${${partition}}:ssm:\${${region}}:\${${account}}:parameter/\${trimprefix(${value}, "/")}"`;
  }

  private static readonly PARAMETER = new ArnExpectation('ssm', 'parameter/', 'parameter/<name>');

  private static checkName(name: string, field: string): void {
    if (name.length > SsmParameterArn.NAME_MAX_LENGTH || !new RegExp(SsmParameterArn.NAME_PATTERN).test(name)) {
      throw new ValidationError(field, `'${name}' is neither an SSM parameter ARN nor a parameter name (letters, numbers, . - _ and / between levels, at most ${SsmParameterArn.NAME_MAX_LENGTH} characters)`);
    }
    if (/^(aws|ssm)/i.test(name.split('/').filter((p) => p !== '')[0])) {
      throw new ValidationError(field, `'${name}' starts with aws or ssm, which are reserved parameter name prefixes`);
    }
  }

  private constructor() {}
}
