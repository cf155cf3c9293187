import { TaskDefinitionArn } from '@ecs-batch/core';
import { TerraformModule } from '@ecs-batch/terraform-reader';
import { LintContext, LintRule, RawFinding } from '../private/lint-context';
import { asList, blocksOf, referenceOf } from '../private/plain';
import { Severity } from '../severity';

/** ECSB001: a target pinned to one revision, while new revisions are registered outside Terraform. */
export const ECSB001: LintRule = {
  id: 'ECSB001',
  title: 'Target pinned to a revision registered outside Terraform',
  severity: Severity.WARNING,
  description: 'The target names one task definition revision (`:N`, or `aws_ecs_task_definition.x.arn`), but new revisions are registered outside Terraform (`ignore_changes` on `container_definitions`, `track_latest`, or a family Terraform does not declare). The schedule keeps running the old revision after every deploy.',
  awsDocUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-taskDefinition',
  async check(context: LintContext): Promise<RawFinding[]> {
    const out: RawFinding[] = [];
    for (const target of context.targets) {
      const raw = target.ecs.task_definition_arn;
      const attribute = `${target.ecsPath}.task_definition_arn`;
      const ref = referenceOf(raw);
      if (ref?.type === 'aws_ecs_task_definition' && ref.attribute === 'arn') {
        const td = target.module.resource('aws_ecs_task_definition', ref.name);
        const outside = td && await registeredOutside(td.body, target.module);
        if (!outside) continue;
        out.push({
          block: target.block,
          attribute,
          message: `runs revision ${ref.type}.${ref.name}.arn, but ${outside}: the schedule keeps running the revision Terraform last saw`,
          fix: `task_definition_arn = ${TaskDefinitionArn.terraformFamilyExpression(`${ref.type}.${ref.name}.arn`)} (the family ARN runs the latest ACTIVE revision; grant RunTask on "<family ARN>:*")`,
        });
        continue;
      }
      const r = await target.module.values.resolve(raw);
      if (!r.resolved || typeof r.value !== 'string') continue;
      let arn: TaskDefinitionArn;
      try {
        arn = TaskDefinitionArn.parse(r.value, 'task_definition_arn');
      } catch {
        continue; // ECSB006-style validity of ARNs is not this rule's concern
      }
      if (arn.isRevisionless) continue;
      const declared = context.modules.flatMap((m) => m.resources('aws_ecs_task_definition').map((td) => ({ td, module: m })))
        .find(({ td }) => td.body.family === arn.family);
      const outside = declared
        ? await registeredOutside(declared.td.body, declared.module)
        : `no aws_ecs_task_definition here declares family ${arn.family}, so its revisions come from elsewhere`;
      if (!outside) continue;
      out.push({
        block: target.block,
        attribute,
        message: `runs revision ${arn.revision} of ${arn.family}, but ${outside}: new revisions never run`,
        fix: `task_definition_arn = "${arn.familyArn}" (the family ARN runs the latest ACTIVE revision)`,
      });
    }
    return out;
  },
};

/**
 * Why the task definition's revisions come from outside Terraform, or undefined.
 *
 * `track_latest = true` (a literal, or a variable or local that resolves to true) makes the resource
 * track the latest ACTIVE revision in AWS instead of the one it created, because revisions are
 * registered outside Terraform; its `arn` is then the latest revision as of the last refresh, so a
 * target given that `arn` still runs a fixed revision until the next apply.
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition#track_latest-1
 */
async function registeredOutside(body: { [key: string]: any }, module: TerraformModule): Promise<string | undefined> {
  if (body.track_latest !== undefined) {
    const r = await module.values.resolve(body.track_latest);
    if (r.resolved && (r.value === true || r.value === 'true')) {
      return 'track_latest = true (revisions are registered outside Terraform; the ARN is the latest one as of the last apply)';
    }
  }
  for (const lifecycle of blocksOf(body, 'lifecycle')) {
    const ignored = JSON.stringify(asList(lifecycle.ignore_changes));
    if (/container_definitions|\ball\b/.test(ignored)) return 'lifecycle ignore_changes covers container_definitions (CI registers the revisions)';
  }
  return undefined;
}
