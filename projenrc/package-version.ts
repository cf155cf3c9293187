import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';

/**
 * Keeps the `version` that `changeset version` wrote into package.json.
 *
 * projen writes `"version": "0.0.0"` unless RELEASE is set, which would undo
 * every version bump. Internal dependency ranges need no help: they are
 * declared without a version, and projen keeps whatever range is on disk.
 */
export class PackageVersion extends Component {
  /** Reads the version from `<dir>/package.json`, or `0.0.0` when absent. */
  public static read(dir: string): string {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) return '0.0.0';
    return JSON.parse(readFileSync(file, 'utf8')).version ?? '0.0.0';
  }

  /** The version found on disk, or `0.0.0` for a new package. */
  public readonly version: string;

  constructor(project: NodeProject) {
    super(project);
    this.version = PackageVersion.read(project.outdir);
    project.package.addVersion(this.version);
  }
}
