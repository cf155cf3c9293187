import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';

/**
 * npm workspaces: one install at the root links every package.
 *
 * Subprojects must not run their own `npm install` after synth; the root's
 * install covers them, and a nested install would fight over the lockfile.
 */
export class NpmWorkspaces extends Component {
  private readonly packages: NodeProject[] = [];

  constructor(private readonly root: NodeProject) {
    super(root);
  }

  /** Adds a subproject as a workspace. */
  public add(pkg: NodeProject): void {
    this.packages.push(pkg);
    // Root install covers this package; see class docs.
    (pkg.package as unknown as { installDependencies: () => void }).installDependencies = () => {};
  }

  public preSynthesize(): void {
    this.root.package.addField(
      'workspaces',
      this.packages.map((p) => p.outdir.slice(this.root.outdir.length + 1)),
    );
  }
}
