import { EventsLogGroupPolicy, JobDashboard, RunnerMetrics, Schedule } from '@ecs-batch/core';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { EcsBatchDashboard, EcsBatchDashboardProps, EcsBatchJob } from '../src';
import { errorOf } from './error-of';
import { appliedDocument } from './hcl/apply-values';
import { planStack } from './hcl/cdktf-plan';
import { PlannedResource } from './hcl/module-plan';
import { resourcePolicyDecision } from './iam-simulation';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const CLUSTER = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/batch`;
const EVENTS_GROUP = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/events/ecs-batch/payments-jobs`;
const RULE = `arn:aws:events:${REGION}:${ACCOUNT}:rule/payments-jobs-task-events`;
const APPLIED: Record<string, string> = {
  'dashboard/data.aws_region.region.region': REGION,
  'dashboard/data.aws_partition.partition.partition': 'aws',
  'dashboard/aws_cloudwatch_log_group.task_events.arn': EVENTS_GROUP,
  'dashboard/aws_cloudwatch_event_rule.task_events_rule.arn': RULE,
  'dashboard/aws_cloudwatch_dashboard.dashboard.dashboard_name': 'payments-jobs',
};
const BASE: EcsBatchDashboardProps = {
  name: 'payments-jobs',
  clusterArn: CLUSTER,
  jobs: [
    { name: 'payments-nightly', timeoutSeconds: 1800, schedules: [{ name: 'nightly', schedule: Schedule.expression('cron(0 2 * * ? *)'), timeZone: 'Asia/Tokyo' }] },
    { name: 'payments-hourly', timeoutSeconds: 900, expectedRunsPerDay: 24 },
    { name: 'payments-manual' },
  ],
};
const RUNNER_METRICS = [RunnerMetrics.JOB_SUCCEEDED, RunnerMetrics.JOB_FAILED, RunnerMetrics.JOB_DURATION_MS];

function synth(props: Partial<EcsBatchDashboardProps> = {}) {
  const stack = new TerraformStack(Testing.app(), 'test');
  const dashboard = new EcsBatchDashboard(stack, 'dashboard', { ...BASE, ...props });
  new TerraformOutput(stack, 'dashboard_url', { value: dashboard.dashboardUrl });
  const plan = planStack(stack, {}, APPLIED);
  const resource = (address: string): PlannedResource => {
    const found = plan.resources.find((r) => r.address === `dashboard/${address}`);
    if (!found) throw new Error(`no ${address} in ${plan.resources.map((r) => r.address).join(', ')}`);
    return found;
  };
  return { stack, dashboard, plan, resource };
}

