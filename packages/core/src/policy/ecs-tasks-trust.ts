import { AccountId } from './account-id';
import { EcsTasksTrustProps } from './ecs-tasks-trust-props';
import { PolicyDocument } from './policy-document';
import { ServicePrincipal } from './service-principal';

/**
 * Trust for `ecs-tasks.amazonaws.com`, limited to one account (confused-deputy
 * protection). Shared by the execution role and the task role.
 *
 * Not exported from the package: use `ExecutionRolePolicy.trust` / `TaskRolePolicy.trust`.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
 */
export class EcsTasksTrust {
  public static document(sid: string, props: EcsTasksTrustProps): any {
    const accountId = AccountId.check(props.accountId, 'accountId');
    return PolicyDocument.of([{
      sid,
      servicePrincipal: ServicePrincipal.ECS_TASKS,
      actions: ['sts:AssumeRole'],
      conditions: [{ operator: 'StringEquals', key: 'aws:SourceAccount', value: accountId }],
    }]);
  }

  private constructor() {}
}
