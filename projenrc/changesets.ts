import { Component, JsonFile, TextFile, YamlFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';

export interface ChangesetsOptions {
  /** Branch that release PRs target. */
  readonly baseBranch: string;
  /** Node version used by the release workflow. */
  readonly nodeVersion: string;
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
        fixed: [],
        linked: [],
        access: 'public',
        baseBranch: options.baseBranch,
        updateInternalDependencies: 'patch',
        ignore: [],
        ___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH: {
          // Peer ranges like ^0.1.0 stay valid after a patch: don't force a major.
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

    // What the "Version Packages" PR runs: the lockfile records workspace versions, so it moves too.
    project.addTask('changeset:version', {
      description: 'Apply pending changesets: versions, internal ranges, CHANGELOG.md, lockfile',
      steps: [{ exec: 'changeset version' }, { exec: 'npm install --package-lock-only --no-audit --no-fund' }],
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
        permissions: { 'contents': 'write', 'pull-requests': 'write', 'id-token': 'write' },
        jobs: {
          release: {
            'runs-on': 'ubuntu-latest',
            'steps': [
              { uses: 'actions/checkout@v4' },
              {
                uses: 'actions/setup-node@v4',
                with: { 'node-version': options.nodeVersion, 'registry-url': 'https://registry.npmjs.org' },
              },
              { run: 'npm ci' },
              { run: 'npm run build' },
              {
                name: 'Open the Version Packages PR, or publish',
                uses: 'changesets/action@v2',
                with: { version: 'npx projen changeset:version', publish: 'npx changeset publish' },
                env: {
                  GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
                  // npm trusted publishing: OIDC, no token; provenance is attached automatically.
                  NPM_CONFIG_PROVENANCE: 'true',
                },
              },
            ],
          },
        },
      },
    });
  }
}
