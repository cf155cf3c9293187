import { InvokerTrustPolicy, ServicePrincipal } from '@ecs-batch/core';
import { LintContext, LintRule, RawFinding } from '../private/lint-context';
import { allows, policyStatements } from '../private/policy-statements';
import { Severity } from '../severity';

/** ECSB005: an EventBridge or Scheduler trust policy open to any account's rules (confused deputy). */
export const ECSB005: LintRule = {
  id: 'ECSB005',
  title: 'Invoker trust without SourceAccount and SourceArn',
  severity: Severity.WARNING,
  description: 'A role that trusts `events.amazonaws.com` or `scheduler.amazonaws.com` without `aws:SourceAccount` and `aws:SourceArn` conditions can be assumed by the service on behalf of any rule or schedule, in any account that knows its ARN (the confused deputy problem).',
  awsDocUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention',
  async check(context: LintContext): Promise<RawFinding[]> {
    const out: RawFinding[] = [];
    for (const module of context.modules) {
      for (const role of module.resources('aws_iam_role')) {
        const statements = await policyStatements(module, role.body.assume_role_policy);
        for (const s of statements ?? []) {
          if (!allows(s, 'sts:AssumeRole')) continue;
          const service = s.servicePrincipals.find((p) => p === ServicePrincipal.EVENTS || p === ServicePrincipal.SCHEDULER);
          if (!service) continue;
          const missing = ['aws:SourceAccount', 'aws:SourceArn'].filter((k) => !s.conditionKeys.includes(k.toLowerCase()));
          if (missing.length === 0) continue;
          const example = service === ServicePrincipal.EVENTS
            ? InvokerTrustPolicy.forRule({ accountId: '${account_id}', sourceArn: '${rule_arn}' })
            : InvokerTrustPolicy.forScheduler({ accountId: '${account_id}', sourceArn: '${schedule_group_arn}' });
          out.push({
            block: role,
            attribute: 'assume_role_policy',
            message: `trusts ${service} without ${missing.join(' and ')}: any ${service === ServicePrincipal.EVENTS ? 'rule' : 'schedule'}, in any account, can make the service assume it`,
            fix: `add Condition ${JSON.stringify(example.Statement[0].Condition)} (${service === ServicePrincipal.EVENTS ? 'the rule ARN' : 'the schedule-group ARN: Scheduler sets aws:SourceArn to the group'})`,
          });
        }
      }
    }
    return out;
  },
};
