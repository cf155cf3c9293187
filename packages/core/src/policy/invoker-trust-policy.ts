import { Arn } from '../arn';
import { ArnExpectation } from '../arn/arn-expectation';
import { ValidationError } from '../errors';
import { AccountId } from './account-id';
import { PolicyDocument } from './policy-document';
import { ServicePrincipal } from './service-principal';

/**
 * Who may assume the invoking role: one account, one source.
 */
export interface InvokerTrustProps {
  /** The 12-digit account that owns the rule or schedule group (`aws:SourceAccount`). May be a token. */
  readonly accountId: string;

  /**
   * `aws:SourceArn`: the rule ARN for `forRule`, the schedule-group ARN for
   * `forScheduler` (see `InvokerTrustPolicy.ruleArn` / `InvokerTrustPolicy.scheduleGroupArn`).
   * May be a token.
   */
  readonly sourceArn: string;

  /**
   * What the caller calls the account, for the error, e.g. `--account-id`.
   * @default 'accountId'
   */
  readonly accountIdField?: string;

  /**
   * What the caller calls the source ARN, for the error, e.g. `--source-arn`.
   * @default 'sourceArn'
   */
  readonly sourceArnField?: string;
}

/**
 * Trust policies for the role EventBridge assumes to run the task, with
 * confused-deputy protection: `aws:SourceAccount` and `aws:SourceArn` pin the
 * role to one rule or one schedule group of one account.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention
 */
export class InvokerTrustPolicy {
  /** Sid of the rule trust statement. */
  public static readonly SID_RULE = 'EventBridgeRuleAssumeRole';
  /** Sid of the Scheduler trust statement. */
  public static readonly SID_SCHEDULER = 'EventBridgeSchedulerAssumeRole';
  /** The schedule group a schedule belongs to when none is named. */
  public static readonly DEFAULT_SCHEDULE_GROUP = 'default';

  /**
   * Trust for an EventBridge rule: `events.amazonaws.com`, with
   * `StringEquals aws:SourceAccount` and `ArnEquals aws:SourceArn` = the rule ARN.
   *
   * @returns an IAM trust policy document (plain JSON)
   * @throws ValidationError naming `accountId` or `sourceArn`
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/cross-service-confused-deputy-prevention.html
   */
  public static forRule(props: InvokerTrustProps): any {
    const sourceArnField = props.sourceArnField ?? 'sourceArn';
    const accountId = AccountId.check(props.accountId, props.accountIdField ?? 'accountId');
    if (!Arn.isToken(props.sourceArn)) {
      const rule = InvokerTrustPolicy.RULE.parse(props.sourceArn, sourceArnField);
      AccountId.checkSame(rule.account, accountId, sourceArnField);
    }
    return InvokerTrustPolicy.trust(InvokerTrustPolicy.SID_RULE, ServicePrincipal.EVENTS, accountId, props.sourceArn);
  }

  /**
   * Trust for EventBridge Scheduler: `scheduler.amazonaws.com`, with
   * `StringEquals aws:SourceAccount` and `ArnEquals aws:SourceArn` = the schedule-group ARN.
   *
   * Scheduler sets `aws:SourceArn` to the schedule group, not the schedule, so a
   * schedule ARN is rejected.
   *
   * @returns an IAM trust policy document (plain JSON)
   * @throws ValidationError naming `accountId` or `sourceArn`
   * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html
   */
  public static forScheduler(props: InvokerTrustProps): any {
    const sourceArnField = props.sourceArnField ?? 'sourceArn';
    const accountId = AccountId.check(props.accountId, props.accountIdField ?? 'accountId');
    if (!Arn.isToken(props.sourceArn)) {
      const components = Arn.parse(props.sourceArn, sourceArnField);
      if (components.service === 'scheduler' && components.resource.startsWith('schedule/')) {
        throw new ValidationError(sourceArnField, `'${props.sourceArn}' is a schedule ARN, but Scheduler sets aws:SourceArn to the schedule group (expected arn:${components.partition}:scheduler:${components.region}:${components.account}:schedule-group/<group-name>)`);
      }
      const group = InvokerTrustPolicy.SCHEDULE_GROUP.parse(props.sourceArn, sourceArnField);
      InvokerTrustPolicy.checkName(group.resource.slice('schedule-group/'.length), InvokerTrustPolicy.SCHEDULE_GROUP_NAME, sourceArnField, 'schedule group name');
      AccountId.checkSame(group.account, accountId, sourceArnField);
    }
    return InvokerTrustPolicy.trust(InvokerTrustPolicy.SID_SCHEDULER, ServicePrincipal.SCHEDULER, accountId, props.sourceArn);
  }

