/**
 * A parser for HCL native-syntax expressions, as `@cdktf/hcl2json` leaves them
 * (`"${var.a ? 1 : 0}"`) and as CDKTF synthesizes them into Terraform JSON.
 *
 * It covers the expression language these modules use: literals, templates
 * (with HCL's escape rules: `"\d"` is an error, as in Terraform), references,
 * attribute and index access, `[*]` splats, function calls, unary/binary
 * operators, conditionals, tuple/object constructors and `for` expressions.
 * Template directives (`%{ if }`) and heredocs are not supported and fail loudly.
 *
 * @see https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md
 */
import { Value } from './hcl-values';

export type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'template'; parts: Array<string | Node> }
  | { kind: 'variable'; name: string }
  | { kind: 'getattr'; target: Node; name: string }
  | { kind: 'index'; target: Node; key: Node }
  | { kind: 'splat'; target: Node; each: Node }
  | { kind: 'call'; name: string; args: Node[]; expandFinal: boolean }
  | { kind: 'unary'; op: '!' | '-'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'conditional'; condition: Node; then: Node; otherwise: Node }
  | { kind: 'tuple'; items: Node[] }
  | { kind: 'object'; items: Array<{ key: Node; value: Node }> }
  | { kind: 'for'; target: 'tuple' | 'object'; keyVar?: string; valueVar: string; collection: Node; key?: Node; value: Node; condition?: Node; group: boolean }
  | { kind: 'splatItem' };

export class HclSyntaxError extends Error {}

const BINARY_LEVELS: string[][] = [['||'], ['&&'], ['==', '!='], ['>=', '<=', '>', '<'], ['+', '-'], ['*', '/', '%']];

/** Parse an expression in native syntax, e.g. `var.a ? 1 : 0`. */
export function parseExpression(source: string): Node {
  const parser = new Parser(source);
  const node = parser.expression();
  parser.skipSpace();
  if (!parser.atEnd()) {
    parser.fail(`unexpected '${source.slice(parser.pos, parser.pos + 20)}'`);
  }
  return node;
}

/**
 * Parse a string of Terraform JSON syntax (or an hcl2json value) as a template:
 * literal text is taken as it is, `${...}` are interpolations, `$${` is a literal `${`.
 */
export function parseJsonTemplate(source: string): Node {
  const parser = new Parser(source);
  const parts = parser.templateParts(undefined);
  return simplifyTemplate(parts);
}

function simplifyTemplate(parts: Array<string | Node>): Node {
  if (parts.length === 0) return { kind: 'literal', value: '' };
  if (parts.length === 1 && typeof parts[0] === 'string') return { kind: 'literal', value: parts[0] };
  return { kind: 'template', parts };
}

class Parser {
  public pos = 0;

  constructor(private readonly src: string) {}

  public atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  public fail(message: string): never {
    throw new HclSyntaxError(`${message} at ${this.pos} in: ${this.src.length > 300 ? `${this.src.slice(0, 300)}...` : this.src}`);
  }

