import { ValidationError } from '../errors';
import { JobTaskDefinition } from '../job';
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
   * @throws ValidationError naming `jobs` (empty, or a name twice) or `jobs[i].timeoutSeconds`
   */
  public static body(props: JobDashboardProps): string {
    if (props.jobs.length === 0) throw new ValidationError('jobs', 'is empty (at least one job)');
    const seen = new Set<string>();
    props.jobs.forEach((job, i) => {
      if (seen.has(job.jobName)) throw new ValidationError(`jobs[${i}].jobName`, `'${job.jobName}' is on the dashboard already (each job once)`);
      seen.add(job.jobName);
      if (!Number.isInteger(job.timeoutSeconds) || job.timeoutSeconds < 1) {
        throw new ValidationError(`jobs[${i}].timeoutSeconds`, `${job.timeoutSeconds} is not a timeout (a positive integer of seconds)`);
      }
    });
    const namespace = props.namespace ?? RunnerMetrics.DEFAULT_NAMESPACE;
    const widgets = props.jobs.flatMap((job, i) => JobDashboard.row(job, i * JobDashboard.ROW_HEIGHT, namespace, props));
    return JSON.stringify({ widgets });
  }

  private static row(job: DashboardJob, y: number, namespace: string, props: JobDashboardProps): any[] {
    const metric = (name: string, extra: object = {}) => [namespace, name, RunnerMetrics.JOB_DIMENSION, job.jobName, extra];
    const h = JobDashboard.ROW_HEIGHT;
    const logGroup = job.logGroupName ?? JobTaskDefinition.logGroupName(job.jobName);
    const perDay = job.schedule === undefined ? undefined : JobDashboard.expectedRunsPerDay(job.schedule, job.timeZone ?? 'UTC');
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
            + ` | filter detail.lastStatus = "STOPPED" and detail.group = "family:${esc(job.jobName)}" | sort @timestamp desc | limit 20`,
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
              [{ expression: `${perDay} - FILL(s${y}, 0) - FILL(f${y}, 0)`, label: 'missed (approx.; below 0: extra runs)', id: `missed${y}` }],
              [namespace, RunnerMetrics.JOB_SUCCEEDED, RunnerMetrics.JOB_DIMENSION, job.jobName, { id: `s${y}`, visible: false }],
              [namespace, RunnerMetrics.JOB_FAILED, RunnerMetrics.JOB_DIMENSION, job.jobName, { id: `f${y}`, visible: false }],
            ],
          },
        },
    ];
  }

  private constructor() {}
}