  /**
   * The ARN of an EventBridge rule: `arn:<partition>:events:<region>:<account>:rule/[<event-bus>/]<name>`.
   *
   * Any part may be a token.
   *
   * @param partition `aws`, `aws-cn` or `aws-us-gov`
   * @param region the rule's region
   * @param account the rule's account
   * @param ruleName the rule name (1-64 letters, numbers, `.`, `-`, `_`)
   * @param eventBusName the event bus; rules on a custom bus carry its name in the ARN. @default 'default'
   * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html#amazoneventbridge-resources-for-iam-policies
   */
  public static ruleArn(partition: string, region: string, account: string, ruleName: string, eventBusName?: string): string {
    InvokerTrustPolicy.checkName(ruleName, InvokerTrustPolicy.RULE_NAME, 'ruleName', 'rule name');
    const bus = eventBusName ?? 'default';
    if (bus !== 'default') {
      InvokerTrustPolicy.checkName(bus, InvokerTrustPolicy.EVENT_BUS_NAME, 'eventBusName', 'event bus name');
    }
    const resource = bus === 'default' ? `rule/${ruleName}` : `rule/${bus}/${ruleName}`;
    return Arn.format({ partition, service: 'events', region, account, resource });
  }

  /**
   * The ARN of an EventBridge Scheduler schedule group:
   * `arn:<partition>:scheduler:<region>:<account>:schedule-group/<name>`.
   *
   * Any part may be a token.
   *
   * @param partition `aws`, `aws-cn` or `aws-us-gov`
   * @param region the group's region
   * @param account the group's account
   * @param groupName the group (1-64 letters, numbers, `.`, `-`, `_`). @default 'default'
   * @param field what the caller calls the group name, for the error. @default 'groupName'
   * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridgescheduler.html#amazoneventbridgescheduler-resources-for-iam-policies
   */
  public static scheduleGroupArn(partition: string, region: string, account: string, groupName?: string, field?: string): string {
    const group = groupName ?? InvokerTrustPolicy.DEFAULT_SCHEDULE_GROUP;
    InvokerTrustPolicy.checkName(group, InvokerTrustPolicy.SCHEDULE_GROUP_NAME, field ?? 'groupName', 'schedule group name');
    return Arn.format({ partition, service: 'scheduler', region, account, resource: `schedule-group/${group}` });
  }

  private static readonly RULE = new ArnExpectation('events', 'rule/', 'rule/[<event-bus>/]<rule-name>');
  private static readonly SCHEDULE_GROUP = new ArnExpectation('scheduler', 'schedule-group/', 'schedule-group/<group-name>');

  /** @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html#eventbridge-PutRule-request-Name */
  private static readonly RULE_NAME = { pattern: /^[.\-_A-Za-z0-9]{1,64}$/, allowed: '1-64 letters, numbers, ., -, _' };
  /** @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateEventBus.html#eventbridge-CreateEventBus-request-Name */
  private static readonly EVENT_BUS_NAME = { pattern: /^[/.\-_A-Za-z0-9]{1,256}$/, allowed: '1-256 letters, numbers, /, ., -, _' };
  /** @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateScheduleGroup.html#scheduler-CreateScheduleGroup-request-Name */
  private static readonly SCHEDULE_GROUP_NAME = { pattern: /^[0-9a-zA-Z\-_.]{1,64}$/, allowed: '1-64 letters, numbers, ., -, _' };

  private static checkName(name: string, rule: { pattern: RegExp; allowed: string }, field: string, what: string): void {
    if (Arn.isToken(name)) return;
    if (typeof name !== 'string' || !rule.pattern.test(name)) {
      throw new ValidationError(field, `${what} '${name ?? ''}' is not valid (${rule.allowed})`);
    }
  }

  private static trust(sid: string, principal: string, accountId: string, sourceArn: string): any {
    return PolicyDocument.of([{
      sid,
      servicePrincipal: principal,
      actions: ['sts:AssumeRole'],
      conditions: [
        { operator: 'StringEquals', key: 'aws:SourceAccount', value: accountId },
        { operator: 'ArnEquals', key: 'aws:SourceArn', value: sourceArn },
      ],
    }]);
  }

  private constructor() {}
}
