/**
 * A JSON-like value as an HCL expression. HCL reads JSON-style literals, so
 * JSON.stringify is close; `${` and `%{` start templates in HCL strings and are
 * escaped.
 */
export function hclLiteral(value: unknown, indent = 0): string {
  const text = JSON.stringify(value, null, 2)
    .replace(/\$\{/g, '$${')
    .replace(/%\{/g, '%%{');
  return text.split('\n').map((line, i) => (i === 0 ? line : ' '.repeat(indent) + line)).join('\n');
}
