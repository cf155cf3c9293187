import { identityDecision } from './simulate';
import { AlertTopicPolicy } from '../../src';

const ACCOUNT = '123456789012';
const TOPIC = `arn:aws:sns:eu-west-1:${ACCOUNT}:payments-alerts`;
const RULE = `arn:aws:events:eu-west-1:${ACCOUNT}:rule/payments-nightly-failed`;
const MISSED = `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:payments-nightly-missed-run`;
const DURATION = `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:payments-nightly-duration-near-timeout`;

describe('AlertTopicPolicy.document', () => {
  test('the rule only, without alarms', () => {
    expect(AlertTopicPolicy.document({ topicArn: TOPIC, ruleArn: RULE })).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'EventBridgeRulePublishAlerts',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: TOPIC,
        Condition: { ArnEquals: { 'aws:SourceArn': RULE } },
      }],
    });
  });

  test('the alarms: always a list, one or several', () => {
    expect(AlertTopicPolicy.document({ topicArn: TOPIC, ruleArn: RULE, alarmArns: [MISSED] }).Statement[1]).toEqual({
      Sid: 'CloudWatchAlarmPublishAlerts',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: TOPIC,
      Condition: { ArnEquals: { 'aws:SourceArn': [MISSED] } },
    });
    expect(AlertTopicPolicy.document({ topicArn: TOPIC, ruleArn: RULE, alarmArns: [MISSED, DURATION] }).Statement[1].Condition)
      .toEqual({ ArnEquals: { 'aws:SourceArn': [MISSED, DURATION] } });
  });

  test('the duration alarm may publish; another alarm may not', async () => {
    const policy = AlertTopicPolicy.document({ topicArn: TOPIC, ruleArn: RULE, alarmArns: [MISSED, DURATION] });
    const publish = (sourceArn: string) => identityDecision({ Version: '2012-10-17', Statement: [] }, {
      action: 'sns:Publish', resource: TOPIC, context: { 'aws:SourceArn': sourceArn }, principal: 'cloudwatch.amazonaws.com', resourcePolicy: policy,
    });
    expect(await publish(DURATION)).toBe('Allowed');
    expect(await publish(`arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:someone-else`)).toBe('ImplicitlyDenied');
  });
});
