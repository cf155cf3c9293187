import { MigratedJobOptions, toAddJobOptions } from '../job/add-job-options';
import { MigrationReport } from '../migration-report';

/** The `addJob` options of one job of the report: one entry per schedule expression. */
export interface TemplateJobOptions {
  /** The report job's `name`. */
  readonly job: string;
  /** The options of each `project.addJob` call the job becomes, as `--projenrc` prints them. */
  readonly options: MigratedJobOptions[];
}

/** What `--template-json` prints: the `--json` report, plus the `addJob` options of every job. */
export interface TemplateReport extends MigrationReport {
  /** For each job of `jobs`, in the same order, its `addJob` options. */
  readonly addJob: TemplateJobOptions[];
}

/**
 * The report as ecs-batch-template's `--migrate-from` reads it. The template does not depend on
 * this package (it runs this CLI), so the Lambda-to-`addJob` mapping (`toAddJobOptions`) travels in
 * the output instead of being written twice.
 */
export function templateReport(report: MigrationReport): TemplateReport {
  return {
    ...report,
    addJob: toAddJobOptions(report).map(({ job, options }) => ({ job: job.name, options })),
  };
}
