import { AlertTopic } from './alert-topic';

/**
 * Alerts when a run fails: an EventBridge rule on "ECS Task State Change"
 * (STOPPED, with a non-zero exit code or `TaskFailedToStart`) for this job's
 * family in its cluster, sent to an SNS topic as one readable line.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html
 */
export interface AlertsOptions {
  /**
   * The topic: `AlertTopic.create()` or `AlertTopic.fromArn(arn)`.
   * @default AlertTopic.create()
   */
  readonly topic?: AlertTopic;

  /**
   * Email addresses subscribed to the topic. Each receives a confirmation mail
   * that must be accepted before alerts arrive.
   * @default - none
   */
  readonly emails?: string[];
}
