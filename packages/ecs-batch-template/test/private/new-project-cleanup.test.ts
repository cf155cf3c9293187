import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { NewProjectCleanup } from '../../src/private/new-project-cleanup';
import { tempDir } from '../fixtures';

function folder(manifest: object | string | undefined): string {
  const dir = tempDir();
  if (manifest !== undefined) writeFileSync(join(dir, 'package.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  mkdirSync(join(dir, 'node_modules', 'projen'), { recursive: true });
  return dir;
}

describe('NewProjectCleanup', () => {
  test('recognizes projen new by the __new__ field projen puts into the options', () => {
    expect(NewProjectCleanup.isProjenNew({ team: 'x', __new__: { fqn: 'ecs-batch-template.EcsBatchProject' } })).toBe(true);
    expect(NewProjectCleanup.isProjenNew({ team: 'x' })).toBe(false);
  });

  test('removes exactly what projen new installed', () => {
    const dir = folder({ devDependencies: { 'projen': '^0.103.25', 'ecs-batch-template': '0.1.0' } });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(NewProjectCleanup.run(dir, 'ecs-batch-template')).toEqual(['node_modules', 'package.json']);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  test.each([
    ['a package.json of its own', { name: 'mine', devDependencies: { projen: '^0.103.25' } }],
    ['other dependencies', { devDependencies: { projen: '^0.103.25', typescript: '^5' } }],
    ['an unreadable package.json', '{'],
  ])('leaves a folder with %s alone', (_, manifest) => {
    const dir = folder(manifest);
    expect(NewProjectCleanup.run(dir, 'ecs-batch-template')).toEqual([]);
    expect(existsSync(join(dir, 'node_modules'))).toBe(true);
  });

  test('without a package.json there is nothing of projen new to remove', () => {
    const dir = folder(undefined);
    expect(NewProjectCleanup.run(dir, 'ecs-batch-template')).toEqual([]);
    expect(existsSync(join(dir, 'node_modules'))).toBe(true);
  });
});
