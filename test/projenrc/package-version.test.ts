import { join } from 'path';
import { synthSnapshot } from 'projen/lib/util/synth';
import { rootProject, tsPackage, writePackageJson } from './fixtures';
import { PackageVersion } from '../../projenrc/package-version';

describe('PackageVersion', () => {
  test('a new package starts at 0.0.0', () => {
    const root = rootProject();
    const a = tsPackage(root, 'a');
    expect(synthSnapshot(a)['package.json'].version).toBe('0.0.0');
  });

  test('keeps the version and internal ranges that `changeset version` wrote', () => {
    const root = rootProject();
    // What changesets leaves behind after bumping @x/core to 1.2.4.
    writePackageJson(join(root.outdir, 'packages/core'), { name: '@x/core', version: '1.2.4' });
    writePackageJson(join(root.outdir, 'packages/app'), {
      name: '@x/app', version: '0.3.1', dependencies: { '@x/core': '^1.2.4' },
    });
    const core = tsPackage(root, 'core');
    const app = tsPackage(root, 'app', { deps: ['@x/core'] });
    expect(synthSnapshot(core)['package.json'].version).toBe('1.2.4');
    const appJson = synthSnapshot(app)['package.json'];
    expect(appJson.version).toBe('0.3.1');
    expect(appJson.dependencies['@x/core']).toBe('^1.2.4');
  });

  test('read() falls back to 0.0.0 when there is no package.json', () => {
    expect(PackageVersion.read('/nonexistent/dir')).toBe('0.0.0');
  });
});
