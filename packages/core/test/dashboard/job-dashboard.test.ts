import { JobDashboard, RunnerMetrics } from '../../src';
import { ValidationError } from '../../src/errors';

const PROPS = {
  region: 'eu-west-1',
  eventsLogGroupName: '/ecs-batch/payments/task-events',
  jobs: [
    { jobName: 'payments-nightly', timeoutSeconds: 3600, schedule: 'cron(0 2 * * ? *)', timeZone: 'Asia/Tokyo' },
    { jobName: 'payments-hourly', timeoutSeconds: 900, schedule: 'rate(1 hour)' },
    { jobName: 'payments-manual', timeoutSeconds: 600 },
  ],
};
const RUNNER_METRICS = [RunnerMetrics.JOB_SUCCEEDED, RunnerMetrics.JOB_FAILED, RunnerMetrics.JOB_DURATION_MS, RunnerMetrics.JOB_SKIPPED];

describe('JobDashboard.body', () => {
  const text = JobDashboard.body(PROPS);
  const body = JSON.parse(text);

  test('is valid JSON with widgets on the 24-column grid', () => {
    expect(Array.isArray(body.widgets)).toBe(true);
    for (const w of body.widgets) {
      expect(w.x + w.width).toBeLessThanOrEqual(JobDashboard.GRID_WIDTH);
      expect(['metric', 'log', 'text']).toContain(w.type);
    }
  });

  test('every metric widget names metrics from RunnerMetrics, with the job\'s dimension', () => {
    const metricWidgets = body.widgets.filter((w: any) => w.type === 'metric');
    expect(metricWidgets.length).toBeGreaterThan(0);
    for (const w of metricWidgets) {
      const job = /^([a-z0-9-]+):/.exec(w.properties.title)![1];
      for (const m of w.properties.metrics) {
        if (typeof m[0] === 'object') continue; // a metric-math expression over hidden runner metrics
        const [namespace, name, dimension, value] = m;
        expect(namespace).toBe(RunnerMetrics.DEFAULT_NAMESPACE);
        expect(RUNNER_METRICS).toContain(name);
        expect(dimension).toBe(RunnerMetrics.JOB_DIMENSION);
        expect(value).toBe(job);
      }
    }
  });

  test('each job appears once: one row of widgets per job, no job in another job\'s row', () => {
    for (const job of PROPS.jobs) {
      const titled = body.widgets.filter((w: any) => (w.properties.title ?? w.properties.markdown).includes(`${job.jobName}:`));
      expect(titled).toHaveLength(5);
      expect(new Set(titled.map((w: any) => w.y - (w.y % JobDashboard.ROW_HEIGHT))).size).toBe(1);
    }
    expect(body.widgets).toHaveLength(15);
  });

  test('duration: p50, p95 and max against the timeout as a horizontal line', () => {
    const w = body.widgets.find((x: any) => x.properties.title === 'payments-nightly: duration (ms)');
    expect(w.properties.metrics.map((m: any) => m[4].stat)).toEqual(['p50', 'p95', 'Maximum']);
    expect(w.properties.annotations.horizontal).toEqual([{ label: 'timeout', value: 3_600_000 }]);
  });

  test('exit codes and failures to start: Logs Insights over the task-state-change events of the family', () => {
    const w = body.widgets.find((x: any) => x.properties.title === 'payments-nightly: stopped tasks (exit code, failures to start)');
    expect(w.properties.query).toContain("SOURCE '/ecs-batch/payments/task-events'");
    expect(w.properties.query).toContain('detail.group = "family:payments-nightly"');
    expect(w.properties.query).toContain('detail.stopCode');
  });

  test('missed runs: expected runs per day from the schedule, minus the runs reported', () => {
    expect(JobDashboard.expectedRunsPerDay('cron(0 2 * * ? *)', 'Asia/Tokyo')).toBe(1);
    expect(JobDashboard.expectedRunsPerDay('rate(1 hour)')).toBe(24);
    expect(JobDashboard.expectedRunsPerDay('cron(0 9 ? * MON-FRI *)')).toBe(0.71);
    const w = body.widgets.find((x: any) => String(x.properties.title).startsWith('payments-hourly: missed runs'));
    expect(w.properties.metrics[0][0].expression).toMatch(/^24 - FILL\(s\d+, 0\) - FILL\(f\d+, 0\)$/);
    const manual = body.widgets.find((x: any) => x.type === 'text' && x.properties.markdown.startsWith('**payments-manual: missed runs**'));
    expect(manual).toBeDefined();
  });

  test('a job twice, no job, a bad timeout: errors naming the field', () => {
    expect(() => JobDashboard.body({ ...PROPS, jobs: [PROPS.jobs[0], PROPS.jobs[0]] })).toThrow("jobs[1].jobName: 'payments-nightly' is on the dashboard already (each job once)");
    expect(() => JobDashboard.body({ ...PROPS, jobs: [] })).toThrow(ValidationError);
    expect(() => JobDashboard.body({ ...PROPS, jobs: [{ jobName: 'x', timeoutSeconds: 0 }] })).toThrow('jobs[0].timeoutSeconds: 0 is not a timeout');
  });

  test('a job name that is not a family, a negative run count, too many jobs: errors naming the field', () => {
    expect(() => JobDashboard.body({ ...PROPS, jobs: [{ jobName: 'a"b', timeoutSeconds: 60 }] })).toThrow("jobs[0].jobName: 'a\"b' is not a job");
    // The caller's name for the job's name (a construct's `name`), not core's `jobName`.
    expect(() => JobDashboard.body({ ...PROPS, jobNameField: 'name', jobs: [{ jobName: 'a"b', timeoutSeconds: 60 }] })).toThrow("jobs[0].name: 'a\"b' is not a job");
    expect(() => JobDashboard.body({ ...PROPS, jobNameField: 'name', jobs: [PROPS.jobs[0], PROPS.jobs[0]] })).toThrow("jobs[1].name: 'payments-nightly' is on the dashboard already");
    expect(() => JobDashboard.body({ ...PROPS, jobs: [{ jobName: 'a', timeoutSeconds: 60, expectedRunsPerDay: -1 }] })).toThrow('jobs[0].expectedRunsPerDay: -1');
    const many = Array.from({ length: JobDashboard.MAX_JOBS + 1 }, (_, i) => ({ jobName: `j${i}`, timeoutSeconds: 60 }));
    expect(() => JobDashboard.body({ ...PROPS, jobs: many })).toThrow('jobs: has 101 jobs (at most 100');
    expect(JSON.parse(JobDashboard.body({ ...PROPS, jobs: many.slice(1) })).widgets).toHaveLength(JobDashboard.MAX_WIDGETS);
  });

  test('expectedRunsPerDay wins over the schedule (several schedules summed by the caller)', () => {
    const one = JSON.parse(JobDashboard.body({ ...PROPS, jobs: [{ jobName: 'a', timeoutSeconds: 60, schedule: 'rate(1 hour)', expectedRunsPerDay: 25 }] }));
    expect(one.widgets[4].properties.metrics[0][0].expression).toBe('25 - FILL(s0, 0) - FILL(f0, 0)');
  });
});

