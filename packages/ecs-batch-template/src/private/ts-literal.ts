const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A string as a single-quoted TypeScript literal (the generated repo's lint style). */
export function tsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/**
 * A JSON-like value as TypeScript source on one line, in the generated repo's
 * lint style: single quotes, keys quoted only when one of them must be
 * (quote-props: consistent-as-needed).
 */
export function tsLiteral(value: unknown): string {
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const quoteAll = entries.some(([k]) => !IDENTIFIER.test(k));
  return `{ ${entries.map(([k, v]) => `${quoteAll ? tsString(k) : k}: ${tsLiteral(v)}`).join(', ')} }`;
}
