import { synthSnapshot } from 'projen/lib/util/synth';
import { jsiiPackage, rootProject } from './fixtures';
import { TemplateAssets } from '../../projenrc/template-assets';

describe('TemplateAssets', () => {
  const root = rootProject();
  const core = jsiiPackage(root, 'core');
  const template = jsiiPackage(root, 'template');
  new TemplateAssets(template, { terraformDir: 'templates/terraform', pins: [core] });
  const out = synthSnapshot(template);
  const tasks = out['.projen/tasks.json'].tasks;

  test('copies the HCL modules into the package before compiling, and packs them', () => {
    expect(tasks['pre-compile'].steps).toContainEqual({
      exec: 'rm -rf templates && mkdir -p templates && cp -R ../../templates/terraform templates/terraform',
    });
    expect(out['.npmignore']).toContain('!/templates/');
    expect(out['.gitignore']).toContain('/templates/');
  });

  test('bakes the pinned package versions after compiling', () => {
    expect(tasks['post-compile'].steps).toContainEqual({
      exec: 'node ../../projenrc/scripts/bake-versions.mjs ../../packages/core',
    });
  });

  test('rebuilds when a pinned package or the HCL changes', () => {
    const nx = out['package.json'].nx;
    expect(nx.implicitDependencies).toEqual(['@x/core']);
    expect(nx.targets.build.inputs).toContain('{workspaceRoot}/templates/terraform/**/*');
  });

  test('declares the copied modules as a build output, so a cache hit restores them with lib/', () => {
    const outputs: string[] = out['package.json'].nx.targets.build.outputs;
    expect(outputs).toEqual(expect.arrayContaining(['{projectRoot}/templates', '{projectRoot}/lib', '{projectRoot}/.jsii']));
  });
});
