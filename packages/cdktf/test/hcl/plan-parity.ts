/**
 * Puts an HCL module plan and a CDKTF stack plan into one comparable form:
 * JSON documents decoded (IAM policies, container definitions, target inputs,
 * event patterns), nested blocks as lists (CDKTF writes a single block as an
 * object), references as canonical addresses.
 */
import { Unknown, Value, comparable, decodeJson, isObject, isUnknown } from './hcl-values';
import { Plan, PlannedResource } from './module-plan';

/** Attributes that hold a JSON document. */
export const JSON_ATTRIBUTES = new Set(['input_template', 'policy', 'assume_role_policy', 'input', 'container_definitions', 'event_pattern', 'dashboard_body', 'policy_document']);

/** `{ 'aws_iam_role': 2, 'data.aws_region': 1, ... }` */
export function typeCounts(plan: Plan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of plan.resources) {
    const key = `${r.mode === 'data' ? 'data.' : ''}${r.type}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export interface ComparableResource {
  readonly type: string;
  readonly attributes: unknown;
  readonly ignoreChanges: string[];
}

/**
 * Both plans by address, comparable with `toEqual`. The HCL plan gives the
 * shape: where it has a list of blocks and CDKTF a single object, the object is
 * wrapped.
 */
export function comparablePlans(hcl: Plan, cdktf: Plan): { hcl: Record<string, ComparableResource>; cdktf: Record<string, ComparableResource> } {
  const hclByAddress = byAddress(hcl.resources);
  const out = { hcl: {} as Record<string, ComparableResource>, cdktf: {} as Record<string, ComparableResource> };
  for (const r of hcl.resources) {
    out.hcl[r.address] = { type: r.type, attributes: comparable(decodeDocuments(r.attributes)), ignoreChanges: [...r.ignoreChanges].sort() };
  }
  for (const r of cdktf.resources) {
    const shape = hclByAddress.get(r.address)?.attributes;
    const decoded = decodeDocuments(r.attributes);
    const aligned = shape === undefined ? decoded : align(decoded, decodeDocuments(shape));
    out.cdktf[r.address] = { type: r.type, attributes: comparable(aligned), ignoreChanges: [...r.ignoreChanges].sort() };
  }
  return out;
}

function byAddress(resources: PlannedResource[]): Map<string, PlannedResource> {
  return new Map(resources.map((r) => [r.address, r]));
}

/** IAM policy attributes: compared after `normalizeIam`. */
const IAM_ATTRIBUTES = new Set(['policy', 'assume_role_policy', 'policy_document']);

function decodeDocuments(value: Value, key?: string): Value {
  if (key !== undefined && JSON_ATTRIBUTES.has(key) && (typeof value === 'string' || isUnknown(value))) {
    const decoded = decodeJson(value);
    return IAM_ATTRIBUTES.has(key) ? normalizeIam(decoded) : decoded;
  }
  if (Array.isArray(value)) return value.map((v) => decodeDocuments(v));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeDocuments(v, k)]));
  return value;
}

function align(value: Value, shape: Value): Value {
  if (Array.isArray(shape) && shape.every(isObject) && isObject(value)) {
    return [align(value, shape[0])];
  }
  if (Array.isArray(shape) && Array.isArray(value)) {
    return value.map((v, i) => align(v, shape[Math.min(i, shape.length - 1)]));
  }
  if (isObject(shape) && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k in shape ? align(v, shape[k]) : v]));
  }
  return value;
}

/**
 * IAM reads a single value and a list of one the same way: `"Resource": "x"` is
 * `"Resource": ["x"]`. Core writes one value as a string; an HCL list reference
 * (`Resource = local.pass_role_arns`) is always a list. Compare both as lists.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function normalizeIam(document: Value): Value {
  const asList = (v: Value): Value => (Array.isArray(v) ? v : [v]);
  if (!isObject(document) || !Array.isArray(document.Statement)) return document;
  return {
    ...document,
    Statement: document.Statement.map((s) => {
      if (!isObject(s)) return s;
      const out: { [k: string]: Value } = { ...s };
      for (const k of ['Action', 'NotAction', 'Resource', 'NotResource']) if (k in out) out[k] = asList(out[k]);
      if (isObject(out.Principal)) out.Principal = Object.fromEntries(Object.entries(out.Principal).map(([k, v]) => [k, asList(v)]));
      if (isObject(out.Condition)) {
        out.Condition = Object.fromEntries(Object.entries(out.Condition).map(([op, kv]) =>
          [op, isObject(kv) ? Object.fromEntries(Object.entries(kv).map(([k, v]) => [k, asList(v)])) : kv]));
      }
      return out;
    }),
  };
}

/** Every IAM statement of a plan, by resource address and attribute. */
export function iamDocuments(plan: Plan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of plan.resources) {
    for (const key of ['policy', 'assume_role_policy', 'policy_document']) {
      const v = r.attributes[key];
      if (v !== undefined) out[`${r.address}.${key}`] = comparable(normalizeIam(decodeJson(v)));
    }
  }
  return out;
}

/**
 * The data sources of a plan as one stack reads them: each `aws_caller_identity`,
 * `aws_partition` and `aws_region` once, wherever it is declared.
 *
 * The HCL modules declare their own in every module instance (a job's, and
 * one more per schedule); the constructs share one of each per stack
 * (`ecs_batch_aws/...`), created only where a resource uses it. So both plans
 * are compared on the data sources their resources use, by type and name
 * (`data.aws_region.region`), with every reference renamed to match: a
 * resource that reads the account from another source, or a data source
 * read under another name, still differs.
 */
export function withSharedDataSources(plan: Plan): Plan {
  const data = plan.resources.filter((r) => r.mode === 'data');
  // `<module path>/data.<type>.<name>` without the module path.
  const canonical = (r: PlannedResource) => r.address.slice(r.address.lastIndexOf('/data.') + 1);
  // Longest first, so `job/schedules/run/data.x.y` is renamed before `run/data.x.y` could match inside it.
  const renames = data.map((r) => [r.address, r.address.includes('/') ? canonical(r) : r.address] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const rename = (text: string): string => renames.reduce((t, [from, to]) => t.split(`${from}.`).join(`${to}.`), text);
  const rewrite = (value: Value): Value => {
    if (isUnknown(value)) {
      return new Unknown(rename(value.text), value.json === undefined ? undefined : rewrite(value.json),
        value.parts?.map((p) => (typeof p === 'string' ? p : rewrite(p) as Unknown)));
    }
    if (Array.isArray(value)) return value.map(rewrite);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  const managed = plan.resources.filter((r) => r.mode === 'managed').map((r) => ({ ...r, attributes: rewrite(r.attributes) as { [k: string]: Value } }));
  const outputs = Object.fromEntries(Object.entries(plan.outputs).map(([k, v]) => [k, rewrite(v)]));
  const used = JSON.stringify(comparable([managed.map((r) => r.attributes), outputs] as Value));
  const shared = new Map<string, PlannedResource>();
  for (const r of data) {
    const address = renames.find(([from]) => from === r.address)![1];
    if (!shared.has(address) && used.includes(`${address}.`)) shared.set(address, { ...r, address });
  }
  return { ...plan, resources: [...managed, ...shared.values()], outputs };
}
