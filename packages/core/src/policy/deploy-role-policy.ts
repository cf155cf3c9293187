import { Arn } from '../arn';
import { ValidationError } from '../errors';
import { PolicyDocument } from './policy-document';
import { ServicePrincipal } from './service-principal';
import { TeamStackAccess } from './team-stack-access';
import { TeamStackProps } from './team-stack-props';

/** The deploy role's scope: the team's stack, and the boundary every role it creates must carry. */
export interface DeployRolePolicyProps extends TeamStackProps {
  /**
   * The permissions boundary (a managed policy ARN) every role the deploy creates
   * or changes must carry: creating or changing a role is allowed only with
   * `iam:PermissionsBoundary` equal to it.
   */
  readonly permissionsBoundaryArn: string;
}

/**
 * The permissions of the role a team repo's deploy job assumes: exactly what the
 * deploy does, on the team's resources only (every name starts with `<team>-`).
 *
 * - the Terraform state: read and write objects in the state bucket (state and lock file);
 * - ECR: push to the team's repository, and manage it;
 * - the resources the stack manages: clusters, task definitions, IAM roles, log groups,
 *   EventBridge rules, Scheduler schedules and groups, SQS dead-letter queues, SNS
 *   topics, CloudWatch alarms and dashboards named `<team>-*`, and the dashboard's events
 *   log group `/aws/events/ecs-batch/<team>-*`;
 * - `ecs:RegisterTaskDefinition` of the team's families, tagged with the team;
 * - `iam:PassRole` on the stack's own roles, each to its own service: execution and
 *   task roles (`<team>-*-execution`, `<team>-*-task`) to ECS tasks, invoker roles
 *   (`<team>-*-invoker`) to EventBridge and Scheduler.
 *
 * Creating or changing a role requires the permissions boundary; removing a boundary,
 * attaching `AdministratorAccess` and assuming any role are denied outright.
 *
 * `ecs:DescribeTaskDefinition`, `ecs:DeregisterTaskDefinition` and
 * `ecs:ListTaskDefinitions`, `ecr:GetAuthorizationToken`, `logs:DescribeLogGroups` and the
 * CloudWatch Logs resource policy calls (`logs:PutResourcePolicy`, for the dashboard's
 * events log group) support no resource-level permissions: they are granted on `*`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage-boundary.html
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html
 */
export class DeployRolePolicy {
  /**
   * The naming contract of the stack's roles, which PassRole relies on: a job's
   * execution role ends with this suffix (e.g. `payments-nightly-execution`)...
   */
  public static readonly EXECUTION_ROLE_SUFFIX = TeamStackAccess.EXECUTION_ROLE_SUFFIX;
  /** ...its task role with this one (`payments-nightly-task`)... */
  public static readonly TASK_ROLE_SUFFIX = TeamStackAccess.TASK_ROLE_SUFFIX;
  /** ...and a schedule's invoker role with this one (`payments-nightly-run-invoker`). */
  public static readonly INVOKER_ROLE_SUFFIX = TeamStackAccess.INVOKER_ROLE_SUFFIX;
  /** The tag key whose value, the team, new task definitions and roles must carry. */
  public static readonly TEAM_TAG = TeamStackAccess.TEAM_TAG;

  /** Sid of the explicit deny of removing a role's permissions boundary. */
  public static readonly SID_DENY_BOUNDARY_REMOVAL = 'DenyRemovingPermissionsBoundary';
  /** Sid of the explicit deny of attaching AdministratorAccess. */
  public static readonly SID_DENY_ADMINISTRATOR_ACCESS = 'DenyAdministratorAccess';
  /** Sid of the explicit deny of sts:AssumeRole (the deploy never assumes the roles it creates). */
  public static readonly SID_DENY_ASSUME_ROLE = 'DenyAssumingRoles';
  /** Sid of creating and changing roles with the boundary. */
  public static readonly SID_ROLES_WITH_BOUNDARY = 'ChangeRolesWithBoundary';
  /** Sid of PassRole to ECS tasks. */
  public static readonly SID_PASS_ROLE_ECS_TASKS = 'PassRoleToEcsTasks';
  /** Sid of PassRole to EventBridge and Scheduler. */
  public static readonly SID_PASS_ROLE_INVOKERS = 'PassRoleToInvokers';

