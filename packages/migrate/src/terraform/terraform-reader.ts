import { FoundFunction, ReaderResult } from '../found-function';
import { registryModuleCalls } from './registry-module-calls';
import { lambdaModuleCreatesFunction, readLambdaModule, registryModuleWarnings } from './registry-modules';
import { readTerraformFunction } from './terraform-function';
import { TerraformModule } from './terraform-module';
import { FunctionIndex } from './terraform-references';
import { findTerraformTriggers } from './terraform-triggers';
import { TerraformValues } from './terraform-values';
import { TerraformModuleFiles } from '../scan/source-files';

/**
 * Reads one Terraform module (a folder of `.tf` files) and returns its scheduled Lambda functions:
 * `aws_lambda_function` resources, and `terraform-aws-modules/lambda/aws` calls read from their arguments.
 * @param variables `--var K=V` values, over every tfvars file
 * @throws MigrationError when a file does not parse
 */
export async function readTerraformModule(
  files: TerraformModuleFiles,
  relative: (file: string) => string,
  variables?: { [name: string]: string },
): Promise<ReaderResult> {
  const module = await TerraformModule.load(files, variables);
  const values = new TerraformValues(module.scope);
  const index = await FunctionIndex.build(module, values);
  const triggers = await findTerraformTriggers(module, values, index, relative);
  const functions: FoundFunction[] = [];
  const lambdaModules = [];
  for (const call of registryModuleCalls(module, 'lambda')) if (await lambdaModuleCreatesFunction(values, call)) lambdaModules.push(call);
  for (const block of [...module.resources('aws_lambda_function'), ...lambdaModules]) {
    const schedules = triggers.schedules.get(block);
    if (!schedules) continue;
    const settings = block.type === 'module' ? await readLambdaModule(module, values, block, relative) : await readTerraformFunction(module, values, block, relative);
    functions.push({
      ...settings,
      schedules,
      warnings: [...settings.warnings, ...(triggers.functionWarnings.get(block) ?? [])],
    });
  }
  return { functions, warnings: [...triggers.warnings, ...await registryModuleWarnings(module, values, relative, triggers.schedules)] };
}
