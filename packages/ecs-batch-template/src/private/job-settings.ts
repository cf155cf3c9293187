import {
  AwsLimits, ExecutionRolePolicy, FargateSize, JobName, ManagedPolicyArn, OverlapPolicies, Permission, RunnerEnvironment, Schedule, ScheduleKind,
  SsmParameterArn, TaskRolePermissions, TimeZone, TriggerKinds,
} from '@ecs-batch/core';
import { fieldError, FieldName } from './field-error';
import { EcsBatchJobOptions } from '../ecs-batch-job-options';

/** What starts a job's task. */
export type TriggerName = 'scheduler' | 'rule';
/** What a run does while the previous run is still going (the runner's `ECS_BATCH_OVERLAP`). */
export type OverlapName = 'allow' | 'skip';

/** Repo-wide values a job falls back to. */
export interface JobDefaults {
  readonly team: string;
  readonly timeZone: string;
  readonly trigger?: TriggerName;
  /** Where SSM parameters given by name live (the account is the deploy's). */
  readonly region?: string;
}

/** A job, validated and with every default filled in: what the generated files are made of. */
export interface JobSettings {
  readonly name: string;
  /** The task definition family, `<team>-<job>`. */
  readonly family: string;
  /** The normalized expression, e.g. `cron(0 2 * * ? *)`. */
  readonly schedule: string;
  /** e.g. "At 02:00 every day, Asia/Tokyo". */
  readonly scheduleDescription: string;
  readonly timeZone: string;
  readonly trigger: TriggerName;
  /** For a rule: the UTC expression it runs on. */
  readonly utcSchedule?: string;
  /** The handler source, relative to the repo: `src/jobs/<job>/handler.ts`. */
  readonly handlerSource: string;
  /** The handler's export, e.g. `handler`. */
  readonly handlerExport: string;
  /** What `ECS_BATCH_HANDLER` names in the image: `lib/jobs/<job>/handler.handler`. */
  readonly handlerSpec: string;
  readonly command?: string[];
  readonly cpu: number;
  readonly memory: number;
  readonly timeoutMinutes: number;
  /** The job's own container environment (the infra adds the runner's `ECS_BATCH_*`). */
  readonly environment: { readonly [name: string]: string };
  /** The event the schedule passes (`ECS_BATCH_EVENT`), as JSON. */
  readonly input?: string;
  /**
   * Hours without a successful run before the missed-run alarm fires: the longest
   * gap between two runs plus one hour. Undefined when no alarm can watch it (a
   * one-time schedule, or gaps longer than CloudWatch's 7-day window).
   */
  readonly missedRunAlarmHours?: number;
  readonly overlap: OverlapName;
  readonly enabled: boolean;
  readonly description?: string;
  /** The task role's statements, checked by core. */
  readonly permissions: Permission[];
  /** Core's warnings about `permissions` (a `*` resource), naming the field. */
  readonly permissionWarnings: string[];
  readonly managedPolicyArns: string[];
  /** Environment variable name to Secrets Manager valueFrom. */
  readonly secretsManagerSecrets: { readonly [name: string]: string };
  /** Environment variable name to SSM parameter ARN or name (the infra expands names). */
  readonly ssmParameters: { readonly [name: string]: string };
  readonly kmsKeyArns: string[];
  readonly ephemeralStorageGiB?: number;
  readonly stopTimeoutSeconds?: number;
  readonly readonlyRootFilesystem: boolean;
}

const HANDLER_PATTERN = /^([A-Za-z0-9_][A-Za-z0-9_/-]*)\.([A-Za-z_$][A-Za-z0-9_$]*)$/;
const DEFAULT_CPU = 256;
/** A generous default: a Lambda stops at 15 minutes, a batch job usually needs more. */
export const DEFAULT_TIMEOUT_MINUTES = 60;

/**
 * Validates one job through @ecs-batch/core and fills in its defaults.
 *
 * @param field names each setting as the user wrote it (a flag or an addJob property)
 */
