import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';

const SCRIPT = 'projenrc/scripts/lazy-requires.mjs';

/**
 * Rewrites the package's compiled `lib/` after compiling so that each module
 * requires what it imports on first use (projenrc/scripts/lazy-requires.mjs):
 * an app that creates one construct loads neither the provider classes nor
 * the parts of `@ecs-batch/core` of the constructs it does not create. A
 * fresh `cdktf synth` process spent more time loading those than building
 * the stack (docs/benchmarks.md, synth).
 */
export class LazyRequires extends Component {
  /**
   * @param buildInputs the package's other Nx build inputs (a generated flavour declares its source's)
   */
  constructor(project: NodeProject, buildInputs: string[] = ['production', '^production']) {
    super(project);
    const rel = '../'.repeat(project.outdir.split('/').length - project.root.outdir.split('/').length);
    // Before docgen and the other post-compile steps, which read lib/ as it ships.
    project.postCompileTask.prependExec(`node ${rel}projenrc/scripts/lazy-requires.mjs lib`);
    // The script is outside the package: a change to it must rebuild (not restore) lib/.
    project.package.file.addOverride('nx.targets.build.inputs', [...buildInputs, `{workspaceRoot}/${SCRIPT}`]);
  }
}
