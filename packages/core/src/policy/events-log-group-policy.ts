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
 * log group (the dashboard's ECS task-state-change events), for `events.amazonaws.com`
 * and `delivery.logs.amazonaws.com` on the group's streams: `logs:CreateLogStream`, and
 * `logs:PutLogEvents` pinned to the rule (`aws:SourceArn`). Stream creation is not pinned:
 * EventBridge does not send the rule as `aws:SourceArn` when it creates the stream
 * (AWS's own sample, aws-samples/serverless-patterns `eventbridge-cloudwatch`, splits the
 * statements the same way), and a stream without events writes nothing. Put it with
 * `PutResourcePolicy` (`aws_cloudwatch_log_resource_policy`).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-cloudwatchlogs-permissions
 */
export class EventsLogGroupPolicy {
  /** Sid of the statement that lets the rule write events. */
  public static readonly SID = 'EventBridgeRuleWritesTaskEvents';
  /** Sid of the statement that lets EventBridge create the group's streams. */
  public static readonly SID_CREATE_STREAM = 'EventBridgeCreatesTaskEventStreams';
  /** The principal CloudWatch Logs delivers as, next to EventBridge's own. */
  public static readonly DELIVERY_LOGS = 'delivery.logs.amazonaws.com';

  /**
   * @returns a CloudWatch Logs resource policy document (plain JSON)
   */
  public static document(props: EventsLogGroupPolicyProps): any {
    const principals = [ServicePrincipal.EVENTS, EventsLogGroupPolicy.DELIVERY_LOGS];
    return PolicyDocument.of([
      {
        sid: EventsLogGroupPolicy.SID_CREATE_STREAM,
        servicePrincipal: principals,
        actions: ['logs:CreateLogStream'],
        resources: [`${props.logGroupArn}:*`],
      },
      {
        sid: EventsLogGroupPolicy.SID,
        servicePrincipal: principals,
        actions: ['logs:PutLogEvents'],
        resources: [`${props.logGroupArn}:*`],
        conditions: [{ operator: 'ArnEquals', key: 'aws:SourceArn', value: props.ruleArn }],
      },
    ]);
  }

  private constructor() {}
}
