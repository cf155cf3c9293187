import { RunnerEnvironment } from '@ecs-batch/core';
import { FoundFunction } from '../found-function';
import { embedsCredential } from './environment-variables';
import { JobEnvironmentVariable } from '../migration-report';

/**
 * Lambda's longest timeout, 900 s (15 minutes): a function set to it is likely cut short, which
 * is the usual reason to move it to ECS.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html
 */
export const LAMBDA_MAX_TIMEOUT_SECONDS = 900;

/** The Node.js major version the runner (`@ecs-batch/lambda-runner`) and the template's image use. */
export const RUNNER_NODE_MAJOR = 22;

/**
 * What to resolve by hand when the function becomes a job, beyond what the reader already said:
 * its runtime, timeout, network, layers, concurrency and environment.
 */
export function migrationWarnings(fn: FoundFunction, timeoutSeconds: number, environment: JobEnvironmentVariable[]): string[] {
  const warnings: string[] = [];
  if (timeoutSeconds >= LAMBDA_MAX_TIMEOUT_SECONDS) {
    warnings.push(`timeout is ${timeoutSeconds} s, at Lambda's limit: the reason to migrate`);
  }
  warnings.push(...runtimeWarnings(fn));
  if (fn.vpc) {
    const list = (ids: string[]) => (ids.length > 0 ? ids.join(', ') : 'none');
    warnings.push(`VPC config: pass these subnets (${list(fn.vpc.subnetIds)}) and security groups (${list(fn.vpc.securityGroupIds)}) `
      + 'to the job\'s subnetIds and securityGroupIds; the task needs the same network access');
  }
  if (fn.layerCount > 0) {
    warnings.push(`uses ${fn.layerCount} layer${fn.layerCount === 1 ? '' : 's'}: install what they provide as dependencies of the image`);
  }
  if (fn.reservedConcurrency === 1) {
    warnings.push(`reserved concurrency 1 kept runs from overlapping: skip overlapping runs with ${RunnerEnvironment.OVERLAP}=skip (the template's overlap: 'skip')`);
  }
  const carried = new Set(fn.environment.filter((v) => v.secretRef !== undefined).map((v) => v.name));
  for (const variable of environment) {
    // A variable that reads a secret is carried over as `secretsManagerSecrets` or `ssmParameters`.
    if (carried.has(variable.name)) continue;
    if (variable.secret && embedsCredential(variable.value ?? variable.expression ?? '')) {
      warnings.push(`environment ${variable.name} embeds a credential (a URL's user:password@): put the value in Secrets Manager or SSM Parameter Store and pass it as a container secret, not as a plain variable`);
    } else if (variable.secret) {
      warnings.push(`environment ${variable.name} looks like a secret: pass it as a container secret (Secrets Manager or SSM Parameter Store), not as a plain variable`);
    } else if (variable.value === null) {
      warnings.push(`environment ${variable.name}: ${variable.expression} is not a literal; set its value by hand`);
    }
  }
  return warnings;
}

/**
 * The runner loads a Node.js handler; anything else must be wrapped (a Node handler that spawns it)
 * or ported.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
 */
function runtimeWarnings(fn: FoundFunction): string[] {
  if (fn.image !== undefined) {
    return [`container image ${fn.image}: the runner is Node-only; rebuild the image on Node ${RUNNER_NODE_MAJOR} with ecs-batch-run as its entrypoint, or wrap it`];
  }
  if (fn.runtime === undefined) return [];
  // `nodejs20.x`, and the retired `nodejs8.10`, `nodejs6.10`, `nodejs4.3` and plain `nodejs` (Node 0.10).
  const node = /^nodejs(\d+)?(\.(x|\d+))?$/.exec(fn.runtime);
  if (!node) return [`runtime ${fn.runtime} is not Node: the runner is Node-only, so wrap or port`];
  if (node[1] === undefined || Number(node[1]) < RUNNER_NODE_MAJOR) {
    return [`runtime ${fn.runtime}: the runner needs Node ${RUNNER_NODE_MAJOR} or later, so test the handler on Node ${RUNNER_NODE_MAJOR}`];
  }
  return [];
}
