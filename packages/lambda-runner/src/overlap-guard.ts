import { TaskMetadata } from './task-metadata';

/** `ECS_BATCH_OVERLAP`: run regardless (`allow`), or skip when a run of the same family is still going (`skip`). */
export type OverlapPolicy = 'allow' | 'skip';

/** The policies, for validation and messages. */
export const OVERLAP_POLICIES: readonly OverlapPolicy[] = ['allow', 'skip'];

/** What the check found. */
export interface OverlapCheck {
  /** The other tasks of the family whose desired status is RUNNING. Empty: go ahead. */
  readonly otherTasks: string[];
}

/** How long the whole check may take before the runner gives up and runs (fail open). */
export const DEFAULT_OVERLAP_CHECK_TIMEOUT_MS = 5000;

/** More pages than this means something is wrong; stop asking. */
const MAX_PAGES = 10;

/**
 * Asks ECS whether another task of this task's family is running in its cluster:
 * `ListTasks {cluster, family, desiredStatus: RUNNING}`, which needs only
 * `ecs:ListTasks` (conditioned on `ecs:cluster`, see `TaskRolePolicy.overlapGuard` in core).
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html
 *
 * Throws when it cannot tell (no metadata, no permission, ECS unreachable, timeout);
 * the runner then logs a warning and runs: a broken guard must not stop the job.
 *
 * The client is the SDK's default, so the standard SDK settings apply, including the
 * endpoint override `AWS_ENDPOINT_URL_ECS` / `AWS_ENDPOINT_URL`:
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */
export async function findOtherRunningTasks(
  metadata: TaskMetadata | undefined,
  timeoutMs: number = DEFAULT_OVERLAP_CHECK_TIMEOUT_MS,
): Promise<OverlapCheck> {
  const { taskArn, cluster, family } = metadata ?? {};
  if (taskArn === undefined || cluster === undefined || family === undefined) {
    const missing = [['TaskARN', taskArn], ['Cluster', cluster], ['Family', family]].filter(([, v]) => v === undefined).map(([k]) => k);
    throw new Error(`the task metadata endpoint did not give ${missing.join(', ')} (is ECS_CONTAINER_METADATA_URI_V4 set?)`);
  }
  // Loaded here: only `skip` pays for the SDK.
  const { ECSClient, ListTasksCommand } = await import('@aws-sdk/client-ecs');
  const client = new ECSClient({ ...(metadata?.region ? { region: metadata.region } : {}), maxAttempts: 2 });
  const abortSignal = AbortSignal.timeout(timeoutMs);
  try {
    const otherTasks: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await client.send(
        new ListTasksCommand({ cluster, family, desiredStatus: 'RUNNING', nextToken }),
        { abortSignal },
      );
      otherTasks.push(...(response.taskArns ?? []).filter((arn) => arn !== taskArn));
      nextToken = response.nextToken;
      if (otherTasks.length > 0 || nextToken === undefined) break;
    }
    return { otherTasks };
  } catch (e) {
    if (abortSignal.aborted) throw new Error(`ecs:ListTasks did not answer within ${timeoutMs} ms`);
    throw e;
  } finally {
    client.destroy();
  }
}
