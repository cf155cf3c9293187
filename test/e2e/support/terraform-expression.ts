/**
 * Evaluates the one Terraform expression shape the family ARN is built with:
 * `${replace(<reference>, "<regex>", "<replacement>")}` plus an optional
 * literal suffix (`:*` in IAM), with `<reference>` taken from `values`.
 * Anything else throws, so a target that is not built this way fails the test.
 *
 * Terraform reads a pattern wrapped in slashes as a regular expression
 * (https://developer.hashicorp.com/terraform/language/functions/replace) and
 * string escapes (`\\`) before that.
 */
export function evaluateReplace(expression: string, values: Record<string, string>): string {
  const match = /^\$\{replace\(([\w.-]+), "((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\)\}(.*)$/.exec(expression);
  if (!match) throw new Error(`not a replace() expression: ${expression}`);
  const [, reference, rawPattern, rawReplacement, suffix] = match;
  const input = values[reference];
  if (input === undefined) throw new Error(`${reference}: no value given (have ${Object.keys(values).join(', ')})`);
  const pattern = unescapeString(rawPattern);
  const replacement = unescapeString(rawReplacement);
  const result = pattern.startsWith('/') && pattern.endsWith('/') && pattern.length > 1
    ? input.replace(new RegExp(pattern.slice(1, -1), 'g'), replacement)
    : input.split(pattern).join(replacement);
  return result + suffix;
}

/** A Terraform string literal's escapes (`\\`, `\"`, `\n`) as the characters they stand for. */
function unescapeString(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}
