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
