import { AwsLimits } from '@ecs-batch/core';
import { LintContext, LintRule, RawFinding } from '../private/lint-context';
import { blocksOf, hasDynamic } from '../private/plain';
import { Severity } from '../severity';

/** ECSB003: a public IP asked for where only Fargate gives one. */
export const ECSB003: LintRule = {
  id: 'ECSB003',
  title: 'Public IP without Fargate',
  severity: Severity.ERROR,
  description: '`assign_public_ip = true` is only supported on Fargate. With launch type EC2, or without a FARGATE launch type or Fargate capacity provider, RunTask fails when the schedule fires, not at apply.',
  awsDocUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html',
  async check(context: LintContext): Promise<RawFinding[]> {
    const out: RawFinding[] = [];
    for (const target of context.targets) {
      const network = blocksOf(target.ecs, 'network_configuration')[0];
      if (!network) continue;
      const ip = await target.module.values.resolve(network.assign_public_ip);
      if (!ip.resolved || (ip.value !== true && ip.value !== 'true')) continue;
      const launchType = await target.module.values.resolve(target.ecs.launch_type);
      if (!launchType.resolved) continue;
      if (hasDynamic(target.ecs, 'capacity_provider_strategy')) continue;
      const providers: string[] = [];
      for (const s of blocksOf(target.ecs, 'capacity_provider_strategy')) {
        const p = await target.module.values.resolve(s.capacity_provider);
        if (!p.resolved) return out;
        providers.push(String(p.value));
      }
      const fargate = launchType.value === 'FARGATE'
        || (launchType.value == null && providers.length > 0 && providers.every((p) => AwsLimits.FARGATE_CAPACITY_PROVIDERS.includes(p)));
      if (fargate) continue;
      const why = launchType.value === 'EC2' ? 'launch type EC2'
        : providers.length > 0 ? `capacity providers ${providers.join(', ')} (not all Fargate)` : 'no launch type and no Fargate capacity provider';
      out.push({
        block: target.block,
        attribute: `${target.ecsPath}.network_configuration.assign_public_ip`,
        message: `assign_public_ip = true with ${why}: only Fargate tasks take a public IP, so RunTask fails when the schedule fires`,
        fix: 'launch_type = "FARGATE" (or a FARGATE / FARGATE_SPOT capacity_provider_strategy); on EC2, remove assign_public_ip and reach the internet through a NAT gateway',
      });
    }
    return out;
  },
};
