import { DefaultedValue } from '../found-function';
import { isMap } from '../plain-data';

const VARIABLE = /\bvar\.([A-Za-z_][\w-]*)/g;
const LOCAL = /\blocal\.([A-Za-z_][\w-]*)/g;

/**
 * The variables whose value is their declaration's `default` (no `*.tfvars` file and no `--var` sets
 * them): a deploy with other values changes what they give, so each value read from one becomes an
 * entry of the job's `defaults` and a warning.
 * @see https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence
 */
export class TerraformDefaults {
  constructor(
    /** Variables that hold their default. */
    private readonly defaulted: ReadonlySet<string>,
    /** The module's locals as written, to follow `local.x` to the variables it reads. */
    private readonly locals: ReadonlyMap<string, unknown>,
    /** The module call path (`module.job_a`) of a called local module; empty in a root module. */
    private readonly modulePath: string = '',
    /** A called module's variables that its call sets from a defaulted variable of the caller: that variable's origin. */
    private readonly inherited: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** Where a defaulted variable's value comes from, for the warning: `var.memory's default`, `module.job_a.var.memory's default`. */
  public origin(variable: string): string {
    const inherited = this.inherited.get(variable);
    if (inherited !== undefined) return inherited;
    return `${this.modulePath ? `${this.modulePath}.` : ''}var.${variable}'s default`;
  }

  /** The defaulted variables a value (as `@cdktf/hcl2json` returns it) reads, directly or through locals, in order. */
  public variablesIn(raw: unknown): string[] {
    const found = new Set<string>();
    const seenLocals = new Set<string>();
    const walk = (value: unknown): void => {
      if (typeof value === 'string') {
        if (!value.includes('${')) return;
        for (const m of value.matchAll(VARIABLE)) if (this.defaulted.has(m[1])) found.add(m[1]);
        for (const m of value.matchAll(LOCAL)) {
          if (seenLocals.has(m[1]) || !this.locals.has(m[1])) continue;
          seenLocals.add(m[1]);
          walk(this.locals.get(m[1]));
        }
      } else if (Array.isArray(value)) {
        value.forEach(walk);
      } else if (isMap(value)) {
        Object.values(value).forEach(walk);
      }
    };
    walk(raw);
    return [...found];
  }

  /** One `DefaultedValue` per defaulted variable the value reads, for that job field. */
  public track(field: string, raw: unknown): DefaultedValue[] {
    return this.variablesIn(raw).map((name) => ({ field, origin: this.origin(name) }));
  }
}
