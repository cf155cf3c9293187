import { basename, resolve } from 'path';

/**
 * How a generated repo depends on this template: by name, without a version in
 * `.projenrc.ts`.
 *
 * `projen new --from ecs-batch-template@0.3.0` would write
 * `devDeps: ['ecs-batch-template@0.3.0']`, and projen would then put 0.3.0 back into
 * package.json on every run, undoing `npm i -D ecs-batch-template@<new>`. Declared by
 * name, projen keeps whatever version package.json (and the lockfile) holds, so that
 * upgrade is the documented two commands.
 */
export class TemplateDependency {
  /**
   * `devDeps` with any `<templatePackage>@<version>` spec reduced to the name. A packed
   * tarball (`projen new --from ./ecs-batch-template-0.1.0.tgz`), which projen would
   * otherwise declare under its path as if that were a name, becomes
   * `<templatePackage>@file:<absolute path>`.
   */
  public static unpin(devDeps: string[] | undefined, templatePackage: string): string[] | undefined {
    // npm pack names a tarball <name>-<version>.tgz, with a scope's @ dropped and / as -.
    const packPrefix = `${templatePackage.replace(/^@/, '').replace('/', '-')}-`;
    return devDeps?.map((spec) => {
      if (spec.startsWith(`${templatePackage}@`)) return templatePackage;
      const path = spec.replace(/^file:/, '');
      if (/\.(tgz|tar\.gz)$/.test(path) && basename(path).startsWith(packPrefix)) return `${templatePackage}@file:${resolve(path)}`;
      return spec;
    });
  }

  /**
   * The options with the template dependency unpinned, both where the project reads
   * them and, under `projen new`, where projen renders `.projenrc.ts` from (`__new__.args`).
   */
  public static unpinOptions<T extends { devDeps?: string[] }>(options: T, templatePackage: string): T {
    const result: any = { ...options, devDeps: TemplateDependency.unpin(options.devDeps, templatePackage) };
    if (result.devDeps === undefined) delete result.devDeps;
    const init = (options as any).__new__;
    if (init?.args?.devDeps) {
      result.__new__ = { ...init, args: { ...init.args, devDeps: TemplateDependency.unpin(init.args.devDeps, templatePackage) } };
    }
    return result;
  }

  private constructor() {}
}
