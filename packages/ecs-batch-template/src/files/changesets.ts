import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { Component, JsonFile, TextFile, YamlFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { DEFAULT_ENVIRONMENT } from './environments';
import { Pins } from '../private/pinned-actions';

/** The changesets CLI the generated repo versions with: the one this monorepo releases with. */
export const CHANGESETS_CLI_VERSION = '3.0.3';

/**
 * What changesets/action runs: `version-script` on a push with pending changesets (it
 * commits the result to the "Version Packages" pull request), `publish-script` on a push
 * without (the merged pull request). The repo is private: publishing is a `v<version>`
 * tag, which the action pushes with a GitHub release, and the deploy.
 */
export const RELEASE_SCRIPTS = { version: 'npx projen changeset:version', publish: 'npx changeset git-tag' };

/**
 * Releases through changesets. A change comes with `npx changeset add`; on the
 * default branch, changesets/action opens a "Version Packages" pull request, and
 * merging it tags the release and deploys it. The release version is the image tag.
 */
export class Changesets extends Component {
  /** The version `changeset version` wrote into package.json, or 0.0.0 for a new repo. */
  public static currentVersion(dir: string): string {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) return '0.0.0';
    try {
      return JSON.parse(readFileSync(file, 'utf8')).version ?? '0.0.0';
    } catch {
      return '0.0.0';
    }
  }

  constructor(project: NodeProject, defaultBranch: string) {
    super(project, 'Changesets');
    project.addDevDeps(`@changesets/cli@${CHANGESETS_CLI_VERSION}`);
    // projen writes "version": "0.0.0" unless told otherwise, which would undo every release.
    project.package.addVersion(Changesets.currentVersion(project.outdir));

    new JsonFile(project, '.changeset/config.json', {
      obj: {
        $schema: '../node_modules/@changesets/config/schema.json',
        changelog: '@changesets/cli/changelog',
        commit: false,
        fixed: [],
        linked: [],
        access: 'restricted',
        baseBranch: defaultBranch,
        updateInternalDependencies: 'patch',
        ignore: [],
        // The repo is private (never published to npm), but its releases are versioned and tagged.
        privatePackages: { version: true, tag: true },
      },
    });
    new TextFile(project, '.changeset/README.md', {
      lines: [
        '# Changesets',
        '',
        'Every change that should reach AWS comes with a changeset: `npx changeset add`,',
        'pick the bump (patch, minor, major) and describe the change. On the default branch the',
        'release workflow opens a "Version Packages" pull request; merging it tags `v<version>`',
        'and deploys the image tagged `<version>`.',
      ],
    });
    project.addTask('changeset:version', {
      description: 'Apply pending changesets: package.json version, CHANGELOG.md, lockfile',
      steps: [{ exec: 'changeset version' }, { exec: 'npm install --package-lock-only --no-audit --no-fund' }],
    });

    new YamlFile(project, '.github/workflows/release.yml', {
      obj: {
        name: 'release',
        on: { push: { branches: [defaultBranch] } },
        concurrency: { 'group': 'release', 'cancel-in-progress': false },
        permissions: {},
        jobs: {
          release: {
            'runs-on': 'ubuntu-latest',
            // contents: the version commit, the tag and the GitHub release; pull-requests: the Version Packages PR.
            'permissions': { 'contents': 'write', 'pull-requests': 'write' },
            'outputs': { published: '${{ steps.changesets.outputs.published }}', version: '${{ steps.version.outputs.version }}' },
            'steps': [
              // The action pushes the version branch and the tag with git: the checkout keeps the token.
              { uses: Pins.uses('actions/checkout') },
              { uses: Pins.uses('actions/setup-node'), with: { 'node-version-file': '.nvmrc', 'cache': 'npm' } },
              { run: 'npm ci' },
              {
                name: 'Open the Version Packages pull request, or tag the release',
                id: 'changesets',
                uses: Pins.uses('changesets/action'),
                with: {
                  'version-script': RELEASE_SCRIPTS.version,
                  'publish-script': RELEASE_SCRIPTS.publish,
                  'commit-message': 'Version Packages',
                  'pr-title': 'Version Packages',
                  'create-github-releases': true,
                },
              },
              {
                name: 'The released version',
                id: 'version',
                if: "steps.changesets.outputs.published == 'true'",
                run: 'echo "version=$(node -p "require(\'./package.json\').version")" >> "$GITHUB_OUTPUT"',
              },
            ],
          },
          deploy: {
            needs: 'release',
            if: "needs.release.outputs.published == 'true'",
            uses: './.github/workflows/deploy.yml',
            with: { environment: DEFAULT_ENVIRONMENT, version: '${{ needs.release.outputs.version }}' },
            // The most the deploy's jobs ask for: OIDC for the roles, and reading the repo. No secrets are passed.
            permissions: { 'id-token': 'write', 'contents': 'read' },
          },
        },
      },
    });
  }
}
