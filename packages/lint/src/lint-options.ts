/** What to lint, and how. */
export interface LintOptions {
  /** Folders (searched for Terraform root modules and `cdk.tf.json`) or files. */
  readonly paths: string[];

  /**
   * The IANA zone the team means its schedules in; rules' cron and Scheduler schedules without a zone are checked against it (ECSB007).
   * @default - only comments say what zone a cron is meant in
   */
  readonly timeZone?: string;

  /**
   * `--var K=V` values for the root modules.
   * @default - none
   */
  readonly variables?: { [name: string]: string };

  /**
   * More `*.tfvars` files for the root modules.
   * @default - only each folder's `terraform.tfvars` and `*.auto.tfvars`
   */
  readonly varFiles?: string[];
}
