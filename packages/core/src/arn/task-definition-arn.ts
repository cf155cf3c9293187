import { ValidationError } from '../errors';
import { Arn } from './arn';
import { ArnExpectation } from './arn-expectation';

/**
 * An ECS task definition ARN, with or without a revision:
 * `arn:aws:ecs:us-east-1:123456789012:task-definition/sample_def:3`.
 *
 * Gives the revisionless family ARN (what a schedule should target so it always
 * runs the latest ACTIVE revision) and the `family:*` resource (what an IAM policy
 * must grant, because ECS authorizes RunTask against the resolved revision).
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html#amazonelasticcontainerservice-resources-for-iam-policies
 */
export class TaskDefinitionArn {
  /**
   * The Terraform regular expression (a `/.../` literal) that matches the
   * `:<revision>` suffix of a task definition ARN.
   *
   * Use it with CDKTF's `Fn.replace(arn, TaskDefinitionArn.REVISION_SUFFIX_PATTERN, '')`
   * when the ARN is only known at apply time.
   *
   * @see https://developer.hashicorp.com/terraform/language/functions/replace
   */
  public static readonly REVISION_SUFFIX_PATTERN: string = '/:\\d+$/';

  /**
   * Parse a task definition ARN.
   *
   * @param arn `arn:<partition>:ecs:<region>:<account>:task-definition/<family>[:<revision>]`
   * @param field the name used in error messages. @default 'taskDefinitionArn'
   * @throws ValidationError e.g. `taskDefinitionArn: service is 'ecs' but resource is 'cluster/x', expected task-definition/<family>[:<revision>]`
   */
  public static parse(arn: string, field?: string): TaskDefinitionArn {
    const name = field ?? 'taskDefinitionArn';
    const components = TaskDefinitionArn.EXPECTATION.parse(arn, name);
    const rest = components.resource.slice('task-definition/'.length);
    const colon = rest.indexOf(':');
    const family = colon === -1 ? rest : rest.slice(0, colon);
    TaskDefinitionArn.checkFamily(family, name);
    let revision: number | undefined;
    if (colon !== -1) {
      const text = rest.slice(colon + 1);
      if (text === '*') {
        throw new ValidationError(name, 'revision \'*\' is a wildcard, not a task definition (pass the ARN of the family or of one revision; policies add \':*\' themselves)');
      }
      if (!/^[1-9]\d*$/.test(text)) {
        throw new ValidationError(name, `revision '${text}' is not valid (a positive integer, e.g. task-definition/${family}:3)`);
      }
      revision = Number(text);
    }
    return new TaskDefinitionArn(arn, components.partition, components.region, components.account, family, revision);
  }

  /**
   * The Terraform expression that strips the revision from a task definition ARN
   * known only at apply time: `replace(<expression>, "/:\\d+$/", "")`.
   *
   * The result is HCL source (no surrounding `${}`). For example
   * `terraformFamilyExpression('aws_ecs_task_definition.this.arn')` returns
   * `replace(aws_ecs_task_definition.this.arn, "/:\\d+$/", "")`, where the HCL string
   * literal `"/:\\d+$/"` is the regular expression `:\d+$`.
   *
   * A single whole interpolation such as `${aws_ecs_task_definition.this.arn}` is unwrapped first.
   * A CDKTF token cannot be wrapped in HCL source; use
   * `Fn.replace(arn, TaskDefinitionArn.REVISION_SUFFIX_PATTERN, '')` for those.
   *
   * @param expression a Terraform expression that evaluates to a task definition ARN
   * @throws ValidationError naming `expression` when it is empty or a CDKTF token
   * @see https://developer.hashicorp.com/terraform/language/functions/replace
   */
  public static terraformFamilyExpression(expression: string): string {
    const trimmed = (expression ?? '').trim();
    if (trimmed === '') {
      throw new ValidationError('expression', 'is empty (expected a Terraform expression such as aws_ecs_task_definition.this.arn)');
    }
    if (trimmed.includes('TfToken[')) {
      throw new ValidationError('expression', `'${trimmed}' is a CDKTF token, which cannot be wrapped in HCL source (use Fn.replace(arn, TaskDefinitionArn.REVISION_SUFFIX_PATTERN, ''))`);
    }
    const whole = /^\$\{([^{}]*)\}$/.exec(trimmed);
    const inner = whole ? whole[1].trim() : trimmed;
    return `replace(${inner}, "/:\\\\d+$/", "")`;
  }

