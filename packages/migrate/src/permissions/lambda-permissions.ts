import { ManagedPolicyArn, Permission, PermissionCondition, TaskRolePermissions } from '@ecs-batch/core';
import { isMap } from '../plain-data';

/**
 * Managed policies that give a Lambda function what Lambda itself needs (writing its logs,
 * attaching to a VPC, X-Ray). A task has its own: the execution role writes the logs and Fargate
 * attaches the network interface. `AWSLambdaExecute` also grants `s3:GetObject`/`s3:PutObject` on
 * every bucket, which a job should name instead: it is dropped with a note too.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
 */
export const LAMBDA_OWN_MANAGED_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole', 'AWSLambdaVPCAccessExecutionRole', 'AWSLambdaExecute', 'AWSLambdaENIManagementAccess',
  'AWSXRayDaemonWriteAccess', 'AWSLambdaBasicDurableExecutionRolePolicy',
]);

/** Actions only Lambda's own runtime needs: logs and the VPC network interfaces. */
const LAMBDA_OWN_ACTIONS = new Set([
  'logs:createloggroup', 'logs:createlogstream', 'logs:putlogevents',
  'ec2:createnetworkinterface', 'ec2:describenetworkinterfaces', 'ec2:deletenetworkinterface',
  'ec2:assignprivateipaddresses', 'ec2:unassignprivateipaddresses', 'ec2:describesubnets', 'ec2:describevpcs',
  'xray:puttracesegments', 'xray:puttelemetryrecords',
]);

/**
 * What a function's role lets it do, as the task role's `permissions` and `managedPolicyArns`
 * (the shapes of ecs-batch-template's `addJob` and of core's `TaskRolePermissions`).
 */
export interface FoundPermissions {
  readonly permissions: Permission[];
  readonly managedPolicyArns: string[];
}

/**
 * Collects a function's permissions from policy statements and managed policies, dropping what
 * only Lambda needs and warning about what cannot be carried over. Warnings go to `warnings`,
 * each starting with `where` (the file and the statement).
 */
export class PermissionCollector {
  public readonly permissions: Permission[] = [];
  public readonly managedPolicyArns: string[] = [];
  private readonly droppedOwn: string[] = [];

  constructor(private readonly warnings: string[]) {}

  /**
   * One IAM policy statement, as JSON (`Effect`, `Action`, `Resource`, `Condition`).
   * @param where names the statement in warnings, e.g. `template.yaml: ReportFunction.Policies[2]`
   */
  public addStatement(statement: unknown, where: string): void {
    if (!isMap(statement)) {
      this.warnings.push(`${where}: ${JSON.stringify(statement)} is not a policy statement; not carried over, grant it by hand`);
      return;
    }
    const effect = statement.Effect ?? statement.effect;
    if (effect !== undefined && String(effect).toLowerCase() !== 'allow') {
      this.warnings.push(`${where}: a ${String(effect)} statement; a job's permissions only allow, so it is not carried over: check the job cannot do it anyway`);
      return;
    }
    for (const key of ['NotAction', 'NotResource', 'Principal', 'NotPrincipal']) {
      if (statement[key] !== undefined) {
        this.warnings.push(`${where}: uses ${key}, which a job's permissions do not have; not carried over, grant it by hand`);
        return;
      }
    }
    const actions = stringList(statement.Action ?? statement.actions);
    const resources = stringList(statement.Resource ?? statement.resources);
    if (actions === undefined || resources === undefined) {
      this.warnings.push(`${where}: its ${actions === undefined ? 'Action' : 'Resource'} does not resolve to literal strings (${JSON.stringify(actions === undefined ? statement.Action : statement.Resource)}); not carried over, grant it by hand`);
      return;
    }
    const conditions = conditionList(statement.Condition ?? statement.condition);
    if (conditions === undefined) {
      this.warnings.push(`${where}: its Condition does not resolve to literal strings (${JSON.stringify(statement.Condition)}); not carried over, grant it by hand`);
      return;
    }
    const own = actions.filter((a) => LAMBDA_OWN_ACTIONS.has(a.toLowerCase()));
    const rest = actions.filter((a) => !LAMBDA_OWN_ACTIONS.has(a.toLowerCase()));
    if (own.length > 0) this.droppedOwn.push(...own);
    if (rest.length === 0) return;
    const permission: Permission = { actions: rest, resources, ...(conditions.length > 0 ? { conditions } : {}) };
    try {
      // Core's own rule (no `*`, no `iam:*`, well-formed actions): what it refuses is dropped, never failing the migration.
      TaskRolePermissions.document({ permissions: [permission], field: 'permissions' });
    } catch (e) {
      this.warnings.push(`${where}: ${(e as Error).message}; not carried over, grant what the job needs by hand`);
      return;
    }
    this.permissions.push(permission);
  }

