const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A JSON-like value as an HCL expression, formatted as `terraform fmt` would:
 * objects one attribute per line (`key = value`, aligned), lists of plain values
 * on one line. In strings, `${` and `%{` (template sequences) are escaped.
 *
 * @param indent the column the expression starts at, for nested lines
 */
export function hclLiteral(value: unknown, indent = 0): string {
  if (typeof value === 'string') return JSON.stringify(value).replace(/\$\{/g, '$$$${').replace(/%\{/g, '%%{');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return `[${value.map((v) => hclLiteral(v)).join(', ')}]`;
    return `[\n${value.map((v) => `${pad}  ${hclLiteral(v, indent + 2)},`).join('\n')}\n${pad}]`;
  }
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const keys = entries.map(([k]) => (IDENTIFIER.test(k) ? k : JSON.stringify(k)));
  const width = Math.max(...keys.map((k) => k.length));
  return `{\n${entries.map(([, v], i) => `${pad}  ${keys[i].padEnd(width)} = ${hclLiteral(v, indent + 2)}`).join('\n')}\n${pad}}`;
}
