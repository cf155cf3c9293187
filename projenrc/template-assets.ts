import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { BUILD_OUTPUTS } from './nx-workspace';

export interface TemplateAssetsOptions {
  /** Folder of raw Terraform modules, relative to the repo root. */
  readonly terraformDir: string;
  /** Packages whose versions generated repos pin. */
  readonly pins: NodeProject[];
}

/**
 * What the project type ships besides its code: the raw HCL modules (vendored
 * into `infra=hcl` repos) and `lib/versions.json`, the package versions a
 * generated repo depends on.
 */
export class TemplateAssets extends Component {
  constructor(project: NodeProject, options: TemplateAssetsOptions) {
    super(project);
    const rel = (p: string) => '../'.repeat(project.outdir.split('/').length - project.root.outdir.split('/').length) + p;
    project.preCompileTask.exec(`rm -rf templates && mkdir -p templates && cp -R ${rel(options.terraformDir)} templates/terraform`);
    project.postCompileTask.exec(
      `node ${rel('projenrc/scripts/bake-versions.mjs')} ${options.pins.map((p) => rel(p.outdir.slice(project.root.outdir.length + 1))).join(' ')}`,
    );
    project.gitignore.exclude('/templates/');
    project.npmignore?.include('/templates/');
    // Pinned versions and the HCL modules are inputs of this build, and the copied modules
    // an output: a cache hit (from any clone on the machine) must restore them too.
    project.package.addField('nx', {
      implicitDependencies: options.pins.map((p) => p.package.packageName),
      targets: {
        build: {
          inputs: ['production', '^production', `{workspaceRoot}/${options.terraformDir}/**/*`],
          outputs: [...BUILD_OUTPUTS, '{projectRoot}/templates'],
        },
      },
    });
  }
}
