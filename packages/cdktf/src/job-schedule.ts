import { Schedule } from '@ecs-batch/core';
import { DeadLetterQueue } from './dead-letter-queue';
import { RetryPolicy } from './retry-policy';
import { ScheduleGroup } from './schedule-group';
import { TriggerKind } from './trigger-kind';

/**
 * One schedule of an `EcsBatchJob`: when to run, and what this run gets
 * (command, environment, event). Each becomes an `EcsScheduledTask` on the
 * job's task definition family.
 */
export interface JobSchedule {
  /**
   * The schedule's name within the job. The rule or schedule is named
   * `<job>-<name>` (at most 64 characters together).
   */
  readonly name: string;

  /** When to run, read in `timeZone`. */
  readonly schedule: Schedule;

  /**
   * The IANA time zone of the schedule, e.g. `Asia/Tokyo`.
   * @default - UTC
   */
  readonly timeZone?: string;

  /**
   * What starts the task.
   * @default - TriggerKind.SCHEDULER when `timeZone` is set, otherwise TriggerKind.RULE
   */
  readonly trigger?: TriggerKind;

  /**
   * Accept a rule whose UTC schedule drifts from local time during part of the year.
   * @default false
   */
  readonly allowInexactUtcConversion?: boolean;

  /**
   * Description of the rule or schedule.
   * @default - none
   */
  readonly description?: string;

  /**
   * Whether the schedule is enabled.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Replaces the container command for this schedule.
   * @default - the job's command
   */
  readonly command?: string[];

  /**
   * Environment variables added for this schedule.
   * @default - none
   */
  readonly environment?: { [name: string]: string };

  /**
   * The event the handler receives, as JSON (`ECS_BATCH_EVENT`).
   * @default - an EventBridge "Scheduled Event"-shaped object built by the runner
   */
  readonly event?: string;

  /**
   * Tasks per run.
   * @default 1
   */
  readonly taskCount?: number;

  /**
   * Retries of a RunTask call that fails.
   * @default - 3 attempts within one hour
   */
  readonly retryPolicy?: RetryPolicy;

  /**
   * Where runs that could not be started end up.
   * @default - none
   */
  readonly deadLetterQueue?: DeadLetterQueue;

  /**
   * Scheduler only: the schedule group.
   * @default - the `default` group
   */
  readonly scheduleGroup?: ScheduleGroup;

  /**
   * Scheduler only: a flexible time window in minutes (1-1440).
   * @default - OFF
   */
  readonly flexibleTimeWindowMinutes?: number;

  /**
   * Scheduler only: no run before this UTC time.
   * @default - none
   */
  readonly startDate?: string;

  /**
   * Scheduler only: no run after this UTC time.
   * @default - none
   */
  readonly endDate?: string;
}
