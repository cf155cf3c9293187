import { trustDecision } from './simulate';
import { InvokerTrustPolicy } from '../../src';
import { errorOf } from '../error-of';

const ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '210987654321';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/nightly-invoker`;
const RULE = `arn:aws:events:ap-northeast-1:${ACCOUNT}:rule/nightly`;
const GROUP = `arn:aws:scheduler:ap-northeast-1:${ACCOUNT}:schedule-group/jobs`;

describe('forRule', () => {
  const trust = InvokerTrustPolicy.forRule({ accountId: ACCOUNT, sourceArn: RULE });

  test('document', () => {
    expect(trust).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'EventBridgeRuleAssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnEquals: { 'aws:SourceArn': RULE },
        },
      }],
    });
    expect(Object.keys(trust.Statement[0])).toEqual(['Sid', 'Effect', 'Principal', 'Action', 'Condition']);
  });

  test('the rule in its account may assume the role', async () => {
    expect(await trustDecision(trust, { service: 'events.amazonaws.com', roleArn: ROLE, context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': RULE } }))
      .toBe('Allowed');
  });

  test('another rule is denied', async () => {
    expect(await trustDecision(trust, {
      service: 'events.amazonaws.com',
      roleArn: ROLE,
      context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': `arn:aws:events:ap-northeast-1:${ACCOUNT}:rule/other` },
    })).toBe('ImplicitlyDenied');
  });

  test('the same rule name in another account is denied', async () => {
    expect(await trustDecision(trust, {
      service: 'events.amazonaws.com',
      roleArn: ROLE,
      context: { 'aws:SourceAccount': OTHER_ACCOUNT, 'aws:SourceArn': `arn:aws:events:ap-northeast-1:${OTHER_ACCOUNT}:rule/nightly` },
    })).toBe('ImplicitlyDenied');
  });

  test('another account claiming this rule ARN is denied', async () => {
    expect(await trustDecision(trust, { service: 'events.amazonaws.com', roleArn: ROLE, context: { 'aws:SourceAccount': OTHER_ACCOUNT, 'aws:SourceArn': RULE } }))
      .toBe('ImplicitlyDenied');
  });

  test('a request without source context is denied', async () => {
    expect(await trustDecision(trust, { service: 'events.amazonaws.com', roleArn: ROLE })).toBe('ImplicitlyDenied');
  });

  test('another service principal is denied', async () => {
    expect(await trustDecision(trust, { service: 'scheduler.amazonaws.com', roleArn: ROLE, context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': RULE } }))
      .toBe('ImplicitlyDenied');
  });

  test('rules on a custom event bus', () => {
    const arn = `arn:aws:events:ap-northeast-1:${ACCOUNT}:rule/jobs-bus/nightly`;
    expect(InvokerTrustPolicy.forRule({ accountId: ACCOUNT, sourceArn: arn }).Statement[0].Condition.ArnEquals['aws:SourceArn']).toBe(arn);
  });

  test('tokens pass through', () => {
    const doc = InvokerTrustPolicy.forRule({ accountId: '${TfToken[TOKEN.1]}', sourceArn: '${aws_cloudwatch_event_rule.this.arn}' });
    expect(doc.Statement[0].Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '${TfToken[TOKEN.1]}' },
      ArnEquals: { 'aws:SourceArn': '${aws_cloudwatch_event_rule.this.arn}' },
    });
  });

  test.each([
    [{ accountId: '12345', sourceArn: RULE }, 'accountId', "accountId: account '12345' must be 12 digits"],
    [{ accountId: ACCOUNT, sourceArn: 'nightly' }, 'sourceArn', "sourceArn: 'nightly' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
    [{ accountId: ACCOUNT, sourceArn: GROUP }, 'sourceArn', "sourceArn: service is 'scheduler' but expected 'events' (arn:<partition>:events:...:rule/[<event-bus>/]<rule-name>)"],
    [{ accountId: ACCOUNT, sourceArn: `arn:aws:events:ap-northeast-1:${ACCOUNT}:event-bus/default` }, 'sourceArn', "sourceArn: service is 'events' but resource is 'event-bus/default', expected rule/[<event-bus>/]<rule-name>"],
    [{ accountId: ACCOUNT, sourceArn: `arn:aws:events:ap-northeast-1:${OTHER_ACCOUNT}:rule/nightly` }, 'sourceArn', `sourceArn: account '${OTHER_ACCOUNT}' does not match accountId '${ACCOUNT}' (aws:SourceAccount and aws:SourceArn must name the same account)`],
  ])('rejects %j', (props, field, message) => {
    const error = errorOf(() => InvokerTrustPolicy.forRule(props));
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });
});

describe('forScheduler', () => {
  const trust = InvokerTrustPolicy.forScheduler({ accountId: ACCOUNT, sourceArn: GROUP });

  test('document', () => {
    expect(trust).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'EventBridgeSchedulerAssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnEquals: { 'aws:SourceArn': GROUP },
        },
      }],
    });
  });

  test('a schedule of the group may assume the role', async () => {
    expect(await trustDecision(trust, { service: 'scheduler.amazonaws.com', roleArn: ROLE, context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': GROUP } }))
      .toBe('Allowed');
  });

  test('another schedule group is denied', async () => {
    expect(await trustDecision(trust, {
      service: 'scheduler.amazonaws.com',
      roleArn: ROLE,
      context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': `arn:aws:scheduler:ap-northeast-1:${ACCOUNT}:schedule-group/default` },
    })).toBe('ImplicitlyDenied');
  });

  test('another account is denied', async () => {
    expect(await trustDecision(trust, {
      service: 'scheduler.amazonaws.com',
      roleArn: ROLE,
      context: { 'aws:SourceAccount': OTHER_ACCOUNT, 'aws:SourceArn': `arn:aws:scheduler:ap-northeast-1:${OTHER_ACCOUNT}:schedule-group/jobs` },
    })).toBe('ImplicitlyDenied');
  });

  test('EventBridge rules cannot use the Scheduler role', async () => {
    expect(await trustDecision(trust, { service: 'events.amazonaws.com', roleArn: ROLE, context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': GROUP } }))
      .toBe('ImplicitlyDenied');
  });

  test.each([
    [`arn:aws:scheduler:ap-northeast-1:${ACCOUNT}:schedule/jobs/nightly`, `sourceArn: 'arn:aws:scheduler:ap-northeast-1:${ACCOUNT}:schedule/jobs/nightly' is a schedule ARN, but Scheduler sets aws:SourceArn to the schedule group (expected arn:aws:scheduler:ap-northeast-1:${ACCOUNT}:schedule-group/<group-name>)`],
    [RULE, "sourceArn: service is 'events' but expected 'scheduler' (arn:<partition>:scheduler:...:schedule-group/<group-name>)"],
    [`arn:aws:scheduler:ap-northeast-1:${ACCOUNT}:schedule-group/bad name`, "sourceArn: schedule group name 'bad name' is not valid (1-64 letters, numbers, ., -, _)"],
    [`arn:aws:scheduler:ap-northeast-1:${OTHER_ACCOUNT}:schedule-group/jobs`, `sourceArn: account '${OTHER_ACCOUNT}' does not match accountId '${ACCOUNT}' (aws:SourceAccount and aws:SourceArn must name the same account)`],
  ])('rejects %s', (sourceArn, message) => {
    const error = errorOf(() => InvokerTrustPolicy.forScheduler({ accountId: ACCOUNT, sourceArn }));
    expect(error.field).toBe('sourceArn');
    expect(error.message).toBe(message);
  });
});

describe('ARN helpers', () => {
  test('ruleArn on the default bus and on a custom bus', () => {
    expect(InvokerTrustPolicy.ruleArn('aws', 'ap-northeast-1', ACCOUNT, 'nightly')).toBe(RULE);
    expect(InvokerTrustPolicy.ruleArn('aws', 'ap-northeast-1', ACCOUNT, 'nightly', 'default')).toBe(RULE);
    expect(InvokerTrustPolicy.ruleArn('aws-cn', 'cn-north-1', ACCOUNT, 'nightly', 'jobs'))
      .toBe(`arn:aws-cn:events:cn-north-1:${ACCOUNT}:rule/jobs/nightly`);
  });

  test('scheduleGroupArn defaults to the default group', () => {
    expect(InvokerTrustPolicy.scheduleGroupArn('aws', 'ap-northeast-1', ACCOUNT)).toBe(`arn:aws:scheduler:ap-northeast-1:${ACCOUNT}:schedule-group/default`);
    expect(InvokerTrustPolicy.scheduleGroupArn('aws-us-gov', 'us-gov-west-1', ACCOUNT, 'jobs'))
      .toBe(`arn:aws-us-gov:scheduler:us-gov-west-1:${ACCOUNT}:schedule-group/jobs`);
  });

  test('tokens pass through', () => {
    expect(InvokerTrustPolicy.scheduleGroupArn('aws', '${TfToken[TOKEN.1]}', '${TfToken[TOKEN.2]}', '${TfToken[TOKEN.3]}'))
      .toBe('arn:aws:scheduler:${TfToken[TOKEN.1]}:${TfToken[TOKEN.2]}:schedule-group/${TfToken[TOKEN.3]}');
  });

  test.each([
    [() => InvokerTrustPolicy.ruleArn('aws', 'ap-northeast-1', ACCOUNT, 'night ly'), 'ruleName', "ruleName: rule name 'night ly' is not valid (1-64 letters, numbers, ., -, _)"],
    [() => InvokerTrustPolicy.ruleArn('aws', 'ap-northeast-1', ACCOUNT, 'x'.repeat(65)), 'ruleName', `ruleName: rule name '${'x'.repeat(65)}' is not valid (1-64 letters, numbers, ., -, _)`],
    [() => InvokerTrustPolicy.ruleArn('aws', 'ap-northeast-1', ACCOUNT, 'n', 'bus name'), 'eventBusName', "eventBusName: event bus name 'bus name' is not valid (1-256 letters, numbers, /, ., -, _)"],
    [() => InvokerTrustPolicy.ruleArn('aws', 'ap-northeast-1', '12345', 'n'), 'arn', "arn: account '12345' must be 12 digits"],
    [() => InvokerTrustPolicy.scheduleGroupArn('aws', 'ap-northeast-1', ACCOUNT, ''), 'groupName', "groupName: schedule group name '' is not valid (1-64 letters, numbers, ., -, _)"],
    [() => InvokerTrustPolicy.forScheduler({ accountId: '12345', sourceArn: 'x', accountIdField: '--account-id' }), '--account-id', "--account-id: account '12345' must be 12 digits"],
    [() => InvokerTrustPolicy.forRule({ accountId: ACCOUNT, sourceArn: 'rule/x', sourceArnField: '--source-arn' }), '--source-arn',
      "--source-arn: 'rule/x' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
    [() => InvokerTrustPolicy.scheduleGroupArn('aws', 'ap-northeast-1', ACCOUNT, 'a b', 'scheduleGroup'), 'scheduleGroup', "scheduleGroup: schedule group name 'a b' is not valid (1-64 letters, numbers, ., -, _)"],
    [() => InvokerTrustPolicy.scheduleGroupArn('aws-cn', 'us-east-1', ACCOUNT), 'arn', "arn: region 'us-east-1' is not in partition 'aws-cn' (it is in 'aws')"],
  ])('rejects bad input %#', (fn, field, message) => {
    const error = errorOf(fn);
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });
});
