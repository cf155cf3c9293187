import { Arn } from '../arn';
import { ArnExpectation } from '../arn/arn-expectation';
import { ValidationError } from '../errors';

/**
 * Checks the ARN of a dead-letter queue, or passes a token through.
 *
 * Both EventBridge rules and EventBridge Scheduler need a standard SQS queue:
 * a FIFO queue is rejected here rather than at delivery time.
 *
 * Not exported from the package.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
 */
export class DeadLetterQueueArn {
  public static check(value: string, field: string): string {
    if (Arn.isToken(value)) {
      return value;
    }
    const name = DeadLetterQueueArn.QUEUE.parse(value, field).resource;
    if (name.endsWith('.fifo')) {
      throw new ValidationError(field, `queue '${name}' is a FIFO queue, but EventBridge dead-letter queues must be standard queues`);
    }
    // Queue names: 1-80 letters, numbers, hyphens and underscores.
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html#API_CreateQueue_RequestParameters
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) {
      throw new ValidationError(field, `queue name '${name}' is not valid (1-80 letters, numbers, hyphens and underscores)`);
    }
    return value;
  }

  private static readonly QUEUE = new ArnExpectation('sqs', '', '<queue-name>');

  private constructor() {}
}
