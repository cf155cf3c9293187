import { Schedule, ScheduleKind, TimeZone } from '@ecs-batch/core';
import { LintContext, LintRule, RawFinding } from '../private/lint-context';
import { Severity } from '../severity';

/** ECSB006: a schedule expression AWS rejects at apply, checked by core's validator. */
export const ECSB006: LintRule = {
  id: 'ECSB006',
  title: 'Invalid schedule expression',
  severity: Severity.ERROR,
  description: 'EventBridge validates the expression only when Terraform applies it: cron takes 6 fields with `?` in day-of-month or day-of-week, rate takes a positive whole number, and `at()` is for Scheduler only. `terraform plan` passes; the apply fails.',
  awsDocUrl: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html',
  async check(context: LintContext): Promise<RawFinding[]> {
    const out: RawFinding[] = [];
    for (const module of context.modules) {
      const kinds: Array<['rule' | 'scheduler', string]> = [['rule', 'aws_cloudwatch_event_rule'], ['scheduler', 'aws_scheduler_schedule']];
      for (const [trigger, type] of kinds) {
        for (const block of module.resources(type)) {
          const r = await module.values.resolve(block.body.schedule_expression);
          if (!r.resolved || typeof r.value !== 'string') continue;
          let schedule: Schedule;
          try {
            schedule = Schedule.expression(r.value);
          } catch (e) {
            out.push({ block, attribute: 'schedule_expression', message: `${JSON.stringify(r.value)}: ${(e as Error).message}`, fix: 'write cron(minutes hours day-of-month month day-of-week year) with ? in one day field, rate(N minutes|hours|days), or at(yyyy-mm-ddThh:mm:ss) on Scheduler' });
            continue;
          }
          if (trigger === 'rule' && schedule.kind === ScheduleKind.AT) {
            out.push({ block, attribute: 'schedule_expression', message: `${schedule.expressionString} is a one-time schedule, which EventBridge rules do not support`, fix: 'use an aws_scheduler_schedule for a one-time run, or a cron/rate expression' });
          }
          if (trigger === 'scheduler') {
            const zone = await module.values.resolve(block.body.schedule_expression_timezone);
            if (!zone.resolved || zone.value == null) continue;
            try {
              TimeZone.validate(String(zone.value), 'schedule_expression_timezone');
            } catch (e) {
              out.push({ block, attribute: 'schedule_expression_timezone', message: (e as Error).message, fix: 'an IANA time zone name, e.g. schedule_expression_timezone = "Asia/Tokyo"' });
            }
          }
        }
      }
    }
    return out;
  },
};
