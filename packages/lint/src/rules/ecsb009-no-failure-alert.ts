import { FailureAlert } from '@ecs-batch/core';
import { TerraformModule, TerraformValues } from '@ecs-batch/terraform-reader';
import { LintContext, LintRule, RawFinding } from '../private/lint-context';
import { isMap } from '../private/plain';
import { parseJsonTemplate } from '../private/policy-statements';
import { ScheduledTarget } from '../private/scheduled-target';
import { Severity } from '../severity';

/** ECSB009: nobody hears of a failed run. */
export const ECSB009: LintRule = {
  id: 'ECSB009',
  title: 'No alert on failure',
  severity: Severity.WARNING,
  description: `A scheduled task that exits non-zero, or never starts (\`${FailureAlert.FAILED_TO_START}\`), fails silently: ECS emits a task state change event and nothing more. An EventBridge rule on \`${FailureAlert.DETAIL_TYPE}\` for the family, with a non-zero exit code or stop code \`${FailureAlert.FAILED_TO_START}\`, sends the alert.`,
  awsDocUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html',
  async check(context: LintContext): Promise<RawFinding[]> {
    const out: RawFinding[] = [];
    const alerts = await alertPatterns(context.modules);
    for (const target of context.targets) {
      const family = await familyOf(target);
      const covering = alerts.filter((a) => a.family === undefined || family === undefined || scopes(a.family, family));
      const missing = [
        ...(covering.some((a) => a.exitCode) ? [] : ['a non-zero exit code']),
        ...(covering.some((a) => a.failedToStart) ? [] : [FailureAlert.FAILED_TO_START]),
      ];
      if (missing.length === 0) continue;
      out.push({
        block: target.block,
        message: `no EventBridge rule alerts on ${missing.join(' or ')} for ${family ? `family ${family}` : 'this task'}: a failed run goes unnoticed`,
        // Core's pattern of a failed run (what EcsBatchJob and the ecs-batch-job module deploy), by task group.
        fix: `add an aws_cloudwatch_event_rule with event_pattern = jsonencode(${JSON.stringify(FailureAlert.familyEventPattern(family ?? '<family>'))}) and a target (SNS topic)`,
      });
    }
    return out;
  },
};

interface AlertPattern {
  /** The family scope as written (group or taskDefinitionArn); undefined: any family, or not known. */
  readonly family?: string;
  readonly exitCode: boolean;
  readonly failedToStart: boolean;
}

async function alertPatterns(modules: TerraformModule[]): Promise<AlertPattern[]> {
  const out: AlertPattern[] = [];
  for (const module of modules) {
    for (const rule of module.resources('aws_cloudwatch_event_rule')) {
      const pattern = await patternOf(module, rule.body.event_pattern);
      if (!pattern) continue;
      // What counts as a failure alert is core's FailureAlert, the pattern the constructs deploy.
      const coverage = FailureAlert.coverage(pattern);
      if (!coverage.taskStateChanges) continue;
      const detail = isMap(pattern.detail) ? pattern.detail : {};
      const scope = detail.group ?? detail.taskDefinitionArn;
      const scopeText = scope === undefined ? undefined : JSON.stringify(scope);
      out.push({
        family: scopeText === undefined || scopeText.includes('${') ? undefined : scopeText,
        exitCode: coverage.nonZeroExit,
        failedToStart: coverage.failedToStart,
      });
    }
  }
  return out;
}

async function patternOf(module: TerraformModule, value: unknown): Promise<{ [key: string]: any } | undefined> {
  if (typeof value !== 'string') return undefined;
  const json = /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/.exec(value);
  let parsed: unknown = json ? await TerraformValues.parseExpression(json[1]) : undefined;
  if (!json) parsed = parseJsonTemplate(value);
  const local = typeof parsed === 'string' ? /^\$\{\s*local\.([\w-]+)\s*\}$/.exec(parsed) : null;
  if (local) parsed = module.scope.locals[local[1]];
  return isMap(parsed) ? parsed : undefined;
}

/** Whether a pattern's `group` (`family:<name>`) or `taskDefinitionArn` (`.../<name>:` prefix) names the family. */
function scopes(scope: string, family: string): boolean {
  return scope.includes(`${FailureAlert.taskGroup(family)}"`) || scope.includes(`/${family}:`) || scope.includes(`/${family}"`);
}

async function familyOf(target: ScheduledTarget): Promise<string | undefined> {
  const raw = target.ecs.task_definition_arn;
  // Also through replace(aws_ecs_task_definition.x.arn, ...) and .arn_without_revision.
  const ref = typeof raw === 'string' ? /aws_ecs_task_definition\.([A-Za-z_][\w-]*)/.exec(raw) : null;
  if (ref) {
    const td = target.module.resource('aws_ecs_task_definition', ref[1]);
    const family = td && await target.module.values.resolve(td.body.family);
    return family?.resolved && typeof family.value === 'string' ? family.value : undefined;
  }
  const r = await target.module.values.resolve(raw);
  const m = r.resolved && typeof r.value === 'string' ? /task-definition\/([A-Za-z0-9_-]+)/.exec(r.value) : null;
  return m ? m[1] : undefined;
}
