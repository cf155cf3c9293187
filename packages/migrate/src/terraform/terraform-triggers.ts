import { FoundSchedule } from '../found-function';
import { shown } from '../resolution';
import { parseScheduleInput } from '../schedule-input';
import { allowsRule, findEventBridgeModuleTriggers } from './registry-modules';
import { firstBlock, TerraformBlock, TerraformModule } from './terraform-module';
import { FunctionIndex, referencedResource } from './terraform-references';
import { TerraformValues } from './terraform-values';

/** The schedules found for each function, and what was seen but not migrated. */
export interface TerraformTriggers {
  readonly schedules: Map<TerraformBlock, FoundSchedule[]>;
  /** Per function: warnings about its triggers (e.g. no `aws_lambda_permission` for a rule). */
  readonly functionWarnings: Map<TerraformBlock, string[]>;
  readonly warnings: string[];
}

/**
 * Finds what runs each `aws_lambda_function` on a schedule:
 * - an `aws_cloudwatch_event_rule` with a `schedule_expression`, through an `aws_cloudwatch_event_target` whose `arn` is the function;
 * - an `aws_scheduler_schedule` whose `target` is the function;
 * - a `terraform-aws-modules/eventbridge/aws` call's rules and schedules (see `registry-modules.ts`).
 *
 * A function is an `aws_lambda_function`, or a `terraform-aws-modules/lambda/aws` call (a block of type `module`).
 *
 * Rules driven by an `event_pattern`, and targets that pass an `input_transformer` or `input_path`
 * instead of a constant event, are reported and not migrated: the ECS job would not receive the same event.
 * A scheduled function's other triggers (event source mappings, permissions for other services, rules on
 * event patterns, function URLs) are a warning of that function: the job runs only the schedule.
 */
