import { existsSync, readdirSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';

/**
 * Undoes what `projen new --from ecs-batch-template` did before it called the
 * constructor, so bad options leave the target folder as it was.
 *
 * projen 0.103's `initProjectFromModule` (lib/cli/cmds/new.js) first runs
 * `npm install --save-dev --no-package-lock projen@<version>` and then
 * `npm install --save-dev <template spec>` in the target folder: that leaves a
 * package.json whose only content is those two devDependencies, and node_modules/.
 * It then runs the constructor with a `__new__` field in the options
 * (lib/javascript/render-options.js) and PROJEN_CREATE_PROJECT=true.
 */
export class NewProjectCleanup {
  /** Whether these options come from `projen new` (and not from a `.projenrc.ts` run). */
  public static isProjenNew(options: object): boolean {
    return '__new__' in options;
  }

  /**
   * Removes package.json and node_modules/ from `dir` when package.json is exactly
   * what `projen new` wrote (devDependencies on projen and the template, nothing else);
   * a folder with a package.json of its own is left alone.
   *
   * @returns the entries removed
   */
  public static run(dir: string, templatePackage: string): string[] {
    const manifestFile = join(dir, 'package.json');
    if (!existsSync(manifestFile)) return [];
    let manifest: any;
    try {
      manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    } catch {
      return [];
    }
    const keys = Object.keys(manifest ?? {});
    const devDeps = Object.keys(manifest?.devDependencies ?? {});
    const bootstrapOnly = keys.every((k) => k === 'devDependencies')
      && devDeps.every((name) => name === 'projen' || name === templatePackage);
    if (!bootstrapOnly) return [];
    const removed: string[] = [];
    for (const entry of ['node_modules', 'package.json', 'package-lock.json']) {
      if (existsSync(join(dir, entry))) {
        rmSync(join(dir, entry), { recursive: true, force: true });
        removed.push(entry);
      }
    }
    return removed;
  }

  /** Whether `dir` holds nothing (or does not exist). */
  public static isEmpty(dir: string): boolean {
    return !existsSync(dir) || readdirSync(dir).length === 0;
  }

  private constructor() {}
}
