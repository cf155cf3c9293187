/**
 * What a failed run looks like in EventBridge, and the one line the alert says.
 * The construct and the generated HCL (test/hcl/generated-hcl.ts) both use this.
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
  /** Event fields the message shows. Array elements are addressed as in JSONPath. */
  public static readonly INPUT_PATHS: { [name: string]: string } = {
    exit_code: '$.detail.containers[0].exitCode',
    reason: '$.detail.stoppedReason',
    stop_code: '$.detail.stopCode',
    task: '$.detail.taskArn',
    time: '$.time',
  };

  /**
   * @param clusterArn the job's cluster (may be a token)
   * @param familyArn the revisionless family ARN (may be a token): every revision matches
   */
  public static eventPattern(clusterArn: string, familyArn: string): any {
    return {
      'source': ['aws.ecs'],
      'detail-type': ['ECS Task State Change'],
      'detail': {
        clusterArn: [clusterArn],
        taskDefinitionArn: [{ prefix: `${familyArn}:` }],
        lastStatus: ['STOPPED'],
        $or: [
          { containers: { exitCode: [{ 'anything-but': 0 }] } },
          { stopCode: ['TaskFailedToStart'] },
        ],
      },
    };
  }

  /**
   * A JSON string, so SNS delivers plain text:
   * `ecs-batch job nightly failed at <time>: task <arn> stopped (<code>, exit code <n>): <reason>`.
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
   */
  public static inputTemplate(jobName: string): string {
    return `"ecs-batch job ${jobName} failed at <time>: task <task> stopped (<stop_code>, exit code <exit_code>): <reason>"`;
  }

  private constructor() {}
}
