import { dirname } from 'path';
import { ScheduleTrigger } from '@ecs-batch/core';
import { readCloudFormationYaml } from '../cloudformation/cloudformation-yaml';
import { DefaultedValue, FoundFunction, FoundSchedule, FoundVariable, FoundVpc, LambdaDefaults, ReaderResult } from '../found-function';
import { ServerlessReadOptions, ServerlessVariables } from './serverless-variables';
import { secretReference } from '../job/environment-variables';
import { PermissionCollector } from '../permissions/lambda-permissions';
import { asArray, asMap, isMap, optional, PlainMap } from '../plain-data';
import { Resolution, shown } from '../resolution';
import { parseScheduleInput } from '../schedule-input';

/**
 * The Serverless Framework's defaults for AWS functions: `memorySize` 1024 MB and `timeout` 6 s
 * (not Lambda's 128 MB and 3 s).
 * @see https://www.serverless.com/framework/docs/providers/aws/guide/serverless.yml#general-function-settings
 */
export const SERVERLESS_DEFAULTS: LambdaDefaults = { memoryMb: 1024, timeoutSeconds: 6, origin: 'the Serverless Framework default' };

/**
 * Reads a `serverless.yml`: each function with `schedule` events, with the `provider` settings it
 * inherits (runtime, memorySize, timeout, environment, vpc, layers).
 * @see https://www.serverless.com/framework/docs/providers/aws/events/schedule
 * @throws MigrationError when the YAML does not parse
 */
export function readServerlessFile(file: string, relative: (file: string) => string, options: ServerlessReadOptions = {}): ReaderResult {
  const yaml = readCloudFormationYaml(file, relative);
  const config = asMap(yaml.value);
  const variables = new ServerlessVariables(config, dirname(file), options);
  const provider = asMap(config.provider);
  const providerName = variables.resolve(provider.name);
  if (providerName.ok && providerName.value !== undefined && providerName.value !== 'aws') return { functions: [], warnings: yaml.warnings };

  const functions: FoundFunction[] = [];
  const warnings: string[] = [...yaml.warnings];
  for (const [key, definition] of functionEntries(variables, config.functions, `${relative(file)}: functions`, warnings)) {
    const fn = asMap(definition);
    const functionWarnings: string[] = [];
    const schedules: FoundSchedule[] = [];
    const otherTriggers: string[] = [];
    const { resolution: events, defaults: eventDefaults } = variables.track(fn.events);
    if (!events.ok || (events.value !== undefined && !Array.isArray(events.value))) {
      warnings.push(`${relative(file)}: functions.${key}.events: ${shown(events)} does not resolve to a list of events `
        + '(a list, ${self:...}, or ${file(...)} of a YAML/JSON file; pass --stage when it depends on the stage): not migrated');
      continue;
    }
    asArray(events.value).forEach((event, index) => {
      const where = `${relative(file)}: functions.${key}.events[${index}]`;
      if (!isMap(event)) return;
      if (event.eventBridge !== undefined || event.cloudwatchEvent !== undefined) {
        const kind = event.eventBridge !== undefined ? 'eventBridge' : 'cloudwatchEvent';
        warnings.push(`${where}: runs ${key} on an event pattern (${kind}), not a schedule: not migrated`);
      }
      if (event.schedule === undefined) {
        otherTriggers.push(`events[${index}] (${Object.keys(event).join(', ')})`);
        return;
      }
      const schedule = readSchedule(variables, event.schedule, `events[${index}].schedule`, where, warnings, functionWarnings);
      // Events chosen through a default (the assumed stage) may be other events on another stage.
      const chosen = eventDefaults.map((origin) => ({ field: 'schedule', origin: `${origin}, which chose the events` }));
      if (schedule) schedules.push(chosen.length > 0 ? { ...schedule, fromDefaults: [...(schedule.fromDefaults ?? []), ...chosen] } : schedule);
    });
    if (schedules.length === 0) continue;
    if (otherTriggers.length > 0) {
      functionWarnings.push(`also triggered by ${otherTriggers.join(', ')}: the job runs only the schedule, so keep the Lambda for ${otherTriggers.length === 1 ? 'that trigger' : 'those triggers'} or move ${otherTriggers.length === 1 ? 'it' : 'them'} too`);
    }
    functions.push({ ...readFunction(variables, file, relative, key, fn, provider, config.resources, functionWarnings), schedules });
  }
  return { functions, warnings };
}

