import { Arn } from '../arn';
import { AwsPartition } from '../arn/aws-partition';
import { ValidationError } from '../errors';
import { Statement } from './policy-document';
import { TeamStackProps } from './team-stack-props';
import { JobDashboard } from '../dashboard/job-dashboard';
import { JobRoleNames } from '../job/job-role-names';
import { JobTaskDefinition } from '../job/job-task-definition';

/** A team name prefixes AWS names, so it stays short and plain. */
const TEAM_PATTERN = /^[a-z][a-z0-9-]{1,30}$/;

/**
 * The ARNs of a team's stack, by the naming contract (every name starts with
 * `<team>-`), and the statements that read or change them. The deploy role and
 * the plan role are built from the same lists, so the plan role reads exactly
 * what the deploy role manages.
 *
 * Not exported from the package.
 */
export class TeamStackAccess {
  /** Suffix of a job's ECS task execution role name (the name is JobRoleNames'). */
  public static readonly EXECUTION_ROLE_SUFFIX = `-${JobRoleNames.EXECUTION_SUFFIX}`;
  /** Suffix of a job's task role name. */
  public static readonly TASK_ROLE_SUFFIX = `-${JobRoleNames.TASK_SUFFIX}`;
  /** Suffix of a schedule's invoker role name (the role EventBridge or Scheduler assumes). */
  public static readonly INVOKER_ROLE_SUFFIX = `-${JobRoleNames.INVOKER_SUFFIX}`;
  /** The tag every resource of the stack carries (the provider's default_tags), with the team as value. */
  public static readonly TEAM_TAG = 'team';

  public readonly team: string;
  public readonly partition: string;
  public readonly stateBucketArn: string;
  public readonly stateObjectsArn: string;
  public readonly stateLockFilesArn: string;
  public readonly repositoryArn: string;
  public readonly clustersArn: string;
  public readonly taskDefinitionsArn: string;
  public readonly rolesArn: string;
  public readonly ecsTasksRoleArns: string[];
  public readonly invokerRolesArn: string;
  public readonly logGroupsArn: string;
  /** The log groups of the dashboards' task-state-change events (`/aws/events/ecs-batch/<team>-*`). */
  public readonly eventsLogGroupsArn: string;
  /** The team's CloudWatch dashboards (global: no region in the ARN). */
  public readonly dashboardsArn: string;
  public readonly rulesArn: string;
  public readonly schedulesArn: string;
  public readonly scheduleGroupsArn: string;
  public readonly queuesArn: string;
  public readonly topicsArn: string;
  public readonly alarmsArn: string;

  constructor(props: TeamStackProps) {
    const team = props.team;
    if (!Arn.isToken(team) && (typeof team !== 'string' || !TEAM_PATTERN.test(team))) {
      throw new ValidationError('team', `'${team}' is not a valid team name (2-31 lowercase letters, digits and hyphens, starting with a letter)`);
    }
    const account = props.accountId;
    if (!Arn.isToken(account) && !/^\d{12}$/.test(account)) {
      throw new ValidationError('accountId', `'${account}' is not an AWS account ID (12 digits)`);
    }
    const region = props.region;
    if (!Arn.isToken(region) && !AwsPartition.REGION_PATTERN.test(region)) {
      throw new ValidationError('region', `'${region}' is not an AWS region name (e.g. ap-northeast-1)`);
    }
    const partition = props.partition ?? 'aws';
    if (!Arn.isToken(partition)) AwsPartition.check(partition, 'partition');
    const bucket = props.stateBucket;
    // Bucket names: 3-63 lowercase letters, digits, '.', '-'.
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    if (!Arn.isToken(bucket) && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
      throw new ValidationError('stateBucket', `'${bucket}' is not an S3 bucket name (3-63 lowercase letters, digits, '.' and '-')`);
    }
    const repository = props.repositoryName;
    if (!Arn.isToken(repository) && !Arn.isToken(team) && !repository.startsWith(`${team}-`)) {
      throw new ValidationError('repositoryName', `'${repository}' does not start with '${team}-' (every name of the team's stack does)`);
    }
    const logPrefix = props.logGroupNamePrefix ?? JobTaskDefinition.LOG_GROUP_PREFIX;
    const prefix = `${team}-`;
    const arn = (service: string, resource: string, withRegion = true) =>
      `arn:${partition}:${service}:${withRegion ? region : ''}:${service === 's3' ? '' : account}:${resource}`;
    this.team = team;
    this.partition = partition;
    this.stateBucketArn = `arn:${partition}:s3:::${bucket}`;
    this.stateObjectsArn = `arn:${partition}:s3:::${bucket}/*`;
    // The S3 backend's lock file is the state key plus ".tflock".
    // https://developer.hashicorp.com/terraform/language/backend/s3#state-locking
    this.stateLockFilesArn = `arn:${partition}:s3:::${bucket}/*.tflock`;
    this.repositoryArn = arn('ecr', `repository/${repository}`);
    this.clustersArn = arn('ecs', `cluster/${prefix}*`);
    this.taskDefinitionsArn = arn('ecs', `task-definition/${prefix}*`);
    this.rolesArn = arn('iam', `role/${prefix}*`, false);
    this.ecsTasksRoleArns = [TeamStackAccess.EXECUTION_ROLE_SUFFIX, TeamStackAccess.TASK_ROLE_SUFFIX]
      .map((suffix) => arn('iam', `role/${prefix}*${suffix}`, false));
    this.invokerRolesArn = arn('iam', `role/${prefix}*${TeamStackAccess.INVOKER_ROLE_SUFFIX}`, false);
    this.logGroupsArn = arn('logs', `log-group:${logPrefix}${prefix}*`);
    this.eventsLogGroupsArn = arn('logs', `log-group:${JobDashboard.EVENTS_LOG_GROUP_PREFIX}${prefix}*`);
    this.dashboardsArn = arn('cloudwatch', `dashboard/${prefix}*`, false);
    this.rulesArn = arn('events', `rule/${prefix}*`);
    this.schedulesArn = arn('scheduler', `schedule/*/${prefix}*`);
    this.scheduleGroupsArn = arn('scheduler', `schedule-group/${prefix}*`);
    this.queuesArn = arn('sqs', `${prefix}*`);
    this.topicsArn = arn('sns', `${prefix}*`);
    this.alarmsArn = arn('cloudwatch', `alarm:${prefix}*`);
  }

