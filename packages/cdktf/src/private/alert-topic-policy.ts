import { ServicePrincipal } from '@ecs-batch/core';

/** The topic and who may publish to it. Any value may be a token. */
export interface AlertTopicPolicyProps {
  readonly topicArn: string;
  /** The EventBridge rule that sends failure alerts (`aws:SourceArn`). */
  readonly ruleArn: string;
  /** The missed-run alarm (`aws:SourceArn`), when there is one. */
  readonly alarmArn?: string;
}

/**
 * The SNS topic policy of a created alert topic: `sns:Publish` for the job's
 * alert rule (events.amazonaws.com) and missed-run alarm (cloudwatch.amazonaws.com),
 * each pinned to its source ARN.
 *
 * An IAM document, so it belongs in @ecs-batch/core next to DeadLetterQueuePolicy;
 * it lives here, as the one copy the construct and the generated HCL share,
 * until core has it (requested: `AlertTopicPolicy.document(props)`).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions
 * @see https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger
 */
export class AlertTopicPolicy {
  public static readonly SID_RULE = 'EventBridgeRulePublishAlerts';
  public static readonly SID_ALARM = 'CloudWatchAlarmPublishAlerts';
  /** CloudWatch alarms publish to SNS as this principal. */
  public static readonly CLOUDWATCH = 'cloudwatch.amazonaws.com';

  public static document(props: AlertTopicPolicyProps): any {
    const statement = (sid: string, service: string, sourceArn: string) => ({
      Sid: sid,
      Effect: 'Allow',
      Principal: { Service: service },
      Action: 'sns:Publish',
      Resource: props.topicArn,
      Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } },
    });
    const statements = [statement(AlertTopicPolicy.SID_RULE, ServicePrincipal.EVENTS, props.ruleArn)];
    if (props.alarmArn !== undefined) {
      statements.push(statement(AlertTopicPolicy.SID_ALARM, AlertTopicPolicy.CLOUDWATCH, props.alarmArn));
    }
    return { Version: '2012-10-17', Statement: statements };
  }

  private constructor() {}
}
