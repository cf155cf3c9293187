import { join } from 'path';
import { analyze } from '../../src';
import { FIXTURES } from '../contract';

// Written for these tests (issue 14, class 9): a scheduled aws_lambda_function that other
// things also invoke, a durable function, and two functions sharing one image that differ
// only by its command. The SAM, Serverless and registry-module readers warn the same way.
const FIXTURE = join(FIXTURES, 'terraform-triggers');

const ALSO = 'the job runs only the schedule, so keep the Lambda for';

describe('a plain Terraform aws_lambda_function', () => {
  let report: Awaited<ReturnType<typeof analyze>>;
  const job = (name: string) => report.jobs.find((j) => j.name === name)!;
  beforeAll(async () => {
    report = await analyze(FIXTURE);
  });

  test('the scheduled functions are jobs; the one with only a function URL is not', () => {
    expect(report.jobs.map((j) => j.name)).toEqual(['orders-ingest', 'orders-settle', 'orders-export-daily', 'orders-export-weekly']);
  });

  test('its other triggers are one warning, naming each: event source mapping, other principals, an event-pattern rule', () => {
    const also = job('orders-ingest').warnings.filter((w) => w.startsWith('also triggered by'));
    expect(also).toEqual([
      'also triggered by aws_lambda_event_source_mapping.ingest_queue (an event source mapping from aws_sqs_queue.orders.arn), '
      + 'aws_lambda_permission.ingest_uploads (s3.amazonaws.com), aws_lambda_permission.ingest_api (apigateway.amazonaws.com), '
      + `aws_cloudwatch_event_rule.order_placed (an event pattern): ${ALSO} those triggers or move them too`,
    ]);
    // The event-pattern rule is still reported as not migrated.
    expect(report.warnings).toContain('main.tf: aws_cloudwatch_event_rule.order_placed: runs aws_lambda_function.ingest on an event pattern, not a schedule: not migrated');
  });

  test('the permissions for EventBridge and Scheduler are not other triggers', () => {
    for (const name of ['orders-settle', 'orders-export-daily', 'orders-export-weekly']) {
      expect([name, job(name).warnings.filter((w) => w.startsWith('also triggered by'))]).toEqual([name, []]);
    }
    // and they count as the rule's permission
    expect(job('orders-export-daily').warnings.filter((w) => w.startsWith('no aws_lambda_permission'))).toEqual([]);
  });

  test('durable_config is a warning', () => {
    expect(job('orders-settle').warnings).toContain('durable_config: a Lambda durable function checkpoints and resumes across invocations; '
      + 'a job runs once to the end, so its steps must be rewritten as one run (or keep it on Lambda)');
    expect(job('orders-ingest').warnings.filter((w) => w.startsWith('durable_config'))).toEqual([]);
  });

  test('image_config.command is a warning per function, so jobs sharing the image keep their difference', () => {
    const command = (name: string) => job(name).warnings.filter((w) => w.startsWith('image_config.command'));
    expect(command('orders-export-daily')).toEqual([
      'image_config.command: ["exports.daily"] is the image\'s command for this function: set it as the job\'s command, or jobs sharing the image lose the difference',
    ]);
    expect(command('orders-export-weekly')).toEqual([
      'image_config.command: ["exports.weekly"] is the image\'s command for this function: set it as the job\'s command, or jobs sharing the image lose the difference',
    ]);
    expect(command('orders-ingest')).toEqual([]);
  });
});
