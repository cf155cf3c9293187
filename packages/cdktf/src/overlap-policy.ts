/**
 * What a run does when the previous run of the same job is still going.
 * Passed to the runner as `ECS_BATCH_OVERLAP`.
 */
export enum OverlapPolicy {
  /** Start anyway: runs may overlap. */
  ALLOW = 'allow',

  /**
   * Exit 0 without calling the handler (metric `JobSkipped`) when an earlier task of the
   * family is running; of tasks started together, the earliest (then the smallest task
   * ARN) runs. The task role gets `ecs:ListTasks` and `ecs:DescribeTasks` in the job's
   * cluster for the check; when the check itself fails, the runner logs a warning and
   * runs (fail open, see docs/overlap-guard.md).
   */
  SKIP = 'skip',
}
