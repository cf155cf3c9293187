/**
 * Which parts of a failed run an EventBridge pattern catches: `FailureAlert.coverage`.
 */
export interface FailureAlertCoverage {
  /** The pattern is on ECS task state changes (`source` `aws.ecs`, `detail-type` `ECS Task State Change`). */
  readonly taskStateChanges: boolean;
  /** It matches on the containers' exit code (a run that failed). */
  readonly nonZeroExit: boolean;
  /** It matches stop code `TaskFailedToStart` (a run that never started). */
  readonly failedToStart: boolean;
}

/**
 * What a failed run looks like in EventBridge, and the one line the alert says.
 * `EcsBatchJob`, the ecs-batch-job HCL module (generated from this class), the
 * dashboard's task-events pattern and lint rule ECSB009 all take it from here.
 *
 * A run failed when its task STOPPED and a container exited non-zero (the
 * runner exits 1 on error, 124 on timeout, 143 on SIGTERM; a skipped overlapping
 * run exits 0), or the task never started (`TaskFailedToStart`: no capacity,
 * image pull, secrets...).
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
export class FailureAlert {
  /** The `source` of ECS events. */
  public static readonly SOURCE = 'aws.ecs';
  /** The `detail-type` of a task's state change. */
  public static readonly DETAIL_TYPE = 'ECS Task State Change';
  /** The `lastStatus` of a task that has stopped. */
  public static readonly STOPPED = 'STOPPED';
  /** The `stopCode` of a task that never started (capacity, image pull, secrets). */
  public static readonly FAILED_TO_START = 'TaskFailedToStart';

  /** Event fields the message shows. Array elements are addressed as in JSONPath. */
  public static readonly INPUT_PATHS: { [name: string]: string } = {
    exit_code: '$.detail.containers[0].exitCode',
    reason: '$.detail.stoppedReason',
    stop_code: '$.detail.stopCode',
    task: '$.detail.taskArn',
    time: '$.time',
  };

  /**
   * The pattern of a failed run of one job: a stopped task of the family on the
   * cluster, with a non-zero exit code or stop code `TaskFailedToStart`.
   * @param clusterArn the job's cluster (may be a token)
   * @param familyArn the revisionless family ARN (may be a token): every revision matches
   */
  public static eventPattern(clusterArn: string, familyArn: string): any {
    return {
      'source': [FailureAlert.SOURCE],
      'detail-type': [FailureAlert.DETAIL_TYPE],
      'detail': {
        clusterArn: [clusterArn],
        taskDefinitionArn: [{ prefix: `${familyArn}:` }],
        lastStatus: [FailureAlert.STOPPED],
        $or: [
          { containers: { exitCode: [{ 'anything-but': 0 }] } },
          { stopCode: [FailureAlert.FAILED_TO_START] },
        ],
      },
    };
  }

  /**
   * The same failures for every cluster, with the family matched by its task group
   * (`family:<family>`, the group RunTask gives a task when the target sets none):
   * what a hand-written rule can use when the family's ARN is not at hand
   * (ecs-batch-lint's fix for ECSB009).
   * @param family the task definition family, e.g. `payments-nightly`
   * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-group
   */
  public static familyEventPattern(family: string): any {
    const pattern = FailureAlert.eventPattern('', '');
    return {
      ...pattern,
      detail: { group: [FailureAlert.taskGroup(family)], lastStatus: pattern.detail.lastStatus, $or: pattern.detail.$or },
    };
  }

  /**
   * The ECS task group of a family's runs, as task state change events carry it:
   * `family:<family>`, RunTask's default.
   * @param family the task definition family
   * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-group
   */
  public static taskGroup(family: string): string {
    return `family:${family}`;
  }

  /**
   * A JSON string, so SNS delivers plain text:
   * `ecs-batch job nightly failed at <time>: task <arn> stopped (<code>, exit code <n>): <reason>`.
   * @param jobName the job (may be a token)
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
   */
  public static inputTemplate(jobName: string): string {
    return `"ecs-batch job ${jobName} failed at <time>: task <task> stopped (<stop_code>, exit code <exit_code>): <reason>"`;
  }

  /**
   * Which failures an EventBridge event pattern (as JSON, parsed) catches, for a
   * linter or a review: it must be on ECS task state changes and match on the
   * exit code (`containers.exitCode`) and on stop code `TaskFailedToStart`,
   * anywhere in its `detail` (also under `$or`). The family scope is not judged here.
   * @param pattern the event pattern, parsed
   */
  public static coverage(pattern: any): FailureAlertCoverage {
    const isMap = (v: any): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
    const has = (v: any, wanted: string): boolean => (Array.isArray(v) ? v : [v]).includes(wanted);
    if (!isMap(pattern) || !has(pattern.source, FailureAlert.SOURCE) || !has(pattern['detail-type'], FailureAlert.DETAIL_TYPE)) {
      return { taskStateChanges: false, nonZeroExit: false, failedToStart: false };
    }
    let nonZeroExit = false;
    let failedToStart = false;
    const walk = (node: any): void => {
      if (Array.isArray(node)) {
        node.forEach(walk);
        return;
      }
      if (!isMap(node)) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'containers' && isMap(value) && 'exitCode' in (value as object)) nonZeroExit = true;
        if (key === 'stopCode' && has(value, FailureAlert.FAILED_TO_START)) failedToStart = true;
        walk(value);
      }
    };
    walk(pattern.detail);
    return { taskStateChanges: true, nonZeroExit, failedToStart };
  }

  private constructor() {}
}
