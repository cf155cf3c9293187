/**
 * The AWS service principals that assume the roles this package describes.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
 */
export class ServicePrincipal {
  /**
   * EventBridge rules assume the invoker role with this principal.
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html
   */
  public static readonly EVENTS = 'events.amazonaws.com';

  /**
   * EventBridge Scheduler assumes the schedule's execution role with this principal.
   * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
   */
  public static readonly SCHEDULER = 'scheduler.amazonaws.com';

  /**
   * ECS tasks assume the task execution role and the task role with this principal,
   * and `iam:PassRole` must name it in `iam:PassedToService`.
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
   */
  public static readonly ECS_TASKS = 'ecs-tasks.amazonaws.com';

  private constructor() {}
}
