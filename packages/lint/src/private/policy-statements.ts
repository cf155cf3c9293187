import { TerraformBlock, TerraformModule, TerraformValues } from '@ecs-batch/terraform-reader';
import { splitTemplate } from '@ecs-batch/terraform-reader/lib/interpolation';
import { asList, blocksOf, isMap, PlainMap, referenceOf } from './plain';

/** One IAM statement, normalized from `jsonencode(...)`, a JSON string or an `aws_iam_policy_document`. */
export interface PolicyStatement {
  readonly effect: string;
  readonly actions: string[];
  readonly resources: string[];
  /** Condition keys, lower case (`ecs:cluster`, `aws:sourcearn`). */
  readonly conditionKeys: string[];
  readonly servicePrincipals: string[];
}

/**
 * Reads a policy attribute's statements, or undefined when they are not known before apply
 * (built by a `for` expression, a function, another module's output).
 */
export async function policyStatements(module: TerraformModule, value: unknown, depth = 0): Promise<PolicyStatement[] | undefined> {
  if (depth > 4) return undefined;
  const data = typeof value === 'string' ? /^\$\{\s*data\.aws_iam_policy_document\.([\w-]+)\.json\s*\}$/.exec(value) : null;
  if (data) {
    const doc = module.dataSource('aws_iam_policy_document', data[1]);
    return doc ? fromPolicyDocument(doc.body) : undefined;
  }
  const json = typeof value === 'string' ? /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/.exec(value) : null;
  if (json) return fromObject(module, await TerraformValues.parseExpression(json[1]), depth);
  if (typeof value === 'string') {
    const local = /^\$\{\s*local\.([\w-]+)\s*\}$/.exec(value);
    if (local) return policyStatements(module, module.scope.locals[local[1]], depth + 1);
    const parsed = parseJsonTemplate(value);
    if (parsed !== undefined) return fromObject(module, parsed, depth);
    const r = await module.values.resolve(value);
    return r.resolved && typeof r.value === 'string' && r.value !== value ? policyStatements(module, r.value, depth + 1) : undefined;
  }
  return fromObject(module, value, depth);
}

async function fromObject(module: TerraformModule, value: unknown, depth: number): Promise<PolicyStatement[] | undefined> {
  if (typeof value === 'string') {
    const local = /^\$\{\s*local\.([\w-]+)\s*\}$/.exec(value);
    if (local && depth < 4) return fromObject(module, module.scope.locals[local[1]], depth + 1);
    return undefined;
  }
  if (!isMap(value)) return undefined;
  const statements = value.Statement;
  if (!Array.isArray(statements) && !isMap(statements)) return undefined;
  const out: PolicyStatement[] = [];
  for (const s of asList(statements)) {
    if (!isMap(s)) return undefined;
    const principal = isMap(s.Principal) ? s.Principal : {};
    out.push({
      effect: String(s.Effect ?? 'Allow'),
      actions: strings(s.Action),
      resources: strings(s.Resource),
      conditionKeys: conditionKeysOf(s.Condition),
      servicePrincipals: strings(principal.Service),
    });
  }
  return out;
}

/** `{ StringEquals: { "aws:SourceAccount": … } }` → `['aws:sourceaccount']` */
function conditionKeysOf(condition: unknown): string[] {
  if (!isMap(condition)) return [];
  return Object.values(condition).flatMap((c) => (isMap(c) ? Object.keys(c) : [])).map((k) => k.toLowerCase());
}

function fromPolicyDocument(body: PlainMap): PolicyStatement[] | undefined {
  if (blocksOf(body, 'dynamic').length > 0) return undefined;
  return blocksOf(body, 'statement').map((s) => ({
    effect: String(s.effect ?? 'Allow'),
    actions: strings(s.actions),
    resources: strings(s.resources),
    conditionKeys: blocksOf(s, 'condition').map((c) => String(c.variable ?? '').toLowerCase()),
    servicePrincipals: blocksOf(s, 'principals').filter((p) => p.type === 'Service').flatMap((p) => strings(p.identifiers)),
  }));
}

function strings(value: unknown): string[] {
  return asList(value).filter((v): v is string => typeof v === 'string');
}

/** Whether an IAM action pattern (`ecs:Run*`, `*`) covers the action. */
export function allows(statement: PolicyStatement, action: string): boolean {
  if (statement.effect !== 'Allow') return false;
  return statement.actions.some((pattern) => new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`, 'i').test(action));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A policy attached to a role, with where it is written. */
export interface AttachedPolicy {
  readonly block: TerraformBlock;
  readonly attribute: string;
  readonly statements: PolicyStatement[] | undefined;
}

/** Every permission policy in the module: `aws_iam_role_policy`, `aws_iam_policy`, a role's `inline_policy`. */
export async function allPermissionPolicies(module: TerraformModule): Promise<Array<AttachedPolicy & { role?: string }>> {
  const out: Array<AttachedPolicy & { role?: string }> = [];
  for (const block of module.resources('aws_iam_role_policy')) {
    out.push({ block, attribute: 'policy', statements: await policyStatements(module, block.body.policy), role: referenceOf(block.body.role)?.name });
  }
  for (const block of module.resources('aws_iam_policy')) {
    const attachments = module.resources('aws_iam_role_policy_attachment').filter((a) => referenceOf(a.body.policy_arn)?.name === block.name);
    const statements = await policyStatements(module, block.body.policy);
    if (attachments.length === 0) out.push({ block, attribute: 'policy', statements });
    for (const a of attachments) out.push({ block, attribute: 'policy', statements, role: referenceOf(a.body.role)?.name });
  }
  for (const block of module.resources('aws_iam_role')) {
    for (const [i, inline] of blocksOf(block.body, 'inline_policy').entries()) {
      out.push({ block, attribute: `inline_policy[${i}].policy`, statements: await policyStatements(module, inline.policy), role: block.name });
    }
  }
  return out;
}

/**
 * The permission policies of the role a target names (`role_arn = aws_iam_role.x.arn`), or undefined
 * when the role is not in the module or one of its policies is not known before apply.
 */
export async function rolePolicies(module: TerraformModule, roleArn: unknown): Promise<AttachedPolicy[] | undefined> {
  const ref = referenceOf(roleArn);
  if (!ref || ref.type !== 'aws_iam_role' || !module.resource('aws_iam_role', ref.name)) return undefined;
  const policies = (await allPermissionPolicies(module)).filter((p) => p.role === ref.name);
  // Managed policies (attached by ARN) are not read: their statements are unknown here.
  const managed = module.resources('aws_iam_role_policy_attachment').some((a) => referenceOf(a.body.role)?.name === ref.name && !referenceOf(a.body.policy_arn));
  if (managed || policies.some((p) => p.statements === undefined)) return undefined;
  return policies;
}

/**
 * Parses a JSON policy written as a string (a heredoc, as in the provider's examples), whose `${...}`
 * expressions may hold quotes: each expression stands in as a placeholder while JSON parses.
 */
export function parseJsonTemplate(value: string): unknown {
  const parts = splitTemplate(value);
  if (!parts) return undefined;
  const expressions: string[] = [];
  const text = parts.map((p) => ('text' in p ? p.text : `@@tf${expressions.push(p.expression) - 1}@@`)).join('');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const restore = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(/@@tf(\d+)@@/g, (_, i: string) => `\${${expressions[Number(i)]}}`);
    if (Array.isArray(v)) return v.map(restore);
    if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x)]));
    return v;
  };
  return restore(parsed);
}
