import { isMap, PlainMap } from '../plain-data';
import { Resolution } from '../resolution';

/** Nested variables deeper than this are a cycle (`${self:a}` where `a: ${self:a}`). */
const MAX_DEPTH = 32;

/**
 * The Serverless Framework's default stage and region, used by `${sls:stage}` and `${aws:region}`
 * when `provider.stage` / `provider.region` are not set.
 * @see https://www.serverless.com/framework/docs/providers/aws/guide/serverless.yml#provider
 */
const DEFAULT_STAGE = 'dev';
const DEFAULT_REGION = 'us-east-1';

/**
 * Resolves Serverless Framework variables to literals where the file alone decides them:
 * `${self:path}`, `${sls:stage}`, `${aws:region}`, and the fallback of `${source:address, fallback}`
 * (so `${opt:stage, 'dev'}` is `dev`). Environment variables, SSM, CloudFormation outputs, files and
 * command-line options are deploy-time inputs: without a literal fallback they stay unresolved.
 * @see https://www.serverless.com/framework/docs/guides/variables
 */
export class ServerlessVariables {
  constructor(private readonly config: PlainMap) {}

  /** Resolves a whole value: scalars, lists and maps, recursively. */
  public resolve(value: unknown, depth = 0): Resolution {
    if (depth > MAX_DEPTH) return { ok: false, expression: String(value) };
    if (typeof value === 'string') return this.resolveString(value, depth);
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value) {
        const r = this.resolve(item, depth);
        if (!r.ok) return r;
        items.push(r.value);
      }
      return { ok: true, value: items };
    }
    if (isMap(value)) {
      const map: PlainMap = {};
      for (const [key, item] of Object.entries(value)) {
        const r = this.resolve(item, depth);
        if (!r.ok) return r;
        map[key] = r.value;
      }
      return { ok: true, value: map };
    }
    return { ok: true, value };
  }

  private resolveString(value: string, depth: number): Resolution {
    const start = value.indexOf('${');
    if (start < 0) return { ok: true, value };
    const end = closingBrace(value, start + 2);
    if (end < 0) return { ok: false, expression: value };
    // Variables may nest (`${self:custom.table.${sls:stage}}`): resolve the inside first.
    const inner = this.resolveString(value.slice(start + 2, end), depth + 1);
    if (!inner.ok) return inner;
    const variable = this.variable(String(inner.value).trim(), depth);
    if (!variable.ok) return variable;
    if (start === 0 && end === value.length - 1) return variable;
    if (variable.value === null || typeof variable.value === 'object') return { ok: false, expression: value.slice(start, end + 1) };
    const rest = this.resolveString(value.slice(end + 1), depth);
    if (!rest.ok) return rest;
    return { ok: true, value: `${value.slice(0, start)}${String(variable.value)}${String(rest.value)}` };
  }

  /** One `source:address, fallback, ...`: the first that resolves wins. */
  private variable(text: string, depth: number): Resolution {
    for (const candidate of splitTopLevel(text)) {
      const value = this.candidate(candidate.trim(), depth);
      if (value !== undefined) return value;
    }
    return { ok: false, expression: `\${${text}}` };
  }

  private candidate(text: string, depth: number): Resolution | undefined {
    const quoted = /^(['"])(.*)\1$/.exec(text);
    if (quoted) return { ok: true, value: quoted[2] };
    if (/^-?\d+(\.\d+)?$/.test(text)) return { ok: true, value: Number(text) };
    if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
    if (text === 'sls:stage' || text === 'self:provider.stage') return this.withDefault('stage', DEFAULT_STAGE, depth);
    if (text === 'aws:region' || text === 'self:provider.region') return this.withDefault('region', DEFAULT_REGION, depth);
    const self = /^self:(.*)$/.exec(text);
    if (!self) return undefined;
    let value: unknown = this.config;
    for (const key of self[1].split('.').filter((k) => k !== '')) {
      if (!isMap(value) && !Array.isArray(value)) return undefined;
      value = (value as PlainMap)[key];
      if (value === undefined) return undefined;
    }
    const r = this.resolve(value, depth + 1);
    return r.ok ? r : undefined;
  }

  private withDefault(key: 'stage' | 'region', fallback: string, depth: number): Resolution {
    const provider = this.config.provider;
    const value = isMap(provider) ? provider[key] : undefined;
    if (value === undefined) return { ok: true, value: fallback };
    return this.resolve(value, depth + 1);
  }
}

/** Splits `a, b, 'c, d'` at commas outside quotes and nested `${...}`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth--;
    } else if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts;
}

function closingBrace(value: string, from: number): number {
  let depth = 0;
  for (let i = from; i < value.length; i++) {
    if (value[i] === '{') depth++;
    if (value[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
