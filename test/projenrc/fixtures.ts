import { mkdtempSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { typescript } from 'projen';
import { NodePackageManager } from 'projen/lib/javascript';
import { JsiiPackage, TypeScriptPackage } from '../../projenrc/workspace-package';

/** A throwaway root project in a temp dir, shaped like ours. */
export function rootProject(outdir = mkdtempSync(join(tmpdir(), 'projenrc-'))) {
  return new typescript.TypeScriptProject({
    name: 'root',
    outdir,
    defaultReleaseBranch: 'main',
    packageManager: NodePackageManager.NPM,
    github: false,
    release: false,
    sampleCode: false,
  });
}

/** Writes `<dir>/package.json` as changesets would have left it. */
export function writePackageJson(dir: string, content: object) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(content, null, 2));
}

export function jsiiPackage(parent: typescript.TypeScriptProject, folder: string, extra: object = {}) {
  return new JsiiPackage({ parent, folder, name: `@x/${folder}`, description: folder, ...extra });
}

export function tsPackage(parent: typescript.TypeScriptProject, folder: string, extra: object = {}) {
  return new TypeScriptPackage({ parent, folder, name: `@x/${folder}`, description: folder, ...extra });
}
