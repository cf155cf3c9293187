import { Arn, ClusterArn, TaskDefinitionArn } from '../arn';
import { ArnExpectation } from '../arn/arn-expectation';
import { ValidationError } from '../errors';
import { DeadLetterQueueArn } from './dead-letter-queue-arn';
import { PolicyDocument, Statement } from './policy-document';
import { ServicePrincipal } from './service-principal';

/**
 * What the invoking role (an EventBridge rule's target role or a Scheduler
 * execution role) may run.
 *
 * Every ARN may be a Terraform/CDKTF token; tokens are passed through verbatim.
 */
export interface RunTaskPermissionsProps {
  /**
   * The cluster the tasks run in; becomes the `ecs:cluster` condition.
   */
  readonly clusterArn: string;

  /**
   * The task definition, with any revision or none. The policy grants
   * `task-definition/<family>:*` unless `pinRevision` is set.
   *
   * When this is a token and `pinRevision` is false, the family cannot be parsed
   * out of it: pass `taskDefinitionFamilyArn` too.
   */
  readonly taskDefinitionArn: string;

  /**
   * The revisionless family ARN (`...:task-definition/<family>`), for when
   * `taskDefinitionArn` is a token. May itself be a token or an interpolation, e.g.
   * CDKTF `Fn.replace(td.arn, TaskDefinitionArn.REVISION_SUFFIX_PATTERN, '')` or
   * `${replace(aws_ecs_task_definition.this.arn, "/:\\d+$/", "")}`; the policy appends `:*`.
   *
   * When it and `taskDefinitionArn` are both literals they must name the same family.
   *
   * @default - parsed from `taskDefinitionArn`
   */
  readonly taskDefinitionFamilyArn?: string;

  /**
   * The roles the task uses (execution role, task role); `iam:PassRole` is allowed
   * on exactly these, and only towards `ecs-tasks.amazonaws.com`.
   * An empty list omits the PassRole statement.
   */
  readonly passRoleArns: string[];

  /**
   * Allow only the revision in `taskDefinitionArn` instead of every revision of the family.
   * @default false
   */
  readonly pinRevision?: boolean;

  /**
   * The target applies tags to the task (its `tags`, or `propagate_tags` from the
   * task definition): adds `ecs:TagResource` on the cluster's tasks, only while
   * RunTask creates them (`ecs:CreateAction = RunTask`).
   * @default false
   */
  readonly propagateTags?: boolean;

  /**
   * An SQS dead-letter queue: adds `sqs:SendMessage` on it. EventBridge Scheduler
   * sends with the execution role; an EventBridge rule sends with the queue's own
   * policy instead (see `DeadLetterQueuePolicy.forRule`).
   * @default - no dead-letter queue statement
   */
  readonly deadLetterQueueArn?: string;

  /**
   * The names the caller gave these props, for the errors: a construct passes its own
   * props' names, so that an error names the prop its user wrote.
   * @default - the names of these props (`clusterArn`, `passRoleArns[0]`, ...)
   */
  readonly fieldNames?: RunTaskFieldNames;
}

/**
 * What the caller calls each of `RunTaskPermissionsProps`' fields, for the errors.
 * Each defaults to the prop's own name.
 */
export interface RunTaskFieldNames {
  /** @default 'clusterArn' */
  readonly clusterArn?: string;
  /** @default 'taskDefinitionArn' */
  readonly taskDefinitionArn?: string;
  /** @default 'taskDefinitionFamilyArn' */
  readonly taskDefinitionFamilyArn?: string;
  /**
   * One name per role in `passRoleArns`, in the same order, e.g. `['executionRoleArn', 'taskRoleArn']`.
   * @default - `passRoleArns[<index>]`
   */
  readonly passRoleArns?: string[];
  /** @default 'deadLetterQueueArn' */
  readonly deadLetterQueueArn?: string;
  /** @default 'pinRevision' */
  readonly pinRevision?: string;
}

/**
 * The permissions policy of the role that EventBridge (rule or Scheduler) assumes to run an ECS task.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
 */
export class RunTaskPolicy {
  /** Sid of the `ecs:RunTask` statement. */
  public static readonly SID_RUN_TASK = 'RunTask';
  /** Sid of the `iam:PassRole` statement. */
  public static readonly SID_PASS_ROLE = 'PassRoleToEcsTasks';
  /** Sid of the `ecs:TagResource` statement. */
  public static readonly SID_TAG_ON_RUN_TASK = 'TagTasksOnRunTask';
  /** Sid of the `sqs:SendMessage` statement. */
  public static readonly SID_DEAD_LETTER_QUEUE = 'SendToDeadLetterQueue';

