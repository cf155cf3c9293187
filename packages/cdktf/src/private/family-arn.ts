import { TaskDefinitionArn } from '@ecs-batch/core';
import { Fn } from 'cdktf';
import { PropCheck } from './prop-check';

/**
 * The task definition ARN a schedule targets: the revisionless family ARN, so
 * every run starts the latest ACTIVE revision, or the ARN as given when pinned.
 */
export class ScheduleTarget {
  /**
   * @param taskDefinitionArn a literal (parsed by core) or a token
   * @param pinRevision keep the revision instead of targeting the family
   * @param field what the user calls the ARN, for the error
   */
  public static of(taskDefinitionArn: string, pinRevision: boolean, field = 'taskDefinitionArn'): ScheduleTarget {
    if (pinRevision) {
      return new ScheduleTarget(taskDefinitionArn, undefined);
    }
    if (PropCheck.isToken(taskDefinitionArn)) {
      const family = ScheduleTarget.familyOfToken(taskDefinitionArn);
      return new ScheduleTarget(family, family);
    }
    const family = TaskDefinitionArn.parse(taskDefinitionArn, field).familyArn;
    return new ScheduleTarget(family, family);
  }

  /**
   * `replace(<arn>, "/:\\d+$/", "")` with core's pattern.
   *
   * CDKTF 0.21 writes string arguments of functions into the HCL expression
   * without escaping backslashes, so core's `/:\d+$/` would reach Terraform as
   * the invalid escape sequence `"\d"`. Doubling them makes Terraform read
   * exactly core's pattern (test/ecs-scheduled-task.test.ts parses the result).
   */
  public static familyOfToken(taskDefinitionArn: string): string {
    const pattern = TaskDefinitionArn.REVISION_SUFFIX_PATTERN.replace(/\\/g, '\\\\');
    return Fn.replace(taskDefinitionArn, pattern, '');
  }

  /** What the target runs: the family ARN, or the pinned revision. */
  public readonly targetArn: string;

  /**
   * The revisionless family ARN for core's RunTask policy.
   * @default - undefined when pinned
   */
  public readonly familyArn?: string;

  private constructor(targetArn: string, familyArn: string | undefined) {
    this.targetArn = targetArn;
    this.familyArn = familyArn;
  }
}
