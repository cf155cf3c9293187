import { synthSnapshot } from 'projen/lib/util/synth';
import { rootProject, tsPackage } from './fixtures';
import { BUILD_OUTPUTS, NxWorkspace } from '../../projenrc/nx-workspace';

function synth() {
  const root = rootProject();
  const a = tsPackage(root, 'a');
  new NxWorkspace(root, [
    { name: 'build', dependsOn: ['^build'], inputs: ['production', '^production'], outputs: BUILD_OUTPUTS },
    { name: 'test', dependsOn: ['build'], inputs: ['default', '^production'] },
    { name: 'lint', dependsOn: ['^build'], inputs: ['default', '^production'] },
  ], [a]);
  return synthSnapshot(root);
}

describe('NxWorkspace', () => {
  const out = synth();
  const nx = out['nx.json'];
  const pkg = out['package.json'];

  test('build depends on the dependencies\' builds, test on its own build', () => {
    expect(nx.targetDefaults.build.dependsOn).toEqual(['^build']);
    expect(nx.targetDefaults.test.dependsOn).toEqual(['build']);
  });

  test('both targets are cached, and build declares its outputs', () => {
    expect(nx.targetDefaults.build.cache).toBe(true);
    expect(nx.targetDefaults.test.cache).toBe(true);
    expect(nx.targetDefaults.build.outputs).toEqual(expect.arrayContaining([
      '{projectRoot}/lib', '{projectRoot}/dist', '{projectRoot}/.jsii', '{projectRoot}/API.md',
    ]));
  });

  test('test files are not production inputs, so editing a test keeps the build cached', () => {
    expect(nx.namedInputs.production).toEqual(expect.arrayContaining(['default', '!{projectRoot}/test/**/*']));
    expect(nx.targetDefaults.build.inputs).toEqual(['production', '^production']);
  });

  test('root scripts fan out with nx run-many', () => {
    expect(pkg.scripts.build).toBe('nx run-many --target=build --output-style=stream');
    expect(pkg.scripts.test).toBe('nx run-many --target=test --output-style=stream');
  });

  test('the root project runs its own jest, not its scripts, so `test` cannot call itself', () => {
    expect(pkg.nx.includedScripts).toEqual([]);
    expect(pkg.nx.targets.test.command).toBe('projen test');
    expect(pkg.nx.implicitDependencies).toEqual(['@x/a']);
    expect(out['.projen/tasks.json'].tasks.test.steps).toEqual([{ exec: 'jest --passWithNoTests', receiveArgs: true }]);
  });

  test('lint runs after the dependencies\' builds, on a fresh clone too', () => {
    expect(nx.targetDefaults.lint.dependsOn).toEqual(['^build']);
    expect(pkg.nx.targets.lint.dependsOn).toEqual(['^build']);
    expect(pkg.scripts.lint).toBe('nx run-many --target=lint --output-style=stream');
  });

  test('snapshot', () => {
    expect(nx).toMatchSnapshot();
  });
});
