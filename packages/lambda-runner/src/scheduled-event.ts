import { randomUUID } from 'crypto';

/**
 * The event EventBridge sends a Lambda for a schedule, so handlers that read
 * `event.time` or `event['detail-type']` keep working:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html
 */
export interface ScheduledEvent {
  readonly 'version': '0';
  readonly 'id': string;
  readonly 'detail-type': 'Scheduled Event';
  readonly 'source': 'aws.events';
  readonly 'account'?: string;
  readonly 'time': string;
  readonly 'region'?: string;
  readonly 'resources': string[];
  readonly 'detail': {};
}

/** What the runner knows when it builds the event. */
export interface ScheduledEventProps {
  /** @default a random UUID */
  readonly id?: string;
  /** @default now */
  readonly time?: Date;
  /** Left out when unknown. */
  readonly account?: string;
  /** Left out when unknown. */
  readonly region?: string;
  /**
   * EventBridge puts the rule ARN here; a task cannot see which rule or schedule
   * started it, so this is empty unless given.
   * @default []
   */
  readonly resources?: string[];
}

/** A "Scheduled Event", with the time in EventBridge's format (seconds, `Z`). */
export function scheduledEvent(props: ScheduledEventProps = {}): ScheduledEvent {
  return {
    'version': '0',
    'id': props.id ?? randomUUID(),
    'detail-type': 'Scheduled Event',
    'source': 'aws.events',
    ...(props.account ? { account: props.account } : {}),
    'time': (props.time ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(props.region ? { region: props.region } : {}),
    'resources': [...(props.resources ?? [])],
    'detail': {},
  };
}
