import { dirname, resolve } from 'path';
import { CloudFormationValues } from '../cloudformation/cloudformation-values';
import { readCloudFormationYaml } from '../cloudformation/cloudformation-yaml';
import { FoundFunction, FoundSchedule, FoundVariable, LambdaDefaults, ReaderResult } from '../found-function';
import { asArray, asMap, isMap, optional, PlainMap } from '../plain-data';
import { Resolution, shown } from '../resolution';
import { parseScheduleInput } from '../schedule-input';
import { applyGlobals } from './sam-globals';

/**
 * `AWS::Serverless::Function` becomes an `AWS::Lambda::Function`, whose `MemorySize` defaults to
 * 128 MB and `Timeout` to 3 s.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html
 */
export const SAM_LAMBDA_DEFAULTS: LambdaDefaults = { memoryMb: 128, timeoutSeconds: 3, origin: "Lambda's default" };

const FUNCTION_TYPE = 'AWS::Serverless::Function';

/** Event types that run a function on an event pattern, not a schedule. */
const PATTERN_EVENT_TYPES = new Set(['EventBridgeRule', 'CloudWatchEvent']);

/**
 * Reads a SAM template: each `AWS::Serverless::Function` (with `Globals.Function` applied) that has
 * `Schedule` or `ScheduleV2` events.
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-schedule.html
 * @see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-schedulev2.html
 * @throws MigrationError when the YAML does not parse
 */
export function readSamTemplate(file: string, relative: (file: string) => string): ReaderResult {
  const template = asMap(readCloudFormationYaml(file));
  const values = new CloudFormationValues(template);
  const globals = asMap(template.Globals).Function;
  const functions: FoundFunction[] = [];
  const warnings: string[] = [];
  for (const [logicalId, resource] of Object.entries(asMap(template.Resources))) {
    if (!isMap(resource) || resource.Type !== FUNCTION_TYPE) continue;
    const properties = applyGlobalsTo(globals, resource.Properties);
    const functionWarnings: string[] = [];
    const schedules: FoundSchedule[] = [];
    for (const [eventId, event] of Object.entries(asMap(properties.Events))) {
      const where = `${relative(file)}: ${logicalId}.Events.${eventId}`;
      const type = asMap(event).Type;
      const props = asMap(asMap(event).Properties);
      if (typeof type === 'string' && PATTERN_EVENT_TYPES.has(type)) {
        warnings.push(`${where}: runs ${logicalId} on an event pattern (${type}), not a schedule: not migrated`);
        continue;
      }
      if (type !== 'Schedule' && type !== 'ScheduleV2') continue;
      const schedule = readScheduleEvent(values, eventId, type, props, where, warnings, functionWarnings);
      if (schedule) schedules.push(schedule);
    }
    if (schedules.length === 0) continue;
    functions.push({
      ...readSamFunction(values, file, logicalId, properties, functionWarnings),
      schedules,
    });
  }
  return { functions, warnings };
}

function applyGlobalsTo(globals: unknown, properties: unknown): PlainMap {
  // Events are never global; everything else in Globals.Function is.
  const { Events: events, ...own } = asMap(properties);
  return { ...applyGlobals(globals, own), Events: events };
}

/**
 * One `Schedule` (EventBridge rule) or `ScheduleV2` (EventBridge Scheduler) event.
 * A disabled event is `Enabled: false` or `State: DISABLED`.
 */