/** `functions` is a map, or (with file includes) a list of maps; either may come from `${file(...)}`. */
function functionEntries(variables: ServerlessVariables, functions: unknown, where: string, warnings: string[]): [string, unknown][] {
  const parts = typeof functions === 'string' ? [functions] : Array.isArray(functions) ? functions : [functions];
  return parts.flatMap((part) => {
    if (typeof part !== 'string') return Object.entries(asMap(part));
    const r = variables.resolve(part);
    if (r.ok && isMap(r.value)) return Object.entries(r.value);
    warnings.push(`${where}: ${shown(r)} does not resolve to a map of functions: its functions are not migrated`);
    return [];
  });
}

/**
 * A `schedule` event: a string expression, or an object with `rate` (one expression or a list),
 * `enabled` (default true), `input`, `timezone` (with `method: scheduler`).
 */
function readSchedule(
  variables: ServerlessVariables, raw: unknown, id: string, where: string, warnings: string[], functionWarnings: string[],
): FoundSchedule | undefined {
  const fromDefaults: DefaultedValue[] = [];
  const get = (field: string, value: unknown): Resolution => {
    const { resolution, defaults } = variables.track(value);
    for (const origin of defaults) fromDefaults.push({ field, origin });
    return resolution;
  };
  const whole = isMap(raw) ? { ok: true as const, value: raw } : get('schedule', raw);
  const schedule = whole.ok && isMap(whole.value) ? whole.value : { rate: whole.ok ? whole.value : raw };
  if (schedule.inputTransformer !== undefined || schedule.inputPath !== undefined) {
    warnings.push(`${where}: passes ${schedule.inputTransformer !== undefined ? 'an inputTransformer' : 'an inputPath'}, not a constant event: not migrated`);
    return undefined;
  }
  const expressions: string[] = [];
  for (const rate of asArray(schedule.rate)) {
    const r = get('schedule', rate);
    if (!r.ok || typeof r.value !== 'string') {
      warnings.push(`${where}: rate ${shown(r)} does not resolve to a literal: not migrated`);
      return undefined;
    }
    expressions.push(r.value);
  }
  if (expressions.length === 0) {
    warnings.push(`${where}: has no rate: not migrated`);
    return undefined;
  }
  const timeZone = get('timeZone', schedule.timezone);
  if (!timeZone.ok || (timeZone.value !== undefined && typeof timeZone.value !== 'string')) {
    warnings.push(`${where}: timezone ${shown(timeZone)} does not resolve to a literal: not migrated`);
    return undefined;
  }
  const enabled = get('enabled', schedule.enabled);
  if (!enabled.ok) fromDefaults.push({ field: 'enabled', origin: `an assumption: ${id}.enabled ${enabled.expression} has no value here` });
  const input = readInput(variables, schedule.input, `${id}.input`, functionWarnings);
  const name = variables.resolve(schedule.name);
  const method = variables.resolve(schedule.method);
  return {
    id,
    label: name.ok && typeof name.value === 'string' ? name.value : id.replace(/^events\[(\d+)\]\.schedule$/, 'schedule-$1'),
    expressions,
    // `method: scheduler` creates an EventBridge Scheduler schedule; the default is a rule.
    trigger: method.ok && method.value === 'scheduler' ? ScheduleTrigger.SCHEDULER : ScheduleTrigger.RULE,
    ...optional('timeZone', typeof timeZone.value === 'string' ? timeZone.value : undefined),
    enabled: !(enabled.ok && (enabled.value === false || enabled.value === 'false')),
    ...optional('input', input),
    ...(fromDefaults.length > 0 ? { fromDefaults } : {}),
  };
}

