import { dirname, resolve } from 'path';
import { ScheduleTrigger } from '@ecs-batch/core';
import { CloudFormationValues } from '../cloudformation/cloudformation-values';
import { readCloudFormationYaml } from '../cloudformation/cloudformation-yaml';
import { DefaultedValue, FoundFunction, FoundSchedule, FoundVariable, LambdaDefaults, ReaderResult } from '../found-function';
import { applyGlobals } from './sam-globals';
import { secretReference } from '../job/environment-variables';
import { PermissionCollector } from '../permissions/lambda-permissions';
import { expandSamPolicyTemplate } from '../permissions/sam-policy-templates';
import { asArray, asMap, isMap, optional, PlainMap } from '../plain-data';
import { Resolution, shown } from '../resolution';
import { parseScheduleInput } from '../schedule-input';

/**
 * `AWS::Serverless::Function` becomes an `AWS::Lambda::Function`, whose `MemorySize` defaults to
 * 128 MB and `Timeout` to 3 s.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html
 */
export const SAM_LAMBDA_DEFAULTS: LambdaDefaults = { memoryMb: 128, timeoutSeconds: 3, origin: "Lambda's default" };

const FUNCTION_TYPE = 'AWS::Serverless::Function';

/** Event types that run a function on an event pattern, not a schedule. */
const PATTERN_EVENT_TYPES = new Set(['EventBridgeRule', 'CloudWatchEvent']);

/** What a deploy would be given: `sam deploy --parameter-overrides K=V`. */
export interface SamReadOptions {
  readonly parameterOverrides?: { readonly [name: string]: string };
}

/** Resources that schedule a function from outside it: a rule or a schedule whose target is `!GetAtt Fn.Arn`. */
const RULE_TYPE = 'AWS::Events::Rule';
const SCHEDULE_TYPE = 'AWS::Scheduler::Schedule';

/**
 * Reads a SAM template: each `AWS::Serverless::Function` (with `Globals.Function` applied) that has
 * `Schedule` or `ScheduleV2` events, or that an `AWS::Events::Rule` or `AWS::Scheduler::Schedule`
 * of the template targets.
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-schedule.html
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-schedulev2.html
 * @throws MigrationError when the YAML does not parse
 */
export function readSamTemplate(file: string, relative: (file: string) => string, options: SamReadOptions = {}): ReaderResult {
  const yaml = readCloudFormationYaml(file, relative);
  const template = asMap(yaml.value);
  const values = new CloudFormationValues(template, options.parameterOverrides);
  const globals = asMap(template.Globals).Function;
  const functions: FoundFunction[] = [];
  const warnings: string[] = [...yaml.warnings];
  const resources = asMap(template.Resources);
  const external = externalSchedules(values, resources, relative(file), warnings);
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isMap(resource) || resource.Type !== FUNCTION_TYPE) continue;
    const properties = applyGlobalsTo(globals, resource.Properties);
    const functionWarnings: string[] = [];
    const schedules: FoundSchedule[] = [...(external.schedules.get(logicalId) ?? [])];
    const otherTriggers: string[] = [...(external.otherTriggers.get(logicalId) ?? [])];
    for (const [eventId, event] of Object.entries(asMap(properties.Events))) {
      const where = `${relative(file)}: ${logicalId}.Events.${eventId}`;
      const type = asMap(event).Type;
      const props = asMap(asMap(event).Properties);
      if (typeof type === 'string' && PATTERN_EVENT_TYPES.has(type)) {
        warnings.push(`${where}: runs ${logicalId} on an event pattern (${type}), not a schedule: not migrated`);
      }
      if (type !== 'Schedule' && type !== 'ScheduleV2') {
        otherTriggers.push(`Events.${eventId} (${String(type)})`);
        continue;
      }
      const schedule = readScheduleEvent(values, eventId, type, props, where, warnings, functionWarnings);
      if (schedule) schedules.push(schedule);
    }
    if (schedules.length === 0) continue;
    if (otherTriggers.length > 0) {
      functionWarnings.push(`also triggered by ${otherTriggers.join(', ')}: the job runs only the schedule, so keep the Lambda for ${otherTriggers.length === 1 ? 'that trigger' : 'those triggers'} or move ${otherTriggers.length === 1 ? 'it' : 'them'} too`);
    }
    functions.push({
      ...readSamFunction(values, file, relative(file), logicalId, properties, functionWarnings),
      schedules,
    });
  }
  return { functions, warnings };
}

