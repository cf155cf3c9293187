import { isMap, PlainMap } from '../plain-data';
import * as data from './sam-policy-templates.json';

/** SAM's policy templates, vendored from the SAM translator (see SAM-POLICY-TEMPLATES.md). */
const TEMPLATES = (data as unknown as { Templates: { [name: string]: { Definition: unknown; Parameters: PlainMap } } }).Templates;

/**
 * A SAM policy template's document with its parameters filled in: each `{ "Ref": "<Parameter>" }`
 * of the definition becomes the value given (which may itself be an intrinsic, resolved later).
 * @returns the document, or why it cannot be expanded
 */
export function expandSamPolicyTemplate(name: string, parameters: unknown): { document: unknown } | { unknown: string } {
  const template = Object.prototype.hasOwnProperty.call(TEMPLATES, name) ? TEMPLATES[name] : undefined;
  if (template === undefined) return { unknown: `${name} is not a SAM policy template this version knows` };
  const given = isMap(parameters) ? parameters : {};
  const missing = Object.keys(template.Parameters ?? {}).filter((p) => given[p] === undefined);
  if (missing.length > 0) return { unknown: `${name} needs ${missing.join(', ')}` };
  const fill = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fill);
    if (!isMap(value)) return value;
    if (Object.keys(value).length === 1 && typeof value.Ref === 'string' && given[value.Ref] !== undefined) return given[value.Ref];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
  };
  return { document: fill(template.Definition) };
}