  /**
   * Build the permissions policy.
   *
   * @returns an IAM policy document (plain JSON)
   * @throws ValidationError naming the prop, e.g. `team: ...`
   */
  public static permissions(props: DeployRolePolicyProps): any {
    const stack = new TeamStackAccess(props);
    const boundary = props.permissionsBoundaryArn;
    if (!Arn.isToken(boundary)) {
      const parsed = Arn.parse(boundary, 'permissionsBoundaryArn');
      if (parsed.service !== 'iam' || !parsed.resource.startsWith('policy/')) {
        throw new ValidationError('permissionsBoundaryArn', `'${boundary}' is not a managed policy ARN (arn:<partition>:iam::<account>:policy/<name>)`);
      }
    }
    const team = stack.team;
    const tagged = { operator: 'StringEquals' as const, key: `aws:RequestTag/${TeamStackAccess.TEAM_TAG}`, value: team };
    const withBoundary = { operator: 'StringEquals' as const, key: 'iam:PermissionsBoundary', value: boundary };
    return PolicyDocument.of([
      ...stack.readStatements(),
      // State and its lock file (S3 native locking writes and deletes <key>.tflock).
      { sid: 'WriteState', actions: ['s3:PutObject', 's3:DeleteObject'], resources: [stack.stateObjectsArn] },

      // ECR: the token has no resource type; the push actions are the repository's.
      // https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html
      { sid: 'EcrAuthorizationToken', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] },
      {
        sid: 'PushImages',
        actions: [
          'ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload',
          'ecr:PutImage', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer',
        ],
        resources: [stack.repositoryArn],
      },
      {
        sid: 'ManageImageRepository',
        actions: [
          'ecr:CreateRepository', 'ecr:DeleteRepository', 'ecr:PutLifecyclePolicy', 'ecr:DeleteLifecyclePolicy',
          'ecr:PutImageScanningConfiguration', 'ecr:PutImageTagMutability', 'ecr:TagResource', 'ecr:UntagResource',
        ],
        resources: [stack.repositoryArn],
      },

      {
        sid: 'ManageClusters',
        actions: [
          'ecs:CreateCluster', 'ecs:DeleteCluster', 'ecs:UpdateCluster', 'ecs:UpdateClusterSettings', 'ecs:PutClusterCapacityProviders',
          'ecs:TagResource', 'ecs:UntagResource',
        ],
        resources: [stack.clustersArn],
      },
      // A new account's first cluster creates ECS's service-linked role.
      // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html
      {
        sid: 'CreateEcsServiceLinkedRole',
        actions: ['iam:CreateServiceLinkedRole'],
        resources: [`arn:${stack.partition}:iam::*:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS*`],
        conditions: [{ operator: 'StringEquals', key: 'iam:AWSServiceName', value: 'ecs.amazonaws.com' }],
      },
      // New revisions carry the team's tag; tagging at registration needs ecs:TagResource.
      // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html
      { sid: 'RegisterTaskDefinitions', actions: ['ecs:RegisterTaskDefinition'], resources: [stack.taskDefinitionsArn], conditions: [tagged] },
      { sid: 'TagTaskDefinitions', actions: ['ecs:TagResource', 'ecs:UntagResource'], resources: [stack.taskDefinitionsArn] },
      { sid: 'DeregisterTaskDefinitions', actions: ['ecs:DeregisterTaskDefinition'], resources: ['*'] },

      // Roles: created tagged with the team and with the boundary; changed only while they carry it.
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html#access_policies_boundaries-delegate
      { sid: 'CreateRolesWithBoundary', actions: ['iam:CreateRole'], resources: [stack.rolesArn], conditions: [withBoundary, tagged] },
      {
        sid: DeployRolePolicy.SID_ROLES_WITH_BOUNDARY,
        actions: [
          'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy',
          'iam:PutRolePermissionsBoundary', 'iam:UpdateAssumeRolePolicy', 'iam:DeleteRole',
        ],
        resources: [stack.rolesArn],
        conditions: [withBoundary],
      },
      { sid: 'TagRoles', actions: ['iam:TagRole', 'iam:UntagRole', 'iam:UpdateRole', 'iam:UpdateRoleDescription'], resources: [stack.rolesArn] },
      {
        sid: DeployRolePolicy.SID_PASS_ROLE_ECS_TASKS,
        actions: ['iam:PassRole'],
        resources: stack.ecsTasksRoleArns,
        conditions: [{ operator: 'StringEquals', key: 'iam:PassedToService', value: ServicePrincipal.ECS_TASKS }],
      },
      {
        sid: DeployRolePolicy.SID_PASS_ROLE_INVOKERS,
        actions: ['iam:PassRole'],
        resources: [stack.invokerRolesArn],
        conditions: [{ operator: 'StringEquals', key: 'iam:PassedToService', value: [ServicePrincipal.EVENTS, ServicePrincipal.SCHEDULER] }],
      },

      {
        sid: 'ManageLogGroups',
        actions: [
          'logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy',
          'logs:TagResource', 'logs:UntagResource', 'logs:TagLogGroup', 'logs:UntagLogGroup',
        ],
        resources: [stack.logGroupsArn, stack.eventsLogGroupsArn],
      },
      // The dashboard's events log group lets its rule write (EventsLogGroupPolicy). CloudWatch
      // Logs resource policies are per account and region, with no resource-level permissions:
      // these accept only "*". https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html
      { sid: 'ManageLogResourcePolicies', actions: ['logs:PutResourcePolicy', 'logs:DeleteResourcePolicy'], resources: ['*'] },
      { sid: 'ManageDashboards', actions: ['cloudwatch:PutDashboard', 'cloudwatch:DeleteDashboards'], resources: [stack.dashboardsArn] },
      {
        sid: 'ManageRules',
        actions: [
          'events:PutRule', 'events:DeleteRule', 'events:EnableRule', 'events:DisableRule', 'events:PutTargets', 'events:RemoveTargets',
          'events:TagResource', 'events:UntagResource',
        ],
        resources: [stack.rulesArn],
      },
      {
        sid: 'ManageSchedules',
        actions: [
          'scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule',
          'scheduler:CreateScheduleGroup', 'scheduler:DeleteScheduleGroup', 'scheduler:TagResource', 'scheduler:UntagResource',
        ],
        resources: [stack.schedulesArn, stack.scheduleGroupsArn],
      },
      {
        sid: 'ManageQueues',
        actions: ['sqs:CreateQueue', 'sqs:DeleteQueue', 'sqs:SetQueueAttributes', 'sqs:TagQueue', 'sqs:UntagQueue'],
        resources: [stack.queuesArn],
      },
      {
        sid: 'ManageTopics',
        actions: [
          'sns:CreateTopic', 'sns:DeleteTopic', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:Unsubscribe',
          'sns:SetSubscriptionAttributes', 'sns:TagResource', 'sns:UntagResource',
        ],
        resources: [stack.topicsArn],
      },
      {
        sid: 'ManageAlarms',
        actions: ['cloudwatch:PutMetricAlarm', 'cloudwatch:DeleteAlarms', 'cloudwatch:TagResource', 'cloudwatch:UntagResource'],
        resources: [stack.alarmsArn],
      },

      { sid: DeployRolePolicy.SID_DENY_BOUNDARY_REMOVAL, effect: 'Deny', actions: ['iam:DeleteRolePermissionsBoundary'], resources: ['*'] },
      {
        sid: DeployRolePolicy.SID_DENY_ADMINISTRATOR_ACCESS,
        effect: 'Deny',
        actions: ['iam:AttachRolePolicy'],
        resources: ['*'],
        conditions: [{ operator: 'ArnEquals', key: 'iam:PolicyARN', value: `arn:${stack.partition}:iam::aws:policy/AdministratorAccess` }],
      },
      // A role's trust policy may name the deploy role: deny it, so a role it creates never widens its own rights.
      { sid: DeployRolePolicy.SID_DENY_ASSUME_ROLE, effect: 'Deny', actions: ['sts:AssumeRole'], resources: ['*'] },
    ]);
  }

  private constructor() {}
}
