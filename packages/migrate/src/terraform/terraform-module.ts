import { TerraformModule as SharedModule } from '@ecs-batch/terraform-reader';
import { asArray, isMap, PlainMap } from '../plain-data';
import { TerraformModuleFiles } from '../scan/source-files';
import { unreadableFile } from '../unreadable-file';
import { TerraformDefaults } from './terraform-defaults';
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
  /** 1-based line of the block. */
  readonly line?: number;
  /** The line of each attribute inside, by path (`rules`, `targets`), as the shared reader gives it. */
  readonly attributes?: { readonly [path: string]: { readonly line: number } };
}

/** A Terraform module (one folder), parsed file by file so each block keeps its file. */
export class TerraformModule {
  /**
   * Parses every `.tf` and auto-loaded `.tfvars` file of the folder with `@cdktf/hcl2json`.
   * @param cliVariables `--var K=V` values, over every tfvars file (as `terraform plan -var`)
   * @throws MigrationError naming `<file>:<line>` when the parser rejects a file
   */
  public static async load(files: TerraformModuleFiles, cliVariables?: { [name: string]: string }): Promise<TerraformModule> {
    // The shared reader (also @ecs-batch/lint's) parses; unparseable files come back as data,
    // and the migrate CLI's contract is to stop at the first one.
    const shared = await SharedModule.loadFiles(
      { dir: files.dir, files: files.tfFiles, varFiles: files.tfvarsFiles },
      { followModules: false, variables: cliVariables },
    );
    const [unreadable] = shared.unreadable;
    if (unreadable) throw unreadableFile(unreadable.file, unreadable.line, unreadable.reason);
    const resources = shared.blocks.filter((b) => b.kind === 'resource');
    const data = shared.blocks.filter((b) => b.kind === 'data');
    const calls = shared.blocks.filter((b) => b.kind === 'module').map((b) => ({ ...b, type: 'module' }));
    // What the deploy sets (tfvars, --var), read alone: the other variables with a default hold it.
    const deploy = await SharedModule.loadFiles(
      { dir: files.dir, files: [], varFiles: files.tfvarsFiles },
      { followModules: false, variables: cliVariables },
    );
    const defaulted = new Set(shared.blocks
      .filter((b) => b.kind === 'variable' && isMap(b.body) && 'default' in b.body && !(b.name in deploy.scope.variables))
      .map((b) => b.name));
    const variables = new Map<string, unknown>(Object.entries(shared.scope.variables));
    const locals = new Map<string, unknown>(Object.entries(shared.scope.locals));
    return new TerraformModule(files.dir, resources, data, { variables, locals }, calls, new TerraformDefaults(defaulted, locals));
  }

  private constructor(
    /** Absolute folder of the module. */
    public readonly dir: string,
    private readonly resourceBlocks: TerraformBlock[],
    private readonly dataBlocks: TerraformBlock[],
    /** Variables (tfvars over defaults) and locals, for `TerraformValues`. */
    public readonly scope: TerraformScope,
    /** The `module` blocks (type `module`), read by `registry-modules.ts`. */
    private readonly moduleBlocks: TerraformBlock[] = [],
    /** The variables that hold their default, to list the values read from them in a job's `defaults`. */
    public readonly defaults: TerraformDefaults = new TerraformDefaults(new Set(), new Map()),
  ) {}

  /** The `module` calls, in file order, each as a block of type `module` (`module.<name>`). */
  public moduleCalls(): TerraformBlock[] {
    return this.moduleBlocks;
  }

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

/** The first nested block of that name (`environment`, `vpc_config`), as hcl2json returns blocks in arrays. */
export function firstBlock(body: PlainMap, name: string): PlainMap | undefined {
  const block = asArray(body[name])[0];
  return isMap(block) ? block : undefined;
}
