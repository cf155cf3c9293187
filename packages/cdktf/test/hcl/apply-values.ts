/**
 * Documents as Terraform has them after apply, for the IAM simulator: a plan
 * made with apply-time values (`planStack(stack, variables, applied)`) has no
 * unknowns left in them; this decodes one and fails on any that remain.
 */
import { Unknown, Value, decodeJson, isObject } from './hcl-values';

function known(value: Value): any {
  if (value instanceof Unknown) {
    throw new Error(`no apply-time value for ${value.text}`);
  }
  if (Array.isArray(value)) return value.map(known);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, known(v)]));
  return value;
}

/** A JSON document attribute (policy, assume_role_policy...) with every value known. */
export function appliedDocument(attribute: Value): any {
  return known(decodeJson(attribute));
}
