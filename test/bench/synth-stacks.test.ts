import { TerraformStack, Testing } from 'cdktf';
import { addConstructJobs } from '../../bench/synth-stacks/construct-jobs';
import { addConstructTasks } from '../../bench/synth-stacks/construct-tasks';
import { addRawJobs } from '../../bench/synth-stacks/raw-jobs';
import { addRawTasks } from '../../bench/synth-stacks/raw-tasks';

/** The synthesized Terraform JSON of a stack with `count` jobs built by `add`. */
function synth(add: (stack: TerraformStack, count: number) => void, count: number): any {
  const stack = new TerraformStack(Testing.app(), 'bench');
  add(stack, count);
  return JSON.parse(Testing.synth(stack));
}

/** `{ 'resource.aws_iam_role': 3, 'data.aws_region': 2, … }` */
function countsByType(synthesized: any): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of ['resource', 'data']) {
    for (const [type, blocks] of Object.entries(synthesized[kind] ?? {})) {
      counts[`${kind}.${type}`] = Object.keys(blocks as object).length;
    }
  }
  return counts;
}

// The synth benchmark's ratio only means something if both sides synthesize the same Terraform.
describe('the synth benchmark builds the same stack on both sides', () => {
  const JOBS = 3;
  const constructs = synth(addConstructJobs, JOBS);
  const raw = synth(addRawJobs, JOBS);

  test('the same resource and data source types, with the same counts', () => {
    const perJob = {
      'resource.aws_cloudwatch_log_group': 1,
      'resource.aws_iam_role': 3,
      'resource.aws_iam_role_policy': 2,
      'resource.aws_ecs_task_definition': 1,
      'resource.aws_scheduler_schedule': 1,
      'resource.aws_sns_topic': 1,
      'resource.aws_sns_topic_policy': 1,
      'resource.aws_sns_topic_subscription': 1,
      'resource.aws_cloudwatch_event_rule': 1,
      'resource.aws_cloudwatch_event_target': 1,
      'resource.aws_cloudwatch_metric_alarm': 1,
    };
    // The account, region and partition are read once per stack, however many jobs it holds.
    const expected = {
      ...Object.fromEntries(Object.entries(perJob).map(([type, n]) => [type, n * JOBS])),
      'data.aws_caller_identity': 1,
      'data.aws_region': 1,
      'data.aws_partition': 1,
    };
    expect(countsByType(constructs)).toEqual(expected);
    expect(countsByType(raw)).toEqual(expected);
  });

  test('every resource has the same logical id and the same attributes, policies and references included', () => {
    expect(raw.resource).toEqual(constructs.resource);
    expect(raw.data).toEqual(constructs.data);
  });

  test('a job is what a generated repo deploys: Scheduler in Asia/Tokyo on the revisionless family', () => {
    const schedule: any = Object.values(raw.resource.aws_scheduler_schedule)[0];
    expect(schedule.schedule_expression_timezone).toBe('Asia/Tokyo');
    expect(schedule.target.ecs_parameters.task_definition_arn).toMatch(/^\$\{replace\(aws_ecs_task_definition\.job-0_task_\w+\.arn, /);
  });
});

// The scheduled-task comparison's middle side: the constructs' Terraform by hand, so that it splits the gap honestly.
describe('the synth benchmark\'s scheduled tasks by hand are the constructs\' Terraform', () => {
  const TASKS = 3;
  const constructs = synth(addConstructTasks, TASKS);
  const raw = synth(addRawTasks, TASKS);

  test('a rule, a target, an invoker and its policy per task, and one account data source per stack', () => {
    const expected = {
      'resource.aws_cloudwatch_event_rule': TASKS,
      'resource.aws_cloudwatch_event_target': TASKS,
      'resource.aws_iam_role': TASKS,
      'resource.aws_iam_role_policy': TASKS,
      'data.aws_caller_identity': 1,
    };
    expect(countsByType(constructs)).toEqual(expected);
    expect(countsByType(raw)).toEqual(expected);
  });

  test('every resource has the same logical id and the same attributes, policies and references included', () => {
    expect(raw.resource).toEqual(constructs.resource);
    expect(raw.data).toEqual(constructs.data);
  });
});
