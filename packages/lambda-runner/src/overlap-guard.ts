import { TaskMetadata } from './task-metadata';

/** `ECS_BATCH_OVERLAP`: run regardless (`allow`), or skip when a run of the same family is still going (`skip`). */
export type OverlapPolicy = 'allow' | 'skip'; // core's OverlapPolicies.ALL (runner-config parses through it)

/** What the check found. */
export interface OverlapCheck {
  /**
   * The running tasks of the family that come before this one (earlier `createdAt`,
   * or the same and a smaller task ARN), earliest first. Empty: this task goes ahead.
   */
  readonly otherTasks: string[];
}

/** Options of the check. */
export interface OverlapCheckOptions {
  /** How long the whole check may take (settle time excluded) before it gives up. @default 5000 */
  readonly timeoutMs?: number;
  /** How long to wait before listing, so tasks started by the same fire see each other. @default 3000 */
  readonly settleMs?: number;
}

/** How long the whole check may take before the runner gives up and runs (fail open). */
export const DEFAULT_OVERLAP_CHECK_TIMEOUT_MS = 5000;

/**
 * The wait before listing. A task is listed once ECS has accepted it (PROVISIONING);
 * tasks that one fire (or a retry) starts reach that state within a few hundred ms of
 * each other, so 3 s covers them with margin and costs a scheduled job nothing.
 */
export const DEFAULT_OVERLAP_SETTLE_MS = 3000;

/** More pages than this means something is wrong; stop asking. */
const MAX_PAGES = 10;

/** DescribeTasks takes up to 100 tasks per call. */
const DESCRIBE_BATCH = 100;

/**
 * The overlap guard: of the family's running tasks, the earliest runs and every other
 * one skips. A deterministic tie-break, so two tasks started at the same moment cannot
 * both run:
 *
 * 1. wait `settleMs`, so every task of the same start is listed;
 * 2. `ListTasks {cluster, family, desiredStatus: RUNNING}` (all pages);
 * 3. if others are listed, `DescribeTasks` on all of them and this one, and order them
 *    by `createdAt`, then by task ARN; every task computes the same order, so exactly
 *    one of them (the first) finds nobody before it.
 *
 * Needs `ecs:ListTasks` and `ecs:DescribeTasks` in the cluster (`TaskRolePolicy.overlapGuard` in core).
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html
 *
 * Throws when it cannot tell (no metadata, no permission, ECS unreachable, timeout,
 * this task missing from the answer); the runner then logs a warning and runs
 * (fail open, see docs/overlap-guard.md).
 *
 * The client is the SDK's default, so the standard SDK settings apply, including the
 * endpoint override `AWS_ENDPOINT_URL_ECS` / `AWS_ENDPOINT_URL`:
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */
export async function findOtherRunningTasks(
  metadata: TaskMetadata | undefined,
  options: OverlapCheckOptions = {},
): Promise<OverlapCheck> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_OVERLAP_CHECK_TIMEOUT_MS;
  const { taskArn, cluster, family } = metadata ?? {};
  if (taskArn === undefined || cluster === undefined || family === undefined) {
    const missing = [['TaskARN', taskArn], ['Cluster', cluster], ['Family', family]].filter(([, v]) => v === undefined).map(([k]) => k);
    throw new Error(`the task metadata endpoint did not give ${missing.join(', ')} (is ECS_CONTAINER_METADATA_URI_V4 set?)`);
  }
  const settleMs = options.settleMs ?? DEFAULT_OVERLAP_SETTLE_MS;
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));

  // Loaded here: only `skip` pays for the SDK.
  const { ECSClient, ListTasksCommand, DescribeTasksCommand } = await import('@aws-sdk/client-ecs');
  const client = new ECSClient({ ...(metadata?.region ? { region: metadata.region } : {}), maxAttempts: 2 });
  const abortSignal = AbortSignal.timeout(timeoutMs);
  let operation = 'ecs:ListTasks';
  try {
    const running = new Set<string>();
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await client.send(
        new ListTasksCommand({ cluster, family, desiredStatus: 'RUNNING', nextToken }),
        { abortSignal },
      );
      (response.taskArns ?? []).forEach((arn) => running.add(arn));
      nextToken = response.nextToken;
      if (nextToken === undefined) break;
    }
    running.delete(taskArn);
    if (running.size === 0) return { otherTasks: [] };

    operation = 'ecs:DescribeTasks';
    const arns = [taskArn, ...running];
    const created = new Map<string, number>();
    for (let i = 0; i < arns.length; i += DESCRIBE_BATCH) {
      const response = await client.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + DESCRIBE_BATCH) }), { abortSignal });
      for (const task of response.tasks ?? []) {
        if (task.taskArn !== undefined && task.createdAt !== undefined) created.set(task.taskArn, task.createdAt.getTime());
      }
    }
    const own = created.get(taskArn);
    if (own === undefined) throw new Error(`ecs:DescribeTasks did not describe this task (${taskArn})`);
    // A task listed but not described has stopped since (MISSING): it does not count.
    const otherTasks = [...running]
      .filter((arn) => created.has(arn) && comesBefore({ arn, createdAt: created.get(arn)! }, { arn: taskArn, createdAt: own }))
      .sort((a, b) => created.get(a)! - created.get(b)! || compareArns(a, b));
    return { otherTasks };
  } catch (e) {
    if (abortSignal.aborted) throw new Error(`${operation} did not answer within ${timeoutMs} ms`);
    throw e;
  } finally {
    client.destroy();
  }
}

interface ListedTask {
  readonly arn: string;
  readonly createdAt: number;
}

/** The tie-break: earlier `createdAt` first, then the smaller task ARN. */
function comesBefore(a: ListedTask, b: ListedTask): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && compareArns(a.arn, b.arn) < 0);
}

function compareArns(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
