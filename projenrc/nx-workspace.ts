import { Component, JsonFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';

/** A target that every workspace package provides through its package.json scripts. */
export interface NxTarget {
  /** Target name (and npm script name). */
  readonly name: string;
  /** Targets this one needs first; `^x` means "x in every dependency". */
  readonly dependsOn?: string[];
  /** Named inputs or globs that make up the cache key. */
  readonly inputs: string[];
  /** Paths the target produces, restored from the cache on a hit. */
  readonly outputs?: string[];
}

/** Outputs a package's build may produce; Nx ignores the ones that don't exist. */
export const BUILD_OUTPUTS = ['lib', 'dist', '.jsii', 'API.md'].map(
  (p) => `{projectRoot}/${p}`,
);

/**
 * Nx as the task graph and cache over npm workspaces.
 *
 * Root scripts fan out with `nx run-many`, so `npm test` twice in a row is a
 * full cache hit. Test files are outside the `production` input, so editing a
 * test never invalidates a build.
 */
export class NxWorkspace extends Component {
  public readonly targets: NxTarget[];

  constructor(project: NodeProject, targets: NxTarget[], packages: NodeProject[]) {
    super(project);
    this.targets = targets;
    project.addDevDeps('nx@24.0.6');
    project.gitignore.exclude('/.nx/');
    project.npmignore?.exclude('/.nx/');

    new JsonFile(project, 'nx.json', {
      obj: {
        $schema: './node_modules/nx/schemas/nx-schema.json',
        namedInputs: {
          sharedGlobals: ['{workspaceRoot}/package-lock.json', '{workspaceRoot}/.nvmrc'],
          default: ['{projectRoot}/**/*', 'sharedGlobals'],
          production: [
            'default',
            '!{projectRoot}/test/**/*',
            '!{projectRoot}/**/*.test.ts',
            '!{projectRoot}/README.md',
            '!{projectRoot}/CHANGELOG.md',
            '!{projectRoot}/.eslintrc.json',
          ],
        },
        targetDefaults: Object.fromEntries(
          targets.map((t) => [
            t.name,
            { dependsOn: t.dependsOn, inputs: t.inputs, outputs: t.outputs, cache: true },
          ]),
        ),
        parallel: 2,
        useDaemonProcess: false,
        neverConnectToCloud: true,
        tui: { enabled: false },
      },
    });

    // The root is an Nx project too (its own tests), but its npm scripts are the
    // fan-out: they must not become root targets, or `test` would call itself.
    project.testTask.reset('jest --passWithNoTests', { receiveArgs: true });
    project.package.addField('nx', {
      includedScripts: [],
      // The root's tests (projenrc components, the end-to-end proof) use every package's build.
      implicitDependencies: packages.map((p) => p.package.packageName),
      targets: {
        test: { command: 'projen test', inputs: ['default', '^production'], dependsOn: ['^build'] },
        lint: { command: 'projen eslint', inputs: ['default', '^production'], dependsOn: ['^build'] },
      },
    });
    for (const t of targets) {
      project.package.setScript(t.name, `nx run-many --target=${t.name} --output-style=stream`);
    }
  }
}