/** The function a target `Arn` names: `!GetAtt Fn.Arn`, `Fn::GetAtt: "Fn.Arn"`, or `!Sub ${Fn.Arn}`. */
function targetFunction(arn: unknown): string | undefined {
  if (!isMap(arn)) return undefined;
  const getAtt = arn['Fn::GetAtt'];
  const parts = typeof getAtt === 'string' ? getAtt.split('.') : getAtt;
  if (Array.isArray(parts) && parts.length === 2 && parts[1] === 'Arn' && typeof parts[0] === 'string') return parts[0];
  const sub = /^\$\{([A-Za-z0-9]+)\.Arn\}$/.exec(typeof arn['Fn::Sub'] === 'string' ? arn['Fn::Sub'] : '');
  return sub?.[1];
}

/**
 * `AWS::Events::Rule` (targets) and `AWS::Scheduler::Schedule` (one target) resources that run a
 * function of the template: schedules by function, and the rules on event patterns as other triggers.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-events-rule.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-scheduler-schedule.html
 */
function externalSchedules(values: CloudFormationValues, resources: PlainMap, file: string, warnings: string[]) {
  const schedules = new Map<string, FoundSchedule[]>();
  const otherTriggers = new Map<string, string[]>();
  const add = <T>(map: Map<string, T[]>, key: string, item: T) => map.set(key, [...(map.get(key) ?? []), item]);
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isMap(resource) || (resource.Type !== RULE_TYPE && resource.Type !== SCHEDULE_TYPE)) continue;
    const props = asMap(resource.Properties);
    const isRule = resource.Type === RULE_TYPE;
    const targets = isRule ? asArray(props.Targets).map(asMap) : [asMap(props.Target)];
    targets.forEach((target, index) => {
      const fn = targetFunction(target.Arn);
      if (fn === undefined || asMap(resources[fn]).Type !== FUNCTION_TYPE) return;
      const id = isRule && targets.length > 1 ? `${logicalId}.Targets[${index}]` : logicalId;
      const where = `${file}: ${id}`;
      if (props.ScheduleExpression === undefined) {
        add(otherTriggers, fn, `${logicalId} (${String(resource.Type)} on an event pattern)`);
        return;
      }
      const schedule = readScheduleEvent(values, logicalId, isRule ? 'Rule' : 'ScheduleV2', { ...props, ...ruleTarget(target, isRule) }, where, warnings, [], id);
      if (schedule) add(schedules, fn, schedule);
    });
  }
  return { schedules, otherTriggers };
}

/** A target's input settings, under the names a SAM event uses. */
function ruleTarget(target: PlainMap, isRule: boolean): PlainMap {
  return isRule
    ? { Input: target.Input, InputPath: target.InputPath, InputTransformer: target.InputTransformer }
    : { Input: target.Input };
}

function applyGlobalsTo(globals: unknown, properties: unknown): PlainMap {
  // Events are never global; everything else in Globals.Function is.
  const { Events: events, ...own } = asMap(properties);
  return { ...applyGlobals(globals, own), Events: events };
}

/**
 * One `Schedule` (EventBridge rule) or `ScheduleV2` (EventBridge Scheduler) event, or a rule or
 * schedule resource (`Rule` reads like `Schedule`, with `ScheduleExpression`).
 * A disabled event is `Enabled: false` or `State: DISABLED`; CloudFormation parameters are strings,
 * so `"false"` is false too.
 */
