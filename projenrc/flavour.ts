import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { BUILD_OUTPUTS } from './nx-workspace';
import { PackageVersion } from './package-version';
import { WorkspacePackageOptions } from './workspace-package';

/**
 * A framework the same construct source can be built for: CDK for Terraform
 * (`cdktf`) and its fork CDK Terrain (`cdktn`) share the API, only the package
 * names differ.
 */
export interface FlavourSpec {
  /** Folder under packages/ and the suffix of the npm name, e.g. `cdktn`. */
  readonly name: string;
  readonly description: string;
  /** Module names to rename in the generated source, e.g. `cdktf` -> `cdktn`. */
  readonly rename: Record<string, string>;
  /** The framework's peer ranges: the framework, its AWS provider, and the constructs it accepts. */
  readonly peerDeps: string[];
  /** Exact versions the framework accepts, to build and test with. */
  readonly devDeps: string[];
}

/**
 * CDK Terrain, the fork of CDK for Terraform (archived 2025-12-10), https://cdktn.io/.
 * `cdktn` 0.24 and `@cdktn/provider-aws` 25 (the provider major that peers on `cdktn@^0.24.0`)
 * both peer on `constructs@>=10.6.0 <10.8.0`, so this flavour builds with constructs 10.6.0
 * (jsii wants the dev dependency at the peer's minimum), nested in its own node_modules while
 * the workspace hoists 10.8.1.
 */
export const CDKTN: FlavourSpec = {
  name: 'cdktn',
  description: 'CDK Terrain (cdktn) constructs for scheduled ECS Fargate tasks and whole batch jobs',
  rename: { 'cdktf': 'cdktn', '@cdktf/provider-aws': '@cdktn/provider-aws', 'cdktf-cli': 'cdktn-cli' },
  peerDeps: ['cdktn@^0.24.0', '@cdktn/provider-aws@^25.7.0', 'constructs@>=10.6.0 <10.8.0'],
  devDeps: ['cdktn@0.24.0', '@cdktn/provider-aws@25.7.0', 'constructs@10.6.0'],
};

/** Where the generator lives, relative to the repo root. */
const GENERATOR = 'projenrc/scripts/flavour.mjs';

/**
 * A package generated from another package's source for another framework.
 *
 * Nothing of it is committed but its projen files: before every compile (and
 * lint), `projenrc/scripts/flavour.mjs` copies the source package's `src/`,
 * `test/` and README.md, renaming the framework's modules (see FlavourSpec.rename);
 * the copies are git-ignored. Nx hashes only tracked files, so the source
 * package's files and the generator are declared inputs, and the copies are
 * build outputs: a cache hit in another clone restores them for the tests.
 */
export class Flavour extends Component {
  /**
   * The options of the generated package: the source's, with the flavour's name,
   * description and framework dependencies in place of the source's framework.
   */
  public static options(source: WorkspacePackageOptions, spec: FlavourSpec): WorkspacePackageOptions {
    const frameworkOf = (dep: string) => dep.replace(/^(@?[^@]+)@.*$/, '$1');
    const renamed = new Set(Object.keys(spec.rename));
    const own = new Set([...spec.peerDeps, ...spec.devDeps].map(frameworkOf));
    // The source's framework packages (and constructs, whose range is the framework's) give way.
    const keep = (deps?: string[]) => deps?.filter((d) => !renamed.has(frameworkOf(d)) && !own.has(frameworkOf(d)));
    return {
      ...source,
      folder: spec.name,
      name: source.name.replace(/[^/]+$/, spec.name),
      description: spec.description,
      deps: keep(source.deps),
      peerDeps: [...keep(source.peerDeps) ?? [], ...spec.peerDeps],
      devDeps: [...keep(source.devDeps) ?? [], ...spec.devDeps],
    };
  }

  /** The Nx inputs of the generated package's build: its own files, the source package's, the generator. */
  public readonly buildInputs: string[];

  constructor(project: NodeProject, source: NodeProject, spec: FlavourSpec) {
    super(project);
    const rootDir = project.root.outdir;
    const rel = (p: string) => '../'.repeat(project.outdir.slice(rootDir.length + 1).split('/').length) + p;
    const sourceDir = source.outdir.slice(rootDir.length + 1);

    const generate = project.addTask('flavour', {
      description: `Generate src/, test/ and README.md from ${source.package.packageName} for ${spec.name}`,
      exec: `node ${rel(GENERATOR)} ${rel(sourceDir)} '${JSON.stringify(spec.rename)}'`,
    });
    project.preCompileTask.prependSpawn(generate);
    // Lint reads the generated files too: an import left on the source's framework fails
    // import/no-extraneous-dependencies against this package's dependencies.
    const lint = project.tasks.tryFind('lint');
    if (lint) {
      lint.reset();
      lint.spawn(generate);
      lint.spawn(project.tasks.tryFind('eslint')!);
    }

    project.gitignore.removePatterns('!/src/', '!/test/');
    project.gitignore.exclude('/src/', '/test/*', '/README.md');
    project.gitignore.include('/test/tsconfig.json');

    // A new flavour starts at its source's version; changesets keeps them together (a fixed group).
    if (PackageVersion.read(project.outdir) === '0.0.0') project.package.addVersion(PackageVersion.read(source.outdir));

    const sourceInputs = ['src/**/*', 'test/**/*', 'README.md'].map((p) => `{workspaceRoot}/${sourceDir}/${p}`);
    const inputs = [...sourceInputs, `{workspaceRoot}/${GENERATOR}`];
    this.buildInputs = ['production', '^production', ...inputs];
    project.package.addField('nx', {
      targets: {
        build: { inputs: this.buildInputs, outputs: [...BUILD_OUTPUTS, '{projectRoot}/src', '{projectRoot}/test', '{projectRoot}/README.md'] },
        test: { inputs: ['default', '^production', ...inputs] },
        lint: { inputs: ['default', '^production', ...inputs] },
      },
    });
  }
}
