/**
 * The job both sides of the synth benchmark build N times: the job a
 * generated repo's `infra/main.ts` writes by default (Scheduler in Asia/Tokyo,
 * failure alerts to a created topic with one email, a missed-run alarm), with
 * literal ARNs so that nothing needs a Terraform variable.
 *
 * Plain values only: the raw side must not load @ecs-batch/core.
 */
export const ACCOUNT = '123456789012';
export const REGION = 'ap-northeast-1';
export const CLUSTER_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/batch`;
export const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/payments/jobs:1.0.0`;
export const ECR_REPOSITORY_ARN = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/payments/jobs`;
export const SUBNET_IDS = ['subnet-0a1b2c3d'];
export const SECURITY_GROUP_IDS = ['sg-0a1b2c3d'];
export const CRON = 'cron(0 2 * * ? *)';
export const TIME_ZONE = 'Asia/Tokyo';
export const ALERT_EMAIL = 'team@example.com';
/** What the template computes for a daily schedule: a day and an hour. */
export const MISSED_RUN_HOURS = 25;
/** The one schedule of each job, as the template names it. */
export const SCHEDULE = 'run';
export const TIMEOUT_SECONDS = 3600;

/** Job i's name, also its construct id: `job-0`, `job-1`, … */
export function jobName(i: number): string {
  return `job-${i}`;
}

/**
 * The second comparison: schedules alone, as the original article writes them
 * (an EventBridge rule in UTC starting a FARGATE task with a public IP), with
 * literal ARNs for the task definition and its roles.
 */
export const RULE_CRON = 'cron(0 17 * * ? *)';
export const EXECUTION_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/batch-execution`;
export const TASK_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/batch-task`;

/** Task i's name, also its construct id: `task-0`, `task-1`, … */
export function taskName(i: number): string {
  return `task-${i}`;
}

/** The revisionless ARN of task i's task definition family. */
export function taskFamilyArn(i: number): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${taskName(i)}`;
}
