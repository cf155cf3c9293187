/**
 * The EventBridge Scheduler schedule group a schedule belongs to: an existing
 * one (`ScheduleGroup.fromName`) or one the construct creates (`ScheduleGroup.create`).
 *
 * Scheduler sets `aws:SourceArn` to the group, so the invoking role's trust is
 * pinned to it.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-group.html
 */
export class ScheduleGroup {
  /**
   * Create the group `name` with the schedule. Only one construct may create a
   * given group: other schedules use `ScheduleGroup.fromName`.
   */
  public static create(name: string): ScheduleGroup {
    return new ScheduleGroup(name, true);
  }

  /** An existing group, such as `default`. */
  public static fromName(name: string): ScheduleGroup {
    return new ScheduleGroup(name, false);
  }

  /** The group name. */
  public readonly name: string;

  /** True when the construct creates the group. */
  public readonly created: boolean;

  private constructor(name: string, created: boolean) {
    this.name = name;
    this.created = created;
  }
}
