import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Construct } from 'constructs';
import {
  CLUSTER_ARN, EXECUTION_ROLE_ARN, RULE_CRON, SECURITY_GROUP_IDS, SUBNET_IDS, TASK_ROLE_ARN, taskFamilyArn, taskName,
} from './job-spec';

/**
 * The baseline of the synth benchmark's second comparison: the schedules of
 * `addConstructTasks` as the original article writes them with raw provider
 * classes. Per task one rule, one target and one invoke role with an inline
 * policy, all ARNs literal: no data source, no validation, no
 * @ecs-batch/core. It is not the same Terraform as the constructs' (no
 * separate role policy, no source-account trust, no retry policy); the
 * benchmark reports what each side declares per task next to the time.
 */
export function addArticleTasks(scope: Construct, count: number): void {
  for (let i = 0; i < count; i++) {
    const name = taskName(i);
    const task = new Construct(scope, name);
    const rule = new CloudwatchEventRule(task, 'rule', { name, scheduleExpression: RULE_CRON });
    const role = new IamRole(task, 'invoker', {
      name: `${name}-invoker`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      inlinePolicy: [{
        name: 'run-task',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'ecs:RunTask', Resource: `${taskFamilyArn(i)}:*`, Condition: { ArnEquals: { 'ecs:cluster': CLUSTER_ARN } } },
            { Effect: 'Allow', Action: 'iam:PassRole', Resource: [EXECUTION_ROLE_ARN, TASK_ROLE_ARN] },
          ],
        }),
      }],
    });
    new CloudwatchEventTarget(task, 'target', {
      rule: rule.name,
      arn: CLUSTER_ARN,
      roleArn: role.arn,
      ecsTarget: {
        taskDefinitionArn: taskFamilyArn(i),
        taskCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: { subnets: SUBNET_IDS, securityGroups: SECURITY_GROUP_IDS, assignPublicIp: true },
      },
    });
  }
}