function readScheduleEvent(
  values: CloudFormationValues, eventId: string, type: 'Schedule' | 'ScheduleV2' | 'Rule', props: PlainMap, where: string,
  warnings: string[], functionWarnings: string[], id = `Events.${eventId}`,
): FoundSchedule | undefined {
  const fromDefaults: DefaultedValue[] = [];
  const get = (field: string, value: unknown): Resolution => {
    const { resolution, defaults } = values.track(value);
    for (const name of defaults) fromDefaults.push({ field, origin: `parameter ${name}'s Default` });
    return resolution;
  };
  const expressionKey = type === 'Schedule' ? 'Schedule' : 'ScheduleExpression';
  const expression = get('schedule', props[expressionKey]);
  if (!expression.ok || typeof expression.value !== 'string') {
    const missing = values.parameterWithoutValue(props[expressionKey]);
    warnings.push(`${where}: ${expressionKey} ${shown(expression)} does not resolve to a literal${missing ? ` (parameter ${missing} has no Default: pass --parameter-overrides ${missing}=<value>)` : ''}: not migrated`);
    return undefined;
  }
  if (props.InputTransformer !== undefined || props.InputPath !== undefined) {
    warnings.push(`${where}: passes ${props.InputTransformer !== undefined ? 'an InputTransformer' : 'an InputPath'}, not a constant event: not migrated`);
    return undefined;
  }
  const timeZone = get('timeZone', props.ScheduleExpressionTimezone);
  if (!timeZone.ok || (timeZone.value !== undefined && typeof timeZone.value !== 'string')) {
    warnings.push(`${where}: ScheduleExpressionTimezone ${shown(timeZone)} does not resolve to a literal: not migrated`);
    return undefined;
  }
  let enabled = true;
  for (const key of ['Enabled', 'State']) {
    if (props[key] === undefined) continue;
    const r = get('enabled', props[key]);
    if (!r.ok) {
      const missing = values.parameterWithoutValue(props[key]);
      fromDefaults.push({
        field: 'enabled',
        origin: `an assumption: ${id}.${key} ${r.expression} has no value here${missing ? ` (parameter ${missing} has no Default: pass --parameter-overrides ${missing}=<value>)` : ''}`,
      });
      continue;
    }
    const text = String(r.value).toLowerCase();
    if (key === 'Enabled' ? text === 'false' : text === 'disabled') enabled = false;
  }
  let input: unknown;
  if (props.Input !== undefined) {
    const text = get('input', props.Input);
    if (text.ok && typeof text.value === 'string') {
      const parsed = parseScheduleInput(text.value, `${id}.Input`);
      if ('warning' in parsed) functionWarnings.push(parsed.warning); else input = parsed.value;
    } else {
      functionWarnings.push(`${id}.Input: ${shown(text)} does not resolve to a literal; the input is not carried over, set ECS_BATCH_EVENT by hand`);
    }
  }
  return {
    id,
    label: eventId,
    expressions: [expression.value],
    trigger: type === 'ScheduleV2' ? ScheduleTrigger.SCHEDULER : ScheduleTrigger.RULE,
    ...optional('timeZone', typeof timeZone.value === 'string' ? timeZone.value : undefined),
    enabled,
    ...optional('input', input),
    ...(fromDefaults.length > 0 ? { fromDefaults } : {}),
  };
}

