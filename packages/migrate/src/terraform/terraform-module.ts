import { readFileSync } from 'fs';
import { parse } from '@cdktf/hcl2json';
import { asArray, asMap, isMap, PlainMap } from '../plain-data';
import { TerraformModuleFiles } from '../scan/source-files';
import { unreadableFile } from '../unreadable-file';
import { TerraformScope } from './terraform-values';

/** One `resource` or `data` block, with the file that declares it. */
export interface TerraformBlock {
  /** `aws_lambda_function` */
  readonly type: string;
  /** `report` */
  readonly name: string;
  /** The block's body as `@cdktf/hcl2json` returns it (nested blocks are arrays). */
  readonly body: PlainMap;
  /** Absolute path of the `.tf` file. */
  readonly file: string;
}

/** A Terraform module (one folder), parsed file by file so each block keeps its file. */
export class TerraformModule {
  /**
   * Parses every `.tf` and auto-loaded `.tfvars` file of the folder with `@cdktf/hcl2json`.
   * @throws MigrationError naming `<file>:<line>` when the parser rejects a file
   */
  public static async load(files: TerraformModuleFiles): Promise<TerraformModule> {
    const resources: TerraformBlock[] = [];
    const data: TerraformBlock[] = [];
    const defaults = new Map<string, unknown>();
    const locals = new Map<string, unknown>();
    for (const file of files.tfFiles) {
      const json = await parseFile(file);
      collectBlocks(json.resource, file, resources);
      collectBlocks(json.data, file, data);
      for (const [name, bodies] of Object.entries(asMap(json.variable))) {
        const body = asArray(bodies)[0];
        if (isMap(body) && 'default' in body) defaults.set(name, body.default);
      }
      for (const block of asArray(json.locals)) {
        for (const [name, value] of Object.entries(asMap(block))) locals.set(name, value);
      }
    }
    const variables = new Map(defaults);
    for (const file of files.tfvarsFiles) {
      for (const [name, value] of Object.entries(await parseFile(file))) variables.set(name, value);
    }
    return new TerraformModule(files.dir, resources, data, { variables, locals });
  }

  private constructor(
    /** Absolute folder of the module. */
    public readonly dir: string,
    private readonly resourceBlocks: TerraformBlock[],
    private readonly dataBlocks: TerraformBlock[],
    /** Variables (tfvars over defaults) and locals, for `TerraformValues`. */
    public readonly scope: TerraformScope,
  ) {}

  /** The `resource` blocks of a type, in file order. */
  public resources(type: string): TerraformBlock[] {
    return this.resourceBlocks.filter((b) => b.type === type);
  }

  /** The `resource` block `type.name`, if the module declares it. */
  public resource(type: string, name: string): TerraformBlock | undefined {
    return this.resourceBlocks.find((b) => b.type === type && b.name === name);
  }

  /** The `data` block `type.name`, if the module declares it. */
  public dataSource(type: string, name: string): TerraformBlock | undefined {
    return this.dataBlocks.find((b) => b.type === type && b.name === name);
  }
}

async function parseFile(file: string): Promise<PlainMap> {
  const text = readFileSync(file, 'utf8');
  try {
    return await parse(file, text);
  } catch (e) {
    throw unreadableFile(file, hclErrorLine(e), hclErrorReason(e));
  }
}

/**
 * hcl2json reports HCL diagnostics as `parse config: [<file>:<line>,<column>-<line>,<column>: <summary>; <detail>]`.
 */
const HCL_DIAGNOSTIC = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]*)/;

function hclErrorLine(e: unknown): number | undefined {
  const m = HCL_DIAGNOSTIC.exec(String((e as Error)?.message ?? e));
  return m ? Number(m[1]) : undefined;
}

function hclErrorReason(e: unknown): string {
  const message = String((e as Error)?.message ?? e);
  const m = HCL_DIAGNOSTIC.exec(message);
  return `${(m ? m[2] : message).trim()} (valid HCL, as terraform validate accepts it)`;
}

function collectBlocks(section: unknown, file: string, into: TerraformBlock[]): void {
  for (const [type, byName] of Object.entries(asMap(section))) {
    for (const [name, bodies] of Object.entries(asMap(byName))) {
      for (const body of asArray(bodies)) {
        if (isMap(body)) into.push({ type, name, body, file });
      }
    }
  }
}

/** The first nested block of that name (`environment`, `vpc_config`), as hcl2json returns blocks in arrays. */
export function firstBlock(body: PlainMap, name: string): PlainMap | undefined {
  const block = asArray(body[name])[0];
  return isMap(block) ? block : undefined;
}
