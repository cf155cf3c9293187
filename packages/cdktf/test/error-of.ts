import { Errors } from '@ecs-batch/core';

/** A validation error as a test reads it, through core's public `Errors` (no deep import). */
export interface CaughtValidationError {
  /** The prop the error names, e.g. `permissions[0].actions`. */
  readonly field: string;
  /** What is wrong, without the field. */
  readonly reason: string;
  /** `<field>: <reason>`. */
  readonly message: string;
}

/** The validation error `e` is, or undefined when it is none (rethrow it then). */
export function asValidationError(e: unknown): CaughtValidationError | undefined {
  if (!Errors.isValidationError(e)) return undefined;
  return { field: Errors.fieldOf(e)!, reason: Errors.reasonOf(e)!, message: (e as Error).message };
}

/** The validation error a construct throws at synth time, so a test can assert its field and reason. */
export function errorOf(fn: () => unknown): CaughtValidationError {
  try {
    fn();
  } catch (e) {
    const caught = asValidationError(e);
    if (caught) return caught;
    throw e;
  }
  throw new Error('expected a ValidationError');
}
