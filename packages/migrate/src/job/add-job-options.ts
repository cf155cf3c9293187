import { RunnerEnvironment } from '@ecs-batch/core';
import { MigrationJob, MigrationReport } from '../migration-report';
import { JobNames } from './job-name';

/**
 * The options of `EcsBatchProject.addJob` (ecs-batch-template) for one migrated schedule: what
 * `--projenrc` prints and what the template's `--migrate-from` passes.
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
  /** The Lambda timeout, rounded up to whole minutes. */
  readonly timeoutMinutes: number;
  /**
   * The literal, non-secret variables, plus `ECS_BATCH_EVENT` (the runner's event) when the schedule
   * passed a constant input. Absent when empty.
   */
  readonly environment?: { [name: string]: string };
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
      timeoutMinutes: Math.max(1, Math.ceil(job.timeoutSeconds / 60)),
      ...environment(job),
    })),
  }));
}

function environment(job: MigrationJob): { environment?: { [name: string]: string } } {
  const env: { [name: string]: string } = {};
  for (const variable of job.environment) {
    if (variable.value !== null && !variable.secret) env[variable.name] = variable.value;
  }
  if (job.input !== undefined) env[RunnerEnvironment.EVENT] = JSON.stringify(job.input);
  return Object.keys(env).length > 0 ? { environment: env } : {};
}
