import { errorJson, toError } from '../src/error-json';

describe('errorJson', () => {
  test('an Error keeps name, message, stack and a code', () => {
    const error = Object.assign(new RangeError('too far'), { code: 'E_RANGE' });
    expect(errorJson(error)).toEqual({ name: 'RangeError', message: 'too far', stack: error.stack, code: 'E_RANGE' });
  });

  test('a code that is not a string or number is left out', () => {
    expect(errorJson(Object.assign(new Error('x'), { code: { nested: true } }))).not.toHaveProperty('code');
  });

  test.each([
    ['a string', 'plain', { name: 'string', message: 'plain' }],
    ['an object', { reason: 'quota' }, { name: 'object', message: '{"reason":"quota"}' }],
    ['null', null, { name: 'null', message: 'null' }],
    ['a number', 42, { name: 'number', message: '42' }],
  ])('%s is described by its type', (_name, value, expected) => {
    expect(errorJson(value)).toEqual(expected);
  });
});

describe('toError', () => {
  test('an Error is returned as is', () => {
    const error = new Error('same');
    expect(toError(error)).toBe(error);
  });

  test('anything else becomes an Error without a misleading stack', () => {
    const error = toError('callback failure');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('string');
    expect(error.message).toBe('callback failure');
    expect(errorJson(error)).toEqual({ name: 'string', message: 'callback failure' });
  });
});