describe('JobDashboard: names, events and URL', () => {
  test('the dashboard name: letters, digits, - and _, at most 52 (the rule <name>-task-events ends at 64)', () => {
    expect(JobDashboard.eventsRuleName('x'.repeat(JobDashboard.NAME_MAX_LENGTH))).toHaveLength(64);
    expect(JobDashboard.validateName('payments-jobs_1')).toBe('payments-jobs_1');
    expect(() => JobDashboard.validateName('payments jobs', 'dashboardName')).toThrow("dashboardName: 'payments jobs' is not a dashboard name");
    expect(() => JobDashboard.validateName('x'.repeat(53))).toThrow(ValidationError);
  });

  test('the events log group sits under /aws/events/', () => {
    expect(JobDashboard.eventsLogGroupName('payments-jobs')).toBe('/aws/events/ecs-batch/payments-jobs');
  });

  test('the event pattern: stopped tasks of the jobs on the cluster, in the groups the widget filters on', () => {
    const cluster = 'arn:aws:ecs:eu-west-1:123456789012:cluster/batch';
    expect(JobDashboard.taskEventsPattern(cluster, ['payments-nightly', 'payments-hourly'])).toEqual({
      'source': ['aws.ecs'],
      'detail-type': ['ECS Task State Change'],
      'detail': { clusterArn: [cluster], lastStatus: ['STOPPED'], group: ['family:payments-nightly', 'family:payments-hourly'] },
    });
    const widget = JSON.parse(JobDashboard.body(PROPS)).widgets[2];
    expect(widget.properties.query).toContain(`detail.group = "${JobDashboard.taskGroup('payments-nightly')}"`);
  });

  test('the console URL, per partition', () => {
    expect(JobDashboard.url(JobDashboard.CONSOLE_HOSTS.aws, 'eu-west-1', 'payments-jobs'))
      .toBe('https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards/dashboard/payments-jobs');
    expect(JobDashboard.CONSOLE_HOSTS['aws-cn']).toBe('console.amazonaws.cn');
  });
});
