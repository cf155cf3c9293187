import { writeFileSync } from 'fs';
import { join } from 'path';
import { RELEASE_SCRIPTS } from '../../src/files/changesets';
import { ACTION_PINS } from '../../src/private/pins';
import { newProject, synth, tempDir } from '../fixtures';

describe('Changesets', () => {
  const out = synth(newProject());

  test('versions and tags the private repo', () => {
    expect(out['.changeset/config.json']).toMatchObject({ baseBranch: 'main', privatePackages: { version: true, tag: true }, commit: false });
    expect(out['package.json'].devDependencies['@changesets/cli']).toBe('3.0.3');
    expect(out['.projen/tasks.json'].tasks['changeset:version'].steps).toEqual([
      { exec: 'changeset version' }, { exec: 'npm install --package-lock-only --no-audit --no-fund' },
    ]);
  });

  test('release.yml: changesets/action v2 with its v2 inputs; tags v<version> and makes the GitHub release', () => {
    const release = out['.github/workflows/release.yml'];
    const action = release.jobs.release.steps.find((s: any) => s.id === 'changesets');
    expect(action.uses).toBe(`changesets/action@${ACTION_PINS.find((p) => p.repo === 'changesets/action')!.sha}`);
    expect(action.with).toEqual({
      'version-script': 'npx projen changeset:version',
      'publish-script': 'npx changeset git-tag',
      'commit-message': 'Version Packages',
      'pr-title': 'Version Packages',
      'create-github-releases': true,
    });
    expect(RELEASE_SCRIPTS).toEqual({ version: action.with['version-script'], publish: action.with['publish-script'] });
  });

  test('release.yml: rights per job, id-token only for the deploy, no secrets passed on', () => {
    const release = out['.github/workflows/release.yml'];
    expect(release.permissions).toEqual({});
    expect(release.jobs.release.permissions).toEqual({ 'contents': 'write', 'pull-requests': 'write' });
    expect(release.jobs.deploy).toEqual({
      needs: 'release',
      if: "needs.release.outputs.published == 'true'",
      uses: './.github/workflows/deploy.yml',
      with: { environment: 'production', version: '${{ needs.release.outputs.version }}' },
      permissions: { 'id-token': 'write', 'contents': 'read' },
    });
  });

  test('keeps the version changesets wrote, instead of resetting it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'payments-batch', version: '1.4.0' }));
    expect(synth(newProject({}, dir))['package.json'].version).toBe('1.4.0');
    expect(out['package.json'].version).toBe('0.0.0');
  });
});
