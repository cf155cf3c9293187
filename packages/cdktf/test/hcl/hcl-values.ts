/**
 * Values of the test-side HCL evaluator: plain JSON values, plus `Unknown` for
 * what Terraform only knows at apply time (resource attributes, data sources,
 * root variables). An unknown carries a canonical text of the expression that
 * produces it, so two configurations can be compared reference by reference.
 */
export class Unknown {
  /**
   * @param text canonical source of the expression, e.g. `replace(var.arn, "/:\\d+$/", "")`
   * @param json for `jsonencode(...)` of a value that contains unknowns: that value
   * @param parts for a template with unknown parts: its literal and unknown parts
   */
  constructor(
    public readonly text: string,
    public readonly json?: Value,
    public readonly parts?: Array<string | Unknown>,
  ) {}
}

export type Value = null | boolean | number | string | Unknown | Value[] | { [key: string]: Value };

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

export function isObject(value: unknown): value is { [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unknown);
}

export function containsUnknown(value: Value): boolean {
  if (value instanceof Unknown) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isObject(value)) return Object.values(value).some(containsUnknown);
  return false;
}

/** Canonical HCL-like text of a value, used for unknown expressions and comparisons. */
export function render(value: Value): string {
  if (value instanceof Unknown) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(render).join(', ')}]`;
  return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)} = ${render(value[k])}`).join(', ')}}`;
}

/** A template made of literal and unknown parts, as canonical text. */
export function templateText(parts: Array<string | Unknown>): string {
  return `"${parts.map((p) => (typeof p === 'string' ? JSON.stringify(p).slice(1, -1) : `\${${p.text}}`)).join('')}"`;
}

/**
 * Terraform's jsonencode of a known value: object keys sorted, as cty orders them.
 */
export function jsonEncodeKnown(value: Value): string {
  if (Array.isArray(value)) return `[${value.map(jsonEncodeKnown).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${jsonEncodeKnown(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The JSON document in a value: a JSON string, a `jsonencode(...)` of unknowns,
 * or a template whose unknown parts sit inside JSON strings (what
 * `JSON.stringify` of a document with CDKTF tokens synthesizes).
 */
export function decodeJson(value: Value): Value {
  if (typeof value === 'string') return JSON.parse(value);
  if (!(value instanceof Unknown)) {
    throw new Error(`not a JSON document: ${render(value)}`);
  }
  if (value.json !== undefined) return value.json;
  if (value.parts === undefined) {
    throw new Error(`an unknown value is not a JSON document: ${value.text}`);
  }
  const unknowns: Unknown[] = [];
  const text = value.parts.map((p) => {
    if (typeof p === 'string') return p;
    unknowns.push(p);
    return `\uE000${unknowns.length - 1}\uE000`;
  }).join('');
  const restore = (v: any): Value => {
    if (typeof v === 'string' && v.includes('\uE000')) {
      const parts = v.split(/\uE000(\d+)\uE000/).map((p, i) => (i % 2 === 1 ? unknowns[Number(p)] : p)).filter((p) => p !== '');
      return parts.length === 1 && parts[0] instanceof Unknown ? parts[0] : new Unknown(templateText(parts), undefined, parts);
    }
    if (Array.isArray(v)) return v.map(restore);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x)]));
    return v;
  };
  return restore(JSON.parse(text));
}

/**
 * A plain, comparable form: unknowns become `{ $unknown: <text> }`, so Jest's
 * `toEqual` shows a readable difference.
 */
export function comparable(value: Value): unknown {
  if (value instanceof Unknown) return { $unknown: value.text };
  if (Array.isArray(value)) return value.map(comparable);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}
