import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from '@cdktf/hcl2json';

/** The .tf files of one Terraform module folder, parsed by the real HCL parser (hcl2json). */
export class HclFolder {
  static async parse(dir: string): Promise<HclFolder> {
    const files = readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
    if (files.length === 0) throw new Error(`${dir}: no .tf files`);
    const parsed = await Promise.all(files.map(async (f) => parse(f, readFileSync(join(dir, f), 'utf8'))));
    return new HclFolder(dir, parsed);
  }

  private constructor(readonly dir: string, private readonly files: any[]) {}

  /** Blocks of one kind (`resource`, `variable`, `module`, `output`), merged across files. */
  blocks(kind: string): Record<string, any> {
    return Object.assign({}, ...this.files.map((f) => f[kind] ?? {}));
  }

  /** Resources of one type, by name (each a list of one body, as hcl2json writes blocks). */
  resources(type: string): Record<string, any[]> {
    return this.blocks('resource')[type] ?? {};
  }

  /** Every `locals` value, merged. */
  locals(): Record<string, any> {
    return Object.assign({}, ...this.files.flatMap((f) => f.locals ?? []));
  }
}
