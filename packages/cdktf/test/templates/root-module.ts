/**
 * A root module on disk (an example under templates/terraform/examples), read
 * as Terraform reads it: every `.tf` file of the folder, and the values of a
 * tfvars file, both parsed with the real HCL parser and planned with the
 * module planner of test/hcl.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from '@cdktf/hcl2json';
import { Value } from '../hcl/hcl-values';
import { Plan, moduleDir, planRoot } from '../hcl/module-plan';

/** templates/terraform/examples */
export const EXAMPLES_DIR = resolve(moduleDir('ecs-batch-job'), '..', '..', 'examples');

/** The `.tf` files of a folder, parsed one by one (a syntax error names its file). */
export async function parseTfFiles(dir: string): Promise<Record<string, any>> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, await parse(f, readFileSync(join(dir, f), 'utf8'))])));
}

/** The values a tfvars file sets. */
export async function readTfvars(path: string): Promise<Record<string, Value>> {
  return await parse(path, readFileSync(path, 'utf8')) as Record<string, Value>;
}

/**
 * Plan the root module in `dir` with these variable values. Terraform reads all
 * `.tf` files of a folder as one configuration, so they are planned as one text.
 */
export async function planRootDir(dir: string, variables: Record<string, Value>): Promise<Plan> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
  const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  return planRoot(text, dir, variables);
}
