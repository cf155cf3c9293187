import { resolve } from 'path';
import { TemplateDependency } from '../../src/private/template-dependency';

describe('TemplateDependency', () => {
  test('declares the template by name, whatever version projen new was given', () => {
    expect(TemplateDependency.unpin(['ecs-batch-template@0.3.0', 'ecs-batch-template', 'left-pad@1.3.0'], 'ecs-batch-template'))
      .toEqual(['ecs-batch-template', 'ecs-batch-template', 'left-pad@1.3.0']);
  });

  test('turns a packed tarball into a file: spec under the package name', () => {
    expect(TemplateDependency.unpin(['/tmp/x/ecs-batch-template-0.1.0.tgz', 'other-1.0.0.tgz'], 'ecs-batch-template'))
      .toEqual(['ecs-batch-template@file:/tmp/x/ecs-batch-template-0.1.0.tgz', 'other-1.0.0.tgz']);
    expect(TemplateDependency.unpin(['./ecs-batch-template-0.1.0.tgz'], 'ecs-batch-template'))
      .toEqual([`ecs-batch-template@file:${resolve('ecs-batch-template-0.1.0.tgz')}`]);
  });

  test('changes both the options and what projen new renders into .projenrc.ts', () => {
    const args = { team: 'payments', devDeps: ['ecs-batch-template@0.3.0'] };
    const options = TemplateDependency.unpinOptions({ ...args, __new__: { fqn: 'x', args } } as any, 'ecs-batch-template');
    expect(options.devDeps).toEqual(['ecs-batch-template']);
    expect(options.__new__.args.devDeps).toEqual(['ecs-batch-template']);
    expect(args.devDeps).toEqual(['ecs-batch-template@0.3.0']);
    expect(TemplateDependency.unpinOptions({ team: 'payments' } as any, 'ecs-batch-template')).toEqual({ team: 'payments' });
  });
});
