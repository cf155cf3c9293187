import { Arn } from '../arn';
import { ValidationError } from '../errors';
import { Permission } from './permission';
import { PolicyDocument, Statement } from './policy-document';
import { ResourceLessActions } from './resource-less-actions';

/** The permissions of a job's task role. */
export interface TaskRolePermissionsProps {
  /** The statements, in order. */
  readonly permissions: Permission[];

  /**
   * The caller's name for the list, used in every error and warning,
   * e.g. `permissions` or `jobs[0].permissions` or `task_role_permissions`.
   * @default 'permissions'
   */
  readonly field?: string;
}

/**
 * The task role's own statements, from typed `Permission`s: what the job's code may do.
 *
 * Refused: the `*` action (every action of every service) and `iam:*` (a job that
 * may do anything in IAM may grant itself anything). A `*` resource is allowed but
 * warned about, unless every action of the statement supports no resource-level
 * permissions (then `*` is the only resource IAM accepts).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export class TaskRolePermissions {
  /** Sid prefix of the statements: `JobPermission0`, `JobPermission1`, ... */
  public static readonly SID_PREFIX = 'JobPermission';

  /**
   * Condition operators IAM knows (each may also take `IfExists`, and the string/ARN/IP ones a
   * `ForAllValues:`/`ForAnyValue:` set qualifier).
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
   */
  public static readonly CONDITION_OPERATORS: string[] = Object.freeze([
    'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
    'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
    'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
    'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
  ]) as string[];

  /**
   * The statements as an IAM policy document (empty `Statement` for no permissions).
   *
   * @returns an IAM policy document (plain JSON)
   * @throws ValidationError naming the field, e.g. `permissions[1].actions[0]: '*' ...`
   */
  public static document(props: TaskRolePermissionsProps): any {
    return PolicyDocument.of(TaskRolePermissions.statements(props));
  }

  /**
   * Warnings about the permissions (a `*` resource where a narrower one exists),
   * each naming the field. Validates like `document`.
   *
   * @throws ValidationError naming the field
   */
  public static warnings(props: TaskRolePermissionsProps): string[] {
    const field = props.field ?? 'permissions';
    TaskRolePermissions.statements(props);
    const warnings: string[] = [];
    props.permissions.forEach((p, i) => {
      if (!p.resources.includes('*')) return;
      const scoped = p.actions.filter((a) => !ResourceLessActions.has(a));
      if (scoped.length === 0) return;
      warnings.push(`${field}[${i}].resources: '*' lets ${scoped.join(', ')} act on every resource of the account `
        + '(name the ARNs the job uses; \'*\' is only needed for actions without resource-level permissions, '
        + 'see the Service Authorization Reference)');
    });
    return warnings;
  }

  private static statements(props: TaskRolePermissionsProps): Statement[] {
    const field = props.field ?? 'permissions';
    if (!Array.isArray(props.permissions)) {
      throw new ValidationError(field, 'is not a list (a list of { actions, resources, conditions? })');
    }
    return props.permissions.map((p, i) => {
      const at = `${field}[${i}]`;
      if (p === null || typeof p !== 'object') {
        throw new ValidationError(at, 'is not a permission ({ actions, resources, conditions? })');
      }
      TaskRolePermissions.nonEmptyList(p.actions, `${at}.actions`, 'IAM actions, e.g. s3:GetObject');
      p.actions.forEach((a, j) => TaskRolePermissions.checkAction(a, `${at}.actions[${j}]`));
      TaskRolePermissions.nonEmptyList(p.resources, `${at}.resources`, 'resource ARNs, e.g. arn:aws:s3:::reports/*');
      p.resources.forEach((r, j) => TaskRolePermissions.checkResource(r, `${at}.resources[${j}]`));
      const conditions = p.conditions ?? [];
      if (!Array.isArray(conditions)) {
        throw new ValidationError(`${at}.conditions`, 'is not a list (a list of { operator, key, values })');
      }
      conditions.forEach((c, j) => TaskRolePermissions.checkCondition(c, `${at}.conditions[${j}]`));
      const seen = new Set<string>();
      conditions.forEach((c, j) => {
        const id = `${c.operator} ${c.key}`;
        if (seen.has(id)) {
          throw new ValidationError(`${at}.conditions[${j}]`, `${c.operator} on ${c.key} is given twice (put all values in one condition)`);
        }
        seen.add(id);
      });
      return {
        sid: `${TaskRolePermissions.SID_PREFIX}${i}`,
        actions: p.actions,
        resources: p.resources,
        conditions: conditions.map((c) => ({ operator: c.operator, key: c.key, value: c.values.length === 1 ? c.values[0] : [...c.values] })),
      };
    });
  }

  private static nonEmptyList(value: unknown, field: string, expected: string): void {
    if (!Array.isArray(value) || value.length === 0) {
      throw new ValidationError(field, `is empty (${expected})`);
    }
  }

  private static checkAction(action: string, field: string): void {
    if (typeof action !== 'string') {
      throw new ValidationError(field, 'is not a string (an IAM action, e.g. s3:GetObject)');
    }
    if (action === '*') {
      throw new ValidationError(field, '\'*\' allows every action of every service (list the actions the job calls, e.g. s3:GetObject)');
    }
    // IAM action names are case-insensitive: IAM:* is iam:*.
    if (action.toLowerCase() === 'iam:*') {
      throw new ValidationError(field, '\'iam:*\' lets the job grant itself any permission (list the IAM actions it calls, e.g. iam:GetRole)');
    }
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
    if (!/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(action)) {
      throw new ValidationError(field, `'${action}' is not an IAM action (<service>:<Action>, e.g. s3:GetObject; * and ? as wildcards in the action name)`);
    }
  }

  private static checkResource(resource: string, field: string): void {
    if (typeof resource !== 'string' || resource.length === 0) {
      throw new ValidationError(field, 'is empty (a resource ARN, e.g. arn:aws:s3:::reports/*, or *)');
    }
    if (resource === '*' || Arn.isToken(resource)) return;
    // Wildcards are allowed anywhere in a policy's resource, so only the shape is checked.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
    if (!/^arn:(aws|aws-cn|aws-us-gov|\*):[a-z0-9*?-]+:[^:]*:[^:]*:.+$/.test(resource)) {
      throw new ValidationError(field, `'${resource}' is not a resource ARN (arn:<partition>:<service>:<region>:<account>:<resource>, wildcards allowed, or *)`);
    }
  }

  private static checkCondition(c: { operator: string; key: string; values: string[] }, field: string): void {
    if (c === null || typeof c !== 'object') {
      throw new ValidationError(field, 'is not a condition ({ operator, key, values })');
    }
    const m = /^(ForAllValues:|ForAnyValue:)?(.+?)(IfExists)?$/.exec(String(c.operator));
    if (m === null || !TaskRolePermissions.CONDITION_OPERATORS.includes(m[2])) {
      throw new ValidationError(`${field}.operator`, `'${c.operator}' is not an IAM condition operator (e.g. StringEquals, StringLike, ArnLike, Bool, IpAddress; optionally ForAnyValue:/ForAllValues: and IfExists)`);
    }
    if (typeof c.key !== 'string' || !/^[A-Za-z0-9-]+:[^\s]+$/.test(c.key)) {
      throw new ValidationError(`${field}.key`, `'${c.key ?? ''}' is not a condition key (<service>:<key>, e.g. s3:prefix or aws:ResourceTag/team)`);
    }
    if (!Array.isArray(c.values) || c.values.length === 0 || c.values.some((v) => typeof v !== 'string')) {
      throw new ValidationError(`${field}.values`, 'is empty (one or more strings)');
    }
  }

  private constructor() {}
}
