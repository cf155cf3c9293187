import { Arn, ClusterArn } from '../arn';
import { EcsTasksTrust } from './ecs-tasks-trust';
import { EcsTasksTrustProps } from './ecs-tasks-trust-props';
import { PolicyDocument } from './policy-document';

/** The cluster the runner's overlap guard looks at. */
export interface OverlapGuardProps {
  /** The cluster the job runs in; becomes the `ecs:cluster` condition. May be a token. */
  readonly clusterArn: string;
}

/**
 * The task role: the identity of the job's own code.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
 */
export class TaskRolePolicy {
  /** Sid of the trust statement. */
  public static readonly SID_TRUST = 'EcsTasksAssumeTaskRole';
  /** Sid of the overlap guard statement. */
  public static readonly SID_OVERLAP_GUARD = 'OverlapGuardListTasks';
  /** Sid of the overlap guard's tie-break statement. */
  public static readonly SID_OVERLAP_GUARD_DESCRIBE = 'OverlapGuardDescribeTasks';

  /**
   * Trust for `ecs-tasks.amazonaws.com` with `StringEquals aws:SourceAccount`.
   *
   * @returns an IAM trust policy document (plain JSON)
   * @throws ValidationError naming `accountId`
   */
  public static trust(props: EcsTasksTrustProps): any {
    return EcsTasksTrust.document(TaskRolePolicy.SID_TRUST, props);
  }

  /**
   * Exactly what the runner's overlap guard (`ECS_BATCH_OVERLAP=skip`) calls, in this
   * cluster only: `ecs:ListTasks` (family + desiredStatus RUNNING), then
   * `ecs:DescribeTasks` on those tasks for the tie-break (their `createdAt`).
   * Give it to the task role only when the overlap policy is `skip`.
   *
   * The resource is `*`, scoped by the `ecs:cluster` condition, as in the ECS
   * "list and describe tasks" policy examples: the Service Authorization Reference
   * lists a container-instance resource, which Fargate tasks do not have.
   *
   * @returns an IAM policy document (plain JSON)
   * @throws ValidationError naming `clusterArn`
   * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html
   * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security_iam_id-based-policy-examples.html
   */
  public static overlapGuard(props: OverlapGuardProps): any {
    if (!Arn.isToken(props.clusterArn)) {
      ClusterArn.parse(props.clusterArn, 'clusterArn');
    }
    return PolicyDocument.of([{
      sid: TaskRolePolicy.SID_OVERLAP_GUARD,
      actions: ['ecs:ListTasks'],
      resources: ['*'],
      conditions: [{ operator: 'ArnEquals', key: 'ecs:cluster', value: props.clusterArn }],
    }, {
      sid: TaskRolePolicy.SID_OVERLAP_GUARD_DESCRIBE,
      actions: ['ecs:DescribeTasks'],
      resources: ['*'],
      conditions: [{ operator: 'ArnEquals', key: 'ecs:cluster', value: props.clusterArn }],
    }]);
  }

  private constructor() {}
}
