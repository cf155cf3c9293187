import { AwsLimits } from '@ecs-batch/core';
import { PropCheck } from './private/prop-check';

/** Options of a dead-letter queue the construct creates. */
export interface DeadLetterQueueCreateOptions {
  /**
   * How long failed events stay in the queue, in days (1-14).
   * @default 14 - SQS's maximum, so a failure on Friday night is still there on Monday
   */
  readonly retentionDays?: number;
}

/**
 * Where EventBridge puts a scheduled run it could not start after all retries.
 *
 * A new SQS queue (`DeadLetterQueue.create()`) or an existing one
 * (`DeadLetterQueue.fromArn(arn)`). This is a class with two factories rather
 * than `true | string` because jsii (the Python/Java/.NET/Go bindings) has no
 * union types.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
 */
export class DeadLetterQueue {
  /** Retention of a created queue when none is given, in days. */
  public static readonly DEFAULT_RETENTION_DAYS = AwsLimits.SQS_RETENTION_MAX_DAYS;

  /**
   * Create a standard SQS queue (SQS-managed encryption) for this schedule.
   * With a rule trigger the construct also gives the queue a policy that lets
   * this rule send to it.
   */
  public static create(options: DeadLetterQueueCreateOptions = {}): DeadLetterQueue {
    const retentionDays = options.retentionDays ?? DeadLetterQueue.DEFAULT_RETENTION_DAYS;
    PropCheck.integerInRange(retentionDays, 1, AwsLimits.SQS_RETENTION_MAX_DAYS, 'deadLetterQueue.retentionDays');
    return new DeadLetterQueue(undefined, retentionDays);
  }

  /**
   * Use an existing standard SQS queue. It may be a token.
   *
   * With a rule trigger, the queue's own policy must let the rule send to it:
   * the construct exposes that policy as `deadLetterQueuePolicyJson` rather than
   * overwriting the policy of a queue it does not own.
   *
   * @param queueArn `arn:<partition>:sqs:<region>:<account>:<queue-name>`
   */
  public static fromArn(queueArn: string): DeadLetterQueue {
    return new DeadLetterQueue(queueArn, undefined);
  }

  /**
   * The existing queue's ARN.
   * @default - undefined for a queue the construct creates
   */
  public readonly queueArn?: string;

  /**
   * Retention of the created queue, in days.
   * @default - undefined for an existing queue
   */
  public readonly retentionDays?: number;

  private constructor(queueArn: string | undefined, retentionDays: number | undefined) {
    this.queueArn = queueArn;
    this.retentionDays = retentionDays;
  }

  /** True when the construct creates the queue. */
  public get created(): boolean {
    return this.queueArn === undefined;
  }
}
