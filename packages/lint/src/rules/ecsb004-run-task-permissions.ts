import { RunTaskPolicy, ServicePrincipal } from '@ecs-batch/core';
import { LintContext, LintRule, RawFinding } from '../private/lint-context';
import { allows, rolePolicies } from '../private/policy-statements';
import { Severity } from '../severity';

/** ECSB004: the invoking role's RunTask, PassRole and TagResource, against core's least-privilege policy. */
export const ECSB004: LintRule = {
  id: 'ECSB004',
  title: 'Invoking role broader or narrower than RunTask needs',
  severity: Severity.WARNING,
  description: 'The role EventBridge assumes should run tasks only in one cluster (`ArnEquals ecs:cluster`), pass only the job\'s roles and only to ECS tasks (`iam:PassedToService`), and, when the target tags tasks, allow `ecs:TagResource` while RunTask creates them; without it, RunTask with tags is denied.',
  awsDocUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html',
  async check(context: LintContext): Promise<RawFinding[]> {
    const out: RawFinding[] = [];
    for (const target of context.targets) {
      const policies = await rolePolicies(target.module, target.targetBody.role_arn);
      if (!policies || policies.length === 0) continue;
      // core's least-privilege statements, with the target's cluster when it is known, else tokens.
      const cluster = await target.module.values.resolve(target.targetBody.arn);
      const expected = leastPrivilege(cluster.resolved && typeof cluster.value === 'string' ? cluster.value : undefined);
      const statement = (sid: string) => JSON.stringify(expected.Statement.find((s: { Sid: string }) => s.Sid === sid));
      const all = policies.flatMap((policy) => (policy.statements ?? []).map((one) => ({ s: one, p: policy })));
      for (const { s, p } of all.filter((entry) => allows(entry.s, 'ecs:RunTask'))) {
        if (!s.conditionKeys.includes('ecs:cluster')) {
          out.push({ block: p.block, attribute: p.attribute, message: 'ecs:RunTask without an ecs:cluster condition: the role can start the task in any cluster', fix: `add Condition ArnEquals ecs:cluster = the cluster ARN, as in ${statement(RunTaskPolicy.SID_RUN_TASK)}` });
        }
      }
      for (const { s, p } of all.filter((entry) => allows(entry.s, 'iam:PassRole'))) {
        if (s.resources.includes('*')) {
          out.push({ block: p.block, attribute: p.attribute, message: 'iam:PassRole on "*": the role can hand any role to any service', fix: `pass only the execution and task roles, to ${ServicePrincipal.ECS_TASKS}: ${statement(RunTaskPolicy.SID_PASS_ROLE)}` });
        } else if (!s.conditionKeys.includes('iam:passedtoservice')) {
          out.push({ block: p.block, attribute: p.attribute, message: 'iam:PassRole without an iam:PassedToService condition', fix: `add Condition StringEquals iam:PassedToService = ${ServicePrincipal.ECS_TASKS}: ${statement(RunTaskPolicy.SID_PASS_ROLE)}` });
        }
      }
      if (await tagsTasks(target) && !all.some(({ s }) => allows(s, 'ecs:TagResource'))) {
        out.push({
          block: target.block,
          attribute: `${target.ecsPath}`,
          message: 'the target tags its tasks (propagate_tags, tags or enable_ecs_managed_tags) but the role does not allow ecs:TagResource: RunTask is denied',
          fix: `allow ${statement(RunTaskPolicy.SID_TAG_ON_RUN_TASK)}`,
        });
      }
    }
    return out;
  },
};

async function tagsTasks(target: import('../private/scheduled-target').ScheduledTarget): Promise<boolean> {
  const values = target.module.values;
  const propagate = await values.resolve(target.ecs.propagate_tags);
  if (propagate.resolved && propagate.value != null && propagate.value !== 'NONE') return true;
  const managed = await values.resolve(target.ecs.enable_ecs_managed_tags);
  if (managed.resolved && (managed.value === true || managed.value === 'true')) return true;
  const tags = await values.resolve(target.ecs.tags);
  return tags.resolved && tags.value != null && typeof tags.value === 'object' && Object.keys(tags.value).length > 0;
}

/** `RunTaskPolicy.permissions` for the fix text; a cluster ARN core rejects falls back to a placeholder. */
function leastPrivilege(clusterArn: string | undefined): any {
  const props = {
    taskDefinitionArn: '${task_definition_arn}',
    taskDefinitionFamilyArn: '${task_definition_family_arn}',
    passRoleArns: ['${execution_role_arn}', '${task_role_arn}'],
    propagateTags: true,
  };
  if (clusterArn !== undefined) {
    try {
      return RunTaskPolicy.permissions({ ...props, clusterArn });
    } catch {
      // not a cluster ARN: show the placeholder
    }
  }
  return RunTaskPolicy.permissions({ ...props, clusterArn: '${cluster_arn}' });
}
