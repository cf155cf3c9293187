import { Permission } from '@ecs-batch/core';
import { MigrationJob, MigrationReport } from '../migration-report';
import { JobNames } from './job-name';
import { LAMBDA_MAX_TIMEOUT_SECONDS } from './job-warnings';

/**
 * The options of `EcsBatchProject.addJob` (ecs-batch-template's `EcsBatchJobOptions`) for one
 * migrated schedule: what `--projenrc` prints and what the template's `--migrate-from` passes.
 * `handler` is left to the template's default: the code moves into `src/jobs/<name>/` by hand or
 * by `--migrate-from`.
 */
export interface MigratedJobOptions {
  /** The job name. */
  readonly name: string;
  /** One schedule expression. */
  readonly schedule: string;
  /**
   * The schedule's IANA time zone. `UTC` when the source gives none: EventBridge rules and
   * schedules without a zone run in UTC, and the template's own default zone would shift them.
   */
  readonly timeZone: string;
  /** Fargate CPU units. */
  readonly cpu: number;
  /** Fargate memory, MiB. */
  readonly memory: number;
  /**
   * The Lambda timeout, rounded up to whole minutes. Absent when the Lambda was at its 900 s
   * limit: it was likely cut short there, so the template's own default applies instead.
   */
  readonly timeoutMinutes?: number;
  /** The literal, non-secret variables of the function. Absent when there are none. */
  readonly environment?: { [name: string]: string };
  /** The schedule's constant input, as JSON: the event the handler receives (`ECS_BATCH_EVENT`). Absent when none. */
  readonly input?: string;
  /** `false` when the schedule is disabled in the source; absent (enabled) otherwise. */
  readonly enabled?: boolean;
  /** The container command (a Copilot job's `command`). Absent when none. */
  readonly command?: string[];
  /** The Lambda role's statements, for the task role. Absent when none. */
  readonly permissions?: Permission[];
  /** The Lambda role's managed policies, for the task role. Absent when none. */
  readonly managedPolicyArns?: string[];
  /** Variables read from Secrets Manager: name → secret ARN. Absent when none. */
  readonly secretsManagerSecrets?: { [name: string]: string };
  /** Variables read from SSM Parameter Store: name → parameter ARN or name. Absent when none. */
  readonly ssmParameters?: { [name: string]: string };
}

/** A migrated job and the `addJob` options it becomes: one per schedule expression. */
export interface JobOptionsForJob {
  readonly job: MigrationJob;
  readonly options: MigratedJobOptions[];
}

/**
 * The `addJob` options for every job of a report. A job with several schedule expressions becomes
 * one `addJob` per expression (`name`, then `name-2`...), since a template job has one schedule;
 * names stay unique across the report.
 */
export function toAddJobOptions(report: MigrationReport): JobOptionsForJob[] {
  const names = new JobNames();
  for (const job of report.jobs) names.claim(job.name);
  return report.jobs.map((job) => ({
    job,
    options: job.schedule.map((schedule, i) => ({
      name: i === 0 ? job.name : names.claimNumbered(job.name, i + 1),
      schedule,
      timeZone: job.timeZone ?? 'UTC',
      cpu: job.cpu,
      memory: job.memory,
      ...timeout(job),
      ...environment(job),
      ...(job.input !== undefined ? { input: JSON.stringify(job.input) } : {}),
      ...(job.enabled ? {} : { enabled: false }),
      ...(job.command !== undefined ? { command: job.command } : {}),
      ...(job.permissions !== undefined ? { permissions: job.permissions } : {}),
      ...(job.managedPolicyArns !== undefined ? { managedPolicyArns: job.managedPolicyArns } : {}),
      ...(job.secretsManagerSecrets !== undefined ? { secretsManagerSecrets: job.secretsManagerSecrets } : {}),
      ...(job.ssmParameters !== undefined ? { ssmParameters: job.ssmParameters } : {}),
    })),
  }));
}

/** A Lambda at its 900 s limit was likely cut short: the template's default applies. A Copilot job's own timeout is kept. */
function timeout(job: MigrationJob): { timeoutMinutes?: number } {
  if (job.source !== 'copilot' && job.timeoutSeconds >= LAMBDA_MAX_TIMEOUT_SECONDS) return {};
  return { timeoutMinutes: Math.max(1, Math.ceil(job.timeoutSeconds / 60)) };
}

function environment(job: MigrationJob): { environment?: { [name: string]: string } } {
  const env: { [name: string]: string } = {};
  for (const variable of job.environment) {
    if (variable.value !== null && !variable.secret) env[variable.name] = variable.value;
  }
  return Object.keys(env).length > 0 ? { environment: env } : {};
}
