import { FailureAlert } from '../alarm/failure-alert';
import { ValidationError } from '../errors';
import { JobName, JobTaskDefinition } from '../job';
import { RunnerMetrics } from '../runner-contract';
import { Schedule } from '../schedule';

/** One job on the dashboard. */
export interface DashboardJob {
  /** The job name: the `Job` dimension of the runner's metrics (the task definition family). */
  readonly jobName: string;
  /** The job's timeout in seconds; drawn as a line on the duration graph. */
  readonly timeoutSeconds: number;
  /** The schedule expression (`cron(...)`, `rate(...)`), for the expected runs per day. @default - no missed-run estimate */
  readonly schedule?: string;
  /** The IANA time zone the schedule is read in. @default 'UTC' */
  readonly timeZone?: string;
  /**
   * The runs the job's schedules fire per day, when known already (e.g. the sum over
   * several schedules, from `expectedRunsPerDay`); it wins over `schedule`.
   * @default - from `schedule`; without either, no missed-run estimate
   */
  readonly expectedRunsPerDay?: number;
  /** The job's log group. @default JobTaskDefinition.logGroupName(jobName) */
  readonly logGroupName?: string;
}

/** What the dashboard draws. */
export interface JobDashboardProps {
  /** The jobs, each drawn once (names must be unique). */
  readonly jobs: DashboardJob[];
  /** The region of the metrics and log groups. */
  readonly region: string;
  /** The log group the ECS task-state-change events are routed to (EventBridge rule to CloudWatch Logs). */
  readonly eventsLogGroupName: string;
  /** The runner's CloudWatch namespace. @default RunnerMetrics.DEFAULT_NAMESPACE */
  readonly namespace?: string;
  /**
   * The caller's name for a job's name, so errors say `jobs[i].<jobNameField>`
   * (a construct's `name`, a module's `name`).
   * @default 'jobName'
   */
  readonly jobNameField?: string;
}

/**
 * The CloudWatch dashboard body (JSON) for a set of jobs: per job, a row with runs
 * succeeded and failed, duration p50/p95/max against the timeout, exit codes and
 * failures to start (Logs Insights over the ECS task-state-change events), the last
 * successful run, and missed runs.
 *
 * Missed runs are an approximation, and the widget says so: a dashboard cannot join
 * fire times with runs, so it draws, per day, the runs the schedule expects (from core's
 * `Schedule`, counted over one reference week) minus the runs that reported
 * `JobSucceeded` or `JobFailed`. A run that started late, or a day of a DST change,
 * can shift it by one.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html
 */
export class JobDashboard {
  /** Width of the dashboard grid. */
  public static readonly GRID_WIDTH = 24;
  /** Height of one job's row. */
  public static readonly ROW_HEIGHT = 6;
  /** The period of the run-count graphs, in seconds. */
  public static readonly COUNT_PERIOD_SECONDS = 3600;
  /** The period of the missed-run estimate: one day. */
  public static readonly MISSED_PERIOD_SECONDS = 86_400;
  /** Widgets drawn per job. */
  public static readonly WIDGETS_PER_JOB = 5;
  /** CloudWatch's limit of widgets on one dashboard. */
  public static readonly MAX_WIDGETS = 500;
  /** The most jobs one dashboard can draw (`MAX_WIDGETS / WIDGETS_PER_JOB`). */
  public static readonly MAX_JOBS = 100;
  /**
   * The longest dashboard name: CloudWatch takes 255
   * ([PutDashboard](https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html)),
   * but the name also makes the EventBridge rule `<name>-task-events`, and rule names end at 64
   * ([PutRule](https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html)).
   */
  public static readonly NAME_MAX_LENGTH = 52;
  /** A dashboard name as a regular expression source: letters, digits, `-` and `_`, at most 52. */
  public static readonly NAME_PATTERN: string = `^[A-Za-z0-9_-]{1,${JobDashboard.NAME_MAX_LENGTH}}$`;
  /** The suffix of the rule (and log resource policy) of a dashboard's task events. */
  public static readonly EVENTS_RULE_SUFFIX = '-task-events';
  /**
   * The prefix of the log group the task-state-change events go to. EventBridge writes to a
   * log group under `/aws/events/` without further set-up in the console; with the explicit
   * resource policy (`EventsLogGroupPolicy`) any group works, but the prefix keeps the
   * groups where people look for them.
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-cloudwatchlogs-permissions
   */
  public static readonly EVENTS_LOG_GROUP_PREFIX = '/aws/events/ecs-batch/';
  /**
   * The CloudWatch console host of each AWS partition, for `url`.
   */
  public static readonly CONSOLE_HOSTS: { [partition: string]: string } = {
    'aws': 'console.aws.amazon.com',
    'aws-cn': 'console.amazonaws.cn',
    'aws-us-gov': 'console.amazonaws-us-gov.com',
  };