/**
 * `input` is an object (passed as JSON) or a JSON string. An object with only a string `body` has
 * that body parsed, as the framework does.
 * @see https://github.com/serverless/serverless/blob/v3.38.0/lib/plugins/aws/package/compile/events/schedule.js
 */
function readInput(variables: ServerlessVariables, raw: unknown, field: string, warnings: string[]): unknown {
  if (raw === undefined) return undefined;
  const r = variables.resolve(raw);
  if (!r.ok) {
    warnings.push(`${field}: ${r.expression} does not resolve to a literal; the input is not carried over, set ECS_BATCH_EVENT by hand`);
    return undefined;
  }
  if (typeof r.value === 'string') {
    const parsed = parseScheduleInput(r.value, field);
    if ('warning' in parsed) {
      warnings.push(parsed.warning);
      return undefined;
    }
    return parsed.value;
  }
  if (isMap(r.value) && typeof r.value.body === 'string') {
    const body = parseScheduleInput(r.value.body, `${field}.body`);
    if ('warning' in body) {
      warnings.push(body.warning);
      return undefined;
    }
    return { ...r.value, body: body.value };
  }
  return r.value;
}

function readFunction(
  variables: ServerlessVariables, file: string, relative: (file: string) => string, key: string, fn: PlainMap, provider: PlainMap,
  resources: unknown, warnings: string[],
): Omit<FoundFunction, 'schedules'> {
  const defaults = SERVERLESS_DEFAULTS;
  const fromDefaults: DefaultedValue[] = [];
  const fields: { [name: string]: string } = { handler: 'handler', runtime: 'runtime', memorySize: 'memoryMb', timeout: 'timeoutSeconds' };
  /** The function's own setting, else the provider's. */
  const setting = (name: string) => (fn[name] !== undefined ? { field: name, raw: fn[name] } : { field: `provider.${name}`, raw: provider[name] });
  const text = (name: string, consequence: string): string | undefined => {
    const { field, raw } = setting(name);
    if (raw === undefined) return undefined;
    const { resolution: r, defaults: used } = variables.track(raw);
    if (r.ok && (typeof r.value === 'string' || typeof r.value === 'number')) {
      for (const origin of used) fromDefaults.push({ field: fields[name] ?? name, origin });
      return String(r.value);
    }
    warnings.push(`${field}: ${shown(r)} does not resolve to a literal (a literal, \${self:...}, \${file(...)}, or a variable with a literal fallback); ${consequence}`);
    return undefined;
  };
  const number = (name: string, fallback: string): number | undefined => {
    const value = text(name, `using ${fallback}`);
    if (value === undefined) return undefined;
    if (/^\d+$/.test(value)) return Number(value);
    warnings.push(`${setting(name).field}: ${value} is not a whole number; using ${fallback}`);
    return undefined;
  };
  const handler = fn.handler !== undefined ? text('handler', 'set the handler by hand') : undefined;
  const image = fn.image !== undefined ? imageName(variables, fn.image) : undefined;
  const runtime = image === undefined ? text('runtime', 'set the runtime by hand') : undefined;
  if (image === undefined && runtime === undefined && fn.runtime === undefined && provider.runtime === undefined) {
    warnings.push('runtime: not set, so the framework version decides it; check it before you port the handler');
  }
  if (isMap(fn.image) && fn.image.command !== undefined) {
    const r = variables.resolve(fn.image.command);
    warnings.push(`image.command: ${r.ok ? JSON.stringify(r.value) : r.expression} is the image's command for this function: set it as the job's command, or jobs sharing the image lose the difference`);
  }
  const reserved = variables.resolve(fn.reservedConcurrency);
  const artifact = asMap(fn.package).artifact ?? asMap(provider.package).artifact;
  return {
    source: 'serverless',
    file,
    id: `functions.${key}`,
    name: key,
    ...optional('handler', handler),
    ...optional('runtime', runtime),
    ...optional('memoryMb', number('memorySize', `${defaults.memoryMb} MB, ${defaults.origin}`)),
    ...optional('timeoutSeconds', number('timeout', `${defaults.timeoutSeconds} s, ${defaults.origin}`)),
    defaults,
    environment: environment(variables, provider.environment, fn.environment, warnings, fromDefaults),
    ...optional('vpc', vpc(variables, fn.vpc ?? provider.vpc)),
    layerCount: asArray(fn.layers ?? provider.layers).length,
    ...optional('image', image),
    ...optional('reservedConcurrency', reserved.ok && typeof reserved.value === 'number' ? reserved.value : undefined),
    ...(image !== undefined
      ? { codeRootMissing: 'it is a container image' }
      : artifact !== undefined
        ? { codeRootMissing: 'it deploys a prebuilt package.artifact' }
        : { codeRoot: dirname(file) }),
    warnings,
    ...serverlessPermissions(variables, relative, file, key, fn, provider, resources, warnings),
    ...(fromDefaults.length > 0 ? { fromDefaults } : {}),
  };
}

