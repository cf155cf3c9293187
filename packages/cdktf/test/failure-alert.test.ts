/**
 * The failure alert's event pattern, tried on "ECS Task State Change" events
 * shaped as ECS sends them: it fires for a failed run of this job's family in
 * this cluster, and for nothing else.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html
 */
import { Schedule } from '@ecs-batch/core';
import { TerraformStack, Testing } from 'cdktf';
import { EcsBatchJob } from '../src';
import { matches, pathValue } from './event-pattern';
import { appliedDocument } from './hcl/apply-values';
import { planStack } from './hcl/cdktf-plan';

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-1';
const CLUSTER = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/batch`;
const FAMILY = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/settlement`;

function alertRule() {
  const stack = new TerraformStack(Testing.app(), 'test');
  new EcsBatchJob(stack, 'settlement', {
    name: 'settlement',
    image: 'public.ecr.aws/docker/library/node:22-slim',
    clusterArn: CLUSTER,
    subnetIds: ['subnet-0a1b2c3d'],
    schedules: [{ name: 'nightly', schedule: Schedule.expression('cron(0 17 * * ? *)') }],
    alerts: {},
  });
  const plan = planStack(stack, {}, {
    'settlement/aws_ecs_task_definition.task.arn': `${FAMILY}:7`,
    'ecs_batch_aws/data.aws_caller_identity.account.account_id': ACCOUNT,
    'ecs_batch_aws/data.aws_region.region.region': REGION,
  });
  const attributes = (address: string) => plan.resources.find((r) => r.address === `settlement/${address}`)!.attributes as any;
  return {
    pattern: appliedDocument(attributes('aws_cloudwatch_event_rule.alerts').event_pattern),
    transformer: attributes('aws_cloudwatch_event_target.alerts_target').input_transformer,
  };
}

/** An ECS Task State Change event of a task that stopped. */
function stopped(overrides: { detail?: Record<string, unknown> } = {}): any {
  return {
    'version': '0',
    'source': 'aws.ecs',
    'detail-type': 'ECS Task State Change',
    'account': ACCOUNT,
    'region': REGION,
    'time': '2030-01-01T17:03:12Z',
    'detail': {
      clusterArn: CLUSTER,
      taskArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/batch/0123456789abcdef0123456789abcdef`,
      taskDefinitionArn: `${FAMILY}:7`,
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [{ name: 'settlement', lastStatus: 'STOPPED', exitCode: 0 }],
      ...overrides.detail,
    },
  };
}

const failedWith = (exitCode: number) => stopped({ detail: { containers: [{ name: 'settlement', lastStatus: 'STOPPED', exitCode }] } });

describe('the failure alert', () => {
  const { pattern, transformer } = alertRule();

  test.each([
    ['the handler threw (exit 1)', failedWith(1)],
    ['the runner\'s timeout (exit 124)', failedWith(124)],
    ['SIGTERM, e.g. a Spot interruption (exit 143)', failedWith(143)],
    ['a revision CI registered later', { ...failedWith(1), detail: { ...failedWith(1).detail, taskDefinitionArn: `${FAMILY}:120` } }],
    ['a task that never started (image pull, secrets, capacity)', stopped({
      detail: {
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 1 time(s)',
        containers: [{ name: 'settlement', lastStatus: 'STOPPED' }],
      },
    })],
  ])('fires for %s', (_, event) => {
    expect(matches(pattern, event)).toBe(true);
  });

  test.each([
    ['a successful run, or one the overlap guard skipped (exit 0)', stopped()],
    ['a task still running', { ...failedWith(1), detail: { ...failedWith(1).detail, lastStatus: 'RUNNING' } }],
    ['another family whose name starts the same', { ...failedWith(1), detail: { ...failedWith(1).detail, taskDefinitionArn: `${FAMILY}-v2:1` } }],
    ['the same family in another cluster', { ...failedWith(1), detail: { ...failedWith(1).detail, clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/other` } }],
    ['another source', { ...failedWith(1), source: 'my.app' }],
  ])('stays quiet for %s', (_, event) => {
    expect(matches(pattern, event)).toBe(false);
  });

  test('the message names the task, the stop code, the exit code and the reason', () => {
    const event = failedWith(124);
    const values = Object.fromEntries(Object.entries<string>(transformer.input_paths).map(([name, path]) => [name, pathValue(event, path)]));
    expect(values).toEqual({
      exit_code: 124,
      reason: 'Essential container in task exited',
      stop_code: 'EssentialContainerExited',
      task: event.detail.taskArn,
      time: event.time,
    });
    const message = JSON.parse(transformer.input_template).replace(/<(\w+)>/g, (_: string, name: string) => String(values[name]));
    expect(message).toBe(`ecs-batch job settlement failed at ${event.time}: task ${event.detail.taskArn} stopped (EssentialContainerExited, exit code 124): Essential container in task exited`);
  });
});
