import { Arn, TaskDefinitionArn } from '@ecs-batch/core';
import { LintContext, LintRule, RawFinding } from '../private/lint-context';
import { allows, allPermissionPolicies } from '../private/policy-statements';
import { Severity } from '../severity';

/** ECSB002: `ecs:RunTask` allowed only on the bare family ARN, which ECS denies since 2024. */
export const ECSB002: LintRule = {
  id: 'ECSB002',
  title: 'RunTask allowed only on the bare family ARN',
  severity: Severity.ERROR,
  description: 'ECS authorizes `ecs:RunTask` against the revision it resolves (since 2024), so a policy that allows it only on `task-definition/<family>` (no revision) is denied, and the schedule fails to start the task. Allow `task-definition/<family>:*`, or the exact revision.',
  awsDocUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security_iam_id-based-policy-examples.html',
  async check(context: LintContext): Promise<RawFinding[]> {
    const out: RawFinding[] = [];
    for (const module of context.modules) {
      for (const policy of await allPermissionPolicies(module)) {
        const runTask = (policy.statements ?? []).filter((s) => allows(s, 'ecs:RunTask'));
        if (runTask.length === 0) continue;
        const resolve = module.values.resolve.bind(module.values);
        const kinds = await Promise.all(runTask.flatMap((s) => s.resources).map(async (r) => ({ r, kind: await classify(resolve, r) })));
        if (kinds.length === 0 || !kinds.every((k) => k.kind === 'family')) continue;
        const bare = kinds[0].r;
        out.push({
          block: policy.block,
          attribute: policy.attribute,
          message: `ecs:RunTask is allowed only on the family ARN ${bare}: ECS authorizes the resolved revision, so RunTask is denied`,
          fix: `Resource = "${allRevisions(bare)}" (every revision of the family), with Condition ArnEquals ecs:cluster = the cluster ARN`,
        });
      }
    }
    return out;
  },
};

type Kind = 'family' | 'ok' | 'unknown';

async function classify(resolve: (v: unknown) => Promise<{ resolved: boolean; value?: any }>, resource: string): Promise<Kind> {
  if (resource === '*' || resource.endsWith(':*')) return 'ok';
  if (/arn_without_revision\s*\}$/.test(resource)) return 'family';
  // replace(<arn>, "/:\\d+$/", "") strips the revision: the bare family.
  if (/^\$\{\s*replace\([\s\S]*,\s*""\s*\)\s*\}$/.test(resource)) return 'family';
  const r = await resolve(resource);
  if (!r.resolved || typeof r.value !== 'string') return 'unknown';
  const value = r.value;
  if (!value.includes(':task-definition/')) return 'ok';
  if (value.endsWith('*')) return 'ok';
  try {
    return TaskDefinitionArn.parse(value, 'Resource').isRevisionless ? 'family' : 'ok';
  } catch {
    return 'unknown';
  }
}

function allRevisions(bare: string): string {
  if (Arn.isToken(bare)) return `${bare}:*`;
  try {
    return TaskDefinitionArn.allRevisionsResourceOf(bare, 'Resource');
  } catch {
    return `${bare}:*`;
  }
}