  /**
   * What `terraform plan` reads: each resource type's Describe/Get/List calls
   * (the AWS provider's read of each resource), on the team's resources only
   * where the action has a resource type.
   */
  public readStatements(): Statement[] {
    return [
      { sid: 'ReadStateBucket', actions: ['s3:ListBucket'], resources: [this.stateBucketArn] },
      { sid: 'ReadState', actions: ['s3:GetObject'], resources: [this.stateObjectsArn] },
      {
        sid: 'ReadImageRepository',
        actions: ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy', 'ecr:GetRepositoryPolicy', 'ecr:ListTagsForResource', 'ecr:DescribeImages', 'ecr:ListImages'],
        resources: [this.repositoryArn],
      },
      { sid: 'ReadClusters', actions: ['ecs:DescribeClusters', 'ecs:ListTagsForResource'], resources: [this.clustersArn, this.taskDefinitionsArn] },
      // No resource types: these accept only "*".
      // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html
      { sid: 'ReadTaskDefinitions', actions: ['ecs:DescribeTaskDefinition', 'ecs:ListTaskDefinitions'], resources: ['*'] },
      {
        sid: 'ReadRoles',
        actions: ['iam:GetRole', 'iam:GetRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListRoleTags', 'iam:ListInstanceProfilesForRole'],
        resources: [this.rolesArn],
      },
      { sid: 'DescribeLogGroups', actions: ['logs:DescribeLogGroups'], resources: ['*'] },
      { sid: 'ReadLogGroups', actions: ['logs:ListTagsForResource', 'logs:ListTagsLogGroup'], resources: [this.logGroupsArn, this.eventsLogGroupsArn] },
      // No resource types: the dashboard's log resource policy is read on "*".
      // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html
      { sid: 'DescribeLogResourcePolicies', actions: ['logs:DescribeResourcePolicies'], resources: ['*'] },
      { sid: 'ReadDashboards', actions: ['cloudwatch:GetDashboard'], resources: [this.dashboardsArn] },
      { sid: 'ReadRules', actions: ['events:DescribeRule', 'events:ListTargetsByRule', 'events:ListTagsForResource'], resources: [this.rulesArn] },
      {
        sid: 'ReadSchedules',
        actions: ['scheduler:GetSchedule', 'scheduler:GetScheduleGroup', 'scheduler:ListTagsForResource'],
        resources: [this.schedulesArn, this.scheduleGroupsArn],
      },
      { sid: 'ReadQueues', actions: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ListQueueTags'], resources: [this.queuesArn] },
      {
        sid: 'ReadTopics',
        actions: ['sns:GetTopicAttributes', 'sns:GetSubscriptionAttributes', 'sns:ListSubscriptionsByTopic', 'sns:ListTagsForResource'],
        resources: [this.topicsArn],
      },
      { sid: 'ReadAlarms', actions: ['cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource'], resources: [this.alarmsArn] },
    ];
  }
}
