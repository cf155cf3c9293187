/**
 * The outline of an HCL file, read from its source text: where each block and attribute starts,
 * and the comments next to it. `@cdktf/hcl2json` returns neither.
 *
 * This is not a second HCL parser: it only finds statement boundaries (skipping strings, string
 * templates, heredocs and bracketed expressions) so each value that hcl2json returns can be named by
 * `file:line`. hcl2json stays the judge of what the file means, and of whether it is valid.
 *
 * @see https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md
 */

/** A block (`resource "a" "b" { }`) or an attribute (`name = value`) of an HCL body. */
export interface OutlineNode {
  readonly kind: 'block' | 'attribute';
  /** Block type or attribute name. */
  readonly name: string;
  /** A block's labels (`"aws_iam_role"`, `"invoker"`). */
  readonly labels: string[];
  /** 1-based line where the statement starts. */
  readonly line: number;
  /** 1-based line where it ends (an attribute's value may span lines). */
  readonly endLine: number;
  /** The comments on the lines just above it (no blank line between) and at the end of its first and last line. */
  comments: string[];
  readonly children: OutlineNode[];
}

type TokenType = 'ident' | 'string' | 'heredoc' | 'punct' | 'newline' | 'comment' | 'other';

interface Token {
  readonly type: TokenType;
  readonly value: string;
  readonly line: number;
  /** Comments only: nothing but whitespace before it on its line. */
  readonly standalone?: boolean;
  /** Last line the token covers (block comments, heredocs, multi-line strings). */
  readonly endLine: number;
}

/** Reads the outline of an HCL file's top-level body. */
export function outlineHcl(text: string): OutlineNode[] {
  const tokens = tokenize(text);
  const comments = tokens.filter((t) => t.type === 'comment');
  const code = tokens.filter((t) => t.type !== 'comment');
  const nodes: OutlineNode[] = [];
  parseBody(code, 0, false, nodes);
  attachComments(nodes, comments);
  return nodes;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineHasCode = false;
  const push = (type: TokenType, value: string, startLine: number, extra: Partial<Token> = {}) => {
    tokens.push({ type, value, line: startLine, endLine: line, ...extra });
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      push('newline', '\n', line);
      line++;
      lineHasCode = false;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#' || text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      push('comment', text.slice(i + (c === '#' ? 1 : 2), stop).trim(), line, { standalone: !lineHasCode });
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      const body = text.slice(i + 2, end < 0 ? text.length : end);
      const start = line;
      line += count(body, '\n');
      push('comment', body.trim(), start, { standalone: !lineHasCode });
      i = stop;
    } else if (c === '"') {
      const start = line;
      const end = skipString(text, i + 1);
      const raw = text.slice(i + 1, Math.max(i + 1, end - 1));
      line += count(text.slice(i, end), '\n');
      push('string', raw, start);
      lineHasCode = true;
      i = end;
    } else if (text.startsWith('<<', i) && /^<<-?[A-Za-z_][\w-]*\r?\n/.test(text.slice(i, i + 200))) {
      const m = /^<<-?([A-Za-z_][\w-]*)\r?\n/.exec(text.slice(i, i + 200))!;
      const start = line;
      let j = i + m[0].length;
      line++;
      // The heredoc ends at the first line that is only its marker (indented with `<<-`).
      for (;;) {
        const eol = text.indexOf('\n', j);
        const stop = eol < 0 ? text.length : eol;
        if (text.slice(j, stop).trim() === m[1] || eol < 0) {
          j = stop;
          break;
        }
        line++;
        j = eol + 1;
      }
      push('heredoc', m[1], start);
      lineHasCode = true;
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w-]*/.exec(text.slice(i, i + 300))!;
      push('ident', m[0], line);
      lineHasCode = true;
      i += m[0].length;
    } else if ('{}[]()=,'.includes(c)) {
      if (c === '=' && (text[i + 1] === '=' || text[i + 1] === '>')) {
        push('other', text.slice(i, i + 2), line);
        i += 2;
      } else {
        push('punct', c, line);
        i++;
      }
      lineHasCode = true;
    } else {
      push('other', c, line);
      lineHasCode = true;
      i++;
    }
  }
  return tokens;
}

/** Index just after the `"` that closes a string opened before `from`; `${...}` and `%{...}` may nest strings. */
function skipString(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '"') {
      return i + 1;
    } else if ((c === '$' || c === '%') && text[i + 1] === '{' && text[i - 1] !== c) {
      i = skipTemplateExpression(text, i + 2);
    } else if (c === '\n') {
      // A quoted string cannot span lines outside a template expression: stop, hcl2json reports it.
      return i;
    } else {
      i++;
    }
  }
  return i;
}

function skipTemplateExpression(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = skipString(text, i + 1);
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') {
      if (depth === 0) return i + 1;
      depth--;
    }
    i++;
  }
  return i;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

const OPEN = new Set(['{', '[', '(']);
const CLOSE = new Set(['}', ']', ')']);

/** Parses statements until the end, or the `}` that closes this body; returns the index after it. */
function parseBody(tokens: Token[], from: number, nested: boolean, into: OutlineNode[]): number {
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type === 'punct' && t.value === '}' && nested) return i + 1;
    if (t.type !== 'ident') {
      i++;
      continue;
    }
    const next = tokens[i + 1];
    if (next?.type === 'punct' && next.value === '=') {
      const end = skipExpression(tokens, i + 2);
      const last = tokens[Math.max(i, end - 1)];
      into.push({ kind: 'attribute', name: t.value, labels: [], line: t.line, endLine: last.type === 'newline' ? last.line : last.endLine, comments: [], children: [] });
      i = end;
      continue;
    }
    const labels: string[] = [];
    let j = i + 1;
    while (tokens[j] && (tokens[j].type === 'string' || tokens[j].type === 'ident')) labels.push(tokens[j++].value);
    if (tokens[j]?.type === 'punct' && tokens[j].value === '{') {
      const children: OutlineNode[] = [];
      const end = parseBody(tokens, j + 1, true, children);
      const closing = tokens[end - 1];
      into.push({ kind: 'block', name: t.value, labels, line: t.line, endLine: closing?.line ?? t.line, comments: [], children });
      i = end;
      continue;
    }
    i = j + 1;
  }
  return i;
}

/** Index of the newline (or `}` of a one-line block) that ends the expression starting at `from`. */
function skipExpression(tokens: Token[], from: number): number {
  let depth = 0;
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type === 'punct' && OPEN.has(t.value)) depth++;
    if (t.type === 'punct' && CLOSE.has(t.value)) {
      if (depth === 0) return i;
      depth--;
    }
    if (t.type === 'newline' && depth === 0) return i;
    i++;
  }
  return i;
}

function attachComments(nodes: OutlineNode[], comments: Token[]): void {
  const standalone = new Map<number, Token>();
  const trailing = new Map<number, Token[]>();
  for (const c of comments) {
    if (c.standalone) standalone.set(c.endLine, c);
    else trailing.set(c.line, [...(trailing.get(c.line) ?? []), c]);
  }
  const visit = (list: OutlineNode[]) => {
    for (const node of list) {
      const above: string[] = [];
      for (let line = node.line - 1; standalone.has(line);) {
        const c = standalone.get(line)!;
        above.unshift(c.value);
        line = c.line - 1;
      }
      const after = [...(trailing.get(node.line) ?? [])];
      if (node.kind === 'attribute' && node.endLine !== node.line) after.push(...(trailing.get(node.endLine) ?? []));
      node.comments = [...above, ...after.map((c) => c.value)];
      visit(node.children);
    }
  };
  visit(nodes);
}