export function resolveJob(options: EcsBatchJobOptions, defaults: JobDefaults, field: FieldName): JobSettings {
  const name = options.name;
  // Job names become folders, families and schedule names: core's JobName rule.
  JobName.validate(name, field('name'));
  const schedule = Schedule.expression(options.schedule, field('schedule'));
  const timeZone = TimeZone.validate(options.timeZone ?? defaults.timeZone, field('timeZone'));
  const trigger = resolveTrigger(options.trigger ?? defaults.trigger, field('trigger'));
  // A rule runs in UTC: core's one rule check (the construct runs the same one); the error names the trigger.
  const utcSchedule = trigger === 'rule' ? schedule.forRule({ timeZone, scheduleField: field('trigger'), timeZoneField: field('trigger') }).expression : undefined;
  const { cpu, memory } = resolveSize(options.cpu, options.memory, field);
  const timeoutMinutes = options.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES;
  if (!Number.isInteger(timeoutMinutes) || timeoutMinutes < 1) {
    throw fieldError(field('timeoutMinutes'), `${timeoutMinutes} is not a whole number of minutes (1 or more)`);
  }
  const handler = resolveHandler(name, options.handler ?? 'handler.handler', field('handler'));
  const overlap = OverlapPolicies.validate(options.overlap ?? OverlapPolicies.ALLOW, field('overlap')) as OverlapName;
  if (options.input !== undefined) {
    try {
      JSON.parse(options.input);
    } catch (error) {
      throw fieldError(field('input'), `is not JSON (${(error as Error).message})`);
    }
  }
  if (options.command !== undefined && (!Array.isArray(options.command) || options.command.some((c) => typeof c !== 'string'))) {
    throw fieldError(field('command'), 'must be a list of strings (the arguments of ecs-batch-run)');
  }
  const environment = resolveEnvironment(options, field('environment'));
  const family = `${defaults.team}-${name}`;
  if (family.length > JobName.FAMILY_MAX_LENGTH) {
    throw fieldError(field('name'), `'${name}' makes the family '${family}' ${family.length} characters long (team and job name together at most ${JobName.FAMILY_MAX_LENGTH - 1})`);
  }
  const access = resolveAccess(options, defaults, field);
  return {
    ...access,
    name,
    family,
    schedule: schedule.expressionString,
    scheduleDescription: schedule.describe(timeZone),
    timeZone,
    trigger,
    utcSchedule,
    handlerSource: handler.source,
    handlerExport: handler.exportName,
    handlerSpec: handler.spec,
    command: options.command,
    cpu,
    memory,
    timeoutMinutes,
    environment,
    input: options.input,
    missedRunAlarmHours: missedRunAlarmHours(schedule, timeZone),
    overlap,
    enabled: options.enabled ?? true,
    description: options.description,
  };
}

/** What the job may do and read, and its task limits, each checked by core under the field the user wrote. */
function resolveAccess(options: EcsBatchJobOptions, defaults: JobDefaults, field: FieldName) {
  const permissions = options.permissions ?? [];
  const permissionWarnings = TaskRolePermissions.warnings({ permissions, field: field('permissions') });
  const managedPolicyArns = ManagedPolicyArn.checkForJob(options.managedPolicyArns ?? [], field('managedPolicyArns'));
  const secretsManagerSecrets = stringMap(options.secretsManagerSecrets, field('secretsManagerSecrets'));
  const ssmParameters = stringMap(options.ssmParameters, field('ssmParameters'));
  for (const [name, valueFrom] of Object.entries(secretsManagerSecrets)) {
    ExecutionRolePolicy.secretResource(valueFrom, `${field('secretsManagerSecrets')}.${name}`);
    if (name in ssmParameters) {
      throw fieldError(`${field('ssmParameters')}.${name}`, 'is also in secretsManagerSecrets (one source per environment variable)');
    }
  }
  // Names are expanded by the construct or module in the deploying account; here only their shape is checked.
  const where = { partition: 'aws', region: defaults.region ?? 'us-east-1', account: '${account}' };
  for (const [name, value] of Object.entries(ssmParameters)) {
    SsmParameterArn.of({ nameOrArn: value, ...where, field: `${field('ssmParameters')}.${name}` });
  }
  for (const name of [...Object.keys(secretsManagerSecrets), ...Object.keys(ssmParameters)]) {
    if (RunnerEnvironment.isRunnerName(name) || name in (options.environment ?? {})) {
      throw fieldError(`${field(name in secretsManagerSecrets ? 'secretsManagerSecrets' : 'ssmParameters')}.${name}`,
        'is also a plain environment variable or a runner name (one source per environment variable)');
    }
  }
  const kmsKeyArns = ExecutionRolePolicy.checkKmsKeyArns(options.kmsKeyArns ?? [], Object.keys(secretsManagerSecrets).length + Object.keys(ssmParameters).length, field('kmsKeyArns'));
  integerInRange(options.ephemeralStorageGiB, AwsLimits.FARGATE_EPHEMERAL_STORAGE_MIN_GIB, AwsLimits.FARGATE_EPHEMERAL_STORAGE_MAX_GIB, field('ephemeralStorageGiB'));
  integerInRange(options.stopTimeoutSeconds, 1, AwsLimits.FARGATE_STOP_TIMEOUT_MAX_SECONDS, field('stopTimeoutSeconds'));
  return {
    permissions,
    permissionWarnings,
    managedPolicyArns,
    secretsManagerSecrets,
    ssmParameters,
    kmsKeyArns,
    ephemeralStorageGiB: options.ephemeralStorageGiB,
    stopTimeoutSeconds: options.stopTimeoutSeconds,
    readonlyRootFilesystem: options.readonlyRootFilesystem ?? true,
  };
}

