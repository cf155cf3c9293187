/**
 * One condition of a `Permission`: `{ "<operator>": { "<key>": [<values>] } }`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
export interface PermissionCondition {
  /** The condition operator, e.g. `StringEquals`, `ArnLike`, `Bool`, `ForAnyValue:StringLike`. */
  readonly operator: string;
  /** The condition key, e.g. `s3:prefix` or `aws:ResourceTag/team`. */
  readonly key: string;
  /** The values; the condition holds when the key matches any of them. */
  readonly values: string[];
}

/**
 * What a job's code may do: one Allow statement of its task role.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
export interface Permission {
  /** IAM actions, e.g. `['s3:GetObject', 's3:PutObject']`. `*` and `iam:*` are refused. */
  readonly actions: string[];
  /** Resource ARNs, e.g. `['arn:aws:s3:::reports/*']`. `*` gets a warning unless the actions support no resource-level permissions. */
  readonly resources: string[];
  /**
   * Conditions, all of which must hold.
   * @default - none
   */
  readonly conditions?: PermissionCondition[];
}
