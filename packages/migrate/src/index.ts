export * from './analyze';
export * from './migration-report';
export * from './migration-error';
export { MigratedJobOptions, JobOptionsForJob, toAddJobOptions } from './job/add-job-options';
export { looksSecret } from './job/environment-variables';
export { renderTable } from './cli/report-table';
export { renderProjenrc } from './cli/projenrc-calls';
export { CostOptions, DEFAULT_COST_REGION, withCosts } from './cost/job-cost';
