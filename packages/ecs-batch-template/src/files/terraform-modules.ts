import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { Component, Project } from 'projen';
import { GeneratedTextFile } from '../private/generated-text-file';
import { PackageAssets } from '../private/package-assets';

/** The module a `hcl` repo's root module calls for each job. */
export const JOB_MODULE = 'ecs-batch-job';
/** The module a `hcl` repo's root module calls for its dashboard. */
export const DASHBOARD_MODULE = 'ecs-batch-dashboard';

/**
 * Vendors the raw HCL modules this template version ships (`templates/terraform/modules/`)
 * into `infra/modules/`, as projen-managed files: the modules are pinned to the
 * template, and upgrading the template upgrades them.
 */
export class TerraformModules extends Component {
  /** The files vendored, relative to the repo. */
  public readonly files: string[] = [];

  constructor(project: Project, sourceDir: string = join(PackageAssets.TERRAFORM_DIR, 'modules'), private readonly version: string = PackageAssets.manifest().version) {
    super(project, 'TerraformModules');
    if (!existsSync(join(sourceDir, JOB_MODULE))) {
      throw new Error(`ecs-batch-template: ${join(sourceDir, JOB_MODULE)} is missing; the package build copies templates/terraform into the package`);
    }
    for (const file of walk(sourceDir)) {
      const target = `infra/modules/${relative(sourceDir, file).split('\\').join('/')}`;
      const content = readFileSync(file, 'utf8').replace(/\n*$/, '');
      const style = file.endsWith('.md') ? '<!--' : '#';
      const note = `Vendored from ecs-batch-template ${this.version} (templates/terraform/modules).`;
      new GeneratedTextFile(this, target, () => [style === '#' ? `# ${note}` : `<!-- ${note} -->`, content], { comment: style });
      this.files.push(target);
    }
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
