import { writeFileSync } from 'fs';
import { join } from 'path';
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

  test('release.yml uses changesets/action v2 and deploys the released version', () => {
    const release = out['.github/workflows/release.yml'];
    const action = release.jobs.release.steps.find((s: any) => s.id === 'changesets');
    expect(action.uses).toBe('changesets/action@v2');
    expect(action.with).toMatchObject({ version: 'npx projen changeset:version', publish: 'npx changeset tag' });
    expect(release.jobs.deploy).toMatchObject({
      needs: 'release',
      if: "needs.release.outputs.published == 'true'",
      uses: './.github/workflows/deploy.yml',
      with: { environment: 'production', version: '${{ needs.release.outputs.version }}' },
    });
  });

  test('keeps the version changesets wrote, instead of resetting it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'payments-batch', version: '1.4.0' }));
    expect(synth(newProject({}, dir))['package.json'].version).toBe('1.4.0');
    expect(out['package.json'].version).toBe('0.0.0');
  });
});
