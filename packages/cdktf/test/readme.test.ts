/**
 * packages/cdktf/README.md: every TypeScript example type-checks against the
 * package, runs as written, shows the values and errors it claims, and
 * synthesizes. The opening example is also checked for what the README says
 * its stack contains.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { RunnerMetrics } from '@ecs-batch/core';
import * as pkg from '../src';
import { CodeBlock, RunResult, runExample, tsBlocks, typeErrors } from './readme/ts-example';

const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const BLOCKS = tsBlocks(README);

test('the README has TypeScript examples, and they type-check against the package', () => {
  expect(BLOCKS.length).toBeGreaterThanOrEqual(5);
  expect(typeErrors(BLOCKS)).toEqual([]);
});

describe.each(BLOCKS.map((b) => [`README.md:${b.line}`, b] as const))('the example at %s', (_, block: CodeBlock) => {
  let result: RunResult;
  beforeAll(() => {
    result = runExample(block, require, pkg);
  });

  test('runs, with the results and errors its comments show', () => {
    expect(result.failures).toEqual([]);
  });

  test('synthesizes a stack with resources', () => {
    const stacks = Object.values(result.stacks);
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) expect(Object.keys(stack.resource ?? {}).length).toBeGreaterThan(0);
  });
});

describe('the opening example\'s stack has what the README says', () => {
  let stack: any;
  beforeAll(() => {
    stack = runExample(BLOCKS[0], require, pkg).stacks.batch;
  });
  const only = (type: string): any => {
    const resources = Object.values<any>(stack.resource[type] ?? {});
    expect([type, resources.length]).toEqual([type, 1]);
    return resources[0];
  };

  test('a Fargate task definition family of 256 CPU / 512 MiB, X86_64, that Terraform does not revert', () => {
    const task = only('aws_ecs_task_definition');
    expect(task).toMatchObject({ family: 'nightly', requires_compatibilities: ['FARGATE'], cpu: '256', memory: '512', track_latest: true });
    expect(task.runtime_platform.cpu_architecture).toBe('X86_64');
    expect(task.lifecycle.ignore_changes).toBe('all');
  });

  test('a Scheduler schedule at 02:00 Asia/Tokyo on the revisionless family, with a public IP', () => {
    const schedule = only('aws_scheduler_schedule');
    expect(schedule).toMatchObject({ schedule_expression: 'cron(0 2 * * ? *)', schedule_expression_timezone: 'Asia/Tokyo' });
    expect(schedule.target.ecs_parameters.task_definition_arn).toMatch(/^\$\{replace\(aws_ecs_task_definition\.[\w-]+\.arn, /);
    expect(schedule.target.ecs_parameters.launch_type).toBe('FARGATE');
    expect(schedule.target.ecs_parameters.network_configuration.assign_public_ip).toBe(true);
  });

  test('failure alerts by email and a missed-run alarm that treats missing data as breaching', () => {
    expect(only('aws_sns_topic_subscription')).toMatchObject({ protocol: 'email', endpoint: 'ops@example.com' });
    // The pattern holds Terraform interpolations (cluster, family), so it is checked as text.
    const pattern: string = only('aws_cloudwatch_event_rule').event_pattern;
    expect(pattern).toContain('"detail-type":["ECS Task State Change"]');
    expect(pattern).toContain('"lastStatus":["STOPPED"]');
    expect(pattern).toContain('{"stopCode":["TaskFailedToStart"]}');
    expect(only('aws_cloudwatch_event_target').input_transformer.input_template).toMatch(/^"ecs-batch job nightly failed at <time>/);
    expect(only('aws_cloudwatch_metric_alarm')).toMatchObject({
      metric_name: RunnerMetrics.JOB_SUCCEEDED, evaluation_periods: 25, treat_missing_data: 'breaching',
    });
  });
});
