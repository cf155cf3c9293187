import { isAbsolute, relative, sep } from 'path';
import { ExecutionRolePolicy, FargateSize, FargateSizeProps, Schedule, ScheduleTrigger, TimeZone } from '@ecs-batch/core';
import { DefaultedValue, FoundFunction, FoundSchedule } from '../found-function';
import { readJobCode } from '../imports/job-code';
import { MigrationJob } from '../migration-report';
import { toJobVariable } from './environment-variables';
import { findHandlerSource } from './handler-source';
import { JobNames, kebabCase, MAX_JOB_NAME_LENGTH } from './job-name';
import { migrationWarnings } from './job-warnings';

/**
 * Turns what the readers found into jobs: validates each schedule and time zone with
 * `@ecs-batch/core`, applies the source's memory and timeout defaults, sizes the task with
 * `FargateSize.forLambda`, and collects the warnings.
 *
 * A function whose schedules differ in time zone, enabled state or input becomes one job per
 * setting (named `<function>-<trigger>`), since a job has one of each.
 *
 * @param root the analyzed folder (absolute), for relative paths
 * @param names job names handed out so far, shared across sources so names stay unique
 * @returns the jobs, and warnings for schedules that could not be migrated
 */
export function buildJobs(root: string, fn: FoundFunction, names: JobNames): { jobs: MigrationJob[]; warnings: string[] } {
  const sourceFile = toPosix(relative(root, fn.file)) || fn.file;
  const warnings: string[] = [];
  const groups = groupSchedules(fn.schedules);
  const jobs: MigrationJob[] = [];
  for (const group of groups) {
    const where = `${sourceFile}: ${fn.id}`;
    const schedule: string[] = [];
    const scheduleNotes: string[] = [];
    for (const s of group) {
      for (const expression of s.expressions) {
        try {
          const validated = (s.trigger === undefined ? Schedule.expression(expression) : Schedule.forTrigger(expression, s.trigger)).expressionString;
          schedule.push(validated);
          if (s.trigger === ScheduleTrigger.SCHEDULER && !sameRate(expression, validated)) {
            scheduleNotes.push(`${s.id}: ${expression.trim()} is accepted by EventBridge Scheduler, not by rules; written as ${validated}, the form both accept`);
          }
        } catch (e) {
          warnings.push(`${where}: ${s.id}: ${(e as Error).message}: not migrated`);
        }
      }
    }
    if (schedule.length === 0) continue;
    let timeZone: string | undefined;
    if (group[0].timeZone !== undefined) {
      try {
        timeZone = TimeZone.validate(group[0].timeZone, 'timeZone');
      } catch (e) {
        warnings.push(`${where}: ${group[0].id}: ${(e as Error).message}: not migrated`);
        continue;
      }
    }

    const jobWarnings = [...fn.warnings, ...scheduleNotes];
    const memoryMb = fn.memoryMb ?? fn.defaults.memoryMb;
    const timeoutSeconds = fn.timeoutSeconds ?? fn.defaults.timeoutSeconds;
    const size = fn.fargate ? ownSize(fn.fargate, fn, jobWarnings) : fargateSize(memoryMb, fn, jobWarnings);
    const environment = fn.environment.map(toJobVariable);
    jobWarnings.push(...migrationWarnings(fn, timeoutSeconds, environment));
    const code = codePath(root, fn);
    // For an image, the runtime warning already says what to do with the code.
    if ('missing' in code && fn.image === undefined) jobWarnings.push(`handler source not found: ${code.missing}; move the code by hand`);
    const ownCode = 'codePath' in code && fn.codeRoot !== undefined ? readJobCode(root, fn.codeRoot, code.codePath, fn.handler, fn.runtime) : undefined;
    if (ownCode) jobWarnings.push(...ownCode.warnings);

    const base = kebabCase(fn.name);
    const wanted = groups.length > 1 ? `${base}-${kebabCase(group[0].label)}` : base;
    const name = names.claim(wanted);
    if (name !== wanted) {
      jobWarnings.unshift(wanted.length > MAX_JOB_NAME_LENGTH
        ? `name: ${wanted} is longer than ${MAX_JOB_NAME_LENGTH} characters (ecs-batch-template's limit), so the job is ${name}`
        : `name: ${wanted} is another job's, so this one is ${name}`);
    }
    const defaulted = defaultedValues(fn, group);
    for (const d of defaulted) jobWarnings.push(`${d.field}: taken from ${d.origin}; a deploy that sets it differently changes it`);
    jobs.push({
      name,
      sourceFile,
      source: fn.source,
      ...(fn.handler !== undefined ? { handler: fn.handler } : {}),
      ...(fn.runtime !== undefined ? { runtime: fn.runtime } : {}),
      schedule,
      ...(timeZone !== undefined ? { timeZone } : {}),
      enabled: group[0].enabled,
      ...(group[0].input !== undefined ? { input: group[0].input } : {}),
      memoryMb,
      timeoutSeconds,
      cpu: size.cpu,
      memory: size.memory,
      environment,
      ...('codePath' in code ? { codePath: code.codePath } : {}),
      ...(ownCode ? { codeFiles: ownCode.codeFiles, dependencies: ownCode.dependencies } : {}),
      warnings: jobWarnings,
      defaults: [...new Set(defaulted.map((d) => d.field))],
      ...(fn.command !== undefined ? { command: fn.command } : {}),
      ...(fn.permissions !== undefined && fn.permissions.length > 0 ? { permissions: fn.permissions } : {}),
      ...(fn.managedPolicyArns !== undefined && fn.managedPolicyArns.length > 0 ? { managedPolicyArns: fn.managedPolicyArns } : {}),
      ...secretMaps(fn, jobWarnings),
    });
  }
  return { jobs, warnings };
}

