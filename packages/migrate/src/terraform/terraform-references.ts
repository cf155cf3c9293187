import { LAMBDA_MODULE_FUNCTION_OUTPUTS, lambdaModuleCall, registryModuleCalls } from './registry-module-calls';
import { TerraformBlock, TerraformModule } from './terraform-module';
import { TerraformValues } from './terraform-values';

/** `${aws_lambda_function.report.arn}`, also with a `count` index: `${aws_lambda_function.report[0].arn}`. */
const RESOURCE_ATTRIBUTE = /^\$\{\s*([a-z0-9_]+)\.([\w-]+)(?:\[[^\]]*\])?\.(\w+)\s*\}$/;

/** `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]` */
const LAMBDA_ARN = /^arn:[\w-]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/;

/** The resource a whole-string reference `${type.name.attribute}` points at, if it is one. */
export function referencedResource(value: unknown): { type: string; name: string; attribute: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = RESOURCE_ATTRIBUTE.exec(value);
  return m ? { type: m[1], name: m[2], attribute: m[3] } : undefined;
}

/**
 * Finds which `aws_lambda_function` of the module a value designates: a reference to the function
 * (`.arn`, `.qualified_arn`, `.function_name`...), a reference to an `aws_lambda_alias` of it, or a
 * literal ARN or name equal to a function's resolved `function_name`. A `terraform-aws-modules/lambda/aws`
 * call is a function too (a block of type `module`), designated by its outputs (`module.<name>.lambda_function_arn`).
 */
export class FunctionIndex {
  public static async build(module: TerraformModule, values: TerraformValues): Promise<FunctionIndex> {
    const byName = new Map<string, TerraformBlock>();
    for (const block of [...module.resources('aws_lambda_function'), ...registryModuleCalls(module, 'lambda')]) {
      const name = await values.resolve(block.body.function_name);
      if (name.ok && typeof name.value === 'string') byName.set(name.value, block);
    }
    return new FunctionIndex(module, values, byName);
  }

  /** True when the value looks like it designates a Lambda function, even one this module does not declare. */
  public static looksLikeLambda(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    return /aws_lambda_(function|alias)\.|:lambda:|module\.[\w-]*lambda/i.test(value);
  }

  private constructor(
    private readonly module: TerraformModule,
    private readonly values: TerraformValues,
    private readonly byName: Map<string, TerraformBlock>,
  ) {}

  /** The function a target ARN or permission `function_name` designates, if it is one of this module's. */
  public async find(value: unknown): Promise<TerraformBlock | undefined> {
    const ref = referencedResource(value);
    if (ref?.type === 'aws_lambda_function') return this.module.resource(ref.type, ref.name);
    if (ref?.type === 'module') {
      return LAMBDA_MODULE_FUNCTION_OUTPUTS.includes(ref.attribute) ? lambdaModuleCall(this.module, ref.name) : undefined;
    }
    if (ref?.type === 'aws_lambda_alias') {
      const alias = this.module.resource(ref.type, ref.name);
      return alias ? this.find(alias.body.function_name) : undefined;
    }
    const literal = await this.values.resolve(value);
    if (!literal.ok || typeof literal.value !== 'string') return undefined;
    const arn = LAMBDA_ARN.exec(literal.value);
    return this.byName.get(arn ? arn[1] : literal.value);
  }
}
