/** What a module's expressions can refer to. */
export interface TerraformScope {
  /**
   * Each variable's value: from `--var`, then `*.tfvars`, then the module call's input, then its `default`.
   * A variable absent here has no value known before apply.
   */
  readonly variables: { [name: string]: any };

  /** Each local's expression, as `@cdktf/hcl2json` returns it. */
  readonly locals: { [name: string]: any };
}