function readSamFunction(
  values: CloudFormationValues, file: string, relativeFile: string, logicalId: string, props: PlainMap, warnings: string[],
): Omit<FoundFunction, 'schedules'> {
  const defaults = SAM_LAMBDA_DEFAULTS;
  const fromDefaults: DefaultedValue[] = [];
  const get = (field: string, value: unknown): Resolution => {
    const { resolution, defaults: used } = values.track(value);
    for (const name of used) fromDefaults.push({ field, origin: `parameter ${name}'s Default` });
    return resolution;
  };
  const text = (key: string, field: string, consequence: string): string | undefined => {
    if (props[key] === undefined) return undefined;
    const r = get(field, props[key]);
    if (r.ok && (typeof r.value === 'string' || typeof r.value === 'number')) return String(r.value);
    const missing = values.parameterWithoutValue(props[key]);
    warnings.push(`${key}: ${shown(r)} does not resolve to a literal (${missing
      ? `parameter ${missing} has no Default: pass --parameter-overrides ${missing}=<value>`
      : 'a literal, or !Ref to a parameter with a Default or an override'}); ${consequence}`);
    return undefined;
  };
  const number = (key: string, field: string, fallback: string): number | undefined => {
    const value = text(key, field, `using ${fallback}`);
    if (value === undefined) return undefined;
    if (/^\d+$/.test(value)) return Number(value);
    warnings.push(`${key}: ${value} is not a whole number; using ${fallback}`);
    return undefined;
  };
  const functionName = text('FunctionName', 'name', `the job is named after ${logicalId}`);
  const handler = text('Handler', 'handler', 'set the handler by hand');
  const runtime = text('Runtime', 'runtime', 'set the runtime by hand');
  const memoryMb = number('MemorySize', 'memoryMb', `${defaults.memoryMb} MB, ${defaults.origin}`);
  const timeoutSeconds = number('Timeout', 'timeoutSeconds', `${defaults.timeoutSeconds} s, ${defaults.origin}`);
  const reserved = values.resolve(props.ReservedConcurrentExecutions);
  const image = props.PackageType === 'Image' ? text('ImageUri', 'image', 'find the image by hand') ?? 'a local Dockerfile (Metadata.DockerContext)' : undefined;
  const code = codeRoot(values, file, props, image);
  if (props.DurableConfig !== undefined) {
    // Durable functions checkpoint and resume across invocations for up to a year; a task does not.
    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-durableconfig.html
    warnings.push('DurableConfig: a Lambda durable function checkpoints and resumes across invocations; a job runs once to the end, so its steps must be rewritten as one run (or keep it on Lambda)');
  }
  const command = asMap(props.ImageConfig).Command;
  if (image !== undefined && command !== undefined) {
    const r = values.resolve(command);
    warnings.push(`ImageConfig.Command: ${r.ok ? JSON.stringify(r.value) : r.expression} is the image's command for this function: set it as the job's command, or jobs sharing the image lose the difference`);
  }
  const environmentVariables = environment(values, asMap(props.Environment).Variables, warnings, fromDefaults);
  return {
    source: 'sam',
    file,
    id: logicalId,
    // Logical IDs are usually `NightlyReportFunction`: the suffix says nothing about the job.
    name: functionName ?? (logicalId.replace(/Function$/, '') || logicalId),
    ...optional('handler', handler),
    ...optional('runtime', runtime),
    ...optional('memoryMb', memoryMb),
    ...optional('timeoutSeconds', timeoutSeconds),
    defaults,
    environment: environmentVariables,
    ...optional('vpc', vpc(values, props.VpcConfig)),
    layerCount: asArray(props.Layers).length,
    ...optional('image', image),
    ...optional('reservedConcurrency', reserved.ok && typeof reserved.value === 'number' ? reserved.value : undefined),
    ...('root' in code ? { codeRoot: code.root } : { codeRootMissing: code.missing }),
    warnings,
    ...samPolicies(values, relativeFile, logicalId, props.Policies, warnings),
    ...(fromDefaults.length > 0 ? { fromDefaults: fromDefaults.filter((d) => d.field !== 'image') } : {}),
  };
}

function environment(values: CloudFormationValues, raw: unknown, warnings: string[], fromDefaults: DefaultedValue[]): FoundVariable[] {
  if (raw === undefined) return [];
  if (!isMap(raw)) {
    warnings.push(`Environment.Variables: ${shown(values.resolve(raw))} is not a map; copy the variables by hand`);
    return [];
  }
  return Object.entries(raw).map(([name, value]): FoundVariable => {
    const { resolution: r, defaults } = values.track(value);
    // A dynamic reference is a literal string to the template: a secret, never a plain value.
    const text = r.ok && typeof r.value === 'string' ? r.value : undefined;
    const secretRef = text === undefined ? undefined : secretReference(text);
    if (secretRef) return { name, expression: text, secretRef };
    // A dynamic reference inside a longer value (`postgres://app:{{resolve:ssm:...}}@db`) is resolved by
    // CloudFormation at deploy time: not a literal to copy, so it is warned about.
    if (text?.includes('{{resolve:')) return { name, expression: text };
    if (!(r.ok && ['string', 'number', 'boolean'].includes(typeof r.value))) return { name, expression: shown(r) };
    for (const parameter of defaults) fromDefaults.push({ field: `environment.${name}`, origin: `parameter ${parameter}'s Default` });
    return { name, value: String(r.value) };
  });
}