/** Variables that read a secret or a parameter, as `secretsManagerSecrets` and `ssmParameters`. */
type SecretMaps = { secretsManagerSecrets?: { [name: string]: string }; ssmParameters?: { [name: string]: string } };

function secretMaps(fn: FoundFunction, warnings: string[]): SecretMaps {
  const secrets: { [name: string]: string } = {};
  const parameters: { [name: string]: string } = {};
  for (const v of fn.environment) {
    if (v.secretRef?.kind === 'secretsManager') {
      try {
        // Core's check of an ECS valueFrom: a secret ARN, optionally with :json-key:version-stage:version-id.
        ExecutionRolePolicy.secretResource(v.secretRef.ref, `secretsManagerSecrets.${v.name}`);
        secrets[v.name] = v.secretRef.ref;
      } catch (e) {
        warnings.push(`environment ${v.name} reads the secret ${v.secretRef.ref}: ${(e as Error).message}; add it to secretsManagerSecrets by its ARN by hand`);
      }
    }
    if (v.secretRef?.kind === 'ssm') parameters[v.name] = v.secretRef.ref;
  }
  return {
    ...(Object.keys(secrets).length > 0 ? { secretsManagerSecrets: secrets } : {}),
    ...(Object.keys(parameters).length > 0 ? { ssmParameters: parameters } : {}),
  };
}

/** True when a rate expression is already in its normalized form (whitespace aside). */
function sameRate(expression: string, normalized: string): boolean {
  return expression.replace(/\s+/g, ' ').replace(/\(\s+|\s+\)/g, (m) => m.trim()).trim() === normalized || !/^\s*rate\(/.test(expression);
}

/** The function's and its schedules' defaulted values, each field once (the first origin wins). */
function defaultedValues(fn: FoundFunction, group: FoundSchedule[]): DefaultedValue[] {
  const seen = new Map<string, DefaultedValue>();
  for (const d of [...(fn.fromDefaults ?? []), ...group.flatMap((s) => s.fromDefaults ?? [])]) {
    if (!seen.has(d.field)) seen.set(d.field, d);
  }
  return [...seen.values()];
}

/** Schedules with the same time zone, enabled state and input, in first-seen order. */
function groupSchedules(schedules: FoundSchedule[]): FoundSchedule[][] {
  const groups = new Map<string, FoundSchedule[]>();
  for (const s of schedules) {
    const key = JSON.stringify([s.timeZone ?? null, s.enabled, s.input === undefined ? null : { input: s.input }]);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
}

/** A size the source sets itself, as core validates it; an invalid pair falls back to the smallest that holds the memory. */
function ownSize(size: { cpu: number; memory: number }, fn: FoundFunction, warnings: string[]): FargateSizeProps {
  try {
    return FargateSize.validate(size.cpu, size.memory, 'cpu/memory');
  } catch (e) {
    warnings.push(`${(e as Error).message}; sized for ${size.memory} MB instead`);
    return fargateSize(size.memory, fn, warnings);
  }
}

/** Core's Fargate size for the Lambda memory; a memory Lambda would reject falls back to the default's size. */
function fargateSize(memoryMb: number, fn: FoundFunction, warnings: string[]): FargateSizeProps {
  try {
    return FargateSize.forLambda(memoryMb);
  } catch (e) {
    warnings.push(`memory: ${(e as Error).message}; sized for ${fn.defaults.memoryMb} MB instead`);
    return FargateSize.forLambda(fn.defaults.memoryMb);
  }
}

function codePath(root: string, fn: FoundFunction): { codePath: string } | { missing: string } {
  if (fn.codeRoot === undefined) return { missing: fn.codeRootMissing ?? 'the source does not say where the code is' };
  return findHandlerSource(root, fn.codeRoot, fn.handler, fn.runtime);
}

function toPosix(path: string): string {
  return isAbsolute(path) ? path : path.split(sep).join('/');
}
