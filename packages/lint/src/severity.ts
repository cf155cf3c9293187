/** How bad a finding is; `--fail-on` picks the lowest that fails the run. */
export enum Severity {
  /** AWS rejects or misruns the configuration. */
  ERROR = 'error',
  /** It works, but fails silently, or is broader than it needs to be. */
  WARNING = 'warning',
}
