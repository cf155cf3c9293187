/**
 * Every module and example asks for the bounded Terraform and AWS provider
 * versions of @ecs-batch/core's TerraformVersions.
 */
import { join } from 'path';
import { TerraformVersions } from '@ecs-batch/core';
import { EXAMPLES_DIR, parseTfFiles } from './root-module';
import { moduleDir } from '../hcl/module-plan';

const DIRS: Record<string, string> = {
  'modules/ecs-scheduled-task': moduleDir('ecs-scheduled-task'),
  'modules/ecs-batch-job': moduleDir('ecs-batch-job'),
  'modules/ecs-batch-dashboard': moduleDir('ecs-batch-dashboard'),
  'examples/nightly-job/rule': join(EXAMPLES_DIR, 'nightly-job', 'rule'),
  'examples/nightly-job/scheduler': join(EXAMPLES_DIR, 'nightly-job', 'scheduler'),
};

async function requirements(dir: string): Promise<{ terraform: string; aws: { source: string; version: string } }> {
  const [terraform] = (await parseTfFiles(dir))['versions.tf'].terraform;
  return { terraform: terraform.required_version, aws: terraform.required_providers[0].aws };
}

test.each(Object.entries(DIRS))('%s: Terraform and hashicorp/aws bounded as core says', async (_, dir) => {
  const { terraform, aws } = await requirements(dir);
  expect(terraform).toBe(TerraformVersions.MODULES);
  expect(aws).toEqual({ source: 'hashicorp/aws', version: TerraformVersions.AWS_PROVIDER });
});

test('every constraint has an upper bound: ~> with a minor version stops at the next major', () => {
  for (const constraint of [TerraformVersions.MODULES, TerraformVersions.ROOT_MODULE, TerraformVersions.AWS_PROVIDER]) {
    expect(constraint).toMatch(/^~> \d+\.\d+$/);
  }
  expect(TerraformVersions.AWS_PROVIDER).toMatch(/^~> 6\./);
});