  /**
   * Checks a dashboard name.
   * @throws ValidationError naming `field`
   */
  public static validateName(name: string, field: string = 'name'): string {
    if (!new RegExp(JobDashboard.NAME_PATTERN).test(name)) {
      throw new ValidationError(field, `'${name}' is not a dashboard name (1-${JobDashboard.NAME_MAX_LENGTH} letters, digits, '-' and '_')`);
    }
    return name;
  }

  /** The log group a dashboard's task-state-change events are routed to: `/aws/events/ecs-batch/<dashboard>`. */
  public static eventsLogGroupName(dashboardName: string): string {
    return `${JobDashboard.EVENTS_LOG_GROUP_PREFIX}${dashboardName}`;
  }

  /** The EventBridge rule (and CloudWatch Logs resource policy) of a dashboard's task events: `<dashboard>-task-events`. */
  public static eventsRuleName(dashboardName: string): string {
    return `${dashboardName}${JobDashboard.EVENTS_RULE_SUFFIX}`;
  }

  /** The ECS task group of a job's runs: RunTask's default, `family:<family>`. */
  public static taskGroup(jobName: string): string {
    return FailureAlert.taskGroup(jobName);
  }

  /**
   * The EventBridge pattern of the events the dashboard's Logs Insights widget reads: the
   * jobs' tasks that stopped on the cluster (exit codes, `TaskFailedToStart`). The widget
   * filters on the same `group`.
   * @param clusterArn the jobs' cluster (may be a token)
   * @param jobNames the jobs (task definition families)
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html
   */
  public static taskEventsPattern(clusterArn: string, jobNames: string[]): any {
    return {
      'source': [FailureAlert.SOURCE],
      'detail-type': [FailureAlert.DETAIL_TYPE],
      'detail': {
        clusterArn: [clusterArn],
        lastStatus: [FailureAlert.STOPPED],
        group: jobNames.map((name) => JobDashboard.taskGroup(name)),
      },
    };
  }

  /**
   * The console URL of a dashboard.
   * @param consoleHost the partition's console host (`CONSOLE_HOSTS`; may be a token)
   * @param region the dashboard's region (may be a token)
   * @param dashboardName the dashboard (may be a token)
   */
  public static url(consoleHost: string, region: string, dashboardName: string): string {
    return `https://${region}.${consoleHost}/cloudwatch/home?region=${region}#dashboards/dashboard/${dashboardName}`;
  }

  /**
   * Expected fires per day of a schedule, averaged over the week from 2026-01-05
   * (a Monday, away from DST changes). `rate()` has no anchor but the same count.
   */
  public static expectedRunsPerDay(schedule: string, timeZone: string = 'UTC'): number {
    const from = new Date('2026-01-05T00:00:00Z');
    const until = from.getTime() + 7 * 86_400_000;
    const parsed = Schedule.expression(schedule);
    let count = 0;
    // Fire times strictly after `next`: start just before the week.
    let next = new Date(from.getTime() - 1000);
    // At most one fire a minute: 10,080 a week, read in pages of Schedule.MAX_FIRE_TIMES.
    for (;;) {
      const fires = parsed.nextFireTimes({ from: next, timeZone, count: Schedule.MAX_FIRE_TIMES }).filter((t) => t.getTime() < until);
      count += fires.length;
      if (fires.length < Schedule.MAX_FIRE_TIMES) break;
      next = new Date(fires[fires.length - 1].getTime() + 1000);
    }
    return Math.round((count / 7) * 100) / 100;
  }

  /**
   * @returns the dashboard body as a JSON string
   * @throws ValidationError naming `jobs` (empty, too many), `jobs[i].<jobNameField>` (not a family, or twice) or `jobs[i].timeoutSeconds`
   */
  public static body(props: JobDashboardProps): string {
    if (props.jobs.length === 0) throw new ValidationError('jobs', 'is empty (at least one job)');
    if (props.jobs.length > JobDashboard.MAX_JOBS) {
      throw new ValidationError('jobs', `has ${props.jobs.length} jobs (at most ${JobDashboard.MAX_JOBS}: ${JobDashboard.WIDGETS_PER_JOB} widgets each, ${JobDashboard.MAX_WIDGETS} per dashboard)`);
    }
    const jobNameField = props.jobNameField ?? 'jobName';
    const seen = new Set<string>();
    props.jobs.forEach((job, i) => {
      if (!new RegExp(JobName.FAMILY_PATTERN).test(job.jobName)) {
        throw new ValidationError(`jobs[${i}].${jobNameField}`, `'${job.jobName}' is not a job (task definition family: 1-${JobName.FAMILY_MAX_LENGTH} letters, digits, '-' and '_')`);
      }
      if (job.expectedRunsPerDay !== undefined && !(job.expectedRunsPerDay >= 0)) {
        throw new ValidationError(`jobs[${i}].expectedRunsPerDay`, `${job.expectedRunsPerDay} is not a number of runs (0 or more)`);
      }
      if (seen.has(job.jobName)) throw new ValidationError(`jobs[${i}].${jobNameField}`, `'${job.jobName}' is on the dashboard already (each job once)`);
      seen.add(job.jobName);
      if (!Number.isInteger(job.timeoutSeconds) || job.timeoutSeconds < 1) {
        throw new ValidationError(`jobs[${i}].timeoutSeconds`, `${job.timeoutSeconds} is not a timeout (a positive integer of seconds)`);
      }
    });
    const namespace = props.namespace ?? RunnerMetrics.DEFAULT_NAMESPACE;
    const widgets = props.jobs.flatMap((job, i) => JobDashboard.row(job, i, { ...props, namespace }));
    return JSON.stringify({ widgets });
  }

