import { OverlapPolicies, RunnerEnvironment, RunnerMetrics } from '@ecs-batch/core';
import { ValidationError } from '@ecs-batch/core/lib/errors';
import { OverlapPolicy } from './overlap-guard';

/** The variable ECS sets in every task (Fargate platform 1.4.0+, EC2 agent 1.39.0+). */
export const METADATA_URI_VARIABLE = 'ECS_CONTAINER_METADATA_URI_V4';

/** The largest timeout `setTimeout` can hold (2^31-1 ms), in whole seconds. */
export const MAX_TIMEOUT_SECONDS = 2_147_483;

/** The runner's settings, read from the environment and validated. */
export interface RunnerConfig {
  /** `ECS_BATCH_HANDLER`, when set. */
  readonly handler?: string;
  /** `ECS_BATCH_EVENT`, parsed, when set (JSON `null` is a value). */
  readonly event?: { readonly value: unknown };
  /** `ECS_BATCH_JOB_NAME`, when set. */
  readonly jobName?: string;
  /** `ECS_BATCH_TIMEOUT_SECONDS`, when set. */
  readonly timeoutSeconds?: number;
  /** `ECS_BATCH_OVERLAP`, `allow` when unset. */
  readonly overlap: OverlapPolicy;
  /** `ECS_BATCH_METRIC_NAMESPACE`, `EcsBatch` when unset. */
  readonly metricNamespace: string;
  /** `ECS_CONTAINER_METADATA_URI_V4`, when set. */
  readonly metadataUri?: string;
  /** `AWS_REGION` (else `AWS_DEFAULT_REGION`): the event's region when the metadata has none. */
  readonly region?: string;
  /** `ECS_BATCH_OVERLAP_SETTLE_MS`, when set. */
  readonly overlapSettleMs?: number;
  /** `ECS_BATCH_ATTEMPT`, when set: the delivery attempt (1 = first) where the target passes it. */
  readonly attempt?: number;
}

/**
 * Reads the runner's variables. An empty variable counts as unset (Terraform and
 * task definitions often pass ""); a set but invalid one is an error naming it.
 *
 * @throws ValidationError naming the variable
 */
export function readRunnerConfig(env: { [name: string]: string | undefined }): RunnerConfig {
  const value = (name: string) => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw;
  };
  const eventText = value(RunnerEnvironment.EVENT);
  const timeoutText = value(RunnerEnvironment.TIMEOUT_SECONDS);
  const overlapText = value(RunnerEnvironment.OVERLAP);
  const attemptText = value(RunnerEnvironment.ATTEMPT);
  const settleText = value(RunnerEnvironment.OVERLAP_SETTLE_MS);
  return {
    handler: value(RunnerEnvironment.HANDLER)?.trim(),
    event: eventText === undefined ? undefined : { value: parseEvent(eventText) },
    jobName: value(RunnerEnvironment.JOB_NAME)?.trim(),
    timeoutSeconds: timeoutText === undefined ? undefined : parseTimeout(timeoutText),
    overlap: overlapText === undefined ? OverlapPolicies.ALLOW as OverlapPolicy : parseOverlap(overlapText),
    metricNamespace: value(RunnerEnvironment.METRIC_NAMESPACE)?.trim() ?? RunnerMetrics.DEFAULT_NAMESPACE,
    metadataUri: value(METADATA_URI_VARIABLE)?.trim(),
    region: (value('AWS_REGION') ?? value('AWS_DEFAULT_REGION'))?.trim(),
    ...(settleText === undefined ? {} : { overlapSettleMs: parseSettle(settleText) }),
    ...(attemptText === undefined ? {} : { attempt: parseAttempt(attemptText) }),
  };
}

function parseEvent(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ValidationError(RunnerEnvironment.EVENT, `is not valid JSON: ${(e as Error).message} (a JSON document, e.g. {"source":"manual"})`);
  }
}

function parseTimeout(text: string): number {
  const trimmed = text.trim();
  const seconds = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
  if (Number.isNaN(seconds)) {
    throw new ValidationError(RunnerEnvironment.TIMEOUT_SECONDS, `'${text}' is not a number of seconds (a positive number up to ${MAX_TIMEOUT_SECONDS}, e.g. 900)`);
  }
  if (seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new ValidationError(RunnerEnvironment.TIMEOUT_SECONDS, `${trimmed} is out of range (a positive number up to ${MAX_TIMEOUT_SECONDS}, e.g. 900; unset for no timeout)`);
  }
  return seconds;
}

/** Up to a minute: longer would only delay every run. */
const MAX_SETTLE_MS = 60_000;

function parseSettle(text: string): number {
  const trimmed = text.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(ms >= 0 && ms <= MAX_SETTLE_MS)) {
    throw new ValidationError(RunnerEnvironment.OVERLAP_SETTLE_MS, `'${text}' is not a wait in milliseconds (a whole number, 0-${MAX_SETTLE_MS}, default 3000)`);
  }
  return ms;
}

function parseAttempt(text: string): number {
  const trimmed = text.trim();
  const attempt = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(attempt >= 1 && Number.isSafeInteger(attempt))) {
    throw new ValidationError(RunnerEnvironment.ATTEMPT, `'${text}' is not an attempt number (a whole number from 1, e.g. 1 for the first delivery)`);
  }
  return attempt;
}

function parseOverlap(text: string): OverlapPolicy {
  // Core's vocabulary, shared with the construct and the template.
  return OverlapPolicies.validate(text.trim(), RunnerEnvironment.OVERLAP) as OverlapPolicy;
}
