const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A JSON value holding Terraform references as an HCL expression, formatted as
 * `terraform fmt` does: a string that is a single whole `${expr}` becomes the bare
 * expression (so a list reference stays a list), any other string a quoted template
 * that keeps its `${...}`; objects one attribute per line, with the `=` of
 * consecutive one-line attributes aligned (a multi-line value breaks the run).
 *
 * For the output of @ecs-batch/core's policy builders, which pass references through.
 *
 * @param indent the column the expression starts at, for nested lines
 */
export function hclExpression(value: unknown, indent = 0): string {
  if (typeof value === 'string') return hclTemplate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return `[${value.map((v) => hclExpression(v)).join(', ')}]`;
    return `[\n${value.map((v) => `${pad}  ${hclExpression(v, indent + 2)},`).join('\n')}\n${pad}]`;
  }
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined)
    .map(([k, v]) => ({ key: IDENTIFIER.test(k) ? k : JSON.stringify(k), text: hclExpression(v, indent + 2) }));
  if (entries.length === 0) return '{}';
  return `{\n${alignAttributes(entries, indent + 2)}\n${pad}}`;
}

/**
 * `key = value` lines at `indent`, aligned as `terraform fmt` aligns them: within
 * each run of consecutive one-line attributes; a multi-line value is not padded.
 */
export function alignAttributes(entries: Array<{ key: string; text: string }>, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let run: Array<{ key: string; text: string }> = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((e) => e.key.length));
    for (const e of run) lines.push(`${pad}${e.key.padEnd(width)} = ${e.text}`);
    run = [];
  };
  for (const e of entries) {
    if (e.text.includes('\n')) {
      flush();
      lines.push(`${pad}${e.key} = ${e.text}`);
    } else {
      run.push(e);
    }
  }
  flush();
  return lines.join('\n');
}

/** A string with `${...}` references: the bare expression when it is one whole reference, else a quoted template. */
function hclTemplate(value: string): string {
  const whole = /^\$\{([^{}]*)\}$/.exec(value);
  if (whole) return whole[1];
  let out = '';
  let i = 0;
  while (i < value.length) {
    if (value.startsWith('${', i)) {
      const end = value.indexOf('}', i);
      if (end === -1) throw new Error(`unterminated \${ in '${value}'`);
      out += value.slice(i, end + 1);
      i = end + 1;
    } else if (value.startsWith('%{', i)) {
      out += '%%{';
      i += 2;
    } else {
      const ch = value[i];
      out += ch === '"' ? '\\"' : ch === '\\' ? '\\\\' : ch === '\n' ? '\\n' : ch;
      i += 1;
    }
  }
  return `"${out}"`;
}