export async function findTerraformTriggers(
  module: TerraformModule, values: TerraformValues, functions: FunctionIndex, relative: (file: string) => string,
): Promise<TerraformTriggers> {
  const found: TerraformTriggers = { schedules: new Map(), functionWarnings: new Map(), warnings: [] };
  const add = (fn: TerraformBlock, schedule: FoundSchedule) => found.schedules.set(fn, [...(found.schedules.get(fn) ?? []), schedule]);
  const warnFunction = (fn: TerraformBlock, warning: string) => found.functionWarnings.set(fn, [...(found.functionWarnings.get(fn) ?? []), warning]);
  const id = (b: TerraformBlock) => `${b.type}.${b.name}`;
  const where = (b: TerraformBlock) => `${relative(b.file)}: ${id(b)}`;

  for (const target of module.resources('aws_cloudwatch_event_target')) {
    const fn = await functions.find(target.body.arn);
    if (!fn) {
      if (FunctionIndex.looksLikeLambda(target.body.arn)) {
        found.warnings.push(`${where(target)}: targets ${String(target.body.arn)}, a function this folder does not declare: not migrated`);
      }
      continue;
    }
    const rule = await findRule(module, values, target.body.rule);
    if (!rule) {
      found.warnings.push(`${where(target)}: rule ${String(target.body.rule)} is not declared in this folder: not migrated (${id(fn)})`);
      continue;
    }
    if (rule.body.schedule_expression === undefined) {
      found.warnings.push(`${where(rule)}: runs ${id(fn)} on an event pattern, not a schedule: not migrated`);
      continue;
    }
    if (target.body.input_transformer !== undefined || target.body.input_path !== undefined) {
      const what = target.body.input_transformer !== undefined ? 'an input_transformer' : 'an input_path';
      found.warnings.push(`${where(target)}: passes ${id(fn)} ${what}, not a constant event: not migrated`);
      continue;
    }
    const expression = await values.resolve(rule.body.schedule_expression);
    if (!expression.ok || typeof expression.value !== 'string') {
      found.warnings.push(`${where(rule)}: schedule_expression ${shown(expression)} does not resolve to a literal: not migrated (${id(fn)})`);
      continue;
    }
    const input = await readInput(values, target.body.input, `${id(target)}.input`, (w) => warnFunction(fn, w));
    const ruleDefaults = [
      ...module.defaults.track('schedule', rule.body.schedule_expression),
      ...module.defaults.track('enabled', [rule.body.state, rule.body.is_enabled]),
      ...(input !== undefined ? module.defaults.track('input', target.body.input) : []),
    ];
    add(fn, {
      id: id(rule),
      label: rule.name,
      expressions: [expression.value],
      enabled: await ruleEnabled(values, rule),
      ...(input !== undefined ? { input } : {}),
      ...(ruleDefaults.length > 0 ? { fromDefaults: ruleDefaults } : {}),
    });
    if (fn.type === 'module') {
      if (!(await allowsRule(module, values, functions, fn, { resource: rule.name }))) {
        warnFunction(fn, `no allowed_triggers entry lets events.amazonaws.com invoke it for ${id(rule)}: check that the rule really runs it before you switch over`);
      }
    } else if (!(await hasEventsPermission(module, functions, fn, rule))) {
      warnFunction(fn, `no aws_lambda_permission lets events.amazonaws.com invoke it for ${id(rule)}: check that the rule really runs it before you switch over`);
    }
  }

  for (const schedule of module.resources('aws_scheduler_schedule')) {
    const target = firstBlock(schedule.body, 'target');
    const fn = target ? await functions.find(target.arn) : undefined;
    if (!fn || !target) {
      if (target && FunctionIndex.looksLikeLambda(target.arn)) {
        found.warnings.push(`${where(schedule)}: targets ${String(target.arn)}, a function this folder does not declare: not migrated`);
      }
      continue;
    }
    const expression = await values.resolve(schedule.body.schedule_expression);
    if (!expression.ok || typeof expression.value !== 'string') {
      found.warnings.push(`${where(schedule)}: schedule_expression ${shown(expression)} does not resolve to a literal: not migrated (${id(fn)})`);
      continue;
    }
    const timeZone = await values.resolve(schedule.body.schedule_expression_timezone);
    if (!timeZone.ok || (timeZone.value !== undefined && typeof timeZone.value !== 'string')) {
      found.warnings.push(`${where(schedule)}: schedule_expression_timezone ${shown(timeZone)} does not resolve to a literal: not migrated (${id(fn)})`);
      continue;
    }
    const input = await readInput(values, target.input, `${id(schedule)}.target.input`, (w) => warnFunction(fn, w));
    const state = await values.resolve(schedule.body.state);
    const scheduleDefaults = [
      ...module.defaults.track('schedule', schedule.body.schedule_expression),
      ...(typeof timeZone.value === 'string' ? module.defaults.track('timeZone', schedule.body.schedule_expression_timezone) : []),
      ...module.defaults.track('enabled', schedule.body.state),
      ...(input !== undefined ? module.defaults.track('input', target.input) : []),
    ];
    add(fn, {
      id: id(schedule),
      label: schedule.name,
      expressions: [expression.value],
      ...(typeof timeZone.value === 'string' ? { timeZone: timeZone.value } : {}),
      enabled: !(state.ok && state.value === 'DISABLED'),
      ...(input !== undefined ? { input } : {}),
      ...(scheduleDefaults.length > 0 ? { fromDefaults: scheduleDefaults } : {}),
    });
  }
  // `terraform-aws-modules/eventbridge/aws` calls: their `rules`/`targets` and `schedules`.
  await findEventBridgeModuleTriggers(module, values, functions, relative, found);
  // What else invokes a scheduled function: the job runs only the schedule.
  for (const [fn, others] of await otherTriggers(module, values, functions)) {
    if (!found.schedules.has(fn)) continue;
    warnFunction(fn, `also triggered by ${others.join(', ')}: the job runs only the schedule, so keep the Lambda for ${others.length === 1 ? 'that trigger' : 'those triggers'} `
      + `or move ${others.length === 1 ? 'it' : 'them'} too`);
  }
  return found;
}

/** Principals that invoke a function on a schedule: a resource-based permission for any other is another trigger. */
const SCHEDULE_PRINCIPALS = ['events.amazonaws.com', 'scheduler.amazonaws.com'];

/**
 * The triggers of each function that are not schedules, by function:
 * - an `aws_lambda_event_source_mapping` (SQS, Kinesis, DynamoDB streams, Kafka, MQ...);
 * - an `aws_lambda_permission` for a principal other than EventBridge or Scheduler
 *   (`s3.amazonaws.com`, `sns.amazonaws.com`, `apigateway.amazonaws.com`...): some service invokes it;
 * - an `aws_cloudwatch_event_target` of a rule on an `event_pattern` (not a schedule);
 * - an `aws_lambda_function_url`.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-invocation.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
 */
