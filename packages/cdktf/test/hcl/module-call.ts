/**
 * Writes a root module that calls one of the HCL modules, from JavaScript
 * values: the "equivalent HCL module call" of a construct in the parity tests.
 */
import { moduleDir } from './module-plan';

/** An HCL expression written as it is, e.g. `hcl('var.cluster_arn')`. */
export class Hcl {
  constructor(public readonly source: string) {}
}

export function hcl(source: string): Hcl {
  return new Hcl(source);
}

export type HclArg = Hcl | string | number | boolean | null | HclArg[] | { [key: string]: HclArg };

/** HCL source of a value. */
export function hclValue(value: HclArg, indent = ''): string {
  if (value instanceof Hcl) return value.source;
  if (typeof value === 'string') return JSON.stringify(value).replace(/\$\{/g, '$${');
  if (value === null || typeof value !== 'object') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[${value.map((v) => hclValue(v, inner)).join(', ')}]`;
  const lines = Object.entries(value).map(([k, v]) => `${inner}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k)} = ${hclValue(v, inner)}`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/**
 * A root module: the variables (all of type `any` unless typed) and one module call.
 */
export function moduleCallTf(options: {
  readonly callName: string;
  readonly module: 'ecs-scheduled-task' | 'ecs-batch-job' | 'ecs-batch-dashboard';
  readonly variables: Record<string, string>;
  readonly args: Record<string, HclArg>;
}): string {
  const variables = Object.entries(options.variables).map(([name, type]) => `variable "${name}" {\n  type = ${type}\n}\n`);
  const args = Object.entries(options.args).map(([k, v]) => `  ${k} = ${hclValue(v, '  ')}`);
  return `${variables.join('\n')}\nmodule "${options.callName}" {\n  source = ${JSON.stringify(moduleDir(options.module))}\n${args.join('\n')}\n}\n`;
}
