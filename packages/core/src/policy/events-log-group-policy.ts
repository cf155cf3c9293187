import { PolicyDocument } from './policy-document';
import { ServicePrincipal } from './service-principal';

/** The log group an EventBridge rule writes to, and the rule. Any value may be a token. */
export interface EventsLogGroupPolicyProps {
  /** The log group's ARN (`arn:<partition>:logs:<region>:<account>:log-group:<name>`), without `:*`. */
  readonly logGroupArn: string;
  /** The rule that routes events to it (`aws:SourceArn`). */
  readonly ruleArn: string;
}

/**
 * The CloudWatch Logs resource policy an EventBridge rule needs to write events to a
 * log group (the dashboard's ECS task-state-change events): `logs:CreateLogStream` and
 * `logs:PutLogEvents` for `events.amazonaws.com` and `delivery.logs.amazonaws.com` on the
 * group's streams, pinned to the rule. Put it with `PutResourcePolicy`
 * (`aws_cloudwatch_log_resource_policy`).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-cloudwatchlogs-permissions
 */
export class EventsLogGroupPolicy {
  /** Sid of the only statement. */
  public static readonly SID = 'EventBridgeRuleWritesTaskEvents';
  /** The principal CloudWatch Logs delivers as, next to EventBridge's own. */
  public static readonly DELIVERY_LOGS = 'delivery.logs.amazonaws.com';

  /**
   * @returns a CloudWatch Logs resource policy document (plain JSON)
   */
  public static document(props: EventsLogGroupPolicyProps): any {
    return PolicyDocument.of([{
      sid: EventsLogGroupPolicy.SID,
      servicePrincipal: [ServicePrincipal.EVENTS, EventsLogGroupPolicy.DELIVERY_LOGS],
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [`${props.logGroupArn}:*`],
      conditions: [{ operator: 'ArnEquals', key: 'aws:SourceArn', value: props.ruleArn }],
    }]);
  }

  private constructor() {}
}
