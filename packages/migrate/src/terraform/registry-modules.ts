import { existsSync, statSync } from 'fs';
import { dirname, extname, resolve } from 'path';
import { ScheduleTrigger } from '@ecs-batch/core';
import { DefaultedValue, FoundSchedule, FoundVariable, LambdaDefaults } from '../found-function';
import { PermissionCollector } from '../permissions/lambda-permissions';
import { asArray, isMap, optional, PlainMap } from '../plain-data';
import { Resolution, shown } from '../resolution';
import { parseScheduleInput } from '../schedule-input';
import { registryModuleCalls, unreadModuleCalls } from './registry-module-calls';
import { FunctionSettings } from './terraform-function';
import { TerraformBlock, TerraformModule } from './terraform-module';
import { addPolicy, terraformPermissions } from './terraform-permissions';
import { FunctionIndex, referencedResource } from './terraform-references';
import { TerraformTriggers } from './terraform-triggers';
import { TerraformValues } from './terraform-values';

/**
 * `terraform-aws-modules/lambda/aws` defaults: `memory_size` 128 and `timeout` 3 (Lambda's own).
 * @see https://github.com/terraform-aws-modules/terraform-aws-lambda/blob/v8.8.1/variables.tf
 */
export const LAMBDA_MODULE_DEFAULTS: LambdaDefaults = { memoryMb: 128, timeoutSeconds: 3, origin: "the lambda module's default (Lambda's own)" };

/** The lambda module's arguments that attach a policy to the function's role, each with the flag that attaches it. */
const POLICY_ARGUMENTS: ReadonlyArray<readonly [flag: string, argument: string]> = [
  ['attach_policy_statements', 'policy_statements'],
  ['attach_policy_json', 'policy_json'],
  ['attach_policy_jsons', 'policy_jsons'],
  ['attach_policy', 'policy'],
  ['attach_policies', 'policies'],
];

/** Principals that invoke the function on a schedule; any other principal in `allowed_triggers` is another trigger. */
const SCHEDULE_PRINCIPALS = ['events.amazonaws.com', 'scheduler.amazonaws.com'];

/**
 * Reads one `terraform-aws-modules/lambda/aws` call from its own arguments, as `readTerraformFunction`
 * reads an `aws_lambda_function`: `function_name`, `handler`, `runtime`, `memory_size`, `timeout`,
 * `environment_variables`, `vpc_subnet_ids`/`vpc_security_group_ids`, `layers`, `reserved_concurrent_executions`,
 * the code (`source_path`; `local_existing_package`, `s3_existing_package` and `image_uri` are not source
 * folders), `architectures`, `image_config_command`, `durable_config_execution_timeout`, the other triggers in
 * `allowed_triggers`/`event_source_mapping`/`create_lambda_function_url`, and the attached policies (warned about).
 * @see https://github.com/terraform-aws-modules/terraform-aws-lambda/blob/v8.8.1/variables.tf
 */
