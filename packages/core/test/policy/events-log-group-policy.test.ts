import { EventsLogGroupPolicy } from '../../src';

const ACCOUNT = '123456789012';
const GROUP = `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/ecs-batch/payments/task-events`;
const RULE = `arn:aws:events:eu-west-1:${ACCOUNT}:rule/payments-task-events`;

describe('EventsLogGroupPolicy.document', () => {
  test('EventBridge (and Logs delivery) may write the group\'s streams, for this rule only', () => {
    expect(EventsLogGroupPolicy.document({ logGroupArn: GROUP, ruleArn: RULE })).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'EventBridgeRuleWritesTaskEvents',
        Effect: 'Allow',
        Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] },
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `${GROUP}:*`,
        Condition: { ArnEquals: { 'aws:SourceArn': RULE } },
      }],
    });
  });
});
