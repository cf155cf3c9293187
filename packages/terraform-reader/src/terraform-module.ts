import { existsSync, readdirSync, statSync } from 'fs';
import { basename, join, resolve } from 'path';
import { isUnreadable, ParsedFile, parseSourceFile } from './private/source-file';
import { TerraformBlock, UnreadableFile } from './terraform-block';
import { TerraformScope } from './terraform-scope';
import { TerraformValues } from './terraform-values';

/** How to read a root module. */
export interface TerraformReadOptions {
  /**
   * `--var K=V` values: over every `*.tfvars` file, as `terraform plan -var` would set them.
   * @default - none
   */
  readonly variables?: { [name: string]: string };

  /**
   * More `*.tfvars` (or `.tfvars.json`) files, after the auto-loaded ones, as `-var-file` reads them.
   * @default - only the files Terraform loads by itself (`autoVarFiles`: `terraform.tfvars`,
   * `terraform.tfvars.json`, `*.auto.tfvars`, `*.auto.tfvars.json`)
   */
  readonly varFiles?: string[];

  /**
   * Read the modules that `module` blocks call from a local path (`source = "./jobs"`), with their inputs.
   * @default true
   */
  readonly followModules?: boolean;
}

/** The files of one module, when the caller has already listed them. */
export interface TerraformModuleFiles {
  /** The module's folder. */
  readonly dir: string;

  /** Its `.tf` / `.tf.json` files (or a synthesized `cdk.tf.json`). */
  readonly files: string[];

  /**
   * Its `*.tfvars` files, in the order Terraform applies them (later wins).
   * @default - none
   */
  readonly varFiles?: string[];
}

/** Module call arguments that are not inputs. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** Local module sources: a path, which Terraform reads in place. */
const LOCAL_SOURCE = /^\.\.?[\\/]/;

/**
 * A Terraform module: every block of its files with its `file:line` and comments, its variables
 * and locals, the local modules it calls (read with their inputs), and the files that did not parse.
 *
 * @see https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence
 * @see https://developer.hashicorp.com/terraform/language/modules/sources#local-paths
 */
export class TerraformModule {
  /**
   * Reads the folder's `.tf` and `.tf.json` files (a CDKTF stack's `cdk.tf.json` included), its
   * `terraform.tfvars` and `*.auto.tfvars`, then `varFiles` and `variables`, and the local modules it calls.
   *
   * @param dir the module's folder, or a `.tf` / `.tf.json` file to read alone
   */
  public static async load(dir: string, options?: TerraformReadOptions): Promise<TerraformModule> {
    const path = resolve(dir);
    if (existsSync(path) && statSync(path).isFile()) {
      return TerraformModule.loadFiles({ dir: resolve(path, '..'), files: [path], varFiles: options?.varFiles }, options);
    }
    const names = existsSync(path) ? readdirSync(path).sort() : [];
    const files = names.filter((n) => n.endsWith('.tf') || n.endsWith('.tf.json')).map((n) => join(path, n));
    const autoVars = TerraformModule.autoVarFiles(names).map((n) => join(path, n));
    return TerraformModule.loadFiles({ dir: path, files, varFiles: [...autoVars, ...(options?.varFiles ?? []).map((f) => resolve(f))] }, options);
  }

  /** Reads the listed files of one module (see `load` for the rest). */
  public static async loadFiles(files: TerraformModuleFiles, options?: TerraformReadOptions): Promise<TerraformModule> {
    return TerraformModule.read(files, options ?? {}, '', {}, new Set(), [resolve(files.dir)]);
  }

  /**
   * The variable definitions files Terraform loads by itself, among these file names (of one
   * folder), in the order it loads them (later wins): `terraform.tfvars`, then `terraform.tfvars.json`,
   * then `*.auto.tfvars` and `*.auto.tfvars.json` in lexical order of their names. `-var` and
   * `-var-file` come after all of them. Paths keep their folder; only the base name decides.
   *
   * @param files file names or paths
   * @returns the auto-loaded ones, in loading order
   * @see https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence
   */
  public static autoVarFiles(files: string[]): string[] {
    const base = (f: string) => basename(f);
    const auto = (f: string) => /\.auto\.tfvars(\.json)?$/.test(base(f));
    // Lexical order of the names, as Terraform's directory listing (Go's sort of byte strings).
    const lexical = (a: string, b: string) => (base(a) < base(b) ? -1 : base(a) > base(b) ? 1 : 0);
    return [
      ...files.filter((f) => base(f) === 'terraform.tfvars'),
      ...files.filter((f) => base(f) === 'terraform.tfvars.json'),
      ...files.filter(auto).sort(lexical),
    ];
  }

  /**
   * True for a variable definitions file (`*.tfvars` or `*.tfvars.json`), whether or not Terraform
   * loads it by itself (see `autoVarFiles`): the others are read only when given with `-var-file`.
   */
  public static isVarFile(file: string): boolean {
    return /\.tfvars(\.json)?$/.test(basename(file));
  }