describe('the dashboard', () => {
  const { resource, plan } = synth();
  const dashboard = resource('aws_cloudwatch_dashboard.dashboard');
  const body = appliedDocument(dashboard.attributes.dashboard_body);

  test('is named as given, with a body that is valid JSON: core\'s JobDashboard.body for these jobs', () => {
    expect(dashboard.attributes.dashboard_name).toBe('payments-jobs');
    expect(body).toEqual(JSON.parse(JobDashboard.body({
      region: REGION,
      eventsLogGroupName: '/aws/events/ecs-batch/payments-jobs',
      jobs: [
        { jobName: 'payments-nightly', timeoutSeconds: 1800, expectedRunsPerDay: 1 },
        { jobName: 'payments-hourly', timeoutSeconds: 900, expectedRunsPerDay: 24 },
        { jobName: 'payments-manual', timeoutSeconds: 3600 },
      ],
    })));
  });

  test('every metric widget names metrics from RunnerMetrics, with the job\'s dimension', () => {
    const metricWidgets = body.widgets.filter((w: any) => w.type === 'metric');
    expect(metricWidgets).toHaveLength(3 * 2 + 2); // runs and duration per job, missed runs for the two with a schedule
    for (const w of metricWidgets) {
      const job = BASE.jobs.find((j) => w.properties.title.startsWith(`${j.name}:`))!.name;
      const metrics = w.properties.metrics.filter((m: any) => typeof m[0] === 'string');
      expect(metrics.length).toBeGreaterThan(0);
      for (const [namespace, name, dimension, value] of metrics) {
        expect([namespace, dimension, value]).toEqual([RunnerMetrics.DEFAULT_NAMESPACE, RunnerMetrics.JOB_DIMENSION, job]);
        expect(RUNNER_METRICS).toContain(name);
      }
    }
  });

  test('each job appears once, in one row of five widgets', () => {
    for (const job of BASE.jobs) {
      const own = body.widgets.filter((w: any) => (w.properties.title ?? w.properties.markdown).includes(`${job.name}:`));
      expect(own).toHaveLength(JobDashboard.WIDGETS_PER_JOB);
      expect(new Set(own.map((w: any) => Math.floor(w.y / JobDashboard.ROW_HEIGHT))).size).toBe(1);
    }
    expect(body.widgets).toHaveLength(3 * JobDashboard.WIDGETS_PER_JOB);
  });

  test('missed runs: the schedules\' runs per day; a job without schedules says why there is no estimate', () => {
    const missed = (job: string) => body.widgets.find((w: any) => (w.properties.title ?? w.properties.markdown).includes(`${job}: missed runs`));
    expect(missed('payments-nightly').properties.metrics[0][0].expression).toMatch(/^1 - FILL/);
    expect(missed('payments-hourly').properties.metrics[0][0].expression).toMatch(/^24 - FILL/);
    expect(missed('payments-manual').type).toBe('text');
  });

  test('the URL opens it in the region\'s console', () => {
    expect(plan.outputs.dashboard_url).toBe(`https://${REGION}.console.aws.amazon.com/cloudwatch/home?region=${REGION}#dashboards/dashboard/payments-jobs`);
  });
});

