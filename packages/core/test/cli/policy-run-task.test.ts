import { hasNoStack, runCli, runCliJson } from './run-cli';
import { identityDecision, trustDecision } from '../policy/simulate';

const ACCOUNT = '123456789012';
const CLUSTER = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/batch`;
const TD = `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task-definition/nightly`;
const EXEC = `arn:aws:iam::${ACCOUNT}:role/nightly-execution`;
const TASK = `arn:aws:iam::${ACCOUNT}:role/nightly-task`;
const RULE = `arn:aws:events:ap-northeast-1:${ACCOUNT}:rule/nightly`;
const GROUP = `arn:aws:scheduler:ap-northeast-1:${ACCOUNT}:schedule-group/jobs`;
const DLQ = `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:nightly-dlq`;

const BASE = ['policy', 'run-task', '--cluster-arn', CLUSTER, '--task-definition-arn', `${TD}:3`, '--pass-role-arn', EXEC];

describe('ecs-batch policy run-task', () => {
  test('default: Scheduler, the default schedule group of the task definition', () => {
    const r = runCliJson(...BASE);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(Object.keys(r.json)).toEqual(['trustPolicy', 'permissionsPolicy']);
    expect(r.json.trustPolicy.Statement[0].Principal).toEqual({ Service: 'scheduler.amazonaws.com' });
    expect(r.json.trustPolicy.Statement[0].Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': ACCOUNT },
      ArnEquals: { 'aws:SourceArn': `arn:aws:scheduler:ap-northeast-1:${ACCOUNT}:schedule-group/default` },
    });
    expect(r.json.permissionsPolicy.Statement.map((s: any) => s.Sid)).toEqual(['RunTask', 'PassRoleToEcsTasks']);
    expect(r.json.permissionsPolicy.Statement[0].Resource).toBe(`${TD}:*`);
    expect(r.stdout.split('\n')).toHaveLength(2); // one JSON line + the final newline
  });

  test('every option', () => {
    const r = runCliJson(...BASE, '--pass-role-arn', TASK, '--target', 'scheduler', '--source-arn', GROUP, '--account-id', ACCOUNT,
      '--pin-revision', '--propagate-tags', '--dlq-arn', DLQ);
    expect(r.code).toBe(0);
    expect(r.json.trustPolicy.Statement[0].Condition.ArnEquals['aws:SourceArn']).toBe(GROUP);
    const [runTask, passRole, tag, dlq] = r.json.permissionsPolicy.Statement;
    expect(runTask.Resource).toBe(`${TD}:3`);
    expect(passRole.Resource).toEqual([EXEC, TASK]);
    expect(tag).toEqual({
      Sid: 'TagTasksOnRunTask',
      Effect: 'Allow',
      Action: 'ecs:TagResource',
      Resource: `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:task/batch/*`,
      Condition: { StringEquals: { 'ecs:CreateAction': 'RunTask' } },
    });
    expect(dlq).toEqual({ Sid: 'SendToDeadLetterQueue', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: DLQ });
  });

  test('--target rule with the rule ARN', () => {
    const r = runCliJson(...BASE, '--target', 'rule', '--source-arn', RULE);
    expect(r.code).toBe(0);
    expect(r.json.trustPolicy.Statement[0]).toEqual({
      Sid: 'EventBridgeRuleAssumeRole',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnEquals: { 'aws:SourceArn': RULE } },
    });
  });

  test('--target rule with a DLQ notes the queue policy on stderr, stdout stays JSON', () => {
    const r = runCliJson(...BASE, '--target', 'rule', '--source-arn', RULE, '--dlq-arn', DLQ);
    expect(r.code).toBe(0);
    expect(r.json.permissionsPolicy.Statement[2].Resource).toBe(DLQ);
    expect(r.stderr).toContain('DeadLetterQueuePolicy.forRule');
  });

  test('the printed policies evaluate as intended (iam-simulate)', async () => {
    const { json } = runCliJson(...BASE, '--target', 'rule', '--source-arn', RULE);
    const role = `arn:aws:iam::${ACCOUNT}:role/invoker`;
    expect(await trustDecision(json.trustPolicy, { service: 'events.amazonaws.com', roleArn: role, context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': RULE } }))
      .toBe('Allowed');
    expect(await trustDecision(json.trustPolicy, {
      service: 'events.amazonaws.com', roleArn: role, context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': `${RULE}-other` },
    })).toBe('ImplicitlyDenied');
    expect(await identityDecision(json.permissionsPolicy, { action: 'ecs:RunTask', resource: `${TD}:9`, context: { 'ecs:cluster': CLUSTER } })).toBe('Allowed');
    expect(await identityDecision(json.permissionsPolicy, {
      action: 'ecs:RunTask', resource: `${TD}:9`, context: { 'ecs:cluster': `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:cluster/other` },
    })).toBe('ImplicitlyDenied');
  });

  test('human output: both documents, pretty-printed', () => {
    const r = runCli(...BASE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Trust policy (scheduler.amazonaws.com, aws:SourceArn arn:aws:scheduler:ap-northeast-1:${ACCOUNT}:schedule-group/default):`);
    expect(r.stdout).toContain('Permissions policy:');
    expect(r.stdout).toContain('      "Action": "ecs:RunTask",');
  });

  test.each([
    [['--target', 'rule'], '--target rule needs --source-arn with the rule ARN'],
    [['--target', 'lambda'], "--target must be rule or scheduler (got 'lambda')"],
    [['--pin'], 'unknown option --pin'],
    [['--dlq-arn'], '--dlq-arn needs a value (--dlq-arn ARN)'],
    [['--pin-revision=yes'], '--pin-revision takes no value'],
    [['--target', 'rule', '--target', 'scheduler'], '--target was given more than once'],
    [['extra'], 'expected 0 arguments, got 1'],
  ])('usage error %j: exit 2', (extra, message) => {
    const r = runCliJson(...BASE, ...extra);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`ecs-batch policy run-task: ${message}`);
    expect(r.stderr).toContain('Usage: ecs-batch policy run-task --cluster-arn ARN');
  });

  test.each([
    ['--cluster-arn', ['policy', 'run-task', '--task-definition-arn', TD, '--pass-role-arn', EXEC]],
    ['--task-definition-arn', ['policy', 'run-task', '--cluster-arn', CLUSTER, '--pass-role-arn', EXEC]],
    ['--pass-role-arn', ['policy', 'run-task', '--cluster-arn', CLUSTER, '--task-definition-arn', TD]],
  ])('missing %s: exit 2', (flag, args) => {
    const r = runCli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ecs-batch policy run-task: missing option ${flag} ARN`);
  });

  test.each([
    [['--cluster-arn', 'batch'], "--cluster-arn: 'batch' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
    [['--task-definition-arn', CLUSTER], "--task-definition-arn: service is 'ecs' but resource is 'cluster/batch', expected task-definition/<family>[:<revision>]"],
    [['--pass-role-arn', `arn:aws:iam::${ACCOUNT}:user/bob`], "--pass-role-arn: service is 'iam' but resource is 'user/bob', expected role/[<path>/]<role-name>"],
    [['--dlq-arn', `arn:aws:sns:ap-northeast-1:${ACCOUNT}:t`], "--dlq-arn: service is 'sns' but expected 'sqs' (arn:<partition>:sqs:...:<queue-name>)"],
    [['--account-id', '12345'], "--account-id: account '12345' must be 12 digits"],
    [['--target', 'rule', '--source-arn', GROUP], "--source-arn: service is 'scheduler' but expected 'events' (arn:<partition>:events:...:rule/[<event-bus>/]<rule-name>)"],
    [['--source-arn', RULE], "--source-arn: service is 'events' but expected 'scheduler' (arn:<partition>:scheduler:...:schedule-group/<group-name>)"],
    [['--source-arn', 'arn:aws:scheduler:ap-northeast-1:210987654321:schedule-group/jobs'],
      "--source-arn: account '210987654321' does not match accountId '123456789012' (aws:SourceAccount and aws:SourceArn must name the same account)"],
  ])('invalid input %j: exit 1, the flag named on stderr', (extra, message) => {
    const args = [...BASE];
    for (let i = 0; i < extra.length; i += 2) {
      const at = args.indexOf(extra[i]);
      if (at !== -1 && extra[i] !== '--pass-role-arn') args.splice(at, 2);
    }
    if (extra[0] === '--pass-role-arn') args.splice(args.indexOf('--pass-role-arn'), 2);
    const r = runCliJson(...args, ...extra);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`ecs-batch policy run-task: ${message}\n`);
    expect(hasNoStack(r.stderr)).toBe(true);
  });

  test('pinning a revisionless ARN names --pin-revision', () => {
    const r = runCli('policy', 'run-task', '--cluster-arn', CLUSTER, '--task-definition-arn', TD, '--pass-role-arn', EXEC, '--pin-revision');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`ecs-batch policy run-task: --pin-revision: needs a task definition ARN with a revision, but '${TD}' has none (e.g. ${TD}:3)\n`);
  });

  test('--help', () => {
    const r = runCli('policy', 'run-task', '--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const flag of ['--cluster-arn ARN', '--task-definition-arn ARN', '--pass-role-arn ARN', '--target rule|scheduler', '--source-arn ARN',
      '--account-id ID', '--pin-revision', '--propagate-tags', '--dlq-arn ARN', '--json']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toContain('--target rule needs --source-arn');
  });

  test('--help wins over other errors', () => {
    expect(runCli('policy', 'run-task', '--bogus', '--help').code).toBe(0);
  });
});
