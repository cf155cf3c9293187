import { parse } from '@cdktf/hcl2json';
import { Resolution } from '../resolution';
import { splitTemplate } from './interpolation';


/** What a module's expressions can refer to. */
export interface TerraformScope {
  /** Each variable's value: from `*.tfvars` when set there, else its `default`. Absent: no value known. */
  readonly variables: ReadonlyMap<string, unknown>;
  readonly locals: ReadonlyMap<string, unknown>;
}

/** Locals that refer to locals: deeper than this is a cycle (Terraform rejects those too). */
const MAX_DEPTH = 32;

const REFERENCE = /^(var|local)\.([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\s*"[^"]*"\s*\]|\[\s*\d+\s*\])*)$/;
const STEP = /\.([A-Za-z_][\w-]*)|\[\s*"([^"]*)"\s*\]|\[\s*(\d+)\s*\]/g;
const JSONENCODE = /^jsonencode\(([\s\S]*)\)$/;

/**
 * Resolves the values `@cdktf/hcl2json` returns to literals, where Terraform would get a literal:
 * `var.*` (tfvars, then the default), `local.*`, `path.module`, traversals into maps and lists
 * (`var.settings.memory`, `local.env["TABLE"]`), string templates made of those, and
 * `jsonencode(...)` of such values. Anything else (another resource's attribute, a function call,
 * `each.key`) is returned unresolved, with the expression that stopped it.
 */
export class TerraformValues {
  constructor(private readonly scope: TerraformScope) {}

  /** Resolves a whole value: scalars, lists and maps, recursively. */
  public async resolve(value: unknown, depth = 0): Promise<Resolution> {
    if (depth > MAX_DEPTH) return { ok: false, expression: String(value) };
    if (typeof value === 'string') return this.resolveString(value, depth);
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value) {
        const r = await this.resolve(item, depth);
        if (!r.ok) return r;
        items.push(r.value);
      }
      return { ok: true, value: items };
    }
    if (value !== null && typeof value === 'object') {
      const map: { [key: string]: unknown } = {};
      for (const [key, item] of Object.entries(value)) {
        const r = await this.resolve(item, depth);
        if (!r.ok) return r;
        map[key] = r.value;
      }
      return { ok: true, value: map };
    }
    return { ok: true, value };
  }

  private async resolveString(value: string, depth: number): Promise<Resolution> {
    const parts = splitTemplate(value);
    if (!parts) return { ok: false, expression: value };
    // A string that is exactly one `${...}` takes the expression's type (number, map...), as in Terraform.
    if (parts.length === 1 && 'expression' in parts[0]) return this.resolveExpression(parts[0].expression, depth);
    let text = '';
    for (const part of parts) {
      if ('text' in part) {
        text += part.text;
        continue;
      }
      const r = await this.resolveExpression(part.expression, depth);
      if (!r.ok) return r;
      if (r.value === null || typeof r.value === 'object') return { ok: false, expression: part.expression };
      text += String(r.value);
    }
    return { ok: true, value: text };
  }

  private async resolveExpression(expression: string, depth: number): Promise<Resolution> {
    if (/^-?\d+(\.\d+)?$/.test(expression)) return { ok: true, value: Number(expression) };
    if (expression === 'true' || expression === 'false') return { ok: true, value: expression === 'true' };
    // Paths are resolved against the module folder by the caller, so the module is '.'.
    if (expression === 'path.module' || expression === 'path.root' || expression === 'path.cwd') return { ok: true, value: '.' };

    const json = JSONENCODE.exec(expression);
    if (json) {
      const inner = await parseExpression(json[1]);
      if (inner === undefined) return { ok: false, expression };
      const r = await this.resolve(inner, depth + 1);
      return r.ok ? { ok: true, value: JSON.stringify(r.value) } : r;
    }

    const reference = REFERENCE.exec(expression);
    if (!reference) return { ok: false, expression };
    const [, kind, name, path] = reference;
    const table = kind === 'var' ? this.scope.variables : this.scope.locals;
    if (!table.has(name)) return { ok: false, expression };
    let value = table.get(name);
    for (const step of path.matchAll(STEP)) {
      const key = step[1] ?? step[2] ?? Number(step[3]);
      const r = await this.resolve(value, depth + 1);
      if (!r.ok || r.value === null || typeof r.value !== 'object') return { ok: false, expression };
      value = (r.value as { [key: string]: unknown })[key];
      if (value === undefined) return { ok: false, expression };
    }
    // A failure names the innermost expression that stops it (the variable without a value).
    return this.resolve(value, depth + 1);
  }
}

/**
 * Parses an HCL expression (e.g. the object inside `jsonencode(...)`) with the real parser, by
 * making it the value of an attribute. Its own `${...}` parts come back for `resolve`.
 */
async function parseExpression(expression: string): Promise<unknown> {
  try {
    const body = await parse('expression.tf', `__value = ${expression}\n`);
    return body.__value;
  } catch {
    return undefined;
  }
}

