import { Construct } from 'constructs';
import {
  CLUSTER_ARN, EXECUTION_ROLE_ARN, RULE_CRON, SECURITY_GROUP_IDS, SUBNET_IDS, TASK_ROLE_ARN, taskFamilyArn, taskName,
} from './job-spec';
import { EcsScheduledTask } from '@ecs-batch/cdktf';
import { Schedule } from '@ecs-batch/core';

/**
 * The subject of the synth benchmark's second comparison: `count` schedules
 * as `EcsScheduledTask`s, each an EventBridge rule that starts an existing
 * task definition (a literal ARN) on FARGATE with a public IP.
 */
export function addConstructTasks(scope: Construct, count: number): void {
  for (let i = 0; i < count; i++) {
    const name = taskName(i);
    new EcsScheduledTask(scope, name, {
      name,
      schedule: Schedule.expression(RULE_CRON),
      clusterArn: CLUSTER_ARN,
      taskDefinitionArn: `${taskFamilyArn(i)}:1`,
      subnetIds: SUBNET_IDS,
      securityGroupIds: SECURITY_GROUP_IDS,
      assignPublicIp: true,
      executionRoleArn: EXECUTION_ROLE_ARN,
      taskRoleArn: TASK_ROLE_ARN,
    });
  }
}