  /**
   * The all-revisions resource for a family ARN: `<familyArn>:*`.
   *
   * Accepts a token or Terraform interpolation (for example the result of
   * `Fn.replace(arn, TaskDefinitionArn.REVISION_SUFFIX_PATTERN, '')`, or
   * `${replace(aws_ecs_task_definition.this.arn, "/:\\d+$/", "")}`) and appends
   * `:*` to it verbatim. A literal must be a revisionless task definition ARN.
   *
   * @param familyArn `arn:<partition>:ecs:<region>:<account>:task-definition/<family>`, or a token
   * @param field the name used in error messages. @default 'taskDefinitionFamilyArn'
   */
  public static allRevisionsResourceOf(familyArn: string, field?: string): string {
    const name = field ?? 'taskDefinitionFamilyArn';
    if (!Arn.isToken(familyArn)) {
      const parsed = TaskDefinitionArn.parse(familyArn, name);
      if (!parsed.isRevisionless) {
        throw new ValidationError(name, `'${familyArn}' has revision ${parsed.revision} (expected the family ARN without a revision: ${parsed.familyArn})`);
      }
    }
    return `${familyArn}:*`;
  }

  private static readonly EXPECTATION = new ArnExpectation('ecs', 'task-definition/', 'task-definition/<family>[:<revision>]');

  /**
   * Family names: up to 255 letters, numbers, hyphens and underscores.
   * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-family
   */
  private static checkFamily(family: string, field: string): void {
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(family)) {
      throw new ValidationError(field, `family '${family}' is not valid (1-255 letters, numbers, hyphens and underscores)`);
    }
  }

  /** The ARN as given. */
  public readonly arn: string;
  /** `aws`, `aws-cn` or `aws-us-gov`. */
  public readonly partition: string;
  /** The region of the task definition. */
  public readonly region: string;
  /** The 12-digit account that owns the task definition. */
  public readonly account: string;
  /** The family name, e.g. `sample_def`. */
  public readonly family: string;
  /**
   * The revision number.
   * @default - undefined when the ARN is revisionless
   */
  public readonly revision?: number;
  /** The ARN without a revision: `...:task-definition/sample_def`. A schedule targeting it runs the latest ACTIVE revision. */
  public readonly familyArn: string;
  /** Every revision of the family, for IAM: `...:task-definition/sample_def:*`. */
  public readonly allRevisionsResource: string;
  /** True when the ARN has no `:<revision>` suffix. */
  public readonly isRevisionless: boolean;

  private constructor(arn: string, partition: string, region: string, account: string, family: string, revision: number | undefined) {
    this.arn = arn;
    this.partition = partition;
    this.region = region;
    this.account = account;
    this.family = family;
    this.revision = revision;
    this.familyArn = `arn:${partition}:ecs:${region}:${account}:task-definition/${family}`;
    this.allRevisionsResource = `${this.familyArn}:*`;
    this.isRevisionless = revision === undefined;
  }

  /**
   * The `ecs:RunTask` resource for IAM.
   *
   * ECS authorizes RunTask against the resolved revision (since March 2024), so a
   * bare family ARN would never match: unpinned gives `family:*`, pinned the exact revision.
   *
   * @param pinRevision true to allow only this ARN's revision
   * @param field what the caller calls the pin, for the error. @default 'pinRevision'
   * @throws ValidationError naming `pinRevision` (or `field`) when pinning a revisionless ARN
   * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
   */
  public runTaskResource(pinRevision: boolean, field?: string): string {
    if (!pinRevision) {
      return this.allRevisionsResource;
    }
    if (this.revision === undefined) {
      throw new ValidationError(field ?? 'pinRevision', `needs a task definition ARN with a revision, but '${this.arn}' has none (e.g. ${this.familyArn}:3)`);
    }
    return `${this.familyArn}:${this.revision}`;
  }
}
