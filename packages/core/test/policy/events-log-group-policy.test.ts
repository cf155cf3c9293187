import { resourcePolicyDecision } from './simulate';
import { EventsLogGroupPolicy } from '../../src';

const ACCOUNT = '123456789012';
const GROUP = `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/ecs-batch/payments/task-events`;
const RULE = `arn:aws:events:eu-west-1:${ACCOUNT}:rule/payments-task-events`;

describe('EventsLogGroupPolicy.document', () => {
  test('EventBridge (and Logs delivery) may create the group\'s streams, and write them for this rule only', () => {
    expect(EventsLogGroupPolicy.document({ logGroupArn: GROUP, ruleArn: RULE })).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EventBridgeCreatesTaskEventStreams',
          Effect: 'Allow',
          Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] },
          Action: 'logs:CreateLogStream',
          Resource: `${GROUP}:*`,
        },
        {
          Sid: 'EventBridgeRuleWritesTaskEvents',
          Effect: 'Allow',
          Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] },
          Action: 'logs:PutLogEvents',
          Resource: `${GROUP}:*`,
          Condition: { ArnEquals: { 'aws:SourceArn': RULE } },
        },
      ],
    });
  });

  test('IAM simulator: the rule writes the group\'s streams; another rule, group or service does not', async () => {
    const policy = EventsLogGroupPolicy.document({ logGroupArn: GROUP, ruleArn: RULE });
    const call = (principal: string, action: string, resource: string, sourceArn?: string) => resourcePolicyDecision(policy, {
      principal, action, resource, context: sourceArn === undefined ? {} : { 'aws:SourceArn': sourceArn },
    });
    const stream = `${GROUP}:log-stream:abc`;
    expect(await call('events.amazonaws.com', 'logs:CreateLogStream', stream)).toBe('Allowed');
    expect(await call('events.amazonaws.com', 'logs:PutLogEvents', stream, RULE)).toBe('Allowed');
    expect(await call('delivery.logs.amazonaws.com', 'logs:PutLogEvents', stream, RULE)).toBe('Allowed');
    expect(await call('events.amazonaws.com', 'logs:PutLogEvents', stream)).toBe('ImplicitlyDenied');
    expect(await call('events.amazonaws.com', 'logs:PutLogEvents', stream, `arn:aws:events:eu-west-1:${ACCOUNT}:rule/other`)).toBe('ImplicitlyDenied');
    expect(await call('events.amazonaws.com', 'logs:PutLogEvents', `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/ecs-batch/payments-nightly:log-stream:abc`, RULE)).toBe('ImplicitlyDenied');
    expect(await call('sns.amazonaws.com', 'logs:CreateLogStream', stream)).toBe('ImplicitlyDenied');
    expect(await call('events.amazonaws.com', 'logs:DeleteLogGroup', GROUP, RULE)).toBe('ImplicitlyDenied');
  });
});