function readScheduleEvent(
  values: CloudFormationValues, eventId: string, type: 'Schedule' | 'ScheduleV2', props: PlainMap, where: string,
  warnings: string[], functionWarnings: string[],
): FoundSchedule | undefined {
  const expressionKey = type === 'Schedule' ? 'Schedule' : 'ScheduleExpression';
  const expression = values.resolve(props[expressionKey]);
  if (!expression.ok || typeof expression.value !== 'string') {
    warnings.push(`${where}: ${expressionKey} ${shown(expression)} does not resolve to a literal: not migrated`);
    return undefined;
  }
  if (props.InputTransformer !== undefined || props.InputPath !== undefined) {
    warnings.push(`${where}: passes ${props.InputTransformer !== undefined ? 'an InputTransformer' : 'an InputPath'}, not a constant event: not migrated`);
    return undefined;
  }
  const timeZone = values.resolve(props.ScheduleExpressionTimezone);
  if (!timeZone.ok || (timeZone.value !== undefined && typeof timeZone.value !== 'string')) {
    warnings.push(`${where}: ScheduleExpressionTimezone ${shown(timeZone)} does not resolve to a literal: not migrated`);
    return undefined;
  }
  const enabled = values.resolve(props.Enabled);
  const state = values.resolve(props.State);
  let input: unknown;
  if (props.Input !== undefined) {
    const text = values.resolve(props.Input);
    if (text.ok && typeof text.value === 'string') {
      const parsed = parseScheduleInput(text.value, `Events.${eventId}.Input`);
      if ('warning' in parsed) functionWarnings.push(parsed.warning); else input = parsed.value;
    } else {
      functionWarnings.push(`Events.${eventId}.Input: ${shown(text)} does not resolve to a literal; the input is not carried over, set ECS_BATCH_EVENT by hand`);
    }
  }
  return {
    id: `Events.${eventId}`,
    label: eventId,
    expressions: [expression.value],
    ...optional('timeZone', typeof timeZone.value === 'string' ? timeZone.value : undefined),
    enabled: !(enabled.ok && enabled.value === false) && !(state.ok && state.value === 'DISABLED'),
    ...optional('input', input),
  };
}

function readSamFunction(
  values: CloudFormationValues, file: string, logicalId: string, props: PlainMap, warnings: string[],
): Omit<FoundFunction, 'schedules'> {
  const defaults = SAM_LAMBDA_DEFAULTS;
  const text = (key: string, consequence: string): string | undefined => {
    if (props[key] === undefined) return undefined;
    const r = values.resolve(props[key]);
    if (r.ok && (typeof r.value === 'string' || typeof r.value === 'number')) return String(r.value);
    warnings.push(`${key}: ${shown(r)} does not resolve to a literal (a literal, or !Ref to a parameter with a Default); ${consequence}`);
    return undefined;
  };
  const number = (key: string, fallback: string): number | undefined => {
    const value = text(key, `using ${fallback}`);
    if (value === undefined) return undefined;
    if (/^\d+$/.test(value)) return Number(value);
    warnings.push(`${key}: ${value} is not a whole number; using ${fallback}`);
    return undefined;
  };
  const functionName = text('FunctionName', `the job is named after ${logicalId}`);
  const handler = text('Handler', 'set the handler by hand');
  const runtime = text('Runtime', 'set the runtime by hand');
  const memoryMb = number('MemorySize', `${defaults.memoryMb} MB, ${defaults.origin}`);
  const timeoutSeconds = number('Timeout', `${defaults.timeoutSeconds} s, ${defaults.origin}`);
  const reserved = values.resolve(props.ReservedConcurrentExecutions);
  const image = props.PackageType === 'Image' ? text('ImageUri', 'find the image by hand') ?? 'a local Dockerfile (Metadata.DockerContext)' : undefined;
  const code = codeRoot(values, file, props, image);
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
    environment: environment(values, asMap(props.Environment).Variables, warnings),
    ...optional('vpc', vpc(values, props.VpcConfig)),
    layerCount: asArray(props.Layers).length,
    ...optional('image', image),
    ...optional('reservedConcurrency', reserved.ok && typeof reserved.value === 'number' ? reserved.value : undefined),
    ...('root' in code ? { codeRoot: code.root } : { codeRootMissing: code.missing }),
    warnings,
  };
}

function environment(values: CloudFormationValues, raw: unknown, warnings: string[]): FoundVariable[] {
  if (raw === undefined) return [];
  if (!isMap(raw)) {
    warnings.push(`Environment.Variables: ${shown(values.resolve(raw))} is not a map; copy the variables by hand`);
    return [];
  }
  return Object.entries(raw).map(([name, value]): FoundVariable => {
    const r = values.resolve(value);
    return r.ok && ['string', 'number', 'boolean'].includes(typeof r.value) ? { name, value: String(r.value) } : { name, expression: shown(r) };
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
