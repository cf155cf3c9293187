/**
 * The SNS topic that failure alerts (and the missed-run alarm) go to: created
 * by the construct (`AlertTopic.create()`) or existing (`AlertTopic.fromArn(arn)`).
 * A class with two factories because jsii has no union types.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions
 */
export class AlertTopic {
  /**
   * Create a topic whose policy lets the job's alert rule publish to it.
   */
  public static create(): AlertTopic {
    return new AlertTopic(undefined);
  }

  /**
   * Use an existing topic. May be a token. Its policy must let
   * `events.amazonaws.com` publish (the construct does not overwrite the policy of
   * a topic it does not own).
   *
   * @param topicArn `arn:<partition>:sns:<region>:<account>:<topic-name>`
   */
  public static fromArn(topicArn: string): AlertTopic {
    return new AlertTopic(topicArn);
  }

  /**
   * The existing topic's ARN.
   * @default - undefined for a topic the construct creates
   */
  public readonly topicArn?: string;

  private constructor(topicArn: string | undefined) {
    this.topicArn = topicArn;
  }

  /** True when the construct creates the topic. */
  public get created(): boolean {
    return this.topicArn === undefined;
  }
}
