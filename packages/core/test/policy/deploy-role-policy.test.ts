/**
 * The deploy role, evaluated with the real IAM evaluator: every call the deploy
 * makes (the workflow's AWS CLI and Docker calls, and what the AWS provider calls
 * for each resource of the stack) is allowed; another team's resources, roles
 * without the boundary, AdministratorAccess and PassRole to the wrong service are not.
 */
import { Decision, identityDecision } from './simulate';
import { DeployRolePolicy, PlanRolePolicy } from '../../src';
import { errorOf } from '../error-of';

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-1';
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/ecs-batch-boundary`;
const BUCKET = `payments-terraform-state-${ACCOUNT}`;
const PROPS = { team: 'payments', accountId: ACCOUNT, region: REGION, stateBucket: BUCKET, repositoryName: 'payments-batch' };
const DEPLOY = DeployRolePolicy.permissions({ ...PROPS, permissionsBoundaryArn: BOUNDARY });
const PLAN = PlanRolePolicy.permissions(PROPS);

const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const TEAM_TAG = { 'aws:RequestTag/team': 'payments' };
const WITH_BOUNDARY = { 'iam:PermissionsBoundary': BOUNDARY };

type Call = [action: string, resource: string, context?: Record<string, string | string[]>];

/** What `terraform plan` reads: the state, and each resource of the stack. */
const PLAN_CALLS: Call[] = [
  ['s3:ListBucket', `arn:aws:s3:::${BUCKET}`],
  ['s3:GetObject', `arn:aws:s3:::${BUCKET}/payments-batch/production.tfstate`],
  ['s3:PutObject', `arn:aws:s3:::${BUCKET}/payments-batch/production.tfstate.tflock`],
  ['s3:DeleteObject', `arn:aws:s3:::${BUCKET}/payments-batch/production.tfstate.tflock`],
  ['ecr:DescribeRepositories', arn('ecr', 'repository/payments-batch')],
  ['ecr:GetLifecyclePolicy', arn('ecr', 'repository/payments-batch')],
  ['ecr:ListTagsForResource', arn('ecr', 'repository/payments-batch')],
  ['ecs:DescribeClusters', arn('ecs', 'cluster/payments-batch')],
  ['ecs:ListTagsForResource', arn('ecs', 'task-definition/payments-nightly:3')],
  ['ecs:DescribeTaskDefinition', '*'],
  ['ecs:ListTaskDefinitions', '*'],
  ['iam:GetRole', role('payments-nightly-execution')],
  ['iam:GetRolePolicy', role('payments-nightly-task')],
  ['iam:ListRolePolicies', role('payments-nightly-run-invoker')],
  ['iam:ListAttachedRolePolicies', role('payments-nightly-run-invoker')],
  ['logs:DescribeLogGroups', '*'],
  ['logs:ListTagsForResource', arn('logs', 'log-group:/ecs-batch/payments-nightly')],
  ['events:DescribeRule', arn('events', 'rule/payments-nightly-failed')],
  ['events:ListTargetsByRule', arn('events', 'rule/payments-nightly-failed')],
  ['events:ListTagsForResource', arn('events', 'rule/payments-nightly-failed')],
  ['scheduler:GetSchedule', arn('scheduler', 'schedule/default/payments-nightly-run')],
  ['scheduler:GetScheduleGroup', arn('scheduler', 'schedule-group/payments-batch')],
  ['sqs:GetQueueAttributes', arn('sqs', 'payments-nightly-run-dlq')],
  ['sqs:ListQueueTags', arn('sqs', 'payments-nightly-run-dlq')],
  ['sns:GetTopicAttributes', arn('sns', 'payments-nightly-alerts')],
  // Subscription actions are authorized on the topic.
  ['sns:GetSubscriptionAttributes', arn('sns', 'payments-nightly-alerts')],
  ['sns:ListTagsForResource', arn('sns', 'payments-nightly-alerts')],
  ['cloudwatch:DescribeAlarms', arn('cloudwatch', 'alarm:payments-nightly-missed-run')],
  // The dashboard (EcsBatchDashboard / ecs-batch-dashboard): global dashboard ARN, events log group, log resource policy.
  ['cloudwatch:GetDashboard', `arn:aws:cloudwatch::${ACCOUNT}:dashboard/payments-batch`],
  ['logs:ListTagsForResource', arn('logs', 'log-group:/aws/events/ecs-batch/payments-batch')],
  ['logs:DescribeResourcePolicies', '*'],
];

/** What `terraform apply` changes, and what the workflow does after it (push, RegisterTaskDefinition). */
const APPLY_CALLS: Call[] = [
  ['s3:PutObject', `arn:aws:s3:::${BUCKET}/payments-batch/production.tfstate`],
  ['ecr:CreateRepository', arn('ecr', 'repository/payments-batch'), TEAM_TAG],
  ['ecr:PutLifecyclePolicy', arn('ecr', 'repository/payments-batch')],
  ['ecr:TagResource', arn('ecr', 'repository/payments-batch')],
  ['ecr:GetAuthorizationToken', '*'],
  ['ecr:DescribeImages', arn('ecr', 'repository/payments-batch')],
  ['ecr:BatchCheckLayerAvailability', arn('ecr', 'repository/payments-batch')],
  ['ecr:InitiateLayerUpload', arn('ecr', 'repository/payments-batch')],
  ['ecr:UploadLayerPart', arn('ecr', 'repository/payments-batch')],
  ['ecr:CompleteLayerUpload', arn('ecr', 'repository/payments-batch')],
  ['ecr:PutImage', arn('ecr', 'repository/payments-batch')],
  ['ecs:CreateCluster', arn('ecs', 'cluster/payments-batch'), TEAM_TAG],
  ['ecs:PutClusterCapacityProviders', arn('ecs', 'cluster/payments-batch')],
  ['iam:CreateServiceLinkedRole', `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`, { 'iam:AWSServiceName': 'ecs.amazonaws.com' }],
  ['ecs:RegisterTaskDefinition', arn('ecs', 'task-definition/payments-nightly:4'), TEAM_TAG],
  ['ecs:TagResource', arn('ecs', 'task-definition/payments-nightly:4'), { 'ecs:CreateAction': 'RegisterTaskDefinition' }],
  ['ecs:DeregisterTaskDefinition', '*'],
  ['iam:CreateRole', role('payments-nightly-execution'), { ...WITH_BOUNDARY, ...TEAM_TAG }],
  ['iam:PutRolePolicy', role('payments-nightly-execution'), WITH_BOUNDARY],
  ['iam:AttachRolePolicy', role('payments-nightly-task'), { ...WITH_BOUNDARY, 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }],
  ['iam:UpdateAssumeRolePolicy', role('payments-nightly-run-invoker'), WITH_BOUNDARY],
  ['iam:DeleteRolePolicy', role('payments-nightly-task'), WITH_BOUNDARY],
  ['iam:DeleteRole', role('payments-old-task'), WITH_BOUNDARY],
  ['iam:TagRole', role('payments-nightly-task')],
  ['iam:PassRole', role('payments-nightly-execution'), { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }],
  ['iam:PassRole', role('payments-nightly-task'), { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }],
  ['iam:PassRole', role('payments-nightly-run-invoker'), { 'iam:PassedToService': 'scheduler.amazonaws.com' }],
  ['iam:PassRole', role('payments-nightly-run-invoker'), { 'iam:PassedToService': 'events.amazonaws.com' }],
  ['logs:CreateLogGroup', arn('logs', 'log-group:/ecs-batch/payments-nightly'), TEAM_TAG],
  ['logs:PutRetentionPolicy', arn('logs', 'log-group:/ecs-batch/payments-nightly')],
  ['logs:TagResource', arn('logs', 'log-group:/ecs-batch/payments-nightly')],
  ['events:PutRule', arn('events', 'rule/payments-nightly-failed'), TEAM_TAG],
  ['events:PutTargets', arn('events', 'rule/payments-nightly-failed')],
  ['events:TagResource', arn('events', 'rule/payments-nightly-failed')],
  ['scheduler:CreateSchedule', arn('scheduler', 'schedule/default/payments-nightly-run')],
  ['scheduler:UpdateSchedule', arn('scheduler', 'schedule/payments-batch/payments-nightly-run')],
  ['scheduler:CreateScheduleGroup', arn('scheduler', 'schedule-group/payments-batch'), TEAM_TAG],
  ['sqs:CreateQueue', arn('sqs', 'payments-nightly-run-dlq'), TEAM_TAG],
  ['sqs:SetQueueAttributes', arn('sqs', 'payments-nightly-run-dlq')],
  ['sqs:TagQueue', arn('sqs', 'payments-nightly-run-dlq')],
  ['sns:CreateTopic', arn('sns', 'payments-nightly-alerts'), TEAM_TAG],
  ['sns:SetTopicAttributes', arn('sns', 'payments-nightly-alerts')],
  ['sns:Subscribe', arn('sns', 'payments-nightly-alerts')],
  ['cloudwatch:PutMetricAlarm', arn('cloudwatch', 'alarm:payments-nightly-missed-run'), TEAM_TAG],
  ['cloudwatch:TagResource', arn('cloudwatch', 'alarm:payments-nightly-missed-run')],
  ['cloudwatch:PutDashboard', `arn:aws:cloudwatch::${ACCOUNT}:dashboard/payments-batch`],
  ['cloudwatch:DeleteDashboards', `arn:aws:cloudwatch::${ACCOUNT}:dashboard/payments-batch`],
  ['logs:CreateLogGroup', arn('logs', 'log-group:/aws/events/ecs-batch/payments-batch'), TEAM_TAG],
  ['logs:PutRetentionPolicy', arn('logs', 'log-group:/aws/events/ecs-batch/payments-batch')],
  ['events:PutRule', arn('events', 'rule/payments-batch-task-events'), TEAM_TAG],
  ['events:PutTargets', arn('events', 'rule/payments-batch-task-events')],
  ['logs:PutResourcePolicy', '*'],
];

/** Another team (billing) in the same account: none of it is reachable. */
const OTHER_TEAM_CALLS: Call[] = [
  ['s3:GetObject', `arn:aws:s3:::billing-terraform-state-${ACCOUNT}/billing-batch/production.tfstate`],
  ['s3:PutObject', `arn:aws:s3:::billing-terraform-state-${ACCOUNT}/billing-batch/production.tfstate`],
  ['ecr:PutImage', arn('ecr', 'repository/billing-batch')],
  ['ecr:DescribeRepositories', arn('ecr', 'repository/billing-batch')],
  ['ecs:CreateCluster', arn('ecs', 'cluster/billing-batch'), { 'aws:RequestTag/team': 'billing' }],
  ['ecs:RegisterTaskDefinition', arn('ecs', 'task-definition/billing-nightly:2'), TEAM_TAG],
  ['iam:CreateRole', role('billing-nightly-task'), { ...WITH_BOUNDARY, ...TEAM_TAG }],
  ['iam:PutRolePolicy', role('billing-nightly-task'), WITH_BOUNDARY],
  ['iam:GetRole', role('billing-nightly-task')],
  ['iam:PassRole', role('billing-nightly-task'), { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }],
  ['logs:CreateLogGroup', arn('logs', 'log-group:/ecs-batch/billing-nightly'), TEAM_TAG],
  ['events:PutRule', arn('events', 'rule/billing-nightly-failed'), TEAM_TAG],
  ['scheduler:CreateSchedule', arn('scheduler', 'schedule/default/billing-nightly-run')],
  ['sqs:SetQueueAttributes', arn('sqs', 'billing-nightly-run-dlq')],
  ['sns:Subscribe', arn('sns', 'billing-nightly-alerts')],
  ['cloudwatch:PutMetricAlarm', arn('cloudwatch', 'alarm:billing-nightly-missed-run'), TEAM_TAG],
  ['cloudwatch:PutDashboard', `arn:aws:cloudwatch::${ACCOUNT}:dashboard/billing-batch`],
  ['cloudwatch:GetDashboard', `arn:aws:cloudwatch::${ACCOUNT}:dashboard/billing-batch`],
  ['logs:CreateLogGroup', arn('logs', 'log-group:/aws/events/ecs-batch/billing-batch'), TEAM_TAG],
  ['logs:CreateLogGroup', arn('logs', 'log-group:/aws/events/other'), TEAM_TAG],
];

async function decision(policy: unknown, [action, resource, context]: Call): Promise<Decision> {
  return identityDecision(policy, { action, resource, context });
}

describe('DeployRolePolicy', () => {
  test.each([...PLAN_CALLS, ...APPLY_CALLS])('deploy: %s on %s is allowed', async (...call) => {
    expect(await decision(DEPLOY, call)).toBe('Allowed');
  });

  test.each(OTHER_TEAM_CALLS)('another team: %s on %s is denied', async (...call) => {
    expect(await decision(DEPLOY, call)).not.toBe('Allowed');
  });

  test.each<Call>([
    ['iam:CreateRole', role('payments-nightly-task'), TEAM_TAG],
    ['iam:CreateRole', role('payments-nightly-task'), { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCOUNT}:policy/lenient`, ...TEAM_TAG }],
    ['iam:PutRolePolicy', role('payments-nightly-task')],
    ['iam:AttachRolePolicy', role('payments-nightly-task'), { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }],
    ['iam:UpdateAssumeRolePolicy', role('payments-nightly-task')],
    ['iam:PutRolePermissionsBoundary', role('payments-nightly-task'), { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCOUNT}:policy/lenient` }],
  ])('a role without the boundary: %s on %s is denied', async (...call) => {
    expect(await decision(DEPLOY, call)).toBe('ImplicitlyDenied');
  });

  test.each<[string, Call]>([
    ['attaching AdministratorAccess, even with the boundary', ['iam:AttachRolePolicy', role('payments-nightly-task'), { ...WITH_BOUNDARY, 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess' }]],
    ['removing a boundary', ['iam:DeleteRolePermissionsBoundary', role('payments-nightly-task'), WITH_BOUNDARY]],
    ['assuming a role the deploy created', ['sts:AssumeRole', role('payments-nightly-task')]],
  ])('%s is denied outright', async (_, call) => {
    expect(await decision(DEPLOY, call)).toBe('ExplicitlyDenied');
  });

  test.each<Call>([
    ['iam:PassRole', role('payments-nightly-execution'), { 'iam:PassedToService': 'events.amazonaws.com' }],
    ['iam:PassRole', role('payments-nightly-task'), { 'iam:PassedToService': 'lambda.amazonaws.com' }],
    ['iam:PassRole', role('payments-nightly-run-invoker'), { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }],
    ['iam:PassRole', role('payments-nightly-run-invoker'), { 'iam:PassedToService': 'ec2.amazonaws.com' }],
    ['iam:PassRole', role('payments-admin'), { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }],
    ['iam:PassRole', role('ecs-batch-deploy-payments'), { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }],
    ['iam:PassRole', role('payments-nightly-task')],
  ])('PassRole except each stack role to its own service: %s %s %j is denied', async (...call) => {
    expect(await decision(DEPLOY, call)).toBe('ImplicitlyDenied');
  });

  test.each<Call>([
    ['ecs:RegisterTaskDefinition', arn('ecs', 'task-definition/payments-nightly:4')],
    ['ecs:RegisterTaskDefinition', arn('ecs', 'task-definition/payments-nightly:4'), { 'aws:RequestTag/team': 'billing' }],
    ['iam:CreateRole', role('payments-nightly-task'), WITH_BOUNDARY],
  ])('untagged or tagged for another team: %s on %s is denied', async (...call) => {
    expect(await decision(DEPLOY, call)).toBe('ImplicitlyDenied');
  });

  test.each<Call>([
    ['iam:CreatePolicyVersion', BOUNDARY],
    ['iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/payments-ci`],
    ['iam:CreateServiceLinkedRole', `arn:aws:iam::${ACCOUNT}:role/aws-service-role/lambda.amazonaws.com/AWSServiceRoleForLambda`, { 'iam:AWSServiceName': 'lambda.amazonaws.com' }],
    ['iam:CreateOpenIDConnectProvider', `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`],
    ['s3:PutBucketPolicy', `arn:aws:s3:::${BUCKET}`],
    ['ecs:RunTask', arn('ecs', 'task-definition/payments-nightly:4')],
    ['ecr:DeleteRepository', arn('ecr', 'repository/billing-batch')],
  ])('nothing the deploy does not do: %s on %s is denied', async (...call) => {
    expect(await decision(DEPLOY, call)).toBe('ImplicitlyDenied');
  });

  test('a broken policy fails these tests: without the boundary condition, a role without it gets through', async () => {
    const broken = JSON.parse(JSON.stringify(DEPLOY));
    for (const s of broken.Statement) {
      if (s.Condition?.StringEquals?.['iam:PermissionsBoundary']) delete s.Condition.StringEquals['iam:PermissionsBoundary'];
    }
    expect(await decision(broken, ['iam:PutRolePolicy', role('payments-nightly-task')])).toBe('Allowed');
  });

  test('the role-name suffixes PassRole relies on are the naming contract\'s', () => {
    expect([DeployRolePolicy.EXECUTION_ROLE_SUFFIX, DeployRolePolicy.TASK_ROLE_SUFFIX, DeployRolePolicy.INVOKER_ROLE_SUFFIX]).toEqual(['-execution', '-task', '-invoker']);
    const passRole = DEPLOY.Statement.filter((s: any) => s.Action === 'iam:PassRole').map((s: any) => [s.Resource].flat()).flat();
    expect(passRole).toEqual([role('payments-*-execution'), role('payments-*-task'), role('payments-*-invoker')]);
  });

  test('bad props name the field', () => {
    expect(errorOf(() => DeployRolePolicy.permissions({ ...PROPS, permissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:role/x` })).message)
      .toBe(`permissionsBoundaryArn: 'arn:aws:iam::${ACCOUNT}:role/x' is not a managed policy ARN (arn:<partition>:iam::<account>:policy/<name>)`);
    expect(errorOf(() => DeployRolePolicy.permissions({ ...PROPS, team: 'Payments', permissionsBoundaryArn: BOUNDARY })).message)
      .toBe("team: 'Payments' is not a valid team name (2-31 lowercase letters, digits and hyphens, starting with a letter)");
    expect(errorOf(() => PlanRolePolicy.permissions({ ...PROPS, repositoryName: 'batch' })).message)
      .toBe("repositoryName: 'batch' does not start with 'payments-' (every name of the team's stack does)");
    expect(errorOf(() => PlanRolePolicy.permissions({ ...PROPS, accountId: '1234' })).message).toBe("accountId: '1234' is not an AWS account ID (12 digits)");
    expect(errorOf(() => PlanRolePolicy.permissions({ ...PROPS, stateBucket: 'State_Bucket' })).message)
      .toBe("stateBucket: 'State_Bucket' is not an S3 bucket name (3-63 lowercase letters, digits, '.' and '-')");
  });

  test('Terraform references pass through', () => {
    const policy = DeployRolePolicy.permissions({
      team: 'payments',
      accountId: '${local.account_id}',
      region: '${var.region}',
      partition: '${local.partition}',
      stateBucket: '${aws_s3_bucket.state.bucket}',
      repositoryName: 'payments-batch',
      permissionsBoundaryArn: '${var.permissions_boundary_arn}',
    });
    const text = JSON.stringify(policy);
    expect(text).toContain('"arn:${local.partition}:iam::${local.account_id}:role/payments-*"');
    expect(text).toContain('"iam:PermissionsBoundary":"${var.permissions_boundary_arn}"');
  });
});

describe('PlanRolePolicy', () => {
  test.each(PLAN_CALLS)('plan: %s on %s is allowed', async (...call) => {
    expect(await decision(PLAN, call)).toBe('Allowed');
  });

  // Everything apply and the release do, but reading the image list.
  test.each(APPLY_CALLS.filter(([action]) => action !== 'ecr:DescribeImages'))(
    'plan writes nothing: %s on %s is denied', async (...call) => {
      expect(await decision(PLAN, call)).toBe('ImplicitlyDenied');
    });

  test.each(OTHER_TEAM_CALLS)('another team: %s on %s is denied', async (...call) => {
    expect(await decision(PLAN, call)).toBe('ImplicitlyDenied');
  });

  test('its only write is the lock file', () => {
    const writes = PLAN.Statement.filter((s: any) => [s.Action].flat().some((a: string) => /^s3:(Put|Delete)/.test(a)));
    expect(writes).toEqual([{
      Sid: PlanRolePolicy.SID_STATE_LOCK, Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: `arn:aws:s3:::${BUCKET}/*.tflock`,
    }]);
  });
});