  /**
   * The widgets of one job's row (unchecked: `body` checks), for renderers that build
   * the body elsewhere (the HCL module's generated template).
   * @param job the job
   * @param index its row
   * @param props region, events log group and namespace (`jobs` is not read)
   */
  public static row(job: DashboardJob, index: number, props: JobDashboardProps): any[] {
    const y = index * JobDashboard.ROW_HEIGHT;
    const namespace = props.namespace ?? RunnerMetrics.DEFAULT_NAMESPACE;
    const metric = (name: string, extra: object = {}) => [namespace, name, RunnerMetrics.JOB_DIMENSION, job.jobName, extra];
    const h = JobDashboard.ROW_HEIGHT;
    const logGroup = job.logGroupName ?? JobTaskDefinition.logGroupName(job.jobName);
    const perDay = job.expectedRunsPerDay
      ?? (job.schedule === undefined ? undefined : JobDashboard.expectedRunsPerDay(job.schedule, job.timeZone ?? 'UTC'));
    const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    return [
      {
        type: 'metric',
        x: 0,
        y,
        width: 6,
        height: h,
        properties: {
          title: `${job.jobName}: runs`,
          region: props.region,
          view: 'timeSeries',
          stat: 'Sum',
          period: JobDashboard.COUNT_PERIOD_SECONDS,
          metrics: [metric(RunnerMetrics.JOB_SUCCEEDED, { label: 'succeeded' }), metric(RunnerMetrics.JOB_FAILED, { label: 'failed' })],
        },
      },
      {
        type: 'metric',
        x: 6,
        y,
        width: 6,
        height: h,
        properties: {
          title: `${job.jobName}: duration (ms)`,
          region: props.region,
          view: 'timeSeries',
          period: JobDashboard.COUNT_PERIOD_SECONDS,
          metrics: [
            metric(RunnerMetrics.JOB_DURATION_MS, { stat: 'p50', label: 'p50' }),
            metric(RunnerMetrics.JOB_DURATION_MS, { stat: 'p95', label: 'p95' }),
            metric(RunnerMetrics.JOB_DURATION_MS, { stat: 'Maximum', label: 'max' }),
          ],
          annotations: { horizontal: [{ label: 'timeout', value: job.timeoutSeconds * 1000 }] },
        },
      },
      {
        type: 'log',
        x: 12,
        y,
        width: 6,
        height: h,
        properties: {
          title: `${job.jobName}: stopped tasks (exit code, failures to start)`,
          region: props.region,
          view: 'table',
          query: `SOURCE '${props.eventsLogGroupName}' | fields @timestamp, detail.taskArn, detail.stopCode, detail.containers.0.exitCode as exitCode, detail.stoppedReason`
            + ` | filter detail.lastStatus = "STOPPED" and detail.group = "${esc(JobDashboard.taskGroup(job.jobName))}" | sort @timestamp desc | limit 20`,
        },
      },
      {
        type: 'log',
        x: 18,
        y,
        width: 6,
        height: h / 2,
        properties: {
          title: `${job.jobName}: last successful run`,
          region: props.region,
          view: 'table',
          query: `SOURCE '${logGroup}' | filter event = "end" and outcome = "succeeded" and job = "${esc(job.jobName)}"`
            + ' | stats max(@timestamp) as lastSuccess, latest(runId) as runId',
        },
      },
      perDay === undefined
        ? {
          type: 'text',
          x: 18,
          y: y + h / 2,
          width: 6,
          height: h / 2,
          properties: { markdown: `**${job.jobName}: missed runs** — no schedule given, so no estimate.` },
        }
        : {
          type: 'metric',
          x: 18,
          y: y + h / 2,
          width: 6,
          height: h / 2,
          properties: {
            title: `${job.jobName}: missed runs per day (approx.: ${perDay} expected − runs reported)`,
            region: props.region,
            view: 'timeSeries',
            stat: 'Sum',
            period: JobDashboard.MISSED_PERIOD_SECONDS,
            metrics: [
              [{ expression: `${perDay} - FILL(s${y}, 0) - FILL(f${y}, 0)`, label: 'missed ≈ expected − reported (a dashboard cannot match each fire time to a run; below 0: extra runs)', id: `missed${y}` }],
              [namespace, RunnerMetrics.JOB_SUCCEEDED, RunnerMetrics.JOB_DIMENSION, job.jobName, { id: `s${y}`, visible: false }],
              [namespace, RunnerMetrics.JOB_FAILED, RunnerMetrics.JOB_DIMENSION, job.jobName, { id: `f${y}`, visible: false }],
            ],
          },
        },
    ];
  }

  private constructor() {}
}