export async function readLambdaModule(
  module: TerraformModule, values: TerraformValues, call: TerraformBlock, relative: (file: string) => string = (f) => f,
): Promise<FunctionSettings> {
  const warnings: string[] = [];
  const fromDefaults: DefaultedValue[] = [];
  const body = call.body;
  /** The job field each argument gives, for `defaults`. */
  const fields: { [argument: string]: string } = { function_name: 'name', handler: 'handler', runtime: 'runtime', memory_size: 'memoryMb', timeout: 'timeoutSeconds' };
  const text = async (argument: string, consequence: string): Promise<string | undefined> => {
    if (body[argument] === undefined) return undefined;
    const r = await values.resolve(body[argument]);
    if (r.ok && (typeof r.value === 'string' || typeof r.value === 'number')) {
      if (fields[argument]) fromDefaults.push(...module.defaults.track(fields[argument], body[argument]));
      return String(r.value);
    }
    warnings.push(`${argument}: ${shown(r)} does not resolve to a literal (a literal, var.* with a default or tfvars value, local.*); ${consequence}`);
    return undefined;
  };
  const number = async (argument: string, fallback: string): Promise<number | undefined> => {
    const value = await text(argument, `using ${fallback}`);
    if (value === undefined) return undefined;
    if (/^\d+$/.test(value)) return Number(value);
    warnings.push(`${argument}: ${value} is not a whole number; using ${fallback}`);
    return undefined;
  };
  const flag = async (argument: string, fallback: boolean): Promise<boolean | undefined> => {
    if (body[argument] === undefined) return fallback;
    const r = await values.resolve(body[argument]);
    return r.ok && (r.value === true || r.value === 'true') ? true : r.ok && (r.value === false || r.value === 'false') ? false : undefined;
  };

  const defaults = LAMBDA_MODULE_DEFAULTS;
  for (const meta of ['count', 'for_each']) {
    if (body[meta] !== undefined) warnings.push(`${meta}: the module call may stand for several functions; the analyzer reports it once, with the arguments as written`);
  }
  const functionName = await text('function_name', `the job is named after the module call, ${call.name}`);
  const handler = await text('handler', 'set the handler by hand');
  const runtime = await text('runtime', 'set the runtime by hand');
  const memoryMb = await number('memory_size', `${defaults.memoryMb} MB, ${defaults.origin}`);
  const timeoutSeconds = await number('timeout', `${defaults.timeoutSeconds} s, ${defaults.origin}`);
  // -1 (the module's default) is "unreserved".
  const reserved = await values.resolve(body.reserved_concurrent_executions);
  const packageType = await values.resolve(body.package_type);
  const image = packageType.ok && packageType.value === 'Image' ? (await text('image_uri', 'find the image by hand')) ?? 'image_uri' : undefined;
  const code = image === undefined ? await codeRoot(module, values, body, warnings) : { missing: 'it is a container image' };

  await architectureWarning(values, body, warnings);
  if (image !== undefined && body.image_config_command !== undefined) {
    const command = await values.resolve(body.image_config_command);
    warnings.push(`image_config_command: ${shown(command)} is the image's command for this function: set it as the job's command, or jobs sharing the image lose the difference`);
  }
  if (body.durable_config_execution_timeout !== undefined) {
    // https://github.com/terraform-aws-modules/terraform-aws-lambda/blob/v8.8.1/main.tf (dynamic "durable_config")
    warnings.push('durable_config_execution_timeout: a Lambda durable function checkpoints and resumes across invocations; '
      + 'a job runs once to the end, so its steps must be rewritten as one run (or keep it on Lambda)');
  }
  const others = await otherTriggers(module, values, body, flag);
  if (others.length > 0) {
    warnings.push(`also triggered by ${others.join(', ')}: the job runs only the schedule, so keep the Lambda for ${others.length === 1 ? 'that trigger' : 'those triggers'} `
      + `or move ${others.length === 1 ? 'it' : 'them'} too`);
  }
  const permissions = await lambdaModulePermissions(module, values, call, relative, warnings, flag);

  return {
    source: 'terraform',
    file: call.file,
    id: `module.${call.name}`,
    name: functionName || call.name,
    ...(handler ? { handler } : {}),
    ...(runtime ? { runtime } : {}),
    ...(memoryMb !== undefined ? { memoryMb } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    defaults,
    environment: await environment(module, values, body.environment_variables, warnings, fromDefaults),
    ...optional('vpc', await vpc(values, body)),
    layerCount: await listLength(values, body.layers),
    ...optional('image', image),
    ...optional('reservedConcurrency', reserved.ok && typeof reserved.value === 'number' && reserved.value >= 0 ? reserved.value : undefined),
    ...('root' in code ? { codeRoot: code.root } : { codeRootMissing: code.missing }),
    warnings,
    ...(fromDefaults.length > 0 ? { fromDefaults } : {}),
    ...permissions,
  };
}

/**
 * The function's permissions, as for an `aws_lambda_function`'s role: the policies the module attaches
 * to the role it creates (`policy_statements`, `policy_json`, `policy_jsons`, `policy`, `policies`, each
 * when its `attach_*` flag is true), or, with `create_role = false`, the `lambda_role` it is given when
 * that is an `aws_iam_role` of the folder. The module's own policies (logs, VPC, X-Ray, dead letters,
 * async destinations) are what only Lambda needs, and are not carried over.
 * @see https://github.com/terraform-aws-modules/terraform-aws-lambda/blob/v8.8.1/iam.tf
 */
async function lambdaModulePermissions(
  module: TerraformModule, values: TerraformValues, call: TerraformBlock, relative: (file: string) => string, warnings: string[],
  flag: (argument: string, fallback: boolean) => Promise<boolean | undefined>,
) {
  const body = call.body;
  const createRole = await flag('create_role', true);
  if (createRole === false) {
    if (body.lambda_role === undefined) return {};
    return terraformPermissions(module, values, { ...call, body: { role: body.lambda_role } }, relative, warnings);
  }
  const collector = new PermissionCollector(warnings);
  const where = (argument: string) => `${relative(call.file)}: module.${call.name}.${argument}`;
  for (const [attach, argument] of POLICY_ARGUMENTS) {
    if (body[argument] === undefined) continue;
    const attached = await flag(attach, false);
    if (attached === false) continue;
    if (attached === undefined || createRole === undefined) {
      warnings.push(`${where(argument)}: attached only if ${attached === undefined ? attach : 'create_role'} is true, which does not resolve to a literal; `
        + 'not carried over, grant it by hand');
      continue;
    }
    if (argument === 'policy_statements') {
      for (const [key, statement] of Object.entries(await mapOf(module, values, body.policy_statements, (w) => warnings.push(`${where(argument)}: ${w}`)))) {
        await addModuleStatement(values, collector, statement, `${where(argument)}.${key}`, warnings);
      }
    } else if (argument === 'policy_json') {
      await addPolicy(module, values, collector, body.policy_json, where(argument), relative, warnings);
    } else {
      // policy_jsons: documents; policy, policies: managed policy ARNs.
      let list: unknown[] = asArray(body[argument]);
      if (!Array.isArray(body[argument]) && argument !== 'policy') {
        const whole = await values.resolve(body[argument]);
        if (whole.ok) list = asArray(whole.value);
      }
      for (const [i, item] of list.entries()) {
        const at = argument === 'policy' ? where(argument) : `${where(argument)}[${i}]`;
        if (argument === 'policy_jsons') await addPolicy(module, values, collector, item, at, relative, warnings);
        else await addManagedPolicy(module, values, collector, item, at, relative, warnings);
      }
    }
  }
  const found = collector.finish();
  return {
    ...(found.permissions.length > 0 ? { permissions: found.permissions } : {}),
    ...(found.managedPolicyArns.length > 0 ? { managedPolicyArns: found.managedPolicyArns } : {}),
  };
}

/**
 * A `policy_statements` entry as the module writes it into a `data.aws_iam_policy_document` statement:
 * `effect`, `actions`, `not_actions`, `resources`, `not_resources`, `principals`, `not_principals`,
 * `condition` (a list or map of `{ test, variable, values }`). Resolved field by field, so the warning names what did not resolve.
 */
async function addModuleStatement(
  values: TerraformValues, collector: PermissionCollector, raw: unknown, where: string, warnings: string[],
): Promise<void> {
  if (!isMap(raw)) {
    collector.addStatement(raw, where);
    return;
  }
  const fields: { [key: string]: string } = {
    effect: 'Effect', actions: 'Action', not_actions: 'NotAction', resources: 'Resource', not_resources: 'NotResource', principals: 'Principal', not_principals: 'NotPrincipal',
  };
  const statement: PlainMap = {};
  for (const [key, value] of Object.entries(raw)) {
    const r = await values.resolve(value);
    if (!r.ok) {
      warnings.push(`${where}: ${key} ${r.expression} does not resolve to a literal; not carried over, grant it by hand`);
      return;
    }
    if (key === 'condition') {
      const condition: { [operator: string]: PlainMap } = {};
      for (const c of (isMap(r.value) ? Object.values(r.value) : asArray(r.value)).filter(isMap)) {
        condition[String(c.test)] = { ...(condition[String(c.test)] ?? {}), [String(c.variable)]: c.values };
      }
      statement.Condition = condition;
    } else if (fields[key]) {
      statement[fields[key]] = r.value;
    }
  }
  collector.addStatement(statement, where);
}

/** `policy`/`policies`: a managed policy ARN, or an `aws_iam_policy` of the folder (read as its statements). */
async function addManagedPolicy(
  module: TerraformModule, values: TerraformValues, collector: PermissionCollector, raw: unknown, where: string,
  relative: (file: string) => string, warnings: string[],
): Promise<void> {
  const ref = referencedResource(raw);
  const own = ref?.type === 'aws_iam_policy' ? module.resource('aws_iam_policy', ref.name) : undefined;
  if (own) {
    await addPolicy(module, values, collector, own.body.policy, `${relative(own.file)}: aws_iam_policy.${own.name}.policy`, relative, warnings);
    return;
  }
  const r = await values.resolve(raw);
  if (r.ok && typeof r.value === 'string') collector.addManagedPolicy(r.value, where);
  else warnings.push(`${where}: ${shown(r)} does not resolve to a managed policy ARN; not carried over, attach it by hand`);
}

/** False when `create = false` or `create_function = false` resolve: the call then makes no function. */
export async function lambdaModuleCreatesFunction(values: TerraformValues, call: TerraformBlock): Promise<boolean> {
  for (const argument of ['create', 'create_function']) {
    if (call.body[argument] === undefined) continue;
    const r = await values.resolve(call.body[argument]);
    if (r.ok && (r.value === false || r.value === 'false')) return false;
  }
  return true;
}

/** A rule that runs a function: an `aws_cloudwatch_event_rule` resource, or a `rules` key of an eventbridge module call. */
export type RuleReference = { readonly resource: string } | { readonly module: string; readonly key: string };

/**
 * Whether a function lets EventBridge invoke it for that rule: for a lambda module call, an
 * `allowed_triggers` entry for `events.amazonaws.com` whose `source_arn` is the rule (or absent);
 * for an `aws_lambda_function`, such an `aws_lambda_permission`.
 * @see https://github.com/terraform-aws-modules/terraform-aws-lambda/blob/v8.8.1/main.tf (aws_lambda_permission.current_version_triggers)
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-lambda-permissions
 */
export async function allowsRule(
  module: TerraformModule, values: TerraformValues, functions: FunctionIndex, fn: TerraformBlock, rule: RuleReference,
): Promise<boolean> {
  const grants: PlainMap[] = [];
  if (fn.type === 'module') {
    for (const trigger of Object.values(await mapOf(module, values, fn.body.allowed_triggers))) if (isMap(trigger)) grants.push(trigger);
  } else {
    for (const permission of module.resources('aws_lambda_permission')) {
      if ((await functions.find(permission.body.function_name)) === fn) grants.push(permission.body);
    }
  }
  for (const grant of grants) {
    if ((await principal(values, grant)) !== 'events.amazonaws.com') continue;
    if (grant.source_arn === undefined || isRule(grant.source_arn, rule)) return true;
  }
  return false;
}

/**
 * The schedules that `terraform-aws-modules/eventbridge/aws` calls give functions of the folder:
 * - `rules` with a `schedule_expression` (`enabled`, or `state` since v4), through the `targets` list of the same key whose `arn` is the function;
 * - `schedules` (EventBridge Scheduler: `schedule_expression`, `timezone`, `state`, `arn`, `input`).
 *
 * What is not migrated is warned about, as for the plain resources.
 * @see https://github.com/terraform-aws-modules/terraform-aws-eventbridge/blob/v4.3.2/main.tf
 */
export async function findEventBridgeModuleTriggers(
  module: TerraformModule, values: TerraformValues, functions: FunctionIndex, relative: (file: string) => string, found: TerraformTriggers,
): Promise<void> {
  const add = (fn: TerraformBlock, schedule: FoundSchedule) => found.schedules.set(fn, [...(found.schedules.get(fn) ?? []), schedule]);
  const warnFunction = (fn: TerraformBlock, warning: string) => found.functionWarnings.set(fn, [...(found.functionWarnings.get(fn) ?? []), warning]);
  const fnId = (fn: TerraformBlock) => `${fn.type === 'module' ? 'module' : fn.type}.${fn.name}`;

  for (const call of registryModuleCalls(module, 'eventbridge')) {
    const at = (field: string) => `${relative(call.file)}:${call.attributes?.[field.split('.')[0]]?.line ?? call.line}: module.${call.name}.${field}`;
    if (!(await creates(values, call, 'create'))) {
      if (call.body.rules !== undefined || call.body.schedules !== undefined) found.warnings.push(`${at('create')}: false, so the module creates nothing: not migrated`);
      continue;
    }
    const rules = await mapOf(module, values, call.body.rules, (w) => found.warnings.push(`${at('rules')}: ${w}`));
    const targets = await mapOf(module, values, call.body.targets, (w) => found.warnings.push(`${at('targets')}: ${w}`));
    const rulesCreated = (await creates(values, call, 'create_rules')) && (await creates(values, call, 'create_targets'));
    for (const [key, list] of Object.entries(targets)) {
      for (const [i, target] of asArray(list).entries()) {
        if (!isMap(target)) continue;
        const where = `targets.${key}[${i}]`;
        const fn = await functions.find(target.arn);
        if (!fn) {
          if (FunctionIndex.looksLikeLambda(target.arn)) found.warnings.push(`${at(where)}: targets ${String(target.arn)}, a function this folder does not declare: not migrated`);
          continue;
        }
        const rule = rules[key];
        if (!rulesCreated) {
          found.warnings.push(`${at(where)}: create_rules or create_targets is false, so the rule does not run ${fnId(fn)}: not migrated`);
          continue;
        }
        if (!isMap(rule)) {
          found.warnings.push(`${at(where)}: there is no rules.${key} for this target: not migrated (${fnId(fn)})`);
          continue;
        }
        if (rule.schedule_expression === undefined) {
          found.warnings.push(`${at(`rules.${key}`)}: runs ${fnId(fn)} on an event pattern, not a schedule: not migrated`);
          continue;
        }
        if (target.input_transformer !== undefined || target.input_path !== undefined) {
          const what = target.input_transformer !== undefined ? 'an input_transformer' : 'an input_path';
          found.warnings.push(`${at(where)}: passes ${fnId(fn)} ${what}, not a constant event: not migrated`);
          continue;
        }
        const expression = await values.resolve(rule.schedule_expression);
        if (!expression.ok || typeof expression.value !== 'string') {
          found.warnings.push(`${at(`rules.${key}`)}: schedule_expression ${shown(expression)} does not resolve to a literal: not migrated (${fnId(fn)})`);
          continue;
        }
        const input = await readInput(values, target.input, `module.${call.name}.${where}.input`, (w) => warnFunction(fn, w));
        const fromDefaults = [
          ...track(module, 'schedule', call.body.rules, rule.schedule_expression),
          ...track(module, 'enabled', call.body.rules, [rule.enabled, rule.state]),
          ...(input !== undefined ? track(module, 'input', call.body.targets, target.input) : []),
        ];
        add(fn, {
          id: `module.${call.name}.rules.${key}`,
          label: key,
          expressions: [expression.value],
          trigger: ScheduleTrigger.RULE,
          enabled: await ruleEnabled(values, rule),
          ...(input !== undefined ? { input } : {}),
          ...(fromDefaults.length > 0 ? { fromDefaults } : {}),
        });
        if (!(await allowsRule(module, values, functions, fn, { module: call.name, key }))) {
          const grant = fn.type === 'module' ? 'allowed_triggers entry' : 'aws_lambda_permission';
          warnFunction(fn, `no ${grant} lets events.amazonaws.com invoke it for module.${call.name}.rules.${key}: check that the rule really runs it before you switch over`);
        }
      }
    }

    const schedules = await mapOf(module, values, call.body.schedules, (w) => found.warnings.push(`${at('schedules')}: ${w}`));
    const schedulesCreated = await creates(values, call, 'create_schedules');
    for (const [key, schedule] of Object.entries(schedules)) {
      if (!isMap(schedule)) continue;
      const where = `schedules.${key}`;
      const fn = await functions.find(schedule.arn);
      if (!fn) {
        if (FunctionIndex.looksLikeLambda(schedule.arn)) found.warnings.push(`${at(where)}: targets ${String(schedule.arn)}, a function this folder does not declare: not migrated`);
        continue;
      }
      if (!schedulesCreated) {
        found.warnings.push(`${at(where)}: create_schedules is false, so the schedule does not run ${fnId(fn)}: not migrated`);
        continue;
      }
      const expression = await values.resolve(schedule.schedule_expression);
      if (!expression.ok || typeof expression.value !== 'string') {
        found.warnings.push(`${at(where)}: schedule_expression ${shown(expression)} does not resolve to a literal: not migrated (${fnId(fn)})`);
        continue;
      }
      const timeZone = await values.resolve(schedule.timezone);
      if (!timeZone.ok || (timeZone.value !== undefined && timeZone.value !== null && typeof timeZone.value !== 'string')) {
        found.warnings.push(`${at(where)}: timezone ${shown(timeZone)} does not resolve to a literal: not migrated (${fnId(fn)})`);
        continue;
      }
      const input = await readInput(values, schedule.input, `module.${call.name}.${where}.input`, (w) => warnFunction(fn, w));
      // The module: `state = lookup(each.value, "state", true) ? "ENABLED" : "DISABLED"`.
      const state = await values.resolve(schedule.state);
      for (const window of ['start_date', 'end_date']) {
        if (schedule[window] !== undefined) {
          warnFunction(fn, `module.${call.name}.${where}.${window}: ${shown(await values.resolve(schedule[window]))}: the job has no ${window.replace('_', ' ')}, so enable or disable it by hand`);
        }
      }
      const flexible = await values.resolve(schedule.use_flexible_time_window);
      if (flexible.ok && (flexible.value === true || flexible.value === 'true')) {
        warnFunction(fn, `module.${call.name}.${where}.use_flexible_time_window: the schedule ran within a flexible window; the job runs at the scheduled time`);
      }
      const fromDefaults = [
        ...track(module, 'schedule', call.body.schedules, schedule.schedule_expression),
        ...(typeof timeZone.value === 'string' ? track(module, 'timeZone', call.body.schedules, schedule.timezone) : []),
        ...track(module, 'enabled', call.body.schedules, schedule.state),
        ...(input !== undefined ? track(module, 'input', call.body.schedules, schedule.input) : []),
      ];
      add(fn, {
        id: `module.${call.name}.${where}`,
        label: key,
        expressions: [expression.value],
        trigger: ScheduleTrigger.SCHEDULER,
        ...(typeof timeZone.value === 'string' ? { timeZone: timeZone.value } : {}),
        enabled: !(state.ok && (state.value === false || state.value === 'false')),
        ...(input !== undefined ? { input } : {}),
        ...(fromDefaults.length > 0 ? { fromDefaults } : {}),
      });
    }
  }
}

/**
 * What the folder's registry module calls leave out, so that nothing is skipped silently: a module
 * call that may deploy functions but is not read; a lambda module call with `create_function = false`;
 * and a lambda module call that lets EventBridge invoke it (`allowed_triggers`) but that no schedule of the folder runs.
 */
export async function registryModuleWarnings(
  module: TerraformModule, values: TerraformValues, relative: (file: string) => string, scheduled: ReadonlyMap<TerraformBlock, unknown>,
): Promise<string[]> {
  const warnings: string[] = [];
  for (const call of unreadModuleCalls(module)) {
    warnings.push(`${relative(call.file)}:${call.line}: module.${call.name} (source "${String(call.body.source)}") is not read `
      + '(of registry modules, only terraform-aws-modules/lambda/aws and terraform-aws-modules/eventbridge/aws are): '
      + 'any scheduled Lambda function it deploys is not migrated; migrate it by hand');
  }
  for (const call of registryModuleCalls(module, 'lambda')) {
    const where = `${relative(call.file)}:${call.line}: module.${call.name}`;
    if (!(await lambdaModuleCreatesFunction(values, call))) {
      warnings.push(`${where}: create or create_function is false, so the module creates no function: not migrated`);
      continue;
    }
    if (scheduled.has(call)) continue;
    for (const [key, trigger] of Object.entries(await mapOf(module, values, call.body.allowed_triggers))) {
      if (!isMap(trigger)) continue;
      const by = await principal(values, trigger);
      if (by === undefined || !SCHEDULE_PRINCIPALS.includes(by)) continue;
      const source = trigger.source_arn === undefined ? 'any rule' : String(trigger.source_arn);
      warnings.push(`${where}: allowed_triggers.${key} lets ${by} invoke it (${source}), but no schedule in this folder targets it: not migrated`);
    }
  }
  return warnings;
}

/**
 * The function's triggers that are not schedules: `allowed_triggers` for another principal
 * (`apigateway.amazonaws.com`, `s3.amazonaws.com`...), `event_source_mapping` and a function URL.
 */
async function otherTriggers(
  module: TerraformModule, values: TerraformValues, body: PlainMap, flag: (argument: string, fallback: boolean) => Promise<boolean | undefined>,
): Promise<string[]> {
  const others: string[] = [];
  for (const [key, trigger] of Object.entries(await mapOf(module, values, body.allowed_triggers))) {
    if (!isMap(trigger)) continue;
    const by = await principal(values, trigger);
    if (by === undefined || !SCHEDULE_PRINCIPALS.includes(by)) others.push(`allowed_triggers.${key} (${by ?? 'a principal that does not resolve'})`);
  }
  for (const key of Object.keys(await mapOf(module, values, body.event_source_mapping))) others.push(`event_source_mapping.${key}`);
  if ((await flag('create_lambda_function_url', false)) !== false) others.push('a function URL (create_lambda_function_url)');
  return others;
}

/**
 * The defaulted variables a schedule field reads: through its own value, or through the whole
 * argument (`rules = var.rules`) when the map itself comes from a variable or local.
 */
function track(module: TerraformModule, field: string, argument: unknown, value: unknown): DefaultedValue[] {
  const names = new Set([...(isMap(argument) ? [] : module.defaults.variablesIn(argument)), ...module.defaults.variablesIn(value)]);
  return [...names].map((name) => ({ field, origin: module.defaults.origin(name) }));
}

async function creates(values: TerraformValues, call: TerraformBlock, argument: string): Promise<boolean> {
  if (call.body[argument] === undefined) return true;
  const r = await values.resolve(call.body[argument]);
  return !(r.ok && (r.value === false || r.value === 'false'));
}

/**
 * A map argument as written (`{ crons = {...} }`), or the raw map a whole `var.x`/`local.x` stands
 * for, so that each entry's references (`module.lambda.lambda_function_arn`) stay readable.
 */
async function mapOf(module: TerraformModule, values: TerraformValues, raw: unknown, warn?: (w: string) => void, depth = 0): Promise<PlainMap> {
  if (raw === undefined || raw === null) return {};
  if (isMap(raw)) return raw;
  const ref = typeof raw === 'string' ? /^\$\{\s*(var|local)\.([A-Za-z_][\w-]*)\s*\}$/.exec(raw) : null;
  if (ref && depth < 8) {
    const table = ref[1] === 'var' ? module.scope.variables : module.scope.locals;
    if (table.has(ref[2])) return mapOf(module, values, table.get(ref[2]), warn, depth + 1);
  }
  const whole = await values.resolve(raw);
  if (whole.ok && isMap(whole.value)) return whole.value;
  warn?.(`${shown(whole)} does not resolve to a map: not migrated`);
  return {};
}

/** An `allowed_triggers` entry's or a permission's principal: `principal`, or the module's `<service>.amazonaws.com`. */
async function principal(values: TerraformValues, grant: PlainMap): Promise<string | undefined> {
  const r: Resolution = grant.principal !== undefined
    ? await values.resolve(grant.principal)
    : await values.resolve(grant.service === undefined ? undefined : `${String(grant.service)}.amazonaws.com`);
  return r.ok && typeof r.value === 'string' ? r.value : undefined;
}

/** True when a `source_arn` designates the rule: `aws_cloudwatch_event_rule.<name>.arn`, or `module.<eb>.eventbridge_rule_arns["<key>"]`. */
function isRule(sourceArn: unknown, rule: RuleReference): boolean {
  if ('resource' in rule) {
    const ref = referencedResource(sourceArn);
    return ref?.type === 'aws_cloudwatch_event_rule' && ref.name === rule.resource;
  }
  const m = typeof sourceArn === 'string'
    ? /^\$\{\s*module\.([\w-]+)\.eventbridge_rule_arns(?:\[\s*"([^"]+)"\s*\]|\.([\w-]+))\s*\}$/.exec(sourceArn)
    : null;
  return m !== null && m[1] === rule.module && (m[2] ?? m[3]) === rule.key;
}

/**
 * The module maps `enabled` (a bool) or, since v4, `state` (a bool, or `ENABLED`/`DISABLED`) to the rule's state; unset is enabled.
 * @see https://github.com/terraform-aws-modules/terraform-aws-eventbridge/blob/v4.3.2/main.tf (aws_cloudwatch_event_rule.this, state)
 */
async function ruleEnabled(values: TerraformValues, rule: PlainMap): Promise<boolean> {
  for (const field of ['enabled', 'state']) {
    const r = await values.resolve(rule[field]);
    if (r.ok && (r.value === false || r.value === 'false' || (typeof r.value === 'string' && r.value.toUpperCase() === 'DISABLED'))) return false;
  }
  return true;
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

async function environment(
  module: TerraformModule, values: TerraformValues, raw: unknown, warnings: string[], fromDefaults: DefaultedValue[],
): Promise<FoundVariable[]> {
  if (raw === undefined) return [];
  // `environment_variables = var.env`: every variable comes from it.
  const wholeDefaults = isMap(raw) ? [] : module.defaults.variablesIn(raw);
  const whole = isMap(raw) ? { ok: true as const, value: raw } : await values.resolve(raw);
  if (!whole.ok || !isMap(whole.value)) {
    warnings.push(`environment_variables: ${shown(whole)} does not resolve to a literal map; copy the variables by hand`);
    return [];
  }
  const variables: FoundVariable[] = [];
  for (const [name, value] of Object.entries(whole.value)) {
    const r = await values.resolve(value);
    if (r.ok && ['string', 'number', 'boolean'].includes(typeof r.value)) {
      variables.push({ name, value: String(r.value) });
      for (const v of new Set([...wholeDefaults, ...module.defaults.variablesIn(value)])) fromDefaults.push({ field: `environment.${name}`, origin: module.defaults.origin(v) });
    } else {
      variables.push({ name, expression: shown(r) });
    }
  }
  return variables;
}

async function vpc(values: TerraformValues, body: PlainMap): Promise<{ subnetIds: string[]; securityGroupIds: string[] } | undefined> {
  if (body.vpc_subnet_ids === undefined && body.vpc_security_group_ids === undefined) return undefined;
  const ids = async (raw: unknown): Promise<string[]> => {
    const whole = await values.resolve(raw);
    if (whole.ok) return asArray(whole.value).filter((v) => v !== null).map(String);
    const each: string[] = [];
    for (const item of asArray(raw)) {
      const r = await values.resolve(item);
      each.push(r.ok ? String(r.value) : r.expression);
    }
    return each.length > 0 ? each : [whole.expression];
  };
  return { subnetIds: await ids(body.vpc_subnet_ids), securityGroupIds: await ids(body.vpc_security_group_ids) };
}

async function listLength(values: TerraformValues, raw: unknown): Promise<number> {
  if (raw === undefined || raw === null) return 0;
  if (Array.isArray(raw)) return raw.length;
  const r = await values.resolve(raw);
  return r.ok ? asArray(r.value).filter((v) => v !== null).length : 1;
}

/**
 * `architectures = ["arm64"]`: the code ran on Graviton.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html
 */
async function architectureWarning(values: TerraformValues, body: PlainMap, warnings: string[]): Promise<void> {
  if (body.architectures === undefined) return;
  const r = await values.resolve(body.architectures);
  if (!r.ok) {
    warnings.push(`architectures: ${r.expression} does not resolve to a literal; check which CPU architecture the code and its native dependencies need`);
  } else if (asArray(r.value).includes('arm64')) {
    warnings.push("architectures: arm64: set the job's CPU architecture to ARM64 (Fargate Spot does not run ARM64)");
  }
}

/**
 * Where the code is: `source_path`, a folder or a file (its folder), or the first `path` of its list
 * form, relative to the module's folder as `${path.module}/...` usually writes it.
 * `local_existing_package` and `s3_existing_package` are prebuilt archives, not source folders.
 * @see https://github.com/terraform-aws-modules/terraform-aws-lambda#lambda-function-with-existing-package-prebuilt-stored-locally
 */
async function codeRoot(
  module: TerraformModule, values: TerraformValues, body: PlainMap, warnings: string[],
): Promise<{ root: string } | { missing: string }> {
  if (body.s3_existing_package !== undefined) return { missing: 'the code is an S3 object (s3_existing_package)' };
  if (body.local_existing_package !== undefined) {
    return { missing: `local_existing_package ${shown(await values.resolve(body.local_existing_package))} is a prebuilt archive, not a source folder` };
  }
  if (body.source_path === undefined) return { missing: 'the module call has no source_path' };
  const whole = await values.resolve(body.source_path);
  if (!whole.ok) return { missing: `source_path ${whole.expression} does not resolve to a literal path` };
  const entries = asArray(whole.value);
  if (entries.length > 1) warnings.push(`source_path: ${entries.length} sources go into one package; the code is read from the first, copy the others by hand`);
  const first = entries[0];
  const path = isMap(first) ? first.path : first;
  if (typeof path !== 'string') return { missing: `source_path ${JSON.stringify(whole.value)} has no literal path` };
  if (isMap(first) && first.prefix_in_zip !== undefined) {
    warnings.push(`source_path: prefix_in_zip ${JSON.stringify(first.prefix_in_zip)} puts the code in a subfolder of the package; check the handler's path`);
  }
  const absolute = resolve(module.dir, path);
  const isFile = existsSync(absolute) ? statSync(absolute).isFile() : extname(absolute) !== '';
  return { root: isFile ? dirname(absolute) : absolute };
}
