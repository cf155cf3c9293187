/** A source value resolved to a literal, or the expression (as the source writes it) that could not be. */
export type Resolution = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly expression: string };

/** How to name a value in a warning: the unresolved expression, or the literal that has the wrong type. */
export function shown(r: Resolution): string {
  return r.ok ? JSON.stringify(r.value) : r.expression;
}
