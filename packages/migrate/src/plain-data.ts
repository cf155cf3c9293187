/** A parsed JSON/YAML/HCL mapping. */
export type PlainMap = { [key: string]: unknown };

/** True for a mapping (not null, not a list). */
export function isMap(value: unknown): value is PlainMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The mapping, or an empty one when the value is anything else. */
export function asMap(value: unknown): PlainMap {
  return isMap(value) ? value : {};
}

/** The list; a single value becomes a one-item list, `undefined` an empty one. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** `{ [key]: value }`, or `{}` when the value is undefined: spreads an optional field into an object literal. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
