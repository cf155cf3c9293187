import { TerraformValues as SharedValues } from '@ecs-batch/terraform-reader';
import { SecretReference } from '../found-function';
import { PermissionCollector } from '../permissions/lambda-permissions';
import { asArray, isMap, PlainMap } from '../plain-data';
import { TerraformBlock, TerraformModule } from './terraform-module';
import { referencedResource } from './terraform-references';
import { TerraformValues } from './terraform-values';

const POLICY_DOCUMENT = /^\$\{\s*data\.aws_iam_policy_document\.([\w-]+)\.json\s*\}$/;
const JSONENCODE = /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/;
const SSM_PARAMETER_VALUE = /^\$\{\s*data\.aws_ssm_parameter\.([\w-]+)\.(?:value|insecure_value)\s*\}$/;

/**
 * The permissions of an `aws_lambda_function`'s `role`, when it names an `aws_iam_role` of the
 * module: the role's `inline_policy` blocks and `managed_policy_arns`, each `aws_iam_role_policy`
 * on it, and each `aws_iam_role_policy_attachment` / `aws_iam_policy_attachment` of a managed
 * policy (an `aws_iam_policy` of the module is read as statements). A policy is JSON, a
 * `jsonencode({...})`, or a `data.aws_iam_policy_document`.
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachment
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
 */
export async function terraformPermissions(
  module: TerraformModule, values: TerraformValues, fn: TerraformBlock, relative: (file: string) => string, warnings: string[],
) {
  const collector = new PermissionCollector(warnings);
  const at = (b: TerraformBlock, field?: string) => `${relative(b.file)}: ${b.type}.${b.name}${field ? `.${field}` : ''}`;
  const ref = referencedResource(fn.body.role);
  const role = ref?.type === 'aws_iam_role' ? module.resource('aws_iam_role', ref.name) : undefined;
  if (role === undefined) {
    if (fn.body.role !== undefined) {
      warnings.push(`${at(fn, 'role')}: ${String(fn.body.role).replace(/^\$\{\s*([\s\S]*?)\s*\}$/, '$1')} is not an aws_iam_role of this folder; its permissions are not carried over, grant them by hand`);
    }
    return {};
  }
  const roleName = await values.resolve(role.body.name);
  const isThisRole = async (value: unknown): Promise<boolean> => {
    const r = referencedResource(value);
    if (r) return r.type === 'aws_iam_role' && r.name === role.name;
    const literal = await values.resolve(value);
    return literal.ok && roleName.ok && literal.value === roleName.value;
  };
  const policy = async (raw: unknown, where: string) => addPolicy(module, values, collector, raw, where, relative, warnings);

  for (const [i, inline] of asArray(role.body.inline_policy).entries()) {
    if (isMap(inline) && inline.policy !== undefined) await policy(inline.policy, at(role, `inline_policy[${i}]`));
  }
  const attach = async (arn: unknown, where: string) => {
    const p = referencedResource(arn);
    const managed = p?.type === 'aws_iam_policy' ? module.resource('aws_iam_policy', p.name) : undefined;
    if (managed) {
      await policy(managed.body.policy, at(managed, 'policy'));
      return;
    }
    const r = await values.resolve(arn);
    if (r.ok && typeof r.value === 'string') collector.addManagedPolicy(r.value, where);
    else warnings.push(`${where}: ${r.ok ? JSON.stringify(r.value) : r.expression} does not resolve to a managed policy ARN; not carried over, attach it by hand`);
  };
  for (const [i, arn] of asArray(role.body.managed_policy_arns).entries()) await attach(arn, at(role, `managed_policy_arns[${i}]`));
  for (const b of module.resources('aws_iam_role_policy')) {
    if (await isThisRole(b.body.role)) await policy(b.body.policy, at(b, 'policy'));
  }
  for (const b of module.resources('aws_iam_role_policy_attachment')) {
    if (await isThisRole(b.body.role)) await attach(b.body.policy_arn, at(b, 'policy_arn'));
  }
  for (const b of module.resources('aws_iam_policy_attachment')) {
    const roles = asArray(b.body.roles);
    let attached = false;
    for (const r of roles) attached ||= await isThisRole(r);
    if (attached) await attach(b.body.policy_arn, at(b, 'policy_arn'));
  }
  const found = collector.finish();
  return {
    ...(found.permissions.length > 0 ? { permissions: found.permissions } : {}),
    ...(found.managedPolicyArns.length > 0 ? { managedPolicyArns: found.managedPolicyArns } : {}),
  };
}

