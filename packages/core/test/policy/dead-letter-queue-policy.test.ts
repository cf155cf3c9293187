import { resourcePolicyDecision } from './simulate';
import { DeadLetterQueuePolicy } from '../../src';
import { ValidationError } from '../../src/errors';

const ACCOUNT = '123456789012';
const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:nightly-dlq`;
const RULE = `arn:aws:events:us-east-1:${ACCOUNT}:rule/nightly`;

const policy = DeadLetterQueuePolicy.forRule({ queueArn: QUEUE, ruleArn: RULE });

test('document', () => {
  expect(policy).toEqual({
    Version: '2012-10-17',
    Statement: [{
      Sid: 'EventBridgeRuleSendToDeadLetterQueue',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: QUEUE,
      Condition: { ArnEquals: { 'aws:SourceArn': RULE } },
    }],
  });
});

test('the rule may send to the queue', async () => {
  expect(await resourcePolicyDecision(policy, { principal: 'events.amazonaws.com', action: 'sqs:SendMessage', resource: QUEUE, context: { 'aws:SourceArn': RULE } }))
    .toBe('Allowed');
});

test('another rule may not', async () => {
  expect(await resourcePolicyDecision(policy, {
    principal: 'events.amazonaws.com', action: 'sqs:SendMessage', resource: QUEUE, context: { 'aws:SourceArn': `arn:aws:events:us-east-1:${ACCOUNT}:rule/other` },
  })).toBe('ImplicitlyDenied');
});

test('other actions are not granted', async () => {
  expect(await resourcePolicyDecision(policy, { principal: 'events.amazonaws.com', action: 'sqs:ReceiveMessage', resource: QUEUE, context: { 'aws:SourceArn': RULE } }))
    .toBe('ImplicitlyDenied');
});

test('tokens pass through', () => {
  const doc = DeadLetterQueuePolicy.forRule({ queueArn: '${TfToken[TOKEN.1]}', ruleArn: '${TfToken[TOKEN.2]}' });
  expect(doc.Statement[0].Resource).toBe('${TfToken[TOKEN.1]}');
  expect(doc.Statement[0].Condition.ArnEquals['aws:SourceArn']).toBe('${TfToken[TOKEN.2]}');
});

test.each([
  [{ queueArn: `arn:aws:sns:us-east-1:${ACCOUNT}:t`, ruleArn: RULE }, "queueArn: service is 'sns' but expected 'sqs' (arn:<partition>:sqs:...:<queue-name>)"],
  [{ queueArn: `${QUEUE}.fifo`, ruleArn: RULE }, "queueArn: queue 'nightly-dlq.fifo' is a FIFO queue, but EventBridge dead-letter queues must be standard queues"],
  [{ queueArn: `${QUEUE}.fifo`, ruleArn: RULE, queueArnField: 'deadLetterQueue' }, "deadLetterQueue: queue 'nightly-dlq.fifo' is a FIFO queue, but EventBridge dead-letter queues must be standard queues"],
  [{ queueArn: QUEUE, ruleArn: 'nightly', ruleArnField: 'rule' }, "rule: 'nightly' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
  [{ queueArn: QUEUE, ruleArn: 'nightly' }, "ruleArn: 'nightly' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
])('rejects %j', (props, message) => {
  expect(() => DeadLetterQueuePolicy.forRule(props)).toThrow(ValidationError);
  expect(() => DeadLetterQueuePolicy.forRule(props)).toThrow(message);
});
