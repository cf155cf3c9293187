import { applyGlobals } from '../../src/sam/sam-globals';

describe('applyGlobals', () => {
  test('primitives override, maps merge, lists append, intrinsics replace', () => {
    expect(applyGlobals(
      {
        Runtime: 'nodejs20.x',
        Timeout: 30,
        Environment: { Variables: { STAGE: 'prod', LOG_LEVEL: 'info' } },
        Layers: ['arn:global'],
        MemorySize: { Ref: 'Memory' },
      },
      {
        Timeout: 900,
        Environment: { Variables: { LOG_LEVEL: 'debug', TABLE: 'orders' } },
        Layers: ['arn:own'],
        MemorySize: 512,
      },
    )).toEqual({
      Runtime: 'nodejs20.x',
      Timeout: 900,
      Environment: { Variables: { STAGE: 'prod', LOG_LEVEL: 'debug', TABLE: 'orders' } },
      Layers: ['arn:global', 'arn:own'],
      MemorySize: 512,
    });
  });

  test('no Globals: the function\'s own properties', () => {
    expect(applyGlobals(undefined, { Handler: 'a.b' })).toEqual({ Handler: 'a.b' });
  });
});
