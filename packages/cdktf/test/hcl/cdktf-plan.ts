/**
 * The same plan shape as `module-plan.ts`, from a synthesized CDKTF stack:
 * every resource and data source gets the canonical address its construct path
 * gives (`nightly/aws_iam_role.invoker` for `stack/nightly/invoker`), and every
 * `${...}` reference in its attributes is evaluated with resources and data
 * sources renamed to those addresses. Variables get the values the test gives.
 */
import { TerraformDataSource, TerraformElement, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { HclEvaluationError, Scope, evaluateJsonValue } from './hcl-evaluate';
import { Unknown, Value } from './hcl-values';
import { Plan, PlannedResource } from './module-plan';

export interface CdktfPlan extends Plan {
  /** The synthesized Terraform JSON, for assertions on the raw output. */
  readonly synthesized: any;
}

/**
 * Plan a synthesized stack, with values for its `TerraformVariable`s (known at
 * plan time) and, optionally, resource attributes as known after apply.
 */
export function planStack(stack: TerraformStack, variables: Record<string, Value> = {}, applied?: Record<string, Value>): CdktfPlan {
  const synthesized = JSON.parse(Testing.synth(stack));
  const addresses = new Map<string, string>();
  for (const construct of stack.node.findAll()) {
    if (construct instanceof TerraformResource || construct instanceof TerraformDataSource) {
      const element = construct as TerraformElement;
      const path = construct.node.scopes.slice(construct.node.scopes.indexOf(stack) + 1).map((c: Construct) => c.node.id);
      const prefix = path.slice(0, -1).map((p) => `${p}/`).join('');
      const type = (construct as TerraformResource).terraformResourceType;
      const dataPrefix = construct instanceof TerraformDataSource ? 'data.' : '';
      addresses.set(`${dataPrefix}${type}.${stack.getLogicalId(element)}`, `${prefix}${dataPrefix}${type}.${path[path.length - 1]}`);
    }
  }

  const resourceScope = (mode: 'resource' | 'data', type: string): { [id: string]: Value } =>
    Object.fromEntries(Object.keys(synthesized[mode]?.[type] ?? {}).map((id) => [id, new Unknown(addresses.get(`${mode === 'data' ? 'data.' : ''}${type}.${id}`)!)]));
  // A stack has no count or for_each of its own: evaluate as at apply time.
  const scope: Scope = {
    applyTime: true,
    applied,
    lookup(name: string): Value {
      if (name === 'var') {
        return Object.fromEntries(Object.keys(synthesized.variable ?? {}).map((v) => {
          if (!(v in variables)) throw new HclEvaluationError(`no value for variable ${v}`);
          return [v, variables[v]];
        }));
      }
      if (name === 'data') {
        return Object.fromEntries(Object.keys(synthesized.data ?? {}).map((type) => [type, resourceScope('data', type)]));
      }
      if (synthesized.resource?.[name] !== undefined) return resourceScope('resource', name);
      throw new HclEvaluationError(`Reference to undeclared name "${name}"`);
    },
  };

  const resources: PlannedResource[] = [];
  for (const [mode, key] of [['managed', 'resource'], ['data', 'data']] as const) {
    for (const [type, byId] of Object.entries<any>(synthesized[key] ?? {})) {
      for (const [id, body] of Object.entries<any>(byId)) {
        const { lifecycle, depends_on: _dependsOn, provider: _provider, ...config } = body;
        const attributes = evaluateJsonValue(config, scope) as { [k: string]: Value };
        resources.push({
          address: addresses.get(`${mode === 'data' ? 'data.' : ''}${type}.${id}`)!,
          mode,
          type,
          attributes: dropNulls(attributes) as { [k: string]: Value },
          ignoreChanges: [lifecycle?.ignore_changes ?? []].flat(),
        });
      }
    }
  }
  const outputs = Object.fromEntries(Object.entries<any>(synthesized.output ?? {}).map(([name, o]) => [name, evaluateJsonValue(o.value, scope)]));
  return { resources, outputs, issues: [], synthesized };
}

function dropNulls(value: Value): Value {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value !== null && typeof value === 'object' && !(value instanceof Unknown)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, dropNulls(v)]));
  }
  return value;
}
