import { mkdirSync } from 'fs';
import { join } from 'path';
import { run } from './command';

/** One packed workspace package. */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** Absolute path of the .tgz. */
  readonly file: string;
}

/** `npm pack` of every workspace package of `root`, as built, into `dest`. */
export async function packWorkspaces(root: string, dest: string, echo = false): Promise<PackedPackage[]> {
  mkdirSync(dest, { recursive: true });
  const result = await run('npm', ['pack', '--workspaces', '--json', '--pack-destination', dest], { cwd: root, echo });
  const packed = JSON.parse(result.stdout) as Array<{ name: string; version: string; filename: string }>;
  return packed.map((p) => ({ name: p.name, version: p.version, file: join(dest, p.filename) }));
}
