import { readdirSync, statSync } from 'fs';
import { basename, dirname, join } from 'path';
import { TerraformModule } from '@ecs-batch/terraform-reader';

/** The files `analyze` reads, grouped the way their readers need them. */
export interface SourceFiles {
  /** Terraform modules: each folder with its `.tf` and auto-loaded `.tfvars` files (absolute paths, sorted). */
  readonly terraformModules: TerraformModuleFiles[];
  /** SAM templates (`template.yaml` / `template.yml`). */
  readonly samTemplates: string[];
  /** Serverless Framework services (`serverless.yml` / `serverless.yaml`). */
  readonly serverlessFiles: string[];
  /** AWS Copilot manifests (`copilot/<name>/manifest.yml`). */
  readonly copilotManifests: string[];
}

export interface TerraformModuleFiles {
  readonly dir: string;
  readonly tfFiles: string[];
  /**
   * The variable definitions files Terraform loads by itself (`terraform.tfvars`, `terraform.tfvars.json`,
   * `*.auto.tfvars`, `*.auto.tfvars.json`), in the order it loads them.
   */
  readonly tfvarsFiles: string[];
  /** The folder's other `*.tfvars` / `*.tfvars.json` files (`prod.tfvars`): read only when given with `-var-file`. */
  readonly otherVarFiles?: string[];
}

/**
 * Folders that hold build output, dependencies or tool caches, not the team's sources: copies in
 * them (a `.aws-sam/build/template.yaml`, a module under `.terraform/`) would report every job twice.
 */
const SKIPPED_FOLDERS = new Set([
  'node_modules', '.git', '.terraform', '.aws-sam', '.serverless', 'cdk.out', 'cdktf.out', '.venv', 'venv', '__pycache__', 'dist',
]);

const SAM_TEMPLATES = new Set(['template.yaml', 'template.yml']);
const SERVERLESS_FILES = new Set(['serverless.yml', 'serverless.yaml']);

/**
 * Walks `root` (a folder, or a single file) and collects the files each reader understands.
 * Symbolic links to folders are not followed, so a link cycle cannot loop.
 */
export function findSourceFiles(root: string): SourceFiles {
  const files: string[] = [];
  if (statSync(root).isDirectory()) {
    walk(root, files);
  } else {
    files.push(root);
  }
  files.sort();

  const modules = new Map<string, { tfFiles: string[]; tfvarsFiles: string[] }>();
  const moduleOf = (dir: string) => {
    let module = modules.get(dir);
    if (!module) {
      module = { tfFiles: [], tfvarsFiles: [] };
      modules.set(dir, module);
    }
    return module;
  };
  const samTemplates: string[] = [];
  const serverlessFiles: string[] = [];
  const copilotManifests: string[] = [];
  for (const file of files) {
    const name = basename(file);
    if (name.endsWith('.tf')) {
      moduleOf(dirname(file)).tfFiles.push(file);
    } else if (TerraformModule.isVarFile(name)) {
      moduleOf(dirname(file)).tfvarsFiles.push(file);
    } else if (SAM_TEMPLATES.has(name)) {
      samTemplates.push(file);
    } else if (SERVERLESS_FILES.has(name)) {
      serverlessFiles.push(file);
    } else if ((name === 'manifest.yml' || name === 'manifest.yaml') && basename(dirname(dirname(file))) === 'copilot') {
      copilotManifests.push(file);
    }
  }

  const terraformModules = [...modules.entries()]
    .filter(([, m]) => m.tfFiles.length > 0)
    .map(([dir, m]) => {
      const auto = TerraformModule.autoVarFiles(m.tfvarsFiles);
      const other = m.tfvarsFiles.filter((f) => !auto.includes(f));
      return { dir, tfFiles: m.tfFiles, tfvarsFiles: auto, ...(other.length > 0 ? { otherVarFiles: other } : {}) };
    });
  return { terraformModules, samTemplates, serverlessFiles, copilotManifests };
}

function walk(dir: string, files: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, files);
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
}
