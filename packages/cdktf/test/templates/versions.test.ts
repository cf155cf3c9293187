/**
 * Every module and example asks for Terraform 1.5 or later and AWS provider 5
 * or later, and the examples ask for at least what the modules they call need.
 */
import { join } from 'path';
import { EXAMPLES_DIR, parseTfFiles } from './root-module';
import { moduleDir } from '../hcl/module-plan';

const DIRS: Record<string, string> = {
  'modules/ecs-scheduled-task': moduleDir('ecs-scheduled-task'),
  'modules/ecs-batch-job': moduleDir('ecs-batch-job'),
  'examples/nightly-job/rule': join(EXAMPLES_DIR, 'nightly-job', 'rule'),
  'examples/nightly-job/scheduler': join(EXAMPLES_DIR, 'nightly-job', 'scheduler'),
};

async function requirements(dir: string): Promise<{ terraform: string; aws: { source: string; version: string } }> {
  const [terraform] = (await parseTfFiles(dir))['versions.tf'].terraform;
  return { terraform: terraform.required_version, aws: terraform.required_providers[0].aws };
}

/** `>= 5.37` as [5, 37]. */
function floor(constraint: string): number[] {
  const m = /^>= (\d+(?:\.\d+)*)$/.exec(constraint);
  if (!m) throw new Error(`not a lower bound: ${constraint}`);
  return m[1].split('.').map(Number);
}

function atLeast(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

test.each(Object.entries(DIRS))('%s: Terraform >= 1.5 and hashicorp/aws >= 5', async (_, dir) => {
  const { terraform, aws } = await requirements(dir);
  expect(terraform).toBe('>= 1.5');
  expect(aws.source).toBe('hashicorp/aws');
  expect(floor(aws.version)[0]).toBeGreaterThanOrEqual(5);
});

test('each example asks for at least the provider version its modules need', async () => {
  const needed = await Promise.all(['ecs-scheduled-task', 'ecs-batch-job'].map(async (m) => floor((await requirements(moduleDir(m))).aws.version)));
  for (const example of ['rule', 'scheduler']) {
    const asked = floor((await requirements(join(EXAMPLES_DIR, 'nightly-job', example))).aws.version);
    for (const n of needed) expect([example, atLeast(asked, n)]).toEqual([example, true]);
  }
});
