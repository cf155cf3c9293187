import { Arn } from '@ecs-batch/core';

/**
 * What the runner needs from the ECS task metadata endpoint v4: the container's own
 * document at `${ECS_CONTAINER_METADATA_URI_V4}` and the task's at `…/task`.
 * Every field is optional: the endpoint may be missing (a local run) or partial.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-metadata-endpoint-v4.html
 */
export interface TaskMetadata {
  /** `TaskARN`, e.g. `arn:aws:ecs:eu-west-1:123456789012:task/jobs/0123abcd…`. */
  readonly taskArn?: string;
  /** The last segment of the task ARN: the task id. */
  readonly taskId?: string;
  /** `Cluster`: an ARN on Fargate, sometimes a name on EC2; ListTasks takes either. */
  readonly cluster?: string;
  /** `Family` of the task definition. */
  readonly family?: string;
  /** `Revision` of the task definition. */
  readonly revision?: string;
  /** Region and account, from the task ARN. */
  readonly region?: string;
  readonly account?: string;
  /** The container's `Image`. */
  readonly image?: string;
  /** The container's `awslogs-group` and `awslogs-stream` log options. */
  readonly logGroupName?: string;
  readonly logStreamName?: string;
  /** The container's memory limit in MiB, else the task's (always set on Fargate). */
  readonly memoryMb?: number;
}

/** How long to wait for the endpoint: it is link-local, so anything slower is broken. */
export const DEFAULT_METADATA_TIMEOUT_MS = 2000;

/**
 * Reads both documents in parallel. Throws when neither can be read; a partial answer
 * (one of the two) is returned as is.
 */
export async function fetchTaskMetadata(uri: string, timeoutMs: number = DEFAULT_METADATA_TIMEOUT_MS): Promise<TaskMetadata> {
  const base = uri.replace(/\/+$/, '');
  const [container, task] = await Promise.allSettled([
    fetchJson(base, timeoutMs),
    fetchJson(`${base}/task`, timeoutMs),
  ]);
  if (container.status === 'rejected' && task.status === 'rejected') {
    throw new Error(`cannot read the task metadata endpoint ${base}: ${reasonOf(task.reason)}`);
  }
  return parseTaskMetadata(
    container.status === 'fulfilled' ? container.value : undefined,
    task.status === 'fulfilled' ? task.value : undefined,
  );
}

/** Picks the fields out of the two documents, ignoring anything of the wrong type. */
export function parseTaskMetadata(container: unknown, task: unknown): TaskMetadata {
  const c = asObject(container);
  const t = asObject(task);
  const taskArn = stringOf(t.TaskARN) ?? stringOf(asObject(c.Labels)['com.amazonaws.ecs.task-arn']);
  const arn = taskArn === undefined ? undefined : parseArn(taskArn);
  const logOptions = asObject(c.LogOptions);
  return {
    taskArn,
    // Task ARNs are task/<cluster>/<id> (or task/<id> in the old format): the id is last.
    taskId: arn?.resource.startsWith('task/') ? arn.resource.slice(arn.resource.lastIndexOf('/') + 1) : undefined,
    cluster: stringOf(t.Cluster) ?? stringOf(asObject(c.Labels)['com.amazonaws.ecs.cluster']),
    family: stringOf(t.Family) ?? stringOf(asObject(c.Labels)['com.amazonaws.ecs.task-definition-family']),
    revision: stringOf(t.Revision) ?? stringOf(asObject(c.Labels)['com.amazonaws.ecs.task-definition-version']),
    region: arn?.region || undefined,
    account: arn?.account || undefined,
    image: stringOf(c.Image),
    logGroupName: stringOf(logOptions['awslogs-group']),
    logStreamName: stringOf(logOptions['awslogs-stream']),
    memoryMb: positiveNumberOf(asObject(c.Limits).Memory) ?? positiveNumberOf(asObject(t.Limits).Memory),
  };
}

async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}

function parseArn(arn: string): { region: string; account: string; resource: string } | undefined {
  try {
    return Arn.parse(arn, 'TaskARN');
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as { [key: string]: unknown } : {};
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function positiveNumberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function reasonOf(reason: unknown): string {
  const error = reason as { name?: string; message?: string; cause?: { message?: string } };
  if (error?.name === 'TimeoutError') return 'timed out';
  return [error?.message, error?.cause?.message].filter(Boolean).join(': ') || String(reason);
}
