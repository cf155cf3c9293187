import { Construct } from 'constructs';
import {
  ALERT_EMAIL, CLUSTER_ARN, CRON, ECR_REPOSITORY_ARN, IMAGE, jobName, MISSED_RUN_HOURS, SCHEDULE,
  SECURITY_GROUP_IDS, SUBNET_IDS, TIME_ZONE, TIMEOUT_SECONDS,
} from './job-spec';
import { EcsBatchJob, TriggerKind } from '@ecs-batch/cdktf';
import { Schedule } from '@ecs-batch/core';

/** The subject of the synth benchmark: `count` jobs as `EcsBatchJob`s, as a generated repo writes them. */
export function addConstructJobs(scope: Construct, count: number): void {
  for (let i = 0; i < count; i++) {
    const name = jobName(i);
    new EcsBatchJob(scope, name, {
      name,
      image: IMAGE,
      ecrRepositoryArn: ECR_REPOSITORY_ARN,
      handler: `dist/jobs/${name}.handler`,
      timeoutSeconds: TIMEOUT_SECONDS,
      clusterArn: CLUSTER_ARN,
      subnetIds: SUBNET_IDS,
      securityGroupIds: SECURITY_GROUP_IDS,
      assignPublicIp: true,
      schedules: [{ name: SCHEDULE, schedule: Schedule.expression(CRON), timeZone: TIME_ZONE, trigger: TriggerKind.SCHEDULER }],
      missedRunAlarm: { hours: MISSED_RUN_HOURS },
      alerts: { emails: [ALERT_EMAIL] },
    });
  }
}
