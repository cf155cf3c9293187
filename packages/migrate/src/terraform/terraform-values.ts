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

  constructor(scope: TerraformScope) {
    this.shared = new SharedValues({ variables: Object.fromEntries(scope.variables), locals: Object.fromEntries(scope.locals) });
  }

  /** Resolves a whole value: scalars, lists and maps, recursively. */
  public async resolve(value: unknown): Promise<Resolution> {
    const r = await this.shared.resolve(value);
    return r.resolved ? { ok: true, value: r.value } : { ok: false, expression: r.expression ?? String(value) };
  }
}
