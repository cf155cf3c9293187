import { dirname, resolve } from 'path';
import { DefaultedValue, FoundFunction, FoundVariable, FoundVpc, LambdaDefaults } from '../found-function';
import { embedsCredential } from '../job/environment-variables';
import { asArray, isMap, optional } from '../plain-data';
import { shown } from '../resolution';
import { firstBlock, TerraformBlock, TerraformModule } from './terraform-module';
import { terraformPermissions, terraformSecretReference } from './terraform-permissions';
import { TerraformValues } from './terraform-values';

/**
 * `aws_lambda_function` defaults: `memory_size` 128 MB, `timeout` 3 s (the Lambda API's own).
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#memory_size-1
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
 */
export const TERRAFORM_LAMBDA_DEFAULTS: LambdaDefaults = { memoryMb: 128, timeoutSeconds: 3, origin: "Lambda's default" };

/** An `aws_lambda_function`'s settings, without its schedules. */
export type FunctionSettings = Omit<FoundFunction, 'schedules'>;

/**
 * Reads one `aws_lambda_function`: literal values directly, `var.*`/`local.*` through `TerraformValues`,
 * and a warning naming each expression that does not resolve.
 */
export async function readTerraformFunction(
  module: TerraformModule, values: TerraformValues, block: TerraformBlock, relative: (file: string) => string = (f) => f,
): Promise<FunctionSettings> {
  const warnings: string[] = [];
  // Values read from a variable's default (no tfvars or --var sets it), for the job's `defaults`.
  const fromDefaults: DefaultedValue[] = [];
  const fields: { [attribute: string]: string } = { function_name: 'name', handler: 'handler', runtime: 'runtime', memory_size: 'memoryMb', timeout: 'timeoutSeconds' };
  const body = block.body;
  const text = async (attribute: string, consequence: string): Promise<string | undefined> => {
    if (body[attribute] === undefined) return undefined;
    const r = await values.resolve(body[attribute]);
    if (r.ok && (typeof r.value === 'string' || typeof r.value === 'number')) {
      if (fields[attribute]) fromDefaults.push(...module.defaults.track(fields[attribute], body[attribute]));
      return String(r.value);
    }
    warnings.push(`${attribute}: ${shown(r)} does not resolve to a literal (a literal, var.* with a default or tfvars value, local.*); ${consequence}`);
    return undefined;
  };
  const number = async (attribute: string, fallback: string): Promise<number | undefined> => {
    const value = await text(attribute, `using ${fallback}`);
    if (value === undefined) return undefined;
    if (/^\d+$/.test(value)) return Number(value);
    warnings.push(`${attribute}: ${value} is not a whole number; using ${fallback}`);
    return undefined;
  };

  const defaults = TERRAFORM_LAMBDA_DEFAULTS;
  for (const meta of ['count', 'for_each']) {
    if (body[meta] !== undefined) {
      warnings.push(`${meta}: the resource may stand for several functions; the analyzer reports it once, with the settings as written`);
    }
  }
  const functionName = await text('function_name', `the job is named after the resource, ${block.name}`);
  const handler = await text('handler', 'set the handler by hand');
  const runtime = await text('runtime', 'set the runtime by hand');
  const memoryMb = await number('memory_size', `${defaults.memoryMb} MB, ${defaults.origin}`);
  const timeoutSeconds = await number('timeout', `${defaults.timeoutSeconds} s, ${defaults.origin}`);
  const reserved = await values.resolve(body.reserved_concurrent_executions);
  const packageType = await values.resolve(body.package_type);
  const image = packageType.ok && packageType.value === 'Image' ? (await text('image_uri', 'find the image by hand')) ?? 'image_uri' : undefined;
  const code = image === undefined ? await codeRoot(module, values, body) : { missing: 'it is a container image' };
  const command = firstBlock(body, 'image_config')?.command;
  if (image !== undefined && command !== undefined) {
    // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#image_config-configuration-block
    warnings.push(`image_config.command: ${shown(await values.resolve(command))} is the image's command for this function: set it as the job's command, or jobs sharing the image lose the difference`);
  }
  if (body.durable_config !== undefined) {
    // Durable functions checkpoint and resume across invocations for up to a year; a task does not.
    // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#durable_config-configuration-block
    warnings.push('durable_config: a Lambda durable function checkpoints and resumes across invocations; '
      + 'a job runs once to the end, so its steps must be rewritten as one run (or keep it on Lambda)');
  }

  return {
    source: 'terraform',
    file: block.file,
    id: `${block.modulePath ? `${block.modulePath}.` : ''}${block.type}.${block.name}`,
    name: functionName ?? block.name,
    ...(handler !== undefined ? { handler } : {}),
    ...(runtime !== undefined ? { runtime } : {}),
    ...(memoryMb !== undefined ? { memoryMb } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    defaults,
    environment: await environment(module, values, body, warnings, fromDefaults),
    ...optional('vpc', await vpc(values, body)),
    layerCount: Array.isArray(body.layers) ? body.layers.length : (body.layers === undefined ? 0 : 1),
    ...optional('image', image),
    ...optional('reservedConcurrency', reserved.ok && typeof reserved.value === 'number' ? reserved.value : undefined),
    ...('root' in code ? { codeRoot: code.root } : { codeRootMissing: code.missing }),
    warnings,
    ...(fromDefaults.length > 0 ? { fromDefaults } : {}),
    ...await terraformPermissions(module, values, block, relative, warnings),
  };
}

async function environment(
  module: TerraformModule, values: TerraformValues, body: TerraformBlock['body'], warnings: string[], fromDefaults: DefaultedValue[],
): Promise<FoundVariable[]> {
  const raw = firstBlock(body, 'environment')?.variables;
  if (raw === undefined) return [];
  const wholeDefaults = isMap(raw) ? [] : module.defaults.variablesIn(raw);
  // `variables = var.env` or `merge(...)`: resolve the whole map first.
  const whole = isMap(raw) ? { ok: true as const, value: raw } : await values.resolve(raw);
  if (!whole.ok || !isMap(whole.value)) {
    warnings.push(`environment.variables: ${shown(whole)} does not resolve to a literal map; copy the variables by hand`);
    return [];
  }
  const variables: FoundVariable[] = [];
  for (const [name, value] of Object.entries(whole.value)) {
    const secretRef = await terraformSecretReference(module, values, value);
    if (secretRef) {
      variables.push({ name, expression: String(value), secretRef });
      continue;
    }
    const r = await values.resolve(value);
    if (r.ok && ['string', 'number', 'boolean'].includes(typeof r.value)) {
      variables.push({ name, value: String(r.value) });
      for (const v of new Set([...wholeDefaults, ...module.defaults.variablesIn(value)])) fromDefaults.push({ field: `environment.${name}`, origin: module.defaults.origin(v) });
    } else {
      // A connection string with its password from a variable (`mongodb+srv://app:${var.pw}@host`,
      // maybe behind a local) is shown whole, and is a secret whatever its name.
      const text = values.sourceText(value);
      const credential = text !== undefined && embedsCredential(text);
      variables.push(credential ? { name, expression: text, secret: true } : { name, expression: shown(r) });
    }
  }
  return variables;
}

async function vpc(values: TerraformValues, body: TerraformBlock['body']): Promise<FoundVpc | undefined> {
  const config = firstBlock(body, 'vpc_config');
  if (!config) return undefined;
  const ids = async (raw: unknown): Promise<string[]> => {
    const whole = await values.resolve(raw);
    if (whole.ok) return asArray(whole.value).map(String);
    const each: string[] = [];
    for (const item of asArray(raw)) {
      const r = await values.resolve(item);
      each.push(r.ok ? String(r.value) : r.expression);
    }
    return each;
  };
  return { subnetIds: await ids(config.subnet_ids), securityGroupIds: await ids(config.security_group_ids) };
}

/**
 * Where the function's code is: the `source_dir` (or the folder of the `source_file`) of the
 * `archive_file` that `filename` points at. A literal `.zip`, an S3 object or an image is not local source.
 * @see https://registry.terraform.io/providers/hashicorp/archive/latest/docs/data-sources/file
 */
async function codeRoot(module: TerraformModule, values: TerraformValues, body: TerraformBlock['body']): Promise<{ root: string } | { missing: string }> {
  if (body.s3_bucket !== undefined) return { missing: 'the code is an S3 object (s3_bucket)' };
  const archive = /^\$\{\s*data\.archive_file\.([\w-]+)\.output_path\s*\}$/.exec(String(body.filename ?? ''));
  if (archive) {
    const data = module.dataSource('archive_file', archive[1]);
    if (!data) return { missing: `data.archive_file.${archive[1]} is not declared in this folder` };
    const dir = await values.resolve(data.body.source_dir);
    if (dir.ok && typeof dir.value === 'string') return { root: resolve(module.dir, dir.value) };
    const file = await values.resolve(data.body.source_file);
    if (file.ok && typeof file.value === 'string') return { root: dirname(resolve(module.dir, file.value)) };
    return { missing: `data.archive_file.${archive[1]} has no literal source_dir or source_file` };
  }
  if (body.filename === undefined) return { missing: 'the function has no filename' };
  const filename = await values.resolve(body.filename);
  return { missing: `filename ${shown(filename)} is a prebuilt archive, not a source folder` };
}
