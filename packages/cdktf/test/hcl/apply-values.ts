/**
 * What Terraform fills in at apply time: replaces each unknown (by its canonical
 * text, e.g. `nightly/aws_cloudwatch_event_rule.rule.arn`) with a concrete value,
 * so a synthesized IAM document can be evaluated by the IAM simulator.
 */
import { Unknown, Value, decodeJson, isObject } from './hcl-values';

export function applyValues(value: Value, known: Record<string, string>): any {
  if (value instanceof Unknown) {
    if (Object.prototype.hasOwnProperty.call(known, value.text)) return known[value.text];
    if (value.parts !== undefined) return value.parts.map((p) => (typeof p === 'string' ? p : applyValues(p, known))).join('');
    throw new Error(`no apply-time value for ${value.text} (known: ${Object.keys(known).join(', ')})`);
  }
  if (Array.isArray(value)) return value.map((v) => applyValues(v, known));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, applyValues(v, known)]));
  return value;
}

/** A JSON document attribute (policy, assume_role_policy...) with apply-time values. */
export function appliedDocument(attribute: Value, known: Record<string, string>): any {
  return applyValues(decodeJson(attribute), known);
}
