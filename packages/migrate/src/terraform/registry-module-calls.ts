import { TerraformBlock, TerraformModule } from './terraform-module';

/** The registry modules read from the module call's own arguments (never downloaded). */
export type RegistryModuleKind = 'lambda' | 'eventbridge';

/**
 * The outputs of `terraform-aws-modules/lambda/aws` that designate its function, as an EventBridge
 * target `arn` or a permission's `function_name` uses them.
 * @see https://github.com/terraform-aws-modules/terraform-aws-lambda/blob/v8.8.1/outputs.tf
 */
export const LAMBDA_MODULE_FUNCTION_OUTPUTS = ['lambda_function_arn', 'lambda_function_arn_static', 'lambda_function_qualified_arn', 'lambda_function_name'];

/** Local sources (`./jobs`, `../modules/x`): Terraform reads them in place, they are their own folders here. */
const LOCAL_SOURCE = /^\.\.?[\\/]/;

/** `[<host>/]terraform-aws-modules/<name>/aws` on a Terraform registry, without a `//subdir`. */
const REGISTRY_SOURCE = /^(?:[\w.-]+\.[a-z]+\/)?terraform-aws-modules\/(lambda|eventbridge)\/aws$/i;

/** The module's GitHub repository (`github.com/...`, `git::https://github.com/....git?ref=v8.0.0`, `git@github.com:...`), without a `//subdir`. */
const GITHUB_SOURCE = /^(?:git::)?(?:https:\/\/|ssh:\/\/git@|git@)?github\.com[/:]terraform-aws-modules\/terraform-aws-(lambda|eventbridge)(?:\.git)?$/i;

/** Names that suggest a module deploys (scheduled) functions: such a module that is not read gets a warning. */
const LAMBDA_LIKE = /lambda|function|schedul|cron|eventbridge|event[-_]?rule|cloudwatch[-_]?event|serverless|handler/i;

/**
 * Which of the two read registry modules a `source` is: the Terraform Registry address (with or
 * without the `registry.terraform.io/` host) or its GitHub repository, at any `version`/`ref`.
 * A submodule (`terraform-aws-modules/lambda/aws//modules/alias`) is not the function module.
 * @see https://developer.hashicorp.com/terraform/language/modules/sources#terraform-registry
 * @see https://developer.hashicorp.com/terraform/language/modules/sources#github
 */
export function registryModuleKind(source: unknown): RegistryModuleKind | undefined {
  if (typeof source !== 'string') return undefined;
  const trimmed = source.trim();
  const registry = REGISTRY_SOURCE.exec(trimmed);
  if (registry) return registry[1].toLowerCase() as RegistryModuleKind;
  const github = GITHUB_SOURCE.exec(trimmed.replace(/\?.*$/, ''));
  return github ? (github[1].toLowerCase() as RegistryModuleKind) : undefined;
}

/** The module calls of a kind, in file order. */
export function registryModuleCalls(module: TerraformModule, kind: RegistryModuleKind): TerraformBlock[] {
  return module.moduleCalls().filter((call) => registryModuleKind(call.body.source) === kind);
}

/** The `terraform-aws-modules/lambda/aws` call of that name, if the folder declares it. */
export function lambdaModuleCall(module: TerraformModule, name: string): TerraformBlock | undefined {
  return registryModuleCalls(module, 'lambda').find((call) => call.name === name);
}

/**
 * Module calls the analyzer does not read although they may deploy scheduled functions: not local,
 * not one of the two read modules, and a lambda-like name in the source, the call's name or an argument's name.
 */
export function unreadModuleCalls(module: TerraformModule): TerraformBlock[] {
  return module.moduleCalls().filter((call) => {
    const source = typeof call.body.source === 'string' ? call.body.source : '';
    if (LOCAL_SOURCE.test(source) || registryModuleKind(source) !== undefined) return false;
    return LAMBDA_LIKE.test(source) || LAMBDA_LIKE.test(call.name) || Object.keys(call.body).some((k) => LAMBDA_LIKE.test(k));
  });
}
