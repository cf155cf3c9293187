/**
 * A CloudWatch alarm that fires when the job has not succeeded for `hours`:
 * it watches the runner's `JobSucceeded` metric (EMF), and missing data counts
 * as breaching, so a schedule that silently stopped is noticed too.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-missing-data
 */
export interface MissedRunAlarmOptions {
  /**
   * No successful run in this many hours raises the alarm (1-168). For a daily
   * job, 25 leaves an hour of slack.
   */
  readonly hours: number;
}
