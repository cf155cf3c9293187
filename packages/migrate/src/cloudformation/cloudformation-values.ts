import { isMap, PlainMap } from '../plain-data';
import { Resolution } from '../resolution';


/**
 * CloudFormation's pseudo parameters: known only at deploy time.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
 */
const PSEUDO_PARAMETER = /^AWS::/;

/**
 * Resolves CloudFormation values to literals where the template alone decides them: `Ref` to a
 * parameter with a `Default`, `Fn::Sub` over such parameters, `Fn::Join`, `Fn::Select` and
 * `Fn::FindInMap` over literals. A `Ref` to a resource, `Fn::GetAtt`, `Fn::If`, pseudo parameters and
 * imports are left unresolved.
 */
export class CloudFormationValues {
  /** Parameters whose `Default` the values resolved since the last `track` call used. */
  private readonly usedDefaults = new Set<string>();

  /**
   * @param template the whole template, for its `Parameters` and `Mappings`
   * @param overrides parameter values given at deploy time (`--parameter-overrides K=V`): they win over `Default`
   */
  constructor(private readonly template: PlainMap, private readonly overrides: { readonly [name: string]: string } = {}) {}

  /** Resolves a value, and names the parameters whose `Default` (not an override) it took. */
  public track(value: unknown): { resolution: Resolution; defaults: string[] } {
    this.usedDefaults.clear();
    const resolution = this.resolve(value);
    return { resolution, defaults: [...this.usedDefaults] };
  }

  /** The parameter a `!Ref` names when it has neither an override nor a `Default`. */
  public parameterWithoutValue(value: unknown): string | undefined {
    if (!isMap(value) || typeof value.Ref !== 'string') return undefined;
    const parameter = (this.template.Parameters as PlainMap | undefined)?.[value.Ref];
    if (!isMap(parameter) || parameter.Default !== undefined || this.overrides[value.Ref] !== undefined) return undefined;
    return value.Ref;
  }

  public resolve(value: unknown): Resolution {
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value) {
        const r = this.resolve(item);
        if (!r.ok) return r;
        items.push(r.value);
      }
      return { ok: true, value: items };
    }
    if (!isMap(value)) return { ok: true, value };
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return this.intrinsic(keys[0], value[keys[0]], value);
    const map: PlainMap = {};
    for (const [key, item] of Object.entries(value)) {
      const r = this.resolve(item);
      if (!r.ok) return r;
      map[key] = r.value;
    }
    return { ok: true, value: map };
  }

  private intrinsic(name: string, argument: unknown, whole: PlainMap): Resolution {
    const fail: Resolution = { ok: false, expression: shortForm(whole) };
    switch (name) {
      case 'Ref':
        return typeof argument === 'string' ? this.parameter(argument) ?? fail : fail;
      case 'Fn::Sub':
        return this.sub(argument) ?? fail;
      case 'Fn::Join': {
        if (!Array.isArray(argument) || argument.length !== 2) return fail;
        const parts = this.resolve(argument[1]);
        if (!parts.ok) return parts;
        return Array.isArray(parts.value) ? { ok: true, value: parts.value.map(String).join(String(argument[0])) } : fail;
      }
      case 'Fn::Select': {
        const r = this.resolve(argument);
        if (!r.ok) return r;
        const [index, list] = r.value as [unknown, unknown];
        return Array.isArray(list) && list[Number(index)] !== undefined ? { ok: true, value: list[Number(index)] } : fail;
      }
      case 'Fn::FindInMap': {
        const r = this.resolve(argument);
        if (!r.ok) return r;
        const [map, top, second] = r.value as string[];
        const found = (this.template.Mappings as PlainMap | undefined)?.[map] as PlainMap | undefined;
        const value = (found?.[top] as PlainMap | undefined)?.[second];
        return value === undefined ? fail : { ok: true, value };
      }
      default:
        return fail;
    }
  }

  /**
   * A template parameter's value: the override given at deploy time, else its `Default`. Both are
   * strings to CloudFormation (a `Number` parameter's too), so a `Default: false` is `"false"`.
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
   */
  private parameter(name: string): Resolution | undefined {
    if (PSEUDO_PARAMETER.test(name)) return undefined;
    const parameter = (this.template.Parameters as PlainMap | undefined)?.[name];
    if (!isMap(parameter)) return undefined;
    if (this.overrides[name] !== undefined) return { ok: true, value: this.overrides[name] };
    if (parameter.Default === undefined) return undefined;
    this.usedDefaults.add(name);
    return { ok: true, value: parameter.Default };
  }

  /**
   * `Fn::Sub`: `${Name}` is a parameter (or a variable of the two-argument form), `${!Text}` a literal `${Text}`.
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
   */
  private sub(argument: unknown): Resolution | undefined {
    const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
    if (typeof text !== 'string') return undefined;
    const vars = this.resolve(variables);
    if (!vars.ok) return vars;
    let failed: string | undefined;
    const value = text.replace(/\$\{(!?)([^}]*)\}/g, (match, bang: string, name: string) => {
      if (bang) return `\${${name}}`;
      const own = (vars.value as PlainMap)[name];
      if (own !== undefined) return String(own);
      const parameter = this.parameter(name);
      if (parameter?.ok) return String(parameter.value);
      failed ??= match;
      return match;
    });
    return failed ? undefined : { ok: true, value };
  }
}

/** An intrinsic in the short form a template author writes: `!Ref Table`, `!GetAtt Fn.Arn`, `!Sub "..."`. */
export function shortForm(value: unknown): string {
  if (!isMap(value)) return JSON.stringify(value);
  const [name] = Object.keys(value);
  const argument = value[name];
  const tag = name === 'Ref' ? '!Ref' : `!${name.replace(/^Fn::/, '')}`;
  if (name === 'Fn::GetAtt' && Array.isArray(argument)) return `!GetAtt ${argument.join('.')}`;
  if (typeof argument === 'string') return name === 'Ref' ? `!Ref ${argument}` : `${tag} ${JSON.stringify(argument)}`;
  return `${tag} ${JSON.stringify(argument)}`;
}

