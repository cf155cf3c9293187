/**
 * The ECS launch type of the scheduled task.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-launchType
 */
export enum LaunchType {
  /** Serverless capacity. A public IP can only be assigned on Fargate. */
  FARGATE = 'FARGATE',
  /** Container instances of the cluster. */
  EC2 = 'EC2',
  /** ECS Anywhere instances. */
  EXTERNAL = 'EXTERNAL',
}
