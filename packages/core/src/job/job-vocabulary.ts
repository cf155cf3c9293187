import { ValidationError } from '../errors';

/**
 * What a run does while an earlier run of its job is still going: the runner's
 * `ECS_BATCH_OVERLAP`, the construct's `OverlapPolicy` and the template's
 * `overlap`. One vocabulary, so that the three cannot drift.
 */
export class OverlapPolicies {
  /** Start anyway: runs may overlap (the default). */
  public static readonly ALLOW = 'allow';

  /**
   * Exit 0 without calling the handler when an earlier task of the family is
   * running (see docs/overlap-guard.md).
   */
  public static readonly SKIP = 'skip';

  /** Every policy, in the order messages list them. */
  public static readonly ALL: string[] = [OverlapPolicies.ALLOW, OverlapPolicies.SKIP];

  /**
   * Returns `value` when it is a policy (exactly, lower case); else throws a
   * ValidationError naming `field`: `'<value>' is not an overlap policy (allow or skip)`.
   * @param value the policy as written
   * @param field the setting it came from, e.g. `ECS_BATCH_OVERLAP` or `overlap`
   */
  public static validate(value: string, field: string): string {
    if (!OverlapPolicies.ALL.includes(value)) {
      throw new ValidationError(field, `'${value}' is not an overlap policy (${OverlapPolicies.ALL.join(' or ')})`);
    }
    return value;
  }

  private constructor() {}
}

/**
 * What starts a job's task: an EventBridge rule (`rule`, cron and rate in UTC) or
 * an EventBridge Scheduler schedule (`scheduler`, in a time zone, and one-time
 * `at()`). The construct's `TriggerKind` and the template's `trigger` use these
 * words; core's `ScheduleTrigger` names the same two for expression parsing.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
export class TriggerKinds {
  /** An EventBridge Scheduler schedule. */
  public static readonly SCHEDULER = 'scheduler';

  /** An EventBridge scheduled rule. */
  public static readonly RULE = 'rule';

  /** Every trigger, in the order messages list them. */
  public static readonly ALL: string[] = [TriggerKinds.SCHEDULER, TriggerKinds.RULE];

  /**
   * Returns `value` when it is a trigger (exactly, lower case); else throws a
   * ValidationError naming `field`: `'<value>' is not a trigger (scheduler or rule)`.
   * @param value the trigger as written
   * @param field the setting it came from, e.g. `trigger`
   */
  public static validate(value: string, field: string): string {
    if (!TriggerKinds.ALL.includes(value)) {
      throw new ValidationError(field, `'${value}' is not a trigger (${TriggerKinds.ALL.join(' or ')})`);
    }
    return value;
  }

  private constructor() {}
}
