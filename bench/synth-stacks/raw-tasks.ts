import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import {
  CLUSTER_ARN, EXECUTION_ROLE_ARN, RULE_CRON, SECURITY_GROUP_IDS, SUBNET_IDS, TASK_ROLE_ARN, taskFamilyArn, taskName,
} from './job-spec';

/**
 * The schedules of `addConstructTasks` written by hand with provider classes
 * and literal policies: the same Terraform JSON, logical ids and the shared
 * account data source included (test/bench/synth-stacks.test.ts holds it to
 * that). Against the article's classes it shows what the constructs'
 * Terraform costs; against the constructs, what running them costs.
 */
export function addRawTasks(scope: Construct, count: number): void {
  const account = new DataAwsCallerIdentity(new Construct(scope, 'ecs_batch_aws'), 'account');
  for (let i = 0; i < count; i++) {
    const name = taskName(i);
    const task = new Construct(scope, name);
    const rule = new CloudwatchEventRule(task, 'rule', { name, scheduleExpression: RULE_CRON, state: 'ENABLED' });
    const role = new IamRole(task, 'invoker', {
      name: `${name}-invoker`,
      description: `Lets EventBridge rule ${name} run its ECS task`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Sid: 'EventBridgeRuleAssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': account.accountId }, ArnEquals: { 'aws:SourceArn': rule.arn } },
        }],
      }),
    });
    new IamRolePolicy(task, 'invoker_policy', {
      name: 'run-task',
      role: role.name,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'RunTask', Effect: 'Allow', Action: 'ecs:RunTask', Resource: `${taskFamilyArn(i)}:*`, Condition: { ArnEquals: { 'ecs:cluster': CLUSTER_ARN } } },
          { Sid: 'PassRoleToEcsTasks', Effect: 'Allow', Action: 'iam:PassRole', Resource: [EXECUTION_ROLE_ARN, TASK_ROLE_ARN], Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } },
        ],
      }),
    });
    new CloudwatchEventTarget(task, 'target', {
      rule: rule.name,
      arn: CLUSTER_ARN,
      roleArn: role.arn,
      ecsTarget: {
        taskDefinitionArn: taskFamilyArn(i),
        taskCount: 1,
        launchType: 'FARGATE',
        enableEcsManagedTags: false,
        enableExecuteCommand: false,
        networkConfiguration: { subnets: SUBNET_IDS, securityGroups: SECURITY_GROUP_IDS, assignPublicIp: true },
      },
      retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
    });
  }
}