describe('the task-state-change events the exit-code widget reads', () => {
  const { resource } = synth({ tags: { team: 'payments' }, eventsLogRetentionDays: 14 });
  const group = resource('aws_cloudwatch_log_group.task_events');
  const rule = resource('aws_cloudwatch_event_rule.task_events_rule');
  const target = resource('aws_cloudwatch_event_target.task_events_target');
  const policy = appliedDocument(resource('aws_cloudwatch_log_resource_policy.task_events_policy').attributes.policy_document);

  test('a rule on the jobs\' stopped tasks on the cluster sends them to the log group the widget queries', () => {
    expect(group.attributes).toMatchObject({ name: '/aws/events/ecs-batch/payments-jobs', retention_in_days: 14, tags: { team: 'payments' } });
    expect(rule.attributes.name).toBe('payments-jobs-task-events');
    expect(JSON.parse(rule.attributes.event_pattern as string)).toEqual(
      JobDashboard.taskEventsPattern(CLUSTER, ['payments-nightly', 'payments-hourly', 'payments-manual']));
    expect(target.attributes.arn).toBe(EVENTS_GROUP);
  });

  test('the log group\'s resource policy is core\'s EventsLogGroupPolicy for this group and rule', () => {
    expect(policy).toEqual(EventsLogGroupPolicy.document({ logGroupArn: EVENTS_GROUP, ruleArn: RULE }));
  });

  test('IAM: this rule may write the group\'s streams; another rule, another group, another service may not', async () => {
    const write = (principal: string, action: string, resourceArn: string, sourceArn: string) => resourcePolicyDecision(policy, {
      principal, action, resource: resourceArn, context: { 'aws:SourceArn': sourceArn },
    });
    const stream = `${EVENTS_GROUP}:log-stream:abc`;
    expect(await write('events.amazonaws.com', 'logs:PutLogEvents', stream, RULE)).toBe('Allowed');
    expect(await write('events.amazonaws.com', 'logs:CreateLogStream', stream, RULE)).toBe('Allowed');
    expect(await write('delivery.logs.amazonaws.com', 'logs:PutLogEvents', stream, RULE)).toBe('Allowed');
    expect(await write('events.amazonaws.com', 'logs:PutLogEvents', stream, `arn:aws:events:${REGION}:${ACCOUNT}:rule/other`)).toBe('ImplicitlyDenied');
    expect(await write('events.amazonaws.com', 'logs:PutLogEvents', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs-batch/payments-nightly:log-stream:abc`, RULE)).toBe('ImplicitlyDenied');
    expect(await write('sns.amazonaws.com', 'logs:PutLogEvents', stream, RULE)).toBe('ImplicitlyDenied');
    expect(await write('events.amazonaws.com', 'logs:DeleteLogGroup', EVENTS_GROUP, RULE)).toBe('ImplicitlyDenied');
  });
});

describe('jobs from EcsBatchJob', () => {
  test('jobOf takes the job\'s name, timeout and schedules; disabled schedules expect no runs', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const job = new EcsBatchJob(stack, 'settlement', {
      name: 'settlement',
      image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/payments/jobs:1.4.2`,
      clusterArn: CLUSTER,
      subnetIds: ['subnet-0a1b2c3d'],
      timeoutSeconds: 1200,
      schedules: [
        { name: 'hourly', schedule: Schedule.expression('rate(1 hour)') },
        { name: 'weekdays', schedule: Schedule.expression('cron(0 9 ? * MON-FRI *)'), timeZone: 'Europe/Paris' },
        { name: 'paused', schedule: Schedule.expression('rate(5 minutes)'), enabled: false },
      ],
    });
    expect(EcsBatchDashboard.jobOf(job)).toMatchObject({ name: 'settlement', timeoutSeconds: 1200 });
    new EcsBatchDashboard(stack, 'dashboard', { name: 'settlement', clusterArn: CLUSTER, jobs: [EcsBatchDashboard.jobOf(job)] });
    const dashboards = Object.values<any>(JSON.parse(Testing.synth(stack)).resource.aws_cloudwatch_dashboard);
    const missed = dashboards[0].dashboard_body as string;
    expect(missed).toContain('"expression":"24.71 - FILL(s0, 0) - FILL(f0, 0)"');
  });
});

describe('validation at construction, naming the prop', () => {
  test.each<[string, Partial<EcsBatchDashboardProps>, string]>([
    ['a name with a space', { name: 'payments jobs' }, "name: 'payments jobs' is not a dashboard name (1-52 letters, digits, '-' and '_')"],
    ['a name too long for the rule', { name: 'x'.repeat(53) }, 'name: '],
    ['no jobs', { jobs: [] }, 'jobs: is empty (at least one job)'],
    ['a job twice', { jobs: [{ name: 'a' }, { name: 'a' }] }, "jobs[1].name: 'a' is on the dashboard already (each job once)"],
    ['a job name that is no family', { jobs: [{ name: 'a b' }] }, "jobs[0].name: 'a b' is not a job"],
    ['a zero timeout', { jobs: [{ name: 'a', timeoutSeconds: 0 }] }, 'jobs[0].timeoutSeconds: 0 is out of range'],
    ['negative runs per day', { jobs: [{ name: 'a', expectedRunsPerDay: -1 }] }, 'jobs[0].expectedRunsPerDay: -1 is not a number of runs'],
    ['a retention CloudWatch does not have', { eventsLogRetentionDays: 31 }, 'eventsLogRetentionDays: 31 is not a CloudWatch Logs retention'],
    ['an empty namespace', { metricNamespace: ' ' }, 'metricNamespace: is empty'],
  ])('%s', (_, props, message) => {
    expect(errorOf(() => synth(props)).message).toContain(message);
  });

  test('the valid base case constructs (the cases above fail for their own reason)', () => {
    expect(() => synth()).not.toThrow();
  });
});