/**
 * The function's permissions: its own role (`role:` naming a role of `resources.Resources`), or
 * the provider's statements and managed policies (`provider.iam.role.statements`,
 * `provider.iam.role.managedPolicies`, the older `provider.iamRoleStatements` and
 * `provider.iamManagedPolicies`), plus the serverless-iam-roles-per-function plugin's
 * `iamRoleStatements` on the function.
 * @see https://www.serverless.com/framework/docs/providers/aws/guide/iam
 * @see https://github.com/functionalone/serverless-iam-roles-per-function
 */
function serverlessPermissions(
  variables: ServerlessVariables, relative: (file: string) => string, file: string, key: string, fn: PlainMap, provider: PlainMap,
  resources: unknown, warnings: string[],
) {
  const collector = new PermissionCollector(warnings);
  const at = (field: string) => `${relative(file)}: ${field}`;
  const statements = (raw: unknown, field: string) => {
    if (raw === undefined) return;
    const r = variables.resolve(raw);
    if (!r.ok || !Array.isArray(r.value)) {
      // Resolve statement by statement, so one unresolved reference does not hide the others.
      asArray(raw).forEach((s, i) => {
        const one = variables.resolve(s);
        if (one.ok) collector.addStatement(one.value, at(`${field}[${i}]`));
        else warnings.push(`${at(`${field}[${i}]`)}: ${one.expression} does not resolve to a literal; not carried over, grant it by hand`);
      });
      if (!Array.isArray(raw)) warnings.push(`${at(field)}: ${shown(r)} is not a list of statements; not carried over, grant them by hand`);
      return;
    }
    r.value.forEach((s, i) => collector.addStatement(s, at(`${field}[${i}]`)));
  };
  const managed = (raw: unknown, field: string) => {
    asArray(raw).forEach((m, i) => {
      const r = variables.resolve(m);
      if (r.ok && typeof r.value === 'string') collector.addManagedPolicy(r.value, at(`${field}[${i}]`));
      else warnings.push(`${at(`${field}[${i}]`)}: ${shown(r)} does not resolve to a managed policy ARN; not carried over, attach it by hand`);
    });
  };
  const role = asMap(asMap(provider.iam).role);
  if (fn.role !== undefined) {
    const name = typeof fn.role === 'string' ? fn.role : undefined;
    const roleResource = name === undefined ? undefined : asMap(asMap(resources).Resources)[name];
    if (roleResource === undefined || asMap(roleResource).Type !== 'AWS::IAM::Role') {
      warnings.push(`${at(`functions.${key}.role`)}: ${JSON.stringify(fn.role)} is not a role of resources.Resources; its permissions are not carried over, grant them by hand`);
    } else {
      const props = asMap(asMap(roleResource).Properties);
      asArray(props.Policies).forEach((p, i) => {
        const doc = variables.resolve(asMap(p).PolicyDocument);
        const where = at(`resources.Resources.${name}.Policies[${i}]`);
        if (doc.ok) collector.addDocument(doc.value, where);
        else warnings.push(`${where}: ${doc.expression} does not resolve to a literal; not carried over, grant it by hand`);
      });
      managed(props.ManagedPolicyArns, `resources.Resources.${name}.ManagedPolicyArns`);
    }
  } else {
    statements(role.statements, 'provider.iam.role.statements');
    statements(provider.iamRoleStatements, 'provider.iamRoleStatements');
    managed(role.managedPolicies, 'provider.iam.role.managedPolicies');
    managed(provider.iamManagedPolicies, 'provider.iamManagedPolicies');
    if (typeof asMap(provider.iam).role === 'string') {
      warnings.push(`${at('provider.iam.role')}: ${String(asMap(provider.iam).role)} is a role made elsewhere; its permissions are not carried over, grant them by hand`);
    }
  }
  statements(fn.iamRoleStatements, `functions.${key}.iamRoleStatements`);
  const found = collector.finish();
  return {
    ...(found.permissions.length > 0 ? { permissions: found.permissions } : {}),
    ...(found.managedPolicyArns.length > 0 ? { managedPolicyArns: found.managedPolicyArns } : {}),
  };
}

