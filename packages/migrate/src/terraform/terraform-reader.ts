import { relative as relativePath, resolve } from 'path';
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

/** What a deploy gives Terraform besides the folder: `-var` values and `-var-file` files. */
export interface TerraformDeployOptions {
  /** `--var K=V` values, over every tfvars file. */
  readonly variables?: { [name: string]: string };
  /** `--var-file` files (absolute), after the auto-loaded tfvars, in order. */
  readonly varFiles?: string[];
}

/**
 * Reads one Terraform module (a folder of `.tf` files) and returns its scheduled Lambda functions:
 * `aws_lambda_function` resources (also those of the local modules it calls, with the call's inputs), and `terraform-aws-modules/lambda/aws` calls read from their arguments.
 * @param options `--var K=V` values (over every tfvars file) and `--var-file` files
 * @throws MigrationError when a file does not parse
 */
export async function readTerraformModule(
  files: TerraformModuleFiles,
  relative: (file: string) => string,
  options: TerraformDeployOptions = {},
): Promise<ReaderResult> {
  const root = await TerraformModule.load(files, options.variables, options.varFiles);
  const functions: FoundFunction[] = [];
  const warnings: string[] = [];
  // A tfvars file Terraform does not load by itself (prod.tfvars): its values are not read unless given.
  for (const file of files.otherVarFiles ?? []) {
    if ((options.varFiles ?? []).includes(resolve(file))) continue;
    warnings.push(`${relative(file)}: not read: Terraform loads only terraform.tfvars, terraform.tfvars.json and *.auto.tfvars(.json) by itself; `
      + `if the deploy passes it (terraform apply -var-file), pass it too: --var-file ${relativePath(process.cwd(), file) || file}`);
  }
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
export async function calledModuleDirs(modules: TerraformModuleFiles[], options: TerraformDeployOptions = {}): Promise<Set<string>> {
  const called = new Set<string>();
  for (const files of modules) {
    const shared = await SharedModule.loadFiles(
      { dir: files.dir, files: files.tfFiles, varFiles: [...files.tfvarsFiles, ...(options.varFiles ?? [])] },
      { variables: options.variables },
    );
    for (const child of shared.allModules().slice(1)) called.add(resolve(child.dir));
  }
  return called;
}