async function otherTriggers(module: TerraformModule, values: TerraformValues, functions: FunctionIndex): Promise<Map<TerraformBlock, string[]>> {
  const others = new Map<TerraformBlock, string[]>();
  const add = async (fnValue: unknown, what: string) => {
    const fn = await functions.find(fnValue);
    if (fn) others.set(fn, [...(others.get(fn) ?? []), what]);
  };
  for (const mapping of module.resources('aws_lambda_event_source_mapping')) {
    const source = await values.resolve(mapping.body.event_source_arn);
    const from = mapping.body.event_source_arn === undefined ? '' : ` from ${shown(source)}`;
    await add(mapping.body.function_name, `aws_lambda_event_source_mapping.${mapping.name} (an event source mapping${from})`);
  }
  for (const permission of module.resources('aws_lambda_permission')) {
    const principal = await values.resolve(permission.body.principal);
    const by = principal.ok && typeof principal.value === 'string' ? principal.value : undefined;
    if (by !== undefined && SCHEDULE_PRINCIPALS.includes(by)) continue;
    await add(permission.body.function_name, `aws_lambda_permission.${permission.name} (${by ?? `principal ${shown(principal)}`})`);
  }
  for (const target of module.resources('aws_cloudwatch_event_target')) {
    const rule = await findRule(module, values, target.body.rule);
    if (!rule || rule.body.schedule_expression !== undefined) continue;
    await add(target.body.arn, `aws_cloudwatch_event_rule.${rule.name} (an event pattern)`);
  }
  for (const url of module.resources('aws_lambda_function_url')) {
    await add(url.body.function_name, `aws_lambda_function_url.${url.name} (a function URL)`);
  }
  return others;
}

/** The rule a target's `rule` designates: a reference to the resource, or its literal name. */
async function findRule(module: TerraformModule, values: TerraformValues, value: unknown): Promise<TerraformBlock | undefined> {
  const ref = referencedResource(value);
  if (ref?.type === 'aws_cloudwatch_event_rule') return module.resource(ref.type, ref.name);
  const name = await values.resolve(value);
  if (!name.ok) return undefined;
  for (const rule of module.resources('aws_cloudwatch_event_rule')) {
    const ruleName = await values.resolve(rule.body.name);
    if (ruleName.ok && ruleName.value === name.value) return rule;
  }
  return undefined;
}

/**
 * A rule is enabled unless `state = "DISABLED"` (or the older `is_enabled = false`).
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_event_rule#state-1
 */
async function ruleEnabled(values: TerraformValues, rule: TerraformBlock): Promise<boolean> {
  const state = await values.resolve(rule.body.state);
  if (state.ok && state.value === 'DISABLED') return false;
  const isEnabled = await values.resolve(rule.body.is_enabled);
  return !(isEnabled.ok && isEnabled.value === false);
}

/**
 * Supporting evidence: EventBridge can invoke the function only with a resource-based permission for
 * `events.amazonaws.com` (for this rule, or for any rule when `source_arn` is absent).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-lambda-permissions
 */
async function hasEventsPermission(module: TerraformModule, functions: FunctionIndex, fn: TerraformBlock, rule: TerraformBlock): Promise<boolean> {
  for (const permission of module.resources('aws_lambda_permission')) {
    if (permission.body.principal !== 'events.amazonaws.com') continue;
    if ((await functions.find(permission.body.function_name)) !== fn) continue;
    const source = permission.body.source_arn;
    if (source === undefined) return true;
    const ref = referencedResource(source);
    if (ref?.type === 'aws_cloudwatch_event_rule' && ref.name === rule.name) return true;
  }
  return false;
}

async function readInput(values: TerraformValues, raw: unknown, field: string, warn: (w: string) => void): Promise<unknown> {
  if (raw === undefined) return undefined;
  const text = await values.resolve(raw);
  if (!text.ok || typeof text.value !== 'string') {
    warn(`${field}: ${shown(text)} does not resolve to a literal; the input is not carried over, set ECS_BATCH_EVENT by hand`);
    return undefined;
  }
  const parsed = parseScheduleInput(text.value, field);
  if ('warning' in parsed) {
    warn(parsed.warning);
    return undefined;
  }
  return parsed.value;
}