  /** A policy document (`{ Statement: [...] }`), or its statements. */
  public addDocument(document: unknown, where: string): void {
    const statements = isMap(document) ? document.Statement : document;
    const list = Array.isArray(statements) ? statements : isMap(statements) ? [statements] : undefined;
    if (list === undefined) {
      this.warnings.push(`${where}: the policy does not resolve to a document with statements; not carried over, grant it by hand`);
      return;
    }
    list.forEach((s, i) => this.addStatement(s, Array.isArray(statements) ? `${where}.Statement[${i}]` : where));
  }

  /**
   * A managed policy, by ARN or (AWS managed) name. Lambda's own are dropped with a note.
   * @param partition used to build the ARN of a name
   */
  public addManagedPolicy(arnOrName: string, where: string, partition = 'aws'): void {
    const name = arnOrName.split('/').pop() ?? arnOrName;
    if (LAMBDA_OWN_MANAGED_POLICIES.has(name) && (!arnOrName.startsWith('arn:') || /:iam::aws:policy\//.test(arnOrName))) {
      this.droppedOwn.push(name);
      return;
    }
    const arn = arnOrName.startsWith('arn:') ? arnOrName : /^[\w+=,.@-]+$/.test(arnOrName) ? `arn:${partition}:iam::aws:policy/${arnOrName}` : undefined;
    if (arn !== undefined) {
      if (this.managedPolicyArns.includes(arn)) return;
      try {
        // Core's own rule: a managed policy ARN, and not AdministratorAccess or IAMFullAccess.
        ManagedPolicyArn.checkForJob([arn], 'managedPolicyArns');
      } catch (e) {
        this.warnings.push(`${where}: ${(e as Error).message}; not carried over, grant what the job needs by hand`);
        return;
      }
      this.managedPolicyArns.push(arn);
      return;
    }
    this.warnings.push(`${where}: managed policy ${arnOrName} is not an ARN or a name; not carried over, attach it by hand`);
  }

  /** The note about what only Lambda needed, once per function. */
  public finish(): FoundPermissions {
    if (this.droppedOwn.length > 0) {
      this.warnings.push(`permissions: dropped ${[...new Set(this.droppedOwn)].join(', ')}: Lambda's own logging and VPC access; the task has its own (execution role, awslogs, Fargate networking)`);
    }
    return { permissions: this.permissions, managedPolicyArns: this.managedPolicyArns };
  }
}

function stringList(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v) => typeof v === 'string')) return undefined;
  return list as string[];
}

/** `{ "<operator>": { "<key>": value | [values] } }` as core's conditions; undefined when not literal. */
function conditionList(value: unknown): PermissionCondition[] | undefined {
  if (value === undefined) return [];
  if (!isMap(value)) return undefined;
  const conditions: PermissionCondition[] = [];
  for (const [operator, keys] of Object.entries(value)) {
    if (!isMap(keys)) return undefined;
    for (const [key, raw] of Object.entries(keys)) {
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => (typeof v === 'boolean' || typeof v === 'number' ? String(v) : v));
      if (!values.every((v) => typeof v === 'string')) return undefined;
      conditions.push({ operator, key, values: values as string[] });
    }
  }
  return conditions;
}
