import { TerraformValues as SharedValues } from '@ecs-batch/terraform-reader';
import { Resolution } from '../resolution';

/** What a module's expressions can refer to. */
export interface TerraformScope {
  /** Each variable's value: from `*.tfvars` when set there, else its `default`. Absent: no value known. */
  readonly variables: ReadonlyMap<string, unknown>;
  readonly locals: ReadonlyMap<string, unknown>;
}

/**
 * Resolves Terraform values to literals with the shared reader's `TerraformValues` (`var.*`,
 * `local.*`, `path.module`, traversals, templates, `jsonencode(...)`), as a `Resolution`.
 */
export class TerraformValues {
  private readonly shared: SharedValues;
  private readonly locals: ReadonlyMap<string, unknown>;

  constructor(scope: TerraformScope) {
    this.locals = scope.locals;
    this.shared = new SharedValues({ variables: Object.fromEntries(scope.variables), locals: Object.fromEntries(scope.locals) });
  }

  /** Resolves a whole value: scalars, lists and maps, recursively. */
  public async resolve(value: unknown): Promise<Resolution> {
    const r = await this.shared.resolve(value);
    return r.resolved ? { ok: true, value: r.value } : { ok: false, expression: r.expression ?? String(value) };
  }

  /**
   * The text a value is written as, with each `${local.x}` replaced by the local's own text: a
   * value that does not resolve can still show what it is (a connection string with its
   * password taken from a variable), for the report rather than for the deploy.
   */
  public sourceText(value: unknown, depth = 0): string | undefined {
    if (typeof value !== 'string') return undefined;
    if (depth > 8) return value;
    return value.replace(/\$\{\s*local\.([A-Za-z_][\w-]*)\s*\}/g, (whole, name: string) => {
      const local = this.locals.get(name);
      return typeof local === 'string' ? this.sourceText(local, depth + 1) ?? whole : whole;
    });
  }
}
