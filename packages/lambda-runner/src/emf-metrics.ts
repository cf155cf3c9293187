import { RunnerMetrics } from '@ecs-batch/core';

/** What the metrics of one run say. */
export interface JobMetricsProps {
  /** The CloudWatch namespace. */
  readonly namespace: string;
  /** The value of the `Job` dimension. */
  readonly jobName: string;
  /** Whether the run succeeded; a failure, timeout or stop counts as failed. */
  readonly succeeded: boolean;
  /** Milliseconds from handler start to outcome. */
  readonly durationMs: number;
  /** The outcome, kept as a plain member so Logs Insights can filter on it. */
  readonly outcome: string;
  /** When the metrics were observed. @default now */
  readonly timestamp?: number;
}

/**
 * One CloudWatch Embedded Metric Format document with `JobSucceeded` and `JobFailed`
 * (Count, 1 or 0) and `JobDurationMs` (Milliseconds), dimension `Job`. Written as one
 * stdout line, CloudWatch Logs extracts the metrics from the awslogs stream: no SDK
 * call and no permission needed. Both counts are always present so an alarm on
 * either sees a datapoint for every run.
 *
 * Structure: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 * (`_aws.Timestamp` in epoch milliseconds, `_aws.CloudWatchMetrics[]` of
 * Namespace/Dimensions/Metrics, and every referenced member at the root; dimension
 * values are strings, metric values numbers).
 * No header is needed on awslogs streams: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Generation_PutLogEvents.html
 */
export function jobMetricsDocument(props: JobMetricsProps): object {
  return {
    _aws: {
      Timestamp: props.timestamp ?? Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: props.namespace,
          Dimensions: [[RunnerMetrics.JOB_DIMENSION]],
          Metrics: [
            { Name: RunnerMetrics.JOB_SUCCEEDED, Unit: 'Count' },
            { Name: RunnerMetrics.JOB_FAILED, Unit: 'Count' },
            { Name: RunnerMetrics.JOB_DURATION_MS, Unit: 'Milliseconds' },
          ],
        },
      ],
    },
    [RunnerMetrics.JOB_DIMENSION]: props.jobName,
    [RunnerMetrics.JOB_SUCCEEDED]: props.succeeded ? 1 : 0,
    [RunnerMetrics.JOB_FAILED]: props.succeeded ? 0 : 1,
    [RunnerMetrics.JOB_DURATION_MS]: Math.max(0, Math.round(props.durationMs)),
    outcome: props.outcome,
  };
}

/** What the metric of a skipped run says. */
export interface SkippedMetricsProps {
  /** The CloudWatch namespace. */
  readonly namespace: string;
  /** The value of the `Job` dimension. */
  readonly jobName: string;
  /** When the metric was observed. @default now */
  readonly timestamp?: number;
}

/**
 * The EMF document of a run the overlap guard skipped: `JobSkipped` (Count, 1), dimension
 * `Job`. Neither `JobSucceeded` nor `JobFailed`: the handler did not run.
 */
export function skippedMetricsDocument(props: SkippedMetricsProps): object {
  return {
    _aws: {
      Timestamp: props.timestamp ?? Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: props.namespace,
          Dimensions: [[RunnerMetrics.JOB_DIMENSION]],
          Metrics: [{ Name: RunnerMetrics.JOB_SKIPPED, Unit: 'Count' }],
        },
      ],
    },
    [RunnerMetrics.JOB_DIMENSION]: props.jobName,
    [RunnerMetrics.JOB_SKIPPED]: 1,
    outcome: 'skipped',
  };
}