/** Adds one policy (JSON, `jsonencode({...})` or `data.aws_iam_policy_document.x.json`) to the collector; also used for registry modules. */
export async function addPolicy(
  module: TerraformModule, values: TerraformValues, collector: PermissionCollector, raw: unknown, where: string,
  relative: (file: string) => string, warnings: string[],
): Promise<void> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const documentRef = POLICY_DOCUMENT.exec(text);
  if (documentRef) {
    const data = module.dataSource('aws_iam_policy_document', documentRef[1]);
    if (!data) {
      warnings.push(`${where}: data.aws_iam_policy_document.${documentRef[1]} is not declared in this folder; not carried over, grant it by hand`);
      return;
    }
    const dataWhere = `${relative(data.file)}: data.aws_iam_policy_document.${data.name}`;
    for (const [i, statement] of asArray(data.body.statement).entries()) {
      await addStatement(values, collector, fromPolicyDocumentStatement(asMapOr(statement)), `${dataWhere}.statement[${i}]`, warnings);
    }
    if (data.body.source_policy_documents !== undefined || data.body.override_policy_documents !== undefined) {
      warnings.push(`${dataWhere}: source_policy_documents / override_policy_documents are not read; grant what they allow by hand`);
    }
    return;
  }
  const encoded = JSONENCODE.exec(text);
  if (encoded) {
    const parsed = await SharedValues.parseExpression(encoded[1]);
    if (!isMap(parsed)) {
      warnings.push(`${where}: ${text} does not parse; not carried over, grant it by hand`);
      return;
    }
    const statements = parsed.Statement;
    for (const [i, statement] of (Array.isArray(statements) ? statements : [statements]).entries()) {
      await addStatement(values, collector, statement, `${where}.Statement[${i}]`, warnings);
    }
    return;
  }
  const r = await values.resolve(raw);
  if (r.ok && typeof r.value === 'string') {
    try {
      collector.addDocument(JSON.parse(r.value), where);
    } catch (e) {
      warnings.push(`${where}: is not JSON (${(e as Error).message}); not carried over, grant it by hand`);
    }
    return;
  }
  warnings.push(`${where}: ${r.ok ? JSON.stringify(r.value) : r.expression} does not resolve to a policy document; not carried over, grant it by hand`);
}

/** One statement, resolved field by field, so the warning names what did not resolve. */
async function addStatement(values: TerraformValues, collector: PermissionCollector, statement: unknown, where: string, warnings: string[]) {
  if (!isMap(statement)) {
    collector.addStatement(statement, where);
    return;
  }
  const resolved: PlainMap = {};
  for (const [key, value] of Object.entries(statement)) {
    const r = await values.resolve(value);
    if (!r.ok) {
      warnings.push(`${where}: ${key} ${r.expression} does not resolve to a literal; not carried over, grant it by hand`);
      return;
    }
    resolved[key] = r.value;
  }
  collector.addStatement(resolved, where);
}

/** A `data.aws_iam_policy_document` `statement` block as policy JSON (`condition` blocks: test, variable, values). */
function fromPolicyDocumentStatement(block: PlainMap): PlainMap {
  const out: PlainMap = {};
  if (block.effect !== undefined) out.Effect = block.effect;
  if (block.actions !== undefined) out.Action = block.actions;
  if (block.resources !== undefined) out.Resource = block.resources;
  if (block.not_actions !== undefined) out.NotAction = block.not_actions;
  if (block.not_resources !== undefined) out.NotResource = block.not_resources;
  if (block.principals !== undefined) out.Principal = block.principals;
  const conditions = asArray(block.condition).filter(isMap);
  if (conditions.length > 0) {
    const condition: { [operator: string]: PlainMap } = {};
    for (const c of conditions) {
      condition[String(c.test)] = { ...(condition[String(c.test)] ?? {}), [String(c.variable)]: c.values };
    }
    out.Condition = condition;
  }
  return out;
}

function asMapOr(value: unknown): PlainMap {
  return isMap(value) ? value : {};
}

/**
 * A variable set from `data.aws_ssm_parameter.x.value`: the parameter `x` names becomes an
 * `ssmParameters` entry instead of a value Terraform would write into the function's configuration.
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ssm_parameter
 */
export async function terraformSecretReference(module: TerraformModule, values: TerraformValues, raw: unknown): Promise<SecretReference | undefined> {
  const m = SSM_PARAMETER_VALUE.exec(typeof raw === 'string' ? raw.trim() : '');
  if (!m) return undefined;
  const data = module.dataSource('aws_ssm_parameter', m[1]);
  if (!data) return undefined;
  const name = await values.resolve(data.body.name);
  return name.ok && typeof name.value === 'string' ? { kind: 'ssm', ref: name.value } : undefined;
}