  /** Whitespace, newlines and comments (`#`, `//`, `/* *\/`). */
  public skipSpace(): void {
    for (;;) {
      const rest = this.src.slice(this.pos);
      const m = /^(\s+|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
      if (!m) return;
      this.pos += m[0].length;
    }
  }

  private peek(token: string): boolean {
    this.skipSpace();
    return this.src.startsWith(token, this.pos);
  }

  private eat(token: string): boolean {
    if (this.peek(token)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  private expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected '${token}'`);
  }

  private peekKeyword(word: string): boolean {
    this.skipSpace();
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos));
    return m !== null && m[0] === word;
  }

  private identifier(): string {
    this.skipSpace();
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos));
    if (!m) this.fail('expected an identifier');
    this.pos += m[0].length;
    return m[0];
  }

  public expression(): Node {
    const condition = this.binary(0);
    if (this.eat('?')) {
      const then = this.expression();
      this.expect(':');
      const otherwise = this.expression();
      return { kind: 'conditional', condition, then, otherwise };
    }
    return condition;
  }

  private binary(level: number): Node {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      this.skipSpace();
      // `=>` and `==` start with '='; `<=`/`>=` before `<`/`>`.
      const op = BINARY_LEVELS[level].find((o) => this.src.startsWith(o, this.pos) && !(o === '>' && this.src.startsWith('>=', this.pos)) && !(o === '<' && this.src.startsWith('<=', this.pos)));
      if (op === undefined || (op === '=' && this.src.startsWith('=>', this.pos))) return left;
      this.pos += op.length;
      const right = this.binary(level + 1);
      left = { kind: 'binary', op, left, right };
    }
  }

  private unary(): Node {
    if (this.peek('!') && !this.peek('!=')) {
      this.pos += 1;
      return { kind: 'unary', op: '!', operand: this.unary() };
    }
    if (this.peek('-')) {
      this.pos += 1;
      return { kind: 'unary', op: '-', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(node: Node): Node {
    for (;;) {
      this.skipSpace();
      if (this.src.startsWith('[*]', this.pos)) {
        this.pos += 3;
        // The rest of the traversal applies to each element.
        const each = this.postfix({ kind: 'splatItem' });
        return { kind: 'splat', target: node, each };
      }
      if (this.src.startsWith('.*', this.pos)) {
        this.fail('attribute-only splats (.*) are not supported');
      }
      if (this.src.startsWith('.', this.pos) && !this.src.startsWith('...', this.pos)) {
        this.pos += 1;
        const number = /^\d+/.exec(this.src.slice(this.pos));
        if (number) {
          this.pos += number[0].length;
          node = { kind: 'index', target: node, key: { kind: 'literal', value: Number(number[0]) } };
        } else {
          node = { kind: 'getattr', target: node, name: this.identifier() };
        }
        continue;
      }
      if (this.src.startsWith('[', this.pos)) {
        this.pos += 1;
        const key = this.expression();
        this.expect(']');
        node = { kind: 'index', target: node, key };
        continue;
      }
      return node;
    }
  }

  private primary(): Node {
    this.skipSpace();
    const ch = this.src[this.pos];
    if (ch === undefined) this.fail('unexpected end of expression');
    if (ch === '(') {
      this.pos += 1;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (ch === '"') {
      this.pos += 1;
      return simplifyTemplate(this.templateParts('"'));
    }
    if (this.src.startsWith('<<', this.pos)) this.fail('heredocs are not supported in expressions');
    if (ch === '[') return this.tupleOrFor();
    if (ch === '{') return this.objectOrFor();
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.src.slice(this.pos));
    if (number) {
      this.pos += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    const name = this.identifier();
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    if (this.peek('(')) {
      this.pos += 1;
      const args: Node[] = [];
      let expandFinal = false;
      while (!this.eat(')')) {
        args.push(this.expression());
        if (this.eat('...')) expandFinal = true;
        if (!this.eat(',') && !this.peek(')')) this.fail('expected \',\' or \')\' in a function call');
      }
      return { kind: 'call', name, args, expandFinal };
    }
    return { kind: 'variable', name };
  }

  private tupleOrFor(): Node {
    this.expect('[');
    if (this.peekKeyword('for')) {
      const node = this.forHead('tuple');
      this.expect(']');
      return node;
    }
    const items: Node[] = [];
    while (!this.eat(']')) {
      items.push(this.expression());
      if (!this.eat(',') && !this.peek(']')) this.fail('expected \',\' or \']\' in a tuple');
    }
    return { kind: 'tuple', items };
  }

  private objectOrFor(): Node {
    this.expect('{');
    if (this.peekKeyword('for')) {
      const node = this.forHead('object');
      this.expect('}');
      return node;
    }
    const items: Array<{ key: Node; value: Node }> = [];
    while (!this.eat('}')) {
      this.skipSpace();
      let key: Node;
      const bare = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos));
      if (bare && /^\s*[=:]/.test(this.src.slice(this.pos + bare[0].length)) && !/^\s*==/.test(this.src.slice(this.pos + bare[0].length))) {
        // A bare identifier key is a literal name, not a reference.
        this.pos += bare[0].length;
        key = { kind: 'literal', value: bare[0] };
      } else {
        key = this.expression();
      }
      if (!this.eat('=') && !this.eat(':')) this.fail('expected \'=\' or \':\' after an object key');
      const value = this.expression();
      items.push({ key, value });
      this.eat(',');
    }
    return { kind: 'object', items };
  }

  private forHead(target: 'tuple' | 'object'): Node {
    this.identifier(); // for
    const first = this.identifier();
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.eat(',')) {
      keyVar = first;
      valueVar = this.identifier();
    }
    if (this.identifier() !== 'in') this.fail('expected \'in\'');
    const collection = this.expression();
    this.expect(':');
    let key: Node | undefined;
    if (target === 'object') {
      key = this.expression();
      this.expect('=>');
    }
    const value = this.expression();
    const group = target === 'object' && this.eat('...');
    let condition: Node | undefined;
    if (this.peekKeyword('if')) {
      this.identifier();
      condition = this.expression();
    }
    return { kind: 'for', target, keyVar, valueVar, collection, key, value, condition, group };
  }

  /**
   * Template parts up to `close` (a quote), or to the end of the source when
   * `close` is undefined (JSON mode: no escape sequences in literal text).
   */
  public templateParts(close: '"' | undefined): Array<string | Node> {
    const parts: Array<string | Node> = [];
    let literal = '';
    for (;;) {
      if (this.atEnd()) {
        if (close !== undefined) this.fail('unterminated string');
        break;
      }
      const ch = this.src[this.pos];
      if (close !== undefined && ch === close) {
        this.pos += 1;
        break;
      }
      if (this.src.startsWith('$${', this.pos) || this.src.startsWith('%%{', this.pos)) {
        literal += this.src.slice(this.pos + 1, this.pos + 3);
        this.pos += 3;
        continue;
      }
      if (this.src.startsWith('%{', this.pos)) this.fail('template directives (%{...}) are not supported');
      if (this.src.startsWith('${', this.pos)) {
        if (literal !== '') parts.push(literal);
        literal = '';
        this.pos += 2;
        this.eat('~');
        parts.push(this.expression());
        this.eat('~');
        this.expect('}');
        continue;
      }
      if (close !== undefined && ch === '\\') {
        literal += this.escape();
        continue;
      }
      if (close !== undefined && ch === '\n') this.fail('newline in a quoted string');
      literal += ch;
      this.pos += 1;
    }
    if (literal !== '') parts.push(literal);
    return parts;
  }

  /** HCL's escape sequences; any other is an error, as in Terraform. */
  private escape(): string {
    const next = this.src[this.pos + 1];
    const simple: Record<string, string> = { 'n': '\n', 'r': '\r', 't': '\t', '"': '"', '\\': '\\' };
    if (next !== undefined && simple[next] !== undefined) {
      this.pos += 2;
      return simple[next];
    }
    const unicode = /^\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/.exec(this.src.slice(this.pos));
    if (unicode) {
      this.pos += unicode[0].length;
      return String.fromCodePoint(parseInt(unicode[1].slice(1), 16));
    }
    return this.fail(`Invalid escape sequence: the symbol "${next}" is not a valid escape sequence selector`);
  }
}
