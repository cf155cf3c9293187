import { Component, JsonFile, TextFile, YamlFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { Pins } from '../packages/ecs-batch-template/src/private/pinned-actions';

/**
 * What the release workflow's changesets/action runs, and what the end-to-end test runs
 * against Verdaccio: `version` on a push with pending changesets (committed to the
 * "Version Packages" pull request), `publish` on the push that merges it.
 */
export const RELEASE_SCRIPTS = { version: 'npm run changeset:version', publish: 'npm run release:publish' };

export interface ChangesetsOptions {
  /** Branch that release PRs target. */
  readonly baseBranch: string;
  /** Node version used by the release workflow. */
  readonly nodeVersion: string;
  /**
   * Groups of packages that always release together, at one version.
   * @see https://github.com/changesets/changesets/blob/main/docs/fixed-packages.md
   * @default []
   */
  readonly fixed?: string[][];
}

/**
 * Versioning and publishing through changesets.
 *
 * `changeset version` owns package versions, internal ranges and CHANGELOG.md;
 * see PackageVersion for how projen leaves them alone.
 */
export class Changesets extends Component {
  constructor(project: NodeProject, options: ChangesetsOptions) {
    super(project);
    project.addDevDeps('@changesets/cli@3.0.3');

    new JsonFile(project, '.changeset/config.json', {
      obj: {
        $schema: '../node_modules/@changesets/config/schema.json',
        changelog: '@changesets/cli/changelog',
        commit: false,
        fixed: options.fixed ?? [],
        linked: [],
        access: 'public',
        baseBranch: options.baseBranch,
        updateInternalDependencies: 'patch',
        ignore: [],
        ___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH: {
          // changesets 3 gives a peer dependent a patch, never a forced major; this option only
          // decides whether an in-range peer range is rewritten. Kept true, so a core minor leaves the
          // construct packages' `>=0.1.0 <1.0.0` alone (docs/releasing.md, test/release/peer-dependency.test.ts).
          onlyUpdatePeerDependentsWhenOutOfRange: true,
          // A dependent ships the new core too (and its range moves to ^new), so it gets a patch.
          updateInternalDependents: 'always',
        },
      },
    });
    new TextFile(project, '.changeset/README.md', {
      lines: [
        '# Changesets',
        '',
        'Every user-visible change to a published package comes with a changeset:',
        '`npx changeset add`, pick the packages and the bump, describe the change.',
        'The release workflow turns them into a "Version Packages" pull request.',
      ],
    });

    // What the "Version Packages" PR runs: the lockfile records workspace versions, so it moves too;
    // projen's own records (.projen/deps.json) of the exact dev dependencies on core follow the new versions.
    project.addTask('changeset:version', {
      description: 'Apply pending changesets: versions, internal ranges, CHANGELOG.md, projen files, lockfile',
      steps: [{ exec: 'changeset version' }, { exec: 'projen --no-post' }, { exec: 'npm install --package-lock-only --no-audit --no-fund' }],
    });

    // Builds, then publishes every package whose version is not on the registry yet, with a
    // `<package>@<version>` git tag each (changesets/action pushes them and makes the GitHub releases).
    project.addTask('release:publish', {
      description: 'Build, then publish every unpublished package version and tag it <package>@<version>',
      steps: [{ exec: 'npm run build' }, { exec: 'changeset publish' }],
    });

    // `npm run release:snapshot -- <tag>`: snapshot versions, built, published with that dist-tag
    // to whatever registry npm is configured for (the e2e test points it at Verdaccio).
    project.addTask('release:snapshot', {
      description: 'Version every changed package as a snapshot and publish it under <tag>',
      steps: [
        { exec: 'changeset version --snapshot', receiveArgs: true },
        { exec: 'npm run build' },
        { exec: 'changeset publish --no-git-tag --tag', receiveArgs: true },
      ],
    });

    new YamlFile(project, '.github/workflows/release.yml', {
      obj: {
        name: 'release',
        on: { push: { branches: [options.baseBranch] } },
        concurrency: { 'group': 'release', 'cancel-in-progress': false },
        permissions: {},
        jobs: {
          release: {
            'runs-on': 'ubuntu-latest',
            'permissions': {
              // The version commit, the <package>@<version> tags and the GitHub releases.
              'contents': 'write',
              // The Version Packages pull request.
              'pull-requests': 'write',
              // npm trusted publishing (OIDC, no token) with provenance.
              'id-token': 'write',
            },
            'steps': [
              // changesets/action pushes the version branch and the tags with git: the checkout keeps the token.
              { uses: Pins.uses('actions/checkout') },
              {
                uses: Pins.uses('actions/setup-node'),
                with: { 'node-version': options.nodeVersion, 'registry-url': 'https://registry.npmjs.org' },
              },
              { run: 'npm ci' },
              {
                name: 'Open the Version Packages PR, or publish',
                uses: Pins.uses('changesets/action'),
                with: {
                  'version-script': RELEASE_SCRIPTS.version,
                  'publish-script': RELEASE_SCRIPTS.publish,
                  'commit-message': 'Version Packages',
                  'pr-title': 'Version Packages',
                  'create-github-releases': true,
                },
                env: { NPM_CONFIG_PROVENANCE: 'true' },
              },
            ],
          },
        },
      },
    });
  }
}
