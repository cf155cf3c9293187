/**
 * Evaluate IAM policy documents with the real IAM evaluator
 * (@cloud-copilot/iam-simulate, AGPL: tests only, never imported from src/).
 *
 * Every helper fails the test when the simulator rejects the input (an invalid
 * policy, an action that does not exist, a resource ARN of the wrong type or a
 * context key the action does not support), so a typo cannot pass as "denied".
 */
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';

/** The simulator's verdict. */
export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

export interface IdentityRequest {
  /** e.g. `ecs:RunTask` */
  readonly action: string;
  /** The ARN the request acts on. */
  readonly resource: string;
  /** Request context, e.g. `{ 'ecs:cluster': '...' }`. */
  readonly context?: Record<string, string | string[]>;
  /** The calling role. @default a role in the resource's account */
  readonly principal?: string;
  /** The resource's own policy, e.g. a KMS key policy. @default none */
  readonly resourcePolicy?: unknown;
}

export interface AssumeRoleRequest {
  /** The service that assumes the role, e.g. `events.amazonaws.com`. */
  readonly service: string;
  /** The role being assumed. */
  readonly roleArn: string;
  /** e.g. `{ 'aws:SourceAccount': '...', 'aws:SourceArn': '...' }` */
  readonly context?: Record<string, string | string[]>;
}

export interface ResourcePolicyRequest {
  /** The caller: a service principal (`events.amazonaws.com`) or an IAM ARN. */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string | string[]>;
}

/** The account in an ARN (fifth field), or the default test account. */
function accountOf(arn: string): string {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : '111111111111';
}

async function decide(simulation: Simulation): Promise<Decision> {
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') {
    throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
  }
  if (result.resultType !== 'single') {
    throw new Error(`expected a single-resource simulation, got ${result.resultType} (does the request resource contain a wildcard?)`);
  }
  if ((result.result.ignoredContextKeys ?? []).length > 0) {
    throw new Error(`context keys not applicable to ${simulation.request.action}: ${result.result.ignoredContextKeys!.join(', ')}`);
  }
  return result.overallResult as Decision;
}

/** Evaluate an identity policy (attached to the calling role) for one request. */
export async function identityDecision(policy: unknown, request: IdentityRequest): Promise<Decision> {
  const account = accountOf(request.resource);
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
    resourcePolicy: request.resourcePolicy,
  });
}

/** Evaluate a role trust policy for a service assuming the role. */
export async function trustDecision(trustPolicy: unknown, request: AssumeRoleRequest): Promise<Decision> {
  return decide({
    request: {
      principal: request.service,
      action: 'sts:AssumeRole',
      resource: { resource: request.roleArn, accountId: accountOf(request.roleArn) },
      contextVariables: request.context ?? {},
    },
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: trustPolicy,
  });
}

/** Evaluate a resource policy (e.g. an SQS queue policy) for one request. */
export async function resourcePolicyDecision(resourcePolicy: unknown, request: ResourcePolicyRequest): Promise<Decision> {
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
    resourcePolicy,
  });
}