function stringMap(value: { [name: string]: string } | undefined, field: string): { [name: string]: string } {
  const map = value ?? {};
  for (const [name, v] of Object.entries(map)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw fieldError(`${field}.${name}`, 'is not an environment variable name (letters, digits and _, not starting with a digit)');
    if (typeof v !== 'string') throw fieldError(`${field}.${name}`, 'must be a string');
  }
  return { ...map };
}

function integerInRange(value: number | undefined, min: number, max: number, field: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw fieldError(field, `${value} is out of range (an integer, ${min}-${max})`);
  }
}

/** `scheduler` or `rule`; unset means the construct's default (scheduler, as a time zone is always set here). */
export function resolveTrigger(value: string | undefined, field: string): TriggerName {
  return TriggerKinds.validate(value ?? TriggerKinds.SCHEDULER, field) as TriggerName;
}

/**
 * The Fargate size. When only one of cpu and memory is given, the other is the
 * smallest that pairs with it, from core's table.
 */
function resolveSize(cpu: number | undefined, memory: number | undefined, field: FieldName): { cpu: number; memory: number } {
  const pairs = FargateSize.validPairs();
  const resolvedCpu = cpu ?? (memory === undefined ? DEFAULT_CPU : pairs.find((p) => p.memory === memory)?.cpu ?? DEFAULT_CPU);
  const resolvedMemory = memory ?? pairs.find((p) => p.cpu === resolvedCpu)?.memory ?? Number.NaN;
  // Named as the user wrote them: --cpu, or addJob(<name>).cpu.
  return FargateSize.validate(resolvedCpu, resolvedMemory, undefined, { cpuField: field('cpu'), memoryField: field('memory') });
}

function resolveHandler(job: string, handler: string, field: string): { source: string; exportName: string; spec: string } {
  const match = HANDLER_PATTERN.exec(handler);
  if (!match || match[1].split('/').includes('..')) {
    throw fieldError(field, `'${handler}' is not <file>.<export> relative to src/jobs/${job}/ (e.g. handler.handler, index.main)`);
  }
  const [, file, exportName] = match;
  return {
    source: `src/jobs/${job}/${file}.ts`,
    exportName,
    // The image runs the compiled code: src/ compiles to lib/.
    spec: `lib/jobs/${job}/${file}.${exportName}`,
  };
}

/**
 * The job's own environment. `ECS_BATCH_*` names are the runner's: the infra sets
 * them from the job's name, handler, timeout, overlap and input (the construct and
 * the HCL module refuse them too).
 */
function resolveEnvironment(options: EcsBatchJobOptions, field: string): { [name: string]: string } {
  const own = options.environment ?? {};
  for (const [key, value] of Object.entries(own)) {
    if (RunnerEnvironment.isRunnerName(key)) {
      throw fieldError(`${field}.${key}`, `${RunnerEnvironment.PREFIX}* names are the runner's (set the job's handler, timeoutMinutes, overlap or input instead)`);
    }
    if (typeof value !== 'string') {
      throw fieldError(`${field}.${key}`, 'must be a string');
    }
  }
  return { ...own };
}

/** A fixed start, so the alarm window (and the generated files) do not depend on the day projen runs. */
const GAP_ANCHOR = new Date('2025-01-01T00:00:00Z');
/** The longest gap between runs (over the next 1000 runs, via core), plus an hour of slack. */
function missedRunAlarmHours(schedule: Schedule, timeZone: string): number | undefined {
  if (schedule.kind === ScheduleKind.AT) return undefined;
  const times = schedule.nextFireTimes({ count: 1000, from: GAP_ANCHOR, timeZone }).map((t) => t.getTime());
  let longest = 0;
  for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i] - times[i - 1]);
  const hours = Math.ceil(longest / 3_600_000) + 1;
  // A CloudWatch alarm evaluates at most 7 days of one-hour periods (core's AwsLimits).
  return hours <= AwsLimits.ALARM_MAX_HOURS ? hours : undefined;
}
