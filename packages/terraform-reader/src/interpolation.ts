/** A piece of a Terraform string template as `@cdktf/hcl2json` writes it: literal text, or a `${...}` expression. */
export type TemplatePart = { readonly text: string } | { readonly expression: string };

/**
 * Splits a string from `@cdktf/hcl2json` into literal text and `${...}` expressions.
 *
 * hcl2json keeps every non-literal expression as the source text wrapped in `${...}` (for example
 * `"${var.memory}"` or `"${jsonencode({ a = 1 })}"`), so this scanner matches braces and skips
 * quoted strings inside an expression. `$${` is Terraform's escape for a literal `${`.
 *
 * @returns the parts, or `undefined` when the string holds a template directive (`%{ if }`, `%{ for }`).
 * @see https://developer.hashicorp.com/terraform/language/expressions/strings#string-templates
 */
export function splitTemplate(value: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < value.length) {
    if (value.startsWith('$${', i) || value.startsWith('%%{', i)) {
      text += value.slice(i + 1, i + 3);
      i += 3;
    } else if (value.startsWith('%{', i)) {
      return undefined;
    } else if (value.startsWith('${', i)) {
      const end = closingBrace(value, i + 2);
      if (end < 0) return undefined;
      if (text) parts.push({ text });
      text = '';
      parts.push({ expression: value.slice(i + 2, end).trim() });
      i = end + 1;
    } else {
      text += value[i];
      i++;
    }
  }
  if (text || parts.length === 0) parts.push({ text });
  return parts;
}

/** True when the string has any `${...}` or `%{...}` left to evaluate. */
export function hasInterpolation(value: string): boolean {
  return (splitTemplate(value) ?? [{ expression: value }]).some((p) => 'expression' in p);
}

/** Index of the `}` that closes the expression starting at `from`, or -1. */
function closingBrace(value: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < value.length) {
    const c = value[i];
    if (c === '"') {
      i = closingQuote(value, i + 1);
      if (i < 0) return -1;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
    i++;
  }
  return -1;
}

/** Index of the `"` that ends a quoted string starting at `from` (which may hold nested `${...}`), or -1. */
function closingQuote(value: string, from: number): number {
  let i = from;
  while (i < value.length) {
    const c = value[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') return i;
    if (value.startsWith('${', i)) {
      const end = closingBrace(value, i + 2);
      if (end < 0) return -1;
      i = end + 1;
      continue;
    }
    i++;
  }
  return -1;
}
