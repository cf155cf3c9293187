import { cdk, typescript } from 'projen';
import { NodePackageManager, NodeProject, NpmAccess } from 'projen/lib/javascript';
import { PackageVersion } from './package-version';

/** Settings every package in this repo shares. */
export const REPO = {
  url: 'https://github.com/ecs-batch/ecs-batch.git',
  author: 'ecs-batch maintainers',
  authorAddress: 'https://github.com/ecs-batch/ecs-batch',
  minNodeVersion: '22.0.0',
  typescriptVersion: '~6.0.3',
  jsiiVersion: '~6.0.16',
  /** Peer range for constructs; jsii wants the devDependency at its minimum, and one copy must be hoisted. */
  constructs: '10.8.1',
};

export interface WorkspacePackageOptions {
  /** The project this package lives in. */
  readonly parent: NodeProject;
  /** npm package name. */
  readonly name: string;
  /** Folder under packages/. */
  readonly folder: string;
  readonly description: string;
  readonly deps?: string[];
  readonly devDeps?: string[];
  readonly peerDeps?: string[];
  /** Dependencies shipped inside the package: a jsii library may depend on a non-jsii package only this way. */
  readonly bundledDeps?: string[];
  readonly bin?: Record<string, string>;
  /** Extra files to keep out of the npm package. */
  readonly npmIgnore?: string[];
}

/** jest 30 with ts-jest; no coverage or junit files, so test outputs stay cacheable. */
export const JEST_OPTIONS = {
  jestVersion: '^30',
  junitReporting: false,
  jestConfig: { collectCoverage: false, testTimeout: 30_000 },
};

function common(o: WorkspacePackageOptions) {
  return {
    parent: o.parent,
    outdir: `packages/${o.folder}`,
    name: o.name,
    packageName: o.name,
    description: o.description,
    defaultReleaseBranch: 'main',
    packageManager: NodePackageManager.NPM,
    minNodeVersion: REPO.minNodeVersion,
    typescriptVersion: REPO.typescriptVersion,
    npmAccess: NpmAccess.PUBLIC,
    deps: o.deps,
    devDeps: o.devDeps,
    peerDeps: o.peerDeps,
    bundledDeps: o.bundledDeps,
    peerDependencyOptions: { pinnedDevDependency: false },
    bin: o.bin,
    release: false,
    package: false,
    prettier: false,
    sampleCode: false,
    licensed: true,
    license: 'Apache-2.0',
    jestOptions: JEST_OPTIONS,
  };
}

/**
 * Wires a package into the workspace: tasks Nx can cache, and versions that
 * changesets owns.
 */
function wire(project: typescript.TypeScriptProject, o: WorkspacePackageOptions) {
  new PackageVersion(project);
  // `npm run build` compiles and documents; tests are their own Nx target so
  // the two cache apart. projen's own `build` task (which also tests) stays.
  const assemble = project.addTask('assemble', { description: 'Compile and document, without tests' });
  for (const t of [project.preCompileTask, project.compileTask, project.postCompileTask]) assemble.spawn(t);
  project.package.setScript('build', 'projen assemble');
  project.testTask.reset('jest --passWithNoTests', { receiveArgs: true });
  project.addTask('lint').spawn(project.tasks.tryFind('eslint')!);
  for (const f of o.npmIgnore ?? []) project.npmignore?.exclude(f);
  // See projenrc/scripts/bundle-deps.mjs: workspaces hoist what npm pack must find in the package.
  if (o.bundledDeps?.length) project.package.setScript('prepack', 'node ../../projenrc/scripts/bundle-deps.mjs');
}

/** A jsii package: typed for every jsii language, documented in API.md. */
export class JsiiPackage extends cdk.JsiiProject {
  constructor(o: WorkspacePackageOptions) {
    super({
      ...common(o),
      author: REPO.author,
      authorAddress: REPO.authorAddress,
      repositoryUrl: REPO.url,
      jsiiVersion: REPO.jsiiVersion,
      docgen: true,
    });
    wire(this, o);
    this.gitignore.exclude('/API.md');
    // See projenrc/scripts/docgen.mjs: docgen must find hoisted dependency assemblies.
    this.tasks.tryFind('docgen')!.reset('node ../../projenrc/scripts/docgen.mjs');
    // We publish JavaScript only (npm pack), so pacmak and the compat check are dead weight.
    this.packageTask.reset();
    for (const t of ['package-all', 'package:js', 'compat']) this.tasks.removeTask(t);
    for (const d of ['jsii-pacmak', 'jsii-diff']) this.deps.removeDependency(d);
  }
}

/** A plain TypeScript package (CommonJS, Node >= 22). */
export class TypeScriptPackage extends typescript.TypeScriptProject {
  constructor(o: WorkspacePackageOptions) {
    super({
      ...common(o),
      authorName: REPO.author,
      authorUrl: REPO.authorAddress,
      repository: REPO.url,
      tsconfig: { compilerOptions: { lib: ['es2023'], target: 'ES2022' } },
    });
    wire(this, o);
  }
}
