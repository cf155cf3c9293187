/**
 * Evaluate synthesized IAM documents with the real IAM evaluator
 * (@cloud-copilot/iam-simulate, AGPL: a devDependency for tests only, never
 * imported from src/). A simulation the evaluator rejects (an unknown action, a
 * resource ARN of the wrong type, a context key the action does not have) fails
 * the test, so a typo cannot pass as "denied".
 */
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';

export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

async function decide(simulation: Simulation): Promise<Decision> {
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') {
    throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
  }
  if (result.resultType !== 'single') {
    throw new Error(`expected a single-resource simulation, got ${result.resultType}`);
  }
  if ((result.result.ignoredContextKeys ?? []).length > 0) {
    throw new Error(`context keys not applicable to ${simulation.request.action}: ${result.result.ignoredContextKeys!.join(', ')}`);
  }
  return result.overallResult as Decision;
}

function accountOf(arn: string): string {
  return arn.split(':')[4] || '123456789012';
}

/** A role with `policy` attached calls `action` on `resource`. */
export function identityDecision(
  policy: unknown,
  request: { action: string; resource: string; context?: Record<string, string | string[]>; principal?: string; resourcePolicy?: unknown },
): Promise<Decision> {
  const account = accountOf(request.resource) || '123456789012';
  return decide({
    request: {
      principal: request.principal ?? `arn:aws:iam::${account}:role/invoker`,
      action: request.action,
      resource: { resource: request.resource, accountId: account },
      contextVariables: request.context ?? {},
    },
    identityPolicies: [{ name: 'policy-under-test', policy }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    // e.g. a KMS key policy, without which IAM alone grants nothing on the key
    resourcePolicy: request.resourcePolicy,
  });
}

/** A service principal calls `action` on a resource whose resource policy is `policy` (trust policies: sts:AssumeRole on the role). */
export function resourcePolicyDecision(
  policy: unknown,
  request: { principal: string; action: string; resource: string; context?: Record<string, string | string[]> },
): Promise<Decision> {
  return decide({
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: accountOf(request.resource) },
      contextVariables: request.context ?? {},
    },
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: policy,
  });
}
