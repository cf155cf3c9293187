import { Errors, RunTaskPolicy, Schedule } from '../src';
import { ValidationError } from '../src/errors';

test('ValidationError names the field and the reason', () => {
  const e = new ValidationError('day-of-week', '8 is out of range (1-7 or SUN-SAT)');
  expect(e).toBeInstanceOf(Error);
  expect(e).toBeInstanceOf(ValidationError);
  expect(e.field).toBe('day-of-week');
  expect(e.message).toBe('day-of-week: 8 is out of range (1-7 or SUN-SAT)');
});

describe('Errors (exported from the index, for every jsii language)', () => {
  const caught = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    throw new Error('expected an error');
  };

  test('recognizes what core throws, with its field and reason', () => {
    const e = caught(() => Schedule.expression('cron(0 25 * * ? *)'));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(Errors.fieldOf(e)).toBe('hour');
    expect(Errors.reasonOf(e)).toMatch(/^25 /);
    const policy = caught(() => RunTaskPolicy.permissions({ clusterArn: 'x', taskDefinitionArn: 'y', passRoleArns: [] }));
    expect(Errors.fieldOf(policy)).toBe('clusterArn');
  });

  test('a plain Error, a TypeError, a string and undefined are not validation errors', () => {
    for (const other of [new Error('clusterArn: bad'), new TypeError('x'), 'clusterArn: bad', undefined, null, { field: 'x', reason: 'y' }]) {
      expect(Errors.isValidationError(other)).toBe(false);
      expect(Errors.fieldOf(other)).toBeUndefined();
      expect(Errors.reasonOf(other)).toBeUndefined();
    }
  });

  test('a ValidationError from a second copy of core (another class of the same shape) is recognized', () => {
    class ValidationErrorCopy extends Error {
      constructor(public readonly field: string, public readonly reason: string) {
        super(`${field}: ${reason}`);
        this.name = 'ValidationError';
      }
    }
    const copy = new ValidationErrorCopy('timeZone', "'Mars/Olympus' is not an IANA time zone");
    expect(copy).not.toBeInstanceOf(ValidationError);
    expect(Errors.isValidationError(copy)).toBe(true);
    expect(Errors.fieldOf(copy)).toBe('timeZone');
  });
});
