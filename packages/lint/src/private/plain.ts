export type PlainMap = { [key: string]: any };

export function isMap(value: unknown): value is PlainMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Nested blocks: hcl2json writes lists; CDKTF's JSON writes one object or a list. */
export function blocksOf(body: unknown, name: string): PlainMap[] {
  const value = isMap(body) ? body[name] : undefined;
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter(isMap);
}

/** Whether a `dynamic "<name>"` block may generate the block. */
export function hasDynamic(body: unknown, name: string): boolean {
  return blocksOf(body, 'dynamic').some((d) => name in d);
}

export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** `${aws_iam_role.x.arn}` → { type, name, attribute }, also with `[0]` or `["k"]` after the name. */
export function referenceOf(value: unknown): { type: string; name: string; attribute: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{\s*(aws_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?\.([a-z_]+)\s*\}$/.exec(value);
  return m ? { type: m[1], name: m[2], attribute: m[3] } : undefined;
}