  /**
   * Build the permissions policy.
   *
   * - `ecs:RunTask` on `task-definition/<family>:*` (or the pinned revision), with
   *   `ArnEquals ecs:cluster` = the cluster. Since March 2024 ECS authorizes RunTask
   *   against the resolved revision, so the bare family ARN would be denied.
   * - `iam:PassRole` on the given roles, `StringEquals iam:PassedToService = ecs-tasks.amazonaws.com`.
   * - with `propagateTags`: `ecs:TagResource` on the cluster's tasks, `StringEquals ecs:CreateAction = RunTask`.
   * - with `deadLetterQueueArn`: `sqs:SendMessage` on the queue.
   *
   * @returns an IAM policy document (plain JSON)
   * @throws ValidationError naming the prop, e.g. `clusterArn: account '12345' must be 12 digits`
   * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html
   */
  public static permissions(props: RunTaskPermissionsProps): any {
    const names = RunTaskPolicy.names(props.fieldNames);
    const cluster = Arn.isToken(props.clusterArn) ? undefined : ClusterArn.parse(props.clusterArn, names.clusterArn);
    const runTaskResource = RunTaskPolicy.runTaskResource(props, names);
    const statements: Statement[] = [{
      sid: RunTaskPolicy.SID_RUN_TASK,
      actions: ['ecs:RunTask'],
      resources: [runTaskResource],
      conditions: [{ operator: 'ArnEquals', key: 'ecs:cluster', value: props.clusterArn }],
    }];

    const roles = (props.passRoleArns ?? []).map((role, i) => RunTaskPolicy.ROLE.passThroughOrCheck(role, names.passRoleArn(i)));
    if (roles.length > 0) {
      statements.push({
        sid: RunTaskPolicy.SID_PASS_ROLE,
        actions: ['iam:PassRole'],
        resources: roles,
        conditions: [{ operator: 'StringEquals', key: 'iam:PassedToService', value: ServicePrincipal.ECS_TASKS }],
      });
    }

    if (props.propagateTags) {
      statements.push({
        sid: RunTaskPolicy.SID_TAG_ON_RUN_TASK,
        actions: ['ecs:TagResource'],
        resources: [cluster?.taskArnPattern ?? RunTaskPolicy.anyTaskIn(props)],
        conditions: [{ operator: 'StringEquals', key: 'ecs:CreateAction', value: 'RunTask' }],
      });
    }

    if (props.deadLetterQueueArn !== undefined) {
      statements.push({
        sid: RunTaskPolicy.SID_DEAD_LETTER_QUEUE,
        actions: ['sqs:SendMessage'],
        resources: [DeadLetterQueueArn.check(props.deadLetterQueueArn, names.deadLetterQueueArn)],
      });
    }
    return PolicyDocument.of(statements);
  }

  private static readonly ROLE = new ArnExpectation('iam', 'role/', 'role/[<path>/]<role-name>');

  /** The caller's names, each defaulting to the prop's own. */
  private static names(given: RunTaskFieldNames | undefined) {
    return {
      clusterArn: given?.clusterArn ?? 'clusterArn',
      taskDefinitionArn: given?.taskDefinitionArn ?? 'taskDefinitionArn',
      taskDefinitionFamilyArn: given?.taskDefinitionFamilyArn ?? 'taskDefinitionFamilyArn',
      passRoleArn: (i: number) => given?.passRoleArns?.[i] ?? `passRoleArns[${i}]`,
      deadLetterQueueArn: given?.deadLetterQueueArn ?? 'deadLetterQueueArn',
      pinRevision: given?.pinRevision ?? 'pinRevision',
    };
  }

  private static runTaskResource(props: RunTaskPermissionsProps, names: ReturnType<typeof RunTaskPolicy.names>): string {
    const pin = props.pinRevision ?? false;
    const tdIsToken = Arn.isToken(props.taskDefinitionArn);
    const taskDefinition = tdIsToken ? undefined : TaskDefinitionArn.parse(props.taskDefinitionArn, names.taskDefinitionArn);
    const familyArn = props.taskDefinitionFamilyArn;

    if (familyArn !== undefined && !Arn.isToken(familyArn)) {
      const family = TaskDefinitionArn.parse(familyArn, names.taskDefinitionFamilyArn);
      if (!family.isRevisionless) {
        throw new ValidationError(names.taskDefinitionFamilyArn, `'${familyArn}' has revision ${family.revision} (expected the family ARN without a revision: ${family.familyArn})`);
      }
      if (taskDefinition !== undefined && taskDefinition.familyArn !== family.familyArn) {
        throw new ValidationError(names.taskDefinitionFamilyArn, `'${familyArn}' is not the family of ${names.taskDefinitionArn} '${props.taskDefinitionArn}' (expected ${taskDefinition.familyArn})`);
      }
    }

    if (pin) {
      // A token is used as it is: it should be the ARN of one revision, e.g. aws_ecs_task_definition.arn.
      return taskDefinition === undefined ? props.taskDefinitionArn : taskDefinition.runTaskResource(true, names.pinRevision);
    }
    if (familyArn !== undefined) {
      return TaskDefinitionArn.allRevisionsResourceOf(familyArn, names.taskDefinitionFamilyArn);
    }
    if (taskDefinition === undefined) {
      throw new ValidationError(names.taskDefinitionFamilyArn, `is required when ${names.taskDefinitionArn} is a token and pinRevision is false ` +
        '(pass the revisionless family ARN: a literal, Fn.replace(arn, TaskDefinitionArn.REVISION_SUFFIX_PATTERN, \'\') or ${replace(<arn expression>, "/:\\\\d+$/", "")})');
    }
    return taskDefinition.allRevisionsResource;
  }

  /**
   * With the cluster ARN a token, the cluster name is unknown: fall back to every task
   * of the task definition's account and region (or `*` when that is a token too).
   * Still safe: the statement only applies while RunTask creates a task
   * (`ecs:CreateAction = RunTask`), and RunTask itself is limited to the cluster.
   */
  private static anyTaskIn(props: RunTaskPermissionsProps): string {
    const literal = [props.taskDefinitionArn, props.taskDefinitionFamilyArn].find((a) => a !== undefined && !Arn.isToken(a));
    if (literal === undefined) {
      return '*';
    }
    const td = TaskDefinitionArn.parse(literal);
    return `arn:${td.partition}:ecs:${td.region}:${td.account}:task/*`;
  }

  private constructor() {}
}
