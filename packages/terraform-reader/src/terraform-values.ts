import { parse } from '@cdktf/hcl2json';
import { splitTemplate } from './interpolation';
import { ResolvedValue } from './resolved-value';
import { TerraformScope } from './terraform-scope';

/** Locals that refer to locals: deeper than this is a cycle (Terraform rejects those too). */
const MAX_DEPTH = 32;

const REFERENCE = /^(var|local)\.([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\s*"[^"]*"\s*\]|\[\s*\d+\s*\])*)$/;
const STEP = /\.([A-Za-z_][\w-]*)|\[\s*"([^"]*)"\s*\]|\[\s*(\d+)\s*\]/g;
const JSONENCODE = /^jsonencode\(([\s\S]*)\)$/;

/**
 * Resolves the values `@cdktf/hcl2json` returns to literals, where Terraform would get a literal
 * before apply: `var.*` (`--var`, tfvars, module input, default), `local.*`, `path.module`,
 * traversals into maps and lists (`var.settings.memory`, `local.env["TABLE"]`), string templates
 * made of those, and `jsonencode(...)` of such values. Anything else (another resource's attribute,
 * a function call, `each.key`) stays unresolved, naming the expression that stopped it.
 */
export class TerraformValues {
  /**
   * Parses an HCL expression (e.g. the object inside `jsonencode(...)`) with the real parser, by making
   * it the value of an attribute. Its own `${...}` parts come back as strings.
   *
   * @returns the value as `@cdktf/hcl2json` returns it; undefined when it does not parse
   */
  public static async parseExpression(expression: string): Promise<any> {
    try {
      const body = await parse('expression.tf', `__value = ${expression}\n`);
      return body.__value;
    } catch {
      return undefined;
    }
  }

  constructor(private readonly scope: TerraformScope) {}

  /** Resolves a whole value: scalars, lists and maps, recursively. */
  public async resolve(value: any): Promise<ResolvedValue> {
    return this.resolveAt(value, 0);
  }

  private async resolveAt(value: unknown, depth: number): Promise<ResolvedValue> {
    if (depth > MAX_DEPTH) return { resolved: false, expression: String(value) };
    if (typeof value === 'string') return this.resolveString(value, depth);
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value) {
        const r = await this.resolveAt(item, depth);
        if (!r.resolved) return r;
        items.push(r.value);
      }
      return { resolved: true, value: items };
    }
    if (value !== null && typeof value === 'object') {
      const map: { [key: string]: unknown } = {};
      for (const [key, item] of Object.entries(value)) {
        const r = await this.resolveAt(item, depth);
        if (!r.resolved) return r;
        map[key] = r.value;
      }
      return { resolved: true, value: map };
    }
    return { resolved: true, value };
  }

  private async resolveString(value: string, depth: number): Promise<ResolvedValue> {
    const parts = splitTemplate(value);
    if (!parts) return { resolved: false, expression: value };
    // A string that is exactly one `${...}` takes the expression's type (number, map...), as in Terraform.
    if (parts.length === 1 && 'expression' in parts[0]) return this.resolveExpression(parts[0].expression, depth);
    let text = '';
    for (const part of parts) {
      if ('text' in part) {
        text += part.text;
        continue;
      }
      const r = await this.resolveExpression(part.expression, depth);
      if (!r.resolved) return r;
      if (r.value === null || typeof r.value === 'object') return { resolved: false, expression: part.expression };
      text += String(r.value);
    }
    return { resolved: true, value: text };
  }

  private async resolveExpression(expression: string, depth: number): Promise<ResolvedValue> {
    if (/^-?\d+(\.\d+)?$/.test(expression)) return { resolved: true, value: Number(expression) };
    if (expression === 'true' || expression === 'false') return { resolved: true, value: expression === 'true' };
    if (expression === 'null') return { resolved: true, value: null };
    // Paths are resolved against the module folder by the caller, so the module is '.'.
    if (expression === 'path.module' || expression === 'path.root' || expression === 'path.cwd') return { resolved: true, value: '.' };

    const json = JSONENCODE.exec(expression);
    if (json) {
      const inner = await TerraformValues.parseExpression(json[1]);
      if (inner === undefined) return { resolved: false, expression };
      const r = await this.resolveAt(inner, depth + 1);
      return r.resolved ? { resolved: true, value: JSON.stringify(r.value) } : r;
    }

    const reference = REFERENCE.exec(expression);
    if (!reference) return { resolved: false, expression };
    const [, kind, name, path] = reference;
    const table = kind === 'var' ? this.scope.variables : this.scope.locals;
    if (!Object.prototype.hasOwnProperty.call(table, name)) return { resolved: false, expression };
    let value = table[name];
    for (const step of path.matchAll(STEP)) {
      const key = step[1] ?? step[2] ?? Number(step[3]);
      const r = await this.resolveAt(value, depth + 1);
      if (!r.resolved || r.value === null || typeof r.value !== 'object') return { resolved: false, expression };
      value = (r.value as { [key: string]: unknown })[key];
      if (value === undefined) return { resolved: false, expression };
    }
    // A failure names the innermost expression that stops it (the variable without a value).
    return this.resolveAt(value, depth + 1);
  }
}
