/** A Terraform value resolved to a literal, or the expression that stopped it. */
export interface ResolvedValue {
  /** Whether the value is known before apply. */
  readonly resolved: boolean;

  /**
   * The literal (string, number, boolean, list or map), when `resolved`.
   * @default - none: not resolved
   */
  readonly value?: any;

  /**
   * The innermost expression that could not be resolved (`aws_iam_role.x.arn`, `var.name` without a value).
   * @default - none: resolved
   */
  readonly expression?: string;
}
