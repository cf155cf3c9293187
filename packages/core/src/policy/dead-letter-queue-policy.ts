import { DeadLetterQueueArn } from './dead-letter-queue-arn';
import { PolicyDocument } from './policy-document';
import { ServicePrincipal } from './service-principal';
import { ArnExpectation } from '../arn/arn-expectation';

/** The queue and the rule that may send to it. */
export interface RuleDeadLetterQueueProps {
  /** The SQS queue ARN. May be a token. */
  readonly queueArn: string;
  /** The EventBridge rule ARN (`aws:SourceArn`). May be a token. */
  readonly ruleArn: string;
  /**
   * What the caller calls the queue ARN, for the error, e.g. a construct's `deadLetterQueue`.
   * @default 'queueArn'
   */
  readonly queueArnField?: string;
  /**
   * What the caller calls the rule ARN, for the error.
   * @default 'ruleArn'
   */
  readonly ruleArnField?: string;
}

/**
 * The queue policy that lets an EventBridge rule deliver failed events to its
 * dead-letter queue.
 *
 * A rule sends to its DLQ as `events.amazonaws.com`, authorized by the queue's
 * resource policy, not by the target role. (EventBridge Scheduler instead sends
 * with the schedule's execution role: see `RunTaskPermissionsProps.deadLetterQueueArn`.)
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions
 */
export class DeadLetterQueuePolicy {
  /** Sid of the statement. */
  public static readonly SID_RULE = 'EventBridgeRuleSendToDeadLetterQueue';

  /**
   * `sqs:SendMessage` on the queue for `events.amazonaws.com`, with
   * `ArnEquals aws:SourceArn` = the rule.
   *
   * @returns an SQS queue policy document (plain JSON)
   * @throws ValidationError naming `queueArn` or `ruleArn` (or the caller's names for them)
   */
  public static forRule(props: RuleDeadLetterQueueProps): any {
    const queueArn = DeadLetterQueueArn.check(props.queueArn, props.queueArnField ?? 'queueArn');
    const ruleArn = DeadLetterQueuePolicy.RULE.passThroughOrCheck(props.ruleArn, props.ruleArnField ?? 'ruleArn');
    return PolicyDocument.of([{
      sid: DeadLetterQueuePolicy.SID_RULE,
      servicePrincipal: ServicePrincipal.EVENTS,
      actions: ['sqs:SendMessage'],
      resources: [queueArn],
      conditions: [{ operator: 'ArnEquals', key: 'aws:SourceArn', value: ruleArn }],
    }]);
  }

  private static readonly RULE = new ArnExpectation('events', 'rule/', 'rule/[<event-bus>/]<rule-name>');

  private constructor() {}
}
