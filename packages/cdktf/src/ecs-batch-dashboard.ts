import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { AwsLimits, EventsLogGroupPolicy, JobDashboard, RunnerMetrics } from '@ecs-batch/core';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { EcsBatchJob } from './ecs-batch-job';
import { JobSchedule } from './job-schedule';
import { BatchJobDefaults } from './private/batch-job-settings';
import { PropCheck } from './private/prop-check';

/**
 * One job on an `EcsBatchDashboard`.
 */
export interface EcsBatchDashboardJob {
  /** The job name: its task definition family, the `Job` dimension of its metrics. */
  readonly name: string;

  /**
   * The job's timeout in seconds, drawn as a line on the duration graph.
   * @default 3600 (EcsBatchJob's default)
   */
  readonly timeoutSeconds?: number;

  /**
   * The job's schedules: the missed-run widget expects the runs they fire per day
   * (disabled ones do not count).
   * @default - none: no missed-run estimate, unless `expectedRunsPerDay` is set
   */
  readonly schedules?: JobSchedule[];

  /**
   * The runs the job should have per day; wins over `schedules`.
   * @default - counted from `schedules` by core (`JobDashboard.expectedRunsPerDay`)
   */
  readonly expectedRunsPerDay?: number;
}

/**
 * Props of `EcsBatchDashboard`.
 */
export interface EcsBatchDashboardProps {
  /**
   * The dashboard name (1-52 letters, digits, `-`, `_`). It also names the events
   * log group `/aws/events/ecs-batch/<name>`, the rule `<name>-task-events` and the
   * log resource policy.
   */
  readonly name: string;

  /** The jobs, each drawn once, in this order (at most 100). */
  readonly jobs: EcsBatchDashboardJob[];

  /** The ECS cluster the jobs run on: its stopped-task events feed the exit-code widget. */
  readonly clusterArn: string;

  /**
   * CloudWatch namespace of the runner's metrics (the jobs' `metricNamespace`).
   * @default 'EcsBatch'
   */
  readonly metricNamespace?: string;

  /**
   * Days the events log group keeps the task-state-change events (a CloudWatch Logs retention value).
   * @default 30
   */
  readonly eventsLogRetentionDays?: number;

  /**
   * Tags for the log group and the rule (dashboards take no tags).
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * One CloudWatch dashboard for a set of jobs, drawn by core's `JobDashboard.body`: per
 * job, runs succeeded and failed, duration p50/p95/max against the timeout, stopped
 * tasks with exit codes and failures to start, the last successful run, and missed
 * runs per day (an approximation; the widget says why).
 *
 * The exit codes come from ECS task-state-change events: an EventBridge rule sends
 * the jobs' stopped tasks on the cluster to a log group, which a resource policy
 * (`EventsLogGroupPolicy` in core) opens to that rule only.
 *
 * Resources (names as in `templates/terraform/modules/ecs-batch-dashboard`):
 * `dashboard`, `task_events` (log group), `task_events_rule`, `task_events_target`,
 * `task_events_policy`.
 */
export class EcsBatchDashboard extends Construct {
  /**
   * The dashboard entry of an `EcsBatchJob`: its name, timeout and schedules.
   */
  public static jobOf(job: EcsBatchJob): EcsBatchDashboardJob {
    return { name: job.family, timeoutSeconds: job.timeoutSeconds, schedules: job.schedules };
  }

  /** The runs the enabled schedules fire per day, from core. */
  private static runsPerDay(schedules: JobSchedule[]): number {
    const total = schedules
      .filter((s) => s.enabled !== false)
      .reduce((sum, s) => sum + JobDashboard.expectedRunsPerDay(s.schedule.expressionString, s.timeZone ?? 'UTC'), 0);
    return Math.round(total * 100) / 100;
  }

  /** The dashboard name. */
  public readonly dashboardName: string;
  /** The dashboard's console URL (a Terraform output in team repos: `dashboard_url`). */
  public readonly dashboardUrl: string;
  /** The log group the jobs' stopped-task events go to. */
  public readonly eventsLogGroupName: string;
  /** The rule that routes them. */
  public readonly eventsRuleArn: string;

  constructor(scope: Construct, id: string, props: EcsBatchDashboardProps) {
    super(scope, id);
    const name = PropCheck.isToken(props.name) ? props.name : JobDashboard.validateName(props.name, 'name');
    const retention = AwsLimits.validateLogRetentionDays(props.eventsLogRetentionDays ?? BatchJobDefaults.LOG_RETENTION_DAYS, 'eventsLogRetentionDays');
    const namespace = RunnerMetrics.validateNamespace(props.metricNamespace ?? RunnerMetrics.DEFAULT_NAMESPACE, 'metricNamespace');
    const jobs = props.jobs.map((job, i) => {
      const timeoutSeconds = job.timeoutSeconds ?? BatchJobDefaults.TIMEOUT_SECONDS;
      PropCheck.integerInRange(timeoutSeconds, 1, Number.MAX_SAFE_INTEGER, `jobs[${i}].timeoutSeconds`);
      const expectedRunsPerDay = job.expectedRunsPerDay
        ?? (job.schedules === undefined || job.schedules.length === 0 ? undefined : EcsBatchDashboard.runsPerDay(job.schedules));
      return { jobName: job.name, timeoutSeconds, expectedRunsPerDay };
    });
    const tags = Object.keys(props.tags ?? {}).length > 0 ? props.tags : undefined;
    const region = new DataAwsRegion(this, 'region');
    const partition = new DataAwsPartition(this, 'partition');
    const eventsLogGroupName = JobDashboard.eventsLogGroupName(name);

    // Checks the jobs (each once, valid names and timeouts) before any resource is created.
    // Core names each job's name as this construct's prop does: `jobs[i].name`.
    const body = JobDashboard.body({ jobs, region: region.region, eventsLogGroupName, namespace, jobNameField: 'name' });

    const logs = new CloudwatchLogGroup(this, 'task_events', { name: eventsLogGroupName, retentionInDays: retention, tags });
    const rule = new CloudwatchEventRule(this, 'task_events_rule', {
      name: JobDashboard.eventsRuleName(name),
      description: `Stopped tasks of the jobs on dashboard ${name}`,
      eventPattern: JSON.stringify(JobDashboard.taskEventsPattern(props.clusterArn, jobs.map((j) => j.jobName))),
      tags,
    });
    new CloudwatchLogResourcePolicy(this, 'task_events_policy', {
      policyName: JobDashboard.eventsRuleName(name),
      policyDocument: JSON.stringify(EventsLogGroupPolicy.document({ logGroupArn: logs.arn, ruleArn: rule.arn })),
    });
    new CloudwatchEventTarget(this, 'task_events_target', { rule: rule.name, arn: logs.arn });
    const dashboard = new CloudwatchDashboard(this, 'dashboard', { dashboardName: name, dashboardBody: body });

    this.dashboardName = dashboard.dashboardName;
    this.eventsLogGroupName = logs.name;
    this.eventsRuleArn = rule.arn;
    const consoleHost = Fn.lookup(JobDashboard.CONSOLE_HOSTS, partition.partition, JobDashboard.CONSOLE_HOSTS.aws);
    this.dashboardUrl = JobDashboard.url(consoleHost, region.region, dashboard.dashboardName);
  }
}
