import { JobName } from '../../src';
import { ValidationError } from '../../src/errors';

describe('JobName', () => {
  test('accepts lowercase letters, digits and hyphens, starting with a letter, up to 24 characters', () => {
    for (const name of ['n', 'nightly', 'nightly-report', 'job-2', 'a'.repeat(24)]) {
      expect(JobName.isValid(name)).toBe(true);
      expect(JobName.validate(name)).toBe(name);
    }
  });

  test.each([
    ['too long', 'a'.repeat(25)],
    ['empty', ''],
    ['uppercase', 'Nightly'],
    ['a leading digit', '2nightly'],
    ['a leading hyphen', '-nightly'],
    ['an underscore', 'nightly_report'],
    ['a dot', 'nightly.report'],
  ])('refuses %s', (_label, name) => {
    expect(JobName.isValid(name)).toBe(false);
    expect(() => JobName.validate(name)).toThrow(ValidationError);
  });

  test('the error names the field and says what is allowed', () => {
    expect(() => JobName.validate('Nightly')).toThrow(
      "name: 'Nightly' is not a valid job name (1-24 lowercase letters, digits and hyphens, starting with a letter)");
    try {
      JobName.validate('x'.repeat(30), 'addJob(x).name');
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe('addJob(x).name');
    }
  });

  test('MAX_LENGTH and PATTERN state the same rule', () => {
    expect(JobName.MAX_LENGTH).toBe(24);
    expect(JobName.PATTERN).toBe('^[a-z][a-z0-9-]{0,23}$');
    expect(new RegExp(JobName.PATTERN).test('a'.repeat(JobName.MAX_LENGTH))).toBe(true);
    expect(new RegExp(JobName.PATTERN).test('a'.repeat(JobName.MAX_LENGTH + 1))).toBe(false);
  });
});
