import { resolve } from 'path';
import { TerraformModule as SharedModule } from '@ecs-batch/terraform-reader';
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
 * `aws_lambda_function` resources (also those of the local modules it calls, with the call's inputs), and `terraform-aws-modules/lambda/aws` calls read from their arguments.
 * @param variables `--var K=V` values, over every tfvars file
 * @throws MigrationError when a file does not parse
 */
export async function readTerraformModule(
  files: TerraformModuleFiles,
  relative: (file: string) => string,
  variables?: { [name: string]: string },
): Promise<ReaderResult> {
  const root = await TerraformModule.load(files, variables);
  const functions: FoundFunction[] = [];
  const warnings: string[] = [];
  // The root, then each local module it calls, read with the call's inputs.
  for (const module of root.allModules()) {
    const values = new TerraformValues(module.scope);
    const index = await FunctionIndex.build(module, values);
    const triggers = await findTerraformTriggers(module, values, index, relative);
    const lambdaModules = [];
    for (const call of registryModuleCalls(module, 'lambda')) if (await lambdaModuleCreatesFunction(values, call)) lambdaModules.push(call);
    for (const block of [...module.resources('aws_lambda_function'), ...lambdaModules]) {
      const schedules = triggers.schedules.get(block);
      if (!schedules) continue;
      const settings = block.type === 'module' ? await readLambdaModule(module, values, block, relative) : await readTerraformFunction(module, values, block, relative);
      functions.push({
        ...settings,
        schedules,
        warnings: [...(module.repeated ? [module.repeated] : []), ...settings.warnings, ...(triggers.functionWarnings.get(block) ?? [])],
      });
    }
    warnings.push(...triggers.warnings, ...await registryModuleWarnings(module, values, relative, triggers.schedules));
    for (const m of module.missingModules) {
      warnings.push(`${relative(m.file)}:${m.line}: module.${m.name}: source "${m.source}" is not a folder of .tf files; the functions it declares are not migrated`);
    }
  }
  return { functions, warnings };
}

/**
 * The folders that a module among these calls as a local module (`source = "./modules/job"`):
 * Terraform applies them only through their caller, with its inputs, so they are not read as roots.
 * @see https://developer.hashicorp.com/terraform/language/modules/sources#local-paths
 */
export async function calledModuleDirs(modules: TerraformModuleFiles[], variables?: { [name: string]: string }): Promise<Set<string>> {
  const called = new Set<string>();
  for (const files of modules) {
    const shared = await SharedModule.loadFiles({ dir: files.dir, files: files.tfFiles, varFiles: files.tfvarsFiles }, { variables });
    for (const child of shared.allModules().slice(1)) called.add(resolve(child.dir));
  }
  return called;
}