  /** True when the folder holds Terraform files (`.tf`, `.tf.json`, `cdk.tf.json`). */
  public static isModuleDir(dir: string): boolean {
    return existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).some((n) => n.endsWith('.tf') || n.endsWith('.tf.json'));
  }

  private static async read(
    files: TerraformModuleFiles,
    options: TerraformReadOptions,
    modulePath: string,
    inputs: { [name: string]: any },
    unknownInputs: Set<string>,
    stack: string[],
  ): Promise<TerraformModule> {
    const blocks: TerraformBlock[] = [];
    const unreadable: UnreadableFile[] = [];
    for (const file of files.files) {
      const parsed = await parseSourceFile(resolve(file), modulePath);
      if (isUnreadable(parsed)) unreadable.push(parsed);
      else blocks.push(...parsed.blocks);
    }
    const variables: { [name: string]: any } = {};
    const locals: { [name: string]: any } = {};
    for (const block of blocks) {
      if (block.kind === 'variable' && block.body && 'default' in block.body) variables[block.name] = block.body.default;
      if (block.kind === 'locals') Object.assign(locals, block.body);
    }
    for (const name of unknownInputs) delete variables[name];
    Object.assign(variables, inputs);
    // tfvars and --var set root variables only; a called module gets its inputs.
    if (modulePath === '') {
      for (const file of files.varFiles ?? []) {
        const parsed: ParsedFile | UnreadableFile = await parseSourceFile(resolve(file), modulePath);
        if (isUnreadable(parsed)) unreadable.push(parsed);
        else Object.assign(variables, parsed.body);
      }
      Object.assign(variables, options.variables ?? {});
    }
    const scope: TerraformScope = { variables, locals };
    const module = new TerraformModule(resolve(files.dir), modulePath, blocks, unreadable, scope);
    if (options.followModules === false) return module;
    for (const call of blocks.filter((b) => b.kind === 'module')) {
      const source = typeof call.body.source === 'string' ? call.body.source : '';
      if (!LOCAL_SOURCE.test(source)) continue;
      const dir = resolve(files.dir, source);
      // A module that calls itself (through others) would never end; Terraform rejects it too.
      if (stack.includes(dir)) continue;
      const childInputs: { [name: string]: any } = {};
      const childUnknown = new Set<string>();
      for (const [name, value] of Object.entries(call.body as { [k: string]: any })) {
        if (META_ARGUMENTS.has(name)) continue;
        const r = await module.values.resolve(value);
        if (r.resolved) childInputs[name] = r.value;
        else childUnknown.add(name);
      }
      if (!TerraformModule.isModuleDir(dir)) {
        unreadable.push({ file: call.file, line: call.line, reason: `module "${call.name}": source "${source}" is not a folder of .tf files` });
        continue;
      }
      const childFiles = readdirSync(dir).sort().filter((n) => n.endsWith('.tf') || n.endsWith('.tf.json')).map((n) => join(dir, n));
      const child = await TerraformModule.read({ dir, files: childFiles }, options, `${modulePath ? `${modulePath}.` : ''}module.${call.name}`, childInputs, childUnknown, [...stack, dir]);
      module.children.push(child);
    }
    return module;
  }

  /** Resolves this module's expressions to literals where Terraform knows them before apply. */
  public readonly values: TerraformValues;

  /** The local modules this one calls, read with their inputs, in call order. */
  public readonly children: TerraformModule[] = [];

  private constructor(
    /** Absolute folder of the module. */
    public readonly dir: string,
    /** The module call path from the root (`module.jobs`); empty for the root. */
    public readonly modulePath: string,
    /** Every top-level block of its files, in file order. */
    public readonly blocks: TerraformBlock[],
    /** Files of this module (and its tfvars) that did not parse. */
    public readonly unreadable: UnreadableFile[],
    /** Variables (`--var`, tfvars, inputs, defaults) and locals. */
    public readonly scope: TerraformScope,
  ) {
    this.values = new TerraformValues(scope);
  }

  /** The `resource` blocks of a type, in file order. */
  public resources(type: string): TerraformBlock[] {
    return this.blocks.filter((b) => b.kind === 'resource' && b.type === type);
  }

  /**
   * The `resource` block `type.name`, if the module declares it.
   * @returns the block, or undefined
   */
  public resource(type: string, name: string): TerraformBlock | undefined {
    return this.blocks.find((b) => b.kind === 'resource' && b.type === type && b.name === name);
  }

  /**
   * The `data` block `type.name`, if the module declares it.
   * @returns the block, or undefined
   */
  public dataSource(type: string, name: string): TerraformBlock | undefined {
    return this.blocks.find((b) => b.kind === 'data' && b.type === type && b.name === name);
  }

  /** This module and every module below it, root first. */
  public allModules(): TerraformModule[] {
    return [this, ...this.children.flatMap((c) => c.allModules())];
  }

  /** The unreadable files of this module and every module below it. */
  public allUnreadable(): UnreadableFile[] {
    return this.allModules().flatMap((m) => m.unreadable);
  }
}