/** Provider variables, then the function's (which win for the same name). */
function environment(
  variables: ServerlessVariables, providerEnv: unknown, functionEnv: unknown, warnings: string[], fromDefaults: DefaultedValue[],
): FoundVariable[] {
  const merged = new Map<string, unknown>();
  for (const [field, env] of [['provider.environment', providerEnv], ['environment', functionEnv]] as const) {
    if (env === undefined) continue;
    const whole = isMap(env) ? { ok: true as const, value: env } : variables.resolve(env);
    if (!whole.ok || !isMap(whole.value)) {
      warnings.push(`${field}: ${shown(whole)} does not resolve to a literal map; copy the variables by hand`);
      continue;
    }
    for (const [name, value] of Object.entries(whole.value)) merged.set(name, value);
  }
  return [...merged.entries()].map(([name, value]): FoundVariable => {
    const { resolution: r, defaults } = variables.track(value);
    // `${ssm:/name}` (and a literal dynamic reference) is a secret: `ssmParameters`, never a plain value.
    const raw = typeof value === 'string' ? value.trim() : undefined;
    const secretRef = (raw !== undefined ? secretReference(raw) : undefined) ?? (r.ok && typeof r.value === 'string' ? secretReference(r.value) : undefined);
    if (secretRef) return { name, expression: raw ?? String(value), secretRef };
    if (!(r.ok && ['string', 'number', 'boolean'].includes(typeof r.value))) return { name, expression: shownValue(r, value) };
    for (const origin of defaults) fromDefaults.push({ field: `environment.${name}`, origin });
    return { name, value: String(r.value) };
  });
}

/** A CloudFormation intrinsic in the environment (`Ref: Table`) is shown as JSON. */
function shownValue(r: Resolution, raw: unknown): string {
  return r.ok ? JSON.stringify(raw) : r.expression;
}

function vpc(variables: ServerlessVariables, raw: unknown): FoundVpc | undefined {
  const config = isMap(raw) ? { ok: true as const, value: raw } : variables.resolve(raw);
  if (!config.ok) return { subnetIds: [config.expression], securityGroupIds: [] };
  if (!isMap(config.value)) return undefined;
  const ids = (list: unknown): string[] => {
    const whole = variables.resolve(list);
    if (whole.ok) return asArray(whole.value).map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
    return asArray(list).map((item) => {
      const r = variables.resolve(item);
      return r.ok ? String(r.value) : r.expression;
    });
  };
  return { subnetIds: ids(config.value.subnetIds), securityGroupIds: ids(config.value.securityGroupIds) };
}

/** `image` is a URI, a name from `provider.ecr.images`, or `{ name, command }`. */
function imageName(variables: ServerlessVariables, raw: unknown): string {
  const r = variables.resolve(isMap(raw) ? raw.name ?? raw.uri : raw);
  return r.ok ? String(r.value) : r.expression;
}
