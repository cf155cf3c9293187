/**
 * The HCL modules' hand-written validations state core's facts: the runner's
 * `ECS_BATCH_` prefix, the alarm's 168-hour window, and the same error text as
 * the construct (with the module's snake-case names). A change in core that the
 * module does not follow fails here.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { AwsLimits, RunnerEnvironment, RunnerMetrics } from '@ecs-batch/core';
import { moduleDir } from '../hcl/module-plan';

const variables = (module: string) => readFileSync(join(moduleDir(module), 'variables.tf'), 'utf8');

/** The `validation` blocks of one variable: condition and error_message. */
function validations(module: string, variable: string): Array<{ condition: string; message: string }> {
  const text = variables(module);
  const start = text.indexOf(`variable "${variable}" {`);
  if (start < 0) throw new Error(`${module}: no variable ${variable}`);
  const next = text.indexOf('\nvariable "', start + 1);
  const body = text.slice(start, next < 0 ? undefined : next);
  return [...body.matchAll(/condition\s*=\s*(.+)\n\s*error_message\s*=\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => ({ condition: m[1], message: m[2] }));
}

test('ecs-batch-job: a job\'s environment may not use RunnerEnvironment.PREFIX, said as the construct says it', () => {
  const [rule] = validations('ecs-batch-job', 'environment');
  expect(rule.condition).toContain(`startswith(name, "${RunnerEnvironment.PREFIX}")`);
  expect(rule.message).toBe(`environment: ${RunnerEnvironment.PREFIX}* names are reserved for the runner (set handler, timeout_seconds, overlap or metric_namespace, or a schedule's event).`);
});

test('ecs-batch-job: the missed-run alarm is 1 to AwsLimits.ALARM_MAX_HOURS hours', () => {
  const [rule] = validations('ecs-batch-job', 'missed_run_alarm');
  expect(rule.condition).toContain(`var.missed_run_alarm.hours <= ${AwsLimits.ALARM_MAX_HOURS}`);
  expect(rule.message).toBe(`missed_run_alarm.hours: is out of range (an integer, 1-${AwsLimits.ALARM_MAX_HOURS}).`);
});

test.each(['ecs-batch-job', 'ecs-batch-dashboard'])('%s: metric_namespace is refused as RunnerMetrics.validateNamespace refuses it', (module) => {
  const [rule] = validations(module, 'metric_namespace');
  let coreMessage = '';
  try {
    RunnerMetrics.validateNamespace(' ', 'metric_namespace');
  } catch (e) {
    coreMessage = (e as Error).message;
  }
  expect(rule.condition).toBe('trimspace(var.metric_namespace) != ""');
  expect(rule.message).toBe(`${coreMessage}.`);
});
