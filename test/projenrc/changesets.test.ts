import { synthSnapshot } from 'projen/lib/util/synth';
import { parse as parseYaml } from 'yaml';
import { rootProject } from './fixtures';
import { ACTION_PINS } from '../../packages/ecs-batch-template/src/private/pins';
import { Changesets, RELEASE_SCRIPTS } from '../../projenrc/changesets';

describe('Changesets', () => {
  const root = rootProject();
  new Changesets(root, { baseBranch: 'main', nodeVersion: '22' });
  const out = synthSnapshot(root);

  test('config: public access, base branch main, internal bumps as patch', () => {
    const config = out['.changeset/config.json'];
    expect(config.access).toBe('public');
    expect(config.baseBranch).toBe('main');
    expect(config.updateInternalDependencies).toBe('patch');
  });

  test('a dependent of a bumped package is bumped too, and peers only when out of range', () => {
    const unsafe = out['.changeset/config.json'].___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH;
    expect(unsafe).toEqual({ onlyUpdatePeerDependentsWhenOutOfRange: true, updateInternalDependents: 'always' });
  });

  test('versioning also refreshes projen\'s files (exact dev dependencies on core) and the lockfile, which record workspace versions', () => {
    const steps = out['.projen/tasks.json'].tasks['changeset:version'].steps;
    expect(steps).toEqual([{ exec: 'changeset version' }, { exec: 'projen --no-post' }, { exec: 'npm install --package-lock-only --no-audit --no-fund' }]);
  });

  test('fixed groups release together', () => {
    const fixedRoot = rootProject();
    new Changesets(fixedRoot, { baseBranch: 'main', nodeVersion: '22', fixed: [['@x/a', '@x/b']] });
    expect(synthSnapshot(fixedRoot)['.changeset/config.json'].fixed).toEqual([['@x/a', '@x/b']]);
    expect(out['.changeset/config.json'].fixed).toEqual([]);
  });

  test('release workflow: changesets/action v2 inputs, rights on the job only, OIDC for trusted publishing with provenance', () => {
    const wf = parseYaml(out['.github/workflows/release.yml']);
    expect(wf.permissions).toEqual({});
    expect(wf.jobs.release.permissions).toEqual({ 'contents': 'write', 'pull-requests': 'write', 'id-token': 'write' });
    const action = wf.jobs.release.steps.find((s: any) => String(s.uses).startsWith('changesets/action@'));
    expect(action.uses).toBe(`changesets/action@${ACTION_PINS.find((p) => p.repo === 'changesets/action')!.sha}`);
    expect(action.with).toEqual({
      'version-script': 'npm run changeset:version',
      'publish-script': 'npm run release:publish',
      'commit-message': 'Version Packages',
      'pr-title': 'Version Packages',
      'create-github-releases': true,
    });
    expect(action.env).toEqual({ NPM_CONFIG_PROVENANCE: 'true' });
  });

  test('the workflow\'s scripts are the tasks the end-to-end release runs: version, then build and publish', () => {
    expect(RELEASE_SCRIPTS).toEqual({ version: 'npm run changeset:version', publish: 'npm run release:publish' });
    expect(out['package.json'].scripts['release:publish']).toBe('projen release:publish');
    expect(out['.projen/tasks.json'].tasks['release:publish'].steps).toEqual([{ exec: 'npm run build' }, { exec: 'changeset publish' }]);
  });

  test('release:snapshot versions, builds and publishes under the given tag', () => {
    const task = out['.projen/tasks.json'].tasks['release:snapshot'];
    expect(task.steps).toEqual([
      { exec: 'changeset version --snapshot', receiveArgs: true },
      { exec: 'npm run build' },
      { exec: 'changeset publish --no-git-tag --tag', receiveArgs: true },
    ]);
    expect(out['package.json'].devDependencies['@changesets/cli']).toBe('3.0.3');
  });
});
