import { LintContext, LintRule, RawFinding } from '../private/lint-context';
import { hasBlock } from '../private/scheduled-target';
import { Severity } from '../severity';

/** ECSB008: a scheduled ECS target with neither a retry policy nor a dead-letter queue. */
export const ECSB008: LintRule = {
  id: 'ECSB008',
  title: 'No retry policy and no dead-letter queue',
  severity: Severity.WARNING,
  description: 'When RunTask fails (capacity, throttling, a missing role), EventBridge retries with its defaults and then drops the event. Without a retry policy you chose and a dead-letter queue, a missed run leaves no trace.',
  awsDocUrl: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html',
  async check(context: LintContext): Promise<RawFinding[]> {
    return context.targets
      .filter((t) => !hasBlock(t.targetBody, 'retry_policy') && !hasBlock(t.targetBody, 'dead_letter_config'))
      .map((t) => ({
        block: t.block,
        attribute: t.targetPath === '' ? undefined : 'target',
        message: `the ${t.trigger === 'rule' ? 'rule target' : 'schedule'} has no retry_policy and no dead_letter_config: a failed RunTask is dropped without a trace`,
        fix: 'add retry_policy { maximum_retry_attempts = 3, maximum_event_age_in_seconds = 3600 } and dead_letter_config { arn = aws_sqs_queue.dlq.arn }',
      }));
  },
};
