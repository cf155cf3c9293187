import { ValidationError } from '@ecs-batch/core/lib/errors';

/** The ValidationError a construct throws at synth time, so a test can assert its field and reason. */
export function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}