function vpc(values: CloudFormationValues, raw: unknown) {
  if (!isMap(raw)) return undefined;
  const ids = (list: unknown): string[] => {
    const whole = values.resolve(list);
    if (whole.ok) return asArray(whole.value).map(String);
    return asArray(list).map((item) => {
      const r: Resolution = values.resolve(item);
      return r.ok ? String(r.value) : r.expression;
    });
  };
  return { subnetIds: ids(raw.SubnetIds), securityGroupIds: ids(raw.SecurityGroupIds) };
}

/**
 * The handler is relative to `CodeUri`, a folder next to the template. An S3 location, inline code
 * or an image is not local source.
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-codeuri
 */
function codeRoot(values: CloudFormationValues, file: string, props: PlainMap, image: string | undefined) {
  if (image !== undefined) return { missing: 'it is a container image' };
  if (props.InlineCode !== undefined) return { missing: 'the code is inline in the template (InlineCode)' };
  const uri = values.resolve(props.CodeUri);
  if (uri.ok && typeof uri.value === 'string' && !uri.value.startsWith('s3://')) return { root: resolve(dirname(file), uri.value) };
  if (props.CodeUri === undefined) return { missing: 'the function has no CodeUri' };
  return { missing: `CodeUri ${shown(uri)} is not a local folder` };
}

/**
 * A function's `Policies`: managed policy names or ARNs, inline documents or statements, and SAM
 * policy templates (`{ S3ReadPolicy: { BucketName: ... } }`), expanded with SAM's own definitions.
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-policies
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-templates.html
 */
function samPolicies(values: CloudFormationValues, file: string, logicalId: string, raw: unknown, warnings: string[]) {
  if (raw === undefined) return {};
  const collector = new PermissionCollector(warnings);
  const list = Array.isArray(raw) ? raw : [raw];
  list.forEach((policy, i) => {
    const where = `${file}: Policies[${i}] of ${logicalId}`;
    const r = values.resolve(withPseudoParameters(policy));
    if (!r.ok) {
      warnings.push(`${where}: ${r.expression} does not resolve to a literal; not carried over, grant it by hand`);
      return;
    }
    const value = r.value;
    if (typeof value === 'string') {
      collector.addManagedPolicy(value, where);
    } else if (isMap(value) && (value.Statement !== undefined)) {
      collector.addDocument(value, where);
    } else if (isMap(value) && Object.keys(value).length === 1) {
      const [name, parameters] = Object.entries(value)[0];
      const expanded = expandSamPolicyTemplate(name, parameters);
      if ('unknown' in expanded) {
        warnings.push(`${where}: ${expanded.unknown}; not carried over, grant it by hand`);
        return;
      }
      const doc = values.resolve(withPseudoParameters(expanded.document));
      if (!doc.ok) warnings.push(`${where}: ${name}: ${doc.expression} does not resolve to a literal; not carried over, grant it by hand`);
      else collector.addDocument(doc.value, `${where} (${name})`);
    } else {
      warnings.push(`${where}: ${JSON.stringify(value)} is not a policy name, document or template; not carried over, grant it by hand`);
    }
  });
  const found = collector.finish();
  return {
    ...(found.permissions.length > 0 ? { permissions: found.permissions } : {}),
    ...(found.managedPolicyArns.length > 0 ? { managedPolicyArns: found.managedPolicyArns } : {}),
  };
}

/**
 * The pseudo parameters a policy uses, as the job's ARNs can: `AWS::Partition` is `aws`,
 * `AWS::Region` and `AWS::AccountId` become `*` (any region or account of that name).
 */
function withPseudoParameters(value: unknown): unknown {
  const pseudo: { [name: string]: string } = { 'AWS::Partition': 'aws', 'AWS::Region': '*', 'AWS::AccountId': '*', 'AWS::URLSuffix': 'amazonaws.com' };
  if (typeof value === 'string') return value.replace(/\$\{(AWS::[A-Za-z]+)\}/g, (m, name: string) => pseudo[name] ?? m);
  if (Array.isArray(value)) return value.map(withPseudoParameters);
  if (isMap(value)) {
    if (typeof value.Ref === 'string' && pseudo[value.Ref] !== undefined && Object.keys(value).length === 1) return pseudo[value.Ref];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPseudoParameters(v)]));
  }
  return value;
}
