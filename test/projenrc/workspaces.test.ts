import { synthSnapshot } from 'projen/lib/util/synth';
import { jsiiPackage, rootProject, tsPackage } from './fixtures';
import { InstallScripts } from '../../projenrc/install-scripts';
import { NpmWorkspaces } from '../../projenrc/npm-workspaces';

describe('NpmWorkspaces', () => {
  test('lists every package folder as a workspace', () => {
    const root = rootProject();
    const ws = new NpmWorkspaces(root);
    ws.add(tsPackage(root, 'a'));
    ws.add(jsiiPackage(root, 'b'));
    expect(synthSnapshot(root)['package.json'].workspaces).toEqual(['packages/a', 'packages/b']);
  });
});

describe('InstallScripts', () => {
  test('writes the reviewed allowScripts decisions', () => {
    const root = rootProject();
    new InstallScripts(root, { nx: false, esbuild: true });
    expect(synthSnapshot(root)['package.json'].allowScripts).toEqual({ nx: false, esbuild: true });
  });
});

describe('workspace packages', () => {
  const root = rootProject();
  const lib = jsiiPackage(root, 'lib');
  const app = tsPackage(root, 'app', { bin: { app: 'bin/app' } });
  const libOut = synthSnapshot(lib);
  const appOut = synthSnapshot(app);

  test('`npm run build` compiles without testing, so build and test cache apart', () => {
    expect(libOut['package.json'].scripts.build).toBe('projen assemble');
    const assemble = libOut['.projen/tasks.json'].tasks.assemble.steps.map((s: any) => s.spawn);
    expect(assemble).toEqual(['pre-compile', 'compile', 'post-compile']);
    expect(libOut['.projen/tasks.json'].tasks.test.steps).toEqual([{ exec: 'jest --passWithNoTests', receiveArgs: true }]);
  });

  test('jsii packages document themselves with docgen that finds hoisted assemblies', () => {
    expect(libOut['.projen/tasks.json'].tasks.docgen.steps).toEqual([{ exec: 'node ../../projenrc/scripts/docgen.mjs' }]);
    expect(libOut['package.json'].devDependencies).not.toHaveProperty('jsii-pacmak');
  });

  test('packages require Node 22 and publish publicly', () => {
    for (const out of [libOut, appOut]) {
      expect(out['package.json'].engines.node).toBe('>= 22.0.0');
      expect(out['package.json'].publishConfig.access).toBe('public');
    }
    expect(appOut['package.json'].bin).toEqual({ app: 'bin/app' });
  });
});
