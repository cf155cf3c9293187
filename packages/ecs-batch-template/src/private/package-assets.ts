import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

/** The package versions a generated repo pins, as the build baked them into lib/versions.json. */
export interface BakedVersions {
  /** Versions of this monorepo's packages, e.g. `@ecs-batch/lambda-runner`. */
  readonly packages: { readonly [name: string]: string };
  /** Exact versions of the third-party packages those packages were built and tested with. */
  readonly thirdParty: { readonly [name: string]: string };
}

let cachedVersions: BakedVersions | undefined;
let cachedManifest: any;

/**
 * Files that ship inside ecs-batch-template besides its code: `lib/versions.json`
 * (written after compiling) and `templates/terraform/` (copied before compiling).
 *
 * Paths are resolved from the package root, so the same code works from `lib/`
 * (installed) and from `src/` (this package's own tests).
 */
export class PackageAssets {
  /** The folder holding this package's package.json. */
  public static readonly ROOT = resolve(__dirname, '..', '..');

  /** The raw Terraform modules a `hcl` repo vendors. */
  public static readonly TERRAFORM_DIR = join(PackageAssets.ROOT, 'templates', 'terraform');

  /** lib/versions.json; a missing file is a packaging bug, so it fails loudly. */
  public static versions(): BakedVersions {
    if (!cachedVersions) {
      const file = join(PackageAssets.ROOT, 'lib', 'versions.json');
      if (!existsSync(file)) {
        throw new Error(`ecs-batch-template: ${file} is missing (the package build writes it after compiling)`);
      }
      cachedVersions = JSON.parse(readFileSync(file, 'utf8')) as BakedVersions;
    }
    return cachedVersions;
  }

  /** This package's own package.json. */
  public static manifest(): any {
    if (!cachedManifest) {
      cachedManifest = JSON.parse(readFileSync(join(PackageAssets.ROOT, 'package.json'), 'utf8'));
    }
    return cachedManifest;
  }

  /** The version of one of this monorepo's packages, e.g. `@ecs-batch/cdktf`. */
  public static packageVersion(name: string): string {
    const version = PackageAssets.versions().packages[name];
    if (!version) throw new Error(`ecs-batch-template: lib/versions.json has no version for ${name}`);
    return version;
  }

  /** The exact version of a third-party package the monorepo builds against, e.g. `cdktf`. */
  public static thirdPartyVersion(name: string): string {
    const version = PackageAssets.versions().thirdParty[name];
    if (!version) throw new Error(`ecs-batch-template: lib/versions.json has no version for ${name}`);
    return version;
  }

  /**
   * The range this package builds with for a toolchain package (typescript, jest):
   * a generated repo uses the toolchain this template was tested with.
   */
  public static toolchainRange(name: string): string {
    const range = PackageAssets.manifest().devDependencies?.[name];
    if (!range) throw new Error(`ecs-batch-template: package.json has no devDependency ${name}`);
    return range;
  }

  private constructor() {}
}
