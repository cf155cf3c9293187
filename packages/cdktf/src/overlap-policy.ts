/**
 * What a run does when the previous run of the same job is still going.
 * Passed to the runner as `ECS_BATCH_OVERLAP`.
 */
export enum OverlapPolicy {
  /** Start anyway: runs may overlap. */
  ALLOW = 'allow',

  /**
   * Exit 0 without calling the handler when another task of the family is running.
   * The task role gets `ecs:ListTasks` in the job's cluster for the check; when the
   * check itself fails, the runner logs a warning and runs (fail open).
   */
  SKIP = 'skip',
}
