import { ClusterArn, TaskDefinitionArn } from '../../arn';
import { InvokerTrustPolicy, RunTaskPolicy } from '../../policy';
import { Command } from '../command';
import { UsageError } from '../usage-error';

const TARGETS = ['rule', 'scheduler'];

/** `ecs-batch policy run-task ...` */
export const POLICY_RUN_TASK: Command = {
  group: 'policy',
  name: 'run-task',
  summary: 'the trust and permissions policies of the role that runs a scheduled ECS task',
  arguments: [],
  options: [
    { name: 'cluster-arn', kind: 'value', placeholder: 'ARN', required: true, description: 'the ECS cluster (the ecs:cluster condition)' },
    { name: 'task-definition-arn', kind: 'value', placeholder: 'ARN', required: true, description: 'the task definition, any revision or none' },
    { name: 'pass-role-arn', kind: 'list', placeholder: 'ARN', required: true, description: 'a role the task uses (execution role, task role); repeat for each' },
    { name: 'target', kind: 'value', placeholder: 'rule|scheduler', description: 'who runs the task: an EventBridge rule or EventBridge Scheduler (default: scheduler)' },
    { name: 'source-arn', kind: 'value', placeholder: 'ARN', description: 'the rule ARN (rule; required) or schedule-group ARN (scheduler; default: the default group)' },
    { name: 'account-id', kind: 'value', placeholder: 'ID', description: 'aws:SourceAccount (default: the task definition\'s account)' },
    { name: 'pin-revision', kind: 'boolean', description: 'allow only the given revision instead of every revision of the family' },
    { name: 'propagate-tags', kind: 'boolean', description: 'allow ecs:TagResource while RunTask creates the task' },
    { name: 'dlq-arn', kind: 'value', placeholder: 'ARN', description: 'an SQS dead-letter queue: allow sqs:SendMessage on it' },
  ],
  description: [
    'Prints the IAM trust policy and permissions policy of the role that EventBridge (a rule or',
    'Scheduler) assumes to run the task: ecs:RunTask on <family>:* (or the pinned revision) in the',
    'cluster, iam:PassRole on the given roles towards ecs-tasks.amazonaws.com only, and a trust',
    'limited to one rule or schedule group of one account (aws:SourceAccount, aws:SourceArn).',
    '',
    '--target defaults to scheduler, which AWS recommends for schedules; without --source-arn it',
    'trusts the "default" schedule group in the task definition\'s region and account. A rule has',
    'no default: --target rule needs --source-arn with the rule ARN.',
    '',
    'JSON: {"trustPolicy":{...},"permissionsPolicy":{...}}. See docs/iam.md for each statement.',
  ].join('\n'),
  examples: [
    'ecs-batch policy run-task --cluster-arn arn:aws:ecs:ap-northeast-1:123456789012:cluster/batch \\',
    '    --task-definition-arn arn:aws:ecs:ap-northeast-1:123456789012:task-definition/nightly:3 \\',
    '    --pass-role-arn arn:aws:iam::123456789012:role/nightly-execution --json',
    'ecs-batch policy run-task --target rule --source-arn arn:aws:events:ap-northeast-1:123456789012:rule/nightly \\',
    '    --cluster-arn ... --task-definition-arn ... --pass-role-arn ... --propagate-tags',
  ],
  run(args) {
    const target = args.values.get('target') ?? 'scheduler';
    if (!TARGETS.includes(target)) {
      throw new UsageError(`--target must be rule or scheduler (got '${target}')`);
    }
    let sourceArn = args.values.get('source-arn');
    if (target === 'rule' && sourceArn === undefined) {
      throw new UsageError('--target rule needs --source-arn with the rule ARN (e.g. arn:aws:events:us-east-1:123456789012:rule/nightly): the trust policy pins aws:SourceArn to it');
    }
    const clusterArn = args.values.get('cluster-arn')!;
    ClusterArn.parse(clusterArn, '--cluster-arn');
    const taskDefinition = TaskDefinitionArn.parse(args.values.get('task-definition-arn')!, '--task-definition-arn');
    const accountId = args.values.get('account-id') ?? taskDefinition.account;
    sourceArn ??= InvokerTrustPolicy.scheduleGroupArn(taskDefinition.partition, taskDefinition.region, taskDefinition.account);
    const deadLetterQueueArn = args.values.get('dlq-arn');

    // Core names each value by the flag the user typed, so errors name what they can fix.
    const trustProps = { accountId, sourceArn, accountIdField: '--account-id', sourceArnField: '--source-arn' };
    const trustPolicy = target === 'rule' ? InvokerTrustPolicy.forRule(trustProps) : InvokerTrustPolicy.forScheduler(trustProps);
    const passRoleArns = args.lists.get('pass-role-arn') ?? [];
    const permissionsPolicy = RunTaskPolicy.permissions({
      clusterArn,
      taskDefinitionArn: taskDefinition.arn,
      passRoleArns,
      pinRevision: args.flags.has('pin-revision'),
      propagateTags: args.flags.has('propagate-tags'),
      deadLetterQueueArn,
      fieldNames: {
        clusterArn: '--cluster-arn',
        taskDefinitionArn: '--task-definition-arn',
        taskDefinitionFamilyArn: '--task-definition-arn',
        passRoleArns: passRoleArns.map(() => '--pass-role-arn'),
        deadLetterQueueArn: '--dlq-arn',
        pinRevision: '--pin-revision',
      },
    });
    const principal = target === 'rule' ? 'events.amazonaws.com' : 'scheduler.amazonaws.com';
    const stderr = target === 'rule' && deadLetterQueueArn !== undefined
      ? ['note: an EventBridge rule delivers to its dead-letter queue with the queue\'s resource policy, not with this role; attach DeadLetterQueuePolicy.forRule to the queue (docs/iam.md)']
      : [];
    return {
      json: { trustPolicy, permissionsPolicy },
      text: [
        `Trust policy (${principal}, aws:SourceArn ${sourceArn}):`,
        JSON.stringify(trustPolicy, null, 2),
        '',
        'Permissions policy:',
        JSON.stringify(permissionsPolicy, null, 2),
      ].join('\n'),
      stderr,
    };
  },
};
