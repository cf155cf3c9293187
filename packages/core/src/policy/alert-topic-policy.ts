import { PolicyDocument } from './policy-document';
import { ServicePrincipal } from './service-principal';

/** The topic and who may publish to it. Any value may be a token. */
export interface AlertTopicPolicyProps {
  /** The SNS topic. */
  readonly topicArn: string;
  /** The EventBridge rule that sends failure alerts (`aws:SourceArn`). */
  readonly ruleArn: string;
  /**
   * The CloudWatch alarms that publish to the topic (missed run, duration near
   * timeout), as `aws:SourceArn` values; always a list in the document, so a
   * Terraform list (a single token element) renders the same.
   * @default - no alarm statement
   */
  readonly alarmArns?: string[];
}

/**
 * The SNS topic policy of a created alert topic: `sns:Publish` for the job's alert
 * rule (events.amazonaws.com) and its alarms (cloudwatch.amazonaws.com), each pinned
 * to its source ARNs.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions
 * @see https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger
 */
export class AlertTopicPolicy {
  /** Sid of the rule's statement. */
  public static readonly SID_RULE = 'EventBridgeRulePublishAlerts';
  /** Sid of the alarms' statement. */
  public static readonly SID_ALARM = 'CloudWatchAlarmPublishAlerts';
  /** CloudWatch alarms publish to SNS as this principal. */
  public static readonly CLOUDWATCH = 'cloudwatch.amazonaws.com';

  /**
   * @returns an SNS topic policy document (plain JSON)
   */
  public static document(props: AlertTopicPolicyProps): any {
    const statement = (sid: string, service: string, sourceArn: string | string[]) => ({
      sid,
      servicePrincipal: service,
      actions: ['sns:Publish'],
      resources: [props.topicArn],
      conditions: [{ operator: 'ArnEquals', key: 'aws:SourceArn', value: sourceArn }],
    });
    const alarms = props.alarmArns ?? [];
    return PolicyDocument.of([
      statement(AlertTopicPolicy.SID_RULE, ServicePrincipal.EVENTS, props.ruleArn),
      ...(alarms.length > 0 ? [statement(AlertTopicPolicy.SID_ALARM, AlertTopicPolicy.CLOUDWATCH, alarms)] : []),
    ]);
  }

  private constructor() {}
}
