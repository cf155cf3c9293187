import { resolve } from 'path';
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
  /** The module call path from the root (`module.job_a`); empty or absent in the root module. */
  readonly modulePath?: string;
}

/** A local module call (`source = "./…"`) whose folder holds no `.tf` file: its functions cannot be read. */
export interface MissingModule {
  /** Absolute path of the file with the `module` block. */
  readonly file: string;
  /** 1-based line of the block. */
  readonly line: number;
  /** The call's name (`job`). */
  readonly name: string;
  /** Its `source` as written. */
  readonly source: string;
}

/** Local module sources: a path, which Terraform reads in place. */
const LOCAL_SOURCE = /^\.\.?[\\/]/;

/** Module call arguments that are not inputs. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/**
 * A Terraform module (one folder), parsed file by file so each block keeps its file, with the
 * local modules it calls (`source = "./modules/job"`) read with the call's inputs.
 * @see https://developer.hashicorp.com/terraform/language/modules/sources#local-paths
 */
export class TerraformModule {
  /**
   * Parses every `.tf` and auto-loaded `.tfvars` / `.tfvars.json` file of the folder with `@cdktf/hcl2json`, and
   * follows its local module calls (each module's variables set from the call's arguments, else their default).
   * @param cliVariables `--var K=V` values, over every tfvars file (as `terraform plan -var`)
   * @param cliVarFiles `--var-file` files, after the auto-loaded tfvars (as `terraform plan -var-file`)
   * @throws MigrationError naming `<file>:<line>` when the parser rejects a file
   */
  public static async load(
    files: TerraformModuleFiles, cliVariables?: { [name: string]: string }, cliVarFiles: string[] = [],
  ): Promise<TerraformModule> {
    const varFiles = [...files.tfvarsFiles, ...cliVarFiles];
    // The shared reader (also @ecs-batch/lint's) parses and follows local modules; unparseable
    // files come back as data, and the migrate CLI's contract is to stop at the first one.
    const shared = await SharedModule.loadFiles(
      { dir: files.dir, files: files.tfFiles, varFiles },
      { variables: cliVariables },
    );
    // A local call to a missing folder is a warning of its caller (see `missingModules`), not an unreadable file.
    const calls = new Set(shared.allModules().flatMap((m) => m.blocks.filter((b) => b.kind === 'module').map((b) => `${b.file}:${b.line}`)));
    const [unreadable] = shared.allUnreadable().filter((u) => !calls.has(`${u.file}:${u.line}`));
    if (unreadable) throw unreadableFile(unreadable.file, unreadable.line, unreadable.reason);
    // What the deploy sets (tfvars, --var), read alone: the other variables with a default hold it.
    const deploy = await SharedModule.loadFiles(
      { dir: files.dir, files: [], varFiles },
      { followModules: false, variables: cliVariables },
    );
    const defaulted = new Set(shared.blocks
      .filter((b) => b.kind === 'variable' && isMap(b.body) && 'default' in b.body && !(b.name in deploy.scope.variables))
      .map((b) => b.name));
    return TerraformModule.fromShared(shared, defaulted);
  }

  /** This module from the shared reader's, and its called modules, each with the variables that hold their default. */
  private static fromShared(
    shared: SharedModule, defaulted: Set<string>, inherited: Map<string, string> = new Map(), repeated?: string,
  ): TerraformModule {
    const locals = new Map<string, unknown>(Object.entries(shared.scope.locals));
    const module = new TerraformModule(
      shared.dir,
      shared.blocks.filter((b) => b.kind === 'resource'),
      shared.blocks.filter((b) => b.kind === 'data'),
      { variables: new Map<string, unknown>(Object.entries(shared.scope.variables)), locals },
      shared.blocks.filter((b) => b.kind === 'module').map((b) => ({ ...b, type: 'module' })),
      new TerraformDefaults(defaulted, locals, shared.modulePath, inherited),
    );
    module.repeated = repeated;
    for (const call of module.moduleBlocks) {
      const source = typeof call.body.source === 'string' ? call.body.source : '';
      if (!LOCAL_SOURCE.test(source)) continue;
      const path = `${shared.modulePath ? `${shared.modulePath}.` : ''}module.${call.name}`;
      const child = shared.children.find((c) => c.modulePath === path);
      if (!child) {
        if (!SharedModule.isModuleDir(resolve(shared.dir, source))) {
          module.missingModules.push({ file: call.file, line: call.line ?? 1, name: call.name, source });
        }
        continue;
      }
      // A module variable holds a default when the call does not set it, or sets it from a defaulted variable of its caller.
      const childDefaulted = new Set<string>();
      const childOrigins = new Map<string, string>();
      for (const v of child.blocks.filter((b) => b.kind === 'variable')) {
        const fromCaller = v.name in call.body && !META_ARGUMENTS.has(v.name) ? module.defaults.variablesIn(call.body[v.name]) : [];
        if (fromCaller.length > 0) {
          childDefaulted.add(v.name);
          childOrigins.set(v.name, fromCaller.map((name) => module.defaults.origin(name)).join(', '));
        } else if (isMap(v.body) && 'default' in v.body && !(v.name in call.body && !META_ARGUMENTS.has(v.name))) {
          childDefaulted.add(v.name);
        }
      }
      // A module under a call with count or for_each (at any depth) may stand for several instances.
      const meta = ['count', 'for_each'].find((m) => call.body[m] !== undefined);
      const repeatedChild = meta ? `${meta}: ${path} may stand for several instances; the analyzer reports it once, with the inputs as written` : repeated;
      module.children.push(TerraformModule.fromShared(child, childDefaulted, childOrigins, repeatedChild));
    }
    return module;
  }

  /** The local modules this one calls, read with the call's inputs, in call order. */
  public readonly children: TerraformModule[] = [];

  /** The warning for each function of this module when its call has `count` or `for_each` (several instances). */
  public repeated?: string;

  /** The local module calls whose folder holds no `.tf` file. */
  public readonly missingModules: MissingModule[] = [];

  private constructor(
    /** Absolute folder of the module. */
    public readonly dir: string,
    private readonly resourceBlocks: TerraformBlock[],
    private readonly dataBlocks: TerraformBlock[],
    /** Variables (tfvars over defaults, or the call's inputs over defaults) and locals, for `TerraformValues`. */
    public readonly scope: TerraformScope,
    /** The `module` blocks (type `module`), read by `registry-modules.ts`. */
    private readonly moduleBlocks: TerraformBlock[] = [],
    /** The variables that hold their default, to list the values read from them in a job's `defaults`. */
    public readonly defaults: TerraformDefaults = new TerraformDefaults(new Set(), new Map()),
  ) {}

  /** This module and every local module below it, root first. */
  public allModules(): TerraformModule[] {
    return [this, ...this.children.flatMap((c) => c.allModules())];
  }

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
