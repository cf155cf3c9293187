import { ValidationError } from '../src/errors';

test('ValidationError names the field and the reason', () => {
  const e = new ValidationError('day-of-week', '8 is out of range (1-7 or SUN-SAT)');
  expect(e).toBeInstanceOf(Error);
  expect(e).toBeInstanceOf(ValidationError);
  expect(e.field).toBe('day-of-week');
  expect(e.message).toBe('day-of-week: 8 is out of range (1-7 or SUN-SAT)');
});
