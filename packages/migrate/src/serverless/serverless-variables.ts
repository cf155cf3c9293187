import { existsSync } from 'fs';
import { extname, resolve as resolvePath } from 'path';
import { readCloudFormationYaml } from '../cloudformation/cloudformation-yaml';
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

/** What a deploy would be given: `serverless deploy --stage <stage>`. */
export interface ServerlessReadOptions {
  readonly stage?: string;
}

/** Files `${file(...)}` reads here; JavaScript and TypeScript files run code, so they stay unresolved. */
const DATA_FILE = /^\.(ya?ml|json)$/i;

/**
 * Resolves Serverless Framework variables to literals where the repository decides them:
 * `${self:path}`, `${sls:stage}`, `${aws:region}`, `${opt:stage}` (the `--stage` given),
 * `${file(path):address}` (a YAML or JSON file next to the service), and the fallback of
 * `${source:address, fallback}` (so `${opt:stage, 'dev'}` is `dev` without `--stage`).
 * Environment variables, SSM and CloudFormation outputs are deploy-time inputs: without a literal
 * fallback they stay unresolved. A value taken from a fallback or the assumed stage is a default:
 * `track` names it.
 * @see https://www.serverless.com/framework/docs/guides/variables
 */
export class ServerlessVariables {
  private readonly used: string[] = [];

  /**
   * @param config the whole `serverless.yml`
   * @param serviceDir the folder `${file(...)}` paths are relative to
   */
  constructor(private readonly config: PlainMap, private readonly serviceDir?: string, private readonly options: ServerlessReadOptions = {}) {}

  /** Resolves a value, and says which defaults it took (a fallback, the assumed stage). */
  public track(value: unknown): { resolution: Resolution; defaults: string[] } {
    this.used.length = 0;
    const resolution = this.resolve(value);
    return { resolution, defaults: [...new Set(this.used)] };
  }

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
    const candidates = splitTopLevel(text);
    for (const [i, candidate] of candidates.entries()) {
      const value = this.candidate(candidate.trim(), depth);
      if (value === undefined) continue;
      if (i > 0) this.used.push(`the fallback of \${${text}}`);
      return value;
    }
    return { ok: false, expression: `\${${text}}` };
  }

  private candidate(text: string, depth: number): Resolution | undefined {
    const quoted = /^(['"])(.*)\1$/.exec(text);
    if (quoted) return { ok: true, value: quoted[2] };
    if (/^-?\d+(\.\d+)?$/.test(text)) return { ok: true, value: Number(text) };
    if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
    if (text === 'opt:stage') return this.options.stage === undefined ? undefined : { ok: true, value: this.options.stage };
    // --stage wins over provider.stage, which wins over the framework's default.
    if (text === 'sls:stage' || text === 'self:provider.stage') {
      return this.options.stage !== undefined ? { ok: true, value: this.options.stage } : this.withDefault('stage', DEFAULT_STAGE, depth);
    }
    if (text === 'aws:region' || text === 'self:provider.region') return this.withDefault('region', DEFAULT_REGION, depth);
    const file = /^file\((.+?)\)(?::(.*))?$/.exec(text);
    if (file) return this.file(file[1].trim().replace(/^(['"])(.*)\1$/, '$2'), file[2], depth);
    const self = /^self:(.*)$/.exec(text);
    if (!self) return undefined;
    return this.at(this.config, self[1], depth);
  }

  /** The value at a dotted address of `root`, resolved; undefined when it is not there. */
  private at(root: unknown, address: string, depth: number): Resolution | undefined {
    let value: unknown = root;
    for (const key of address.split('.').map((k) => k.trim()).filter((k) => k !== '')) {
      if (!isMap(value) && !Array.isArray(value)) return undefined;
      value = (value as PlainMap)[key];
      if (value === undefined) return undefined;
    }
    const r = this.resolve(value, depth + 1);
    return r.ok ? r : undefined;
  }

  /**
   * `${file(path)}` or `${file(path):address}`: a YAML or JSON file, relative to the service folder.
   * @see https://www.serverless.com/framework/docs/guides/variables/file
   */
  private file(path: string, address: string | undefined, depth: number): Resolution | undefined {
    if (this.serviceDir === undefined || !DATA_FILE.test(extname(path))) return undefined;
    const full = resolvePath(this.serviceDir, path);
    if (!existsSync(full)) return undefined;
    return this.at(readCloudFormationYaml(full).value, address ?? '', depth);
  }

  private withDefault(key: 'stage' | 'region', fallback: string, depth: number): Resolution {
    const provider = this.config.provider;
    const value = isMap(provider) ? provider[key] : undefined;
    if (value === undefined) {
      if (key === 'stage') this.used.push(`the assumed stage ${fallback} (no --stage, no provider.stage)`);
      return { ok: true, value: fallback };
    }
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
