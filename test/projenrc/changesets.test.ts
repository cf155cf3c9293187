import { synthSnapshot } from 'projen/lib/util/synth';
import { rootProject } from './fixtures';
import { Changesets } from '../../projenrc/changesets';

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

  test('versioning also refreshes the lockfile, which records workspace versions', () => {
    const steps = out['.projen/tasks.json'].tasks['changeset:version'].steps;
    expect(steps).toEqual([{ exec: 'changeset version' }, { exec: 'npm install --package-lock-only --no-audit --no-fund' }]);
    expect(out['.github/workflows/release.yml']).toContain('version: npx projen changeset:version');
  });

  test('release workflow uses changesets/action v2 with OIDC for trusted publishing', () => {
    const wf = out['.github/workflows/release.yml'];
    expect(wf).toContain('uses: changesets/action@v2');
    expect(wf).toContain('id-token: write');
    expect(wf).toContain('NPM_CONFIG_PROVENANCE: "true"');
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
