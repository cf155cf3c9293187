import { ValidationError } from '@ecs-batch/core/lib/errors';

/**
 * Names a setting the way its user wrote it: `--time-zone` for a `projen new` flag,
 * `addJob(weekly).timeZone` for a job added in `.projenrc.ts`.
 */
export type FieldName = (prop: string) => string;

/** `timeZone` -> `--time-zone`, as `projen new` derives its flags from option names. */
export const flagName: FieldName = (prop) => `--${prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** `addJob(weekly).schedule`. */
export function jobFieldName(job: string): FieldName {
  return (prop) => `addJob(${job}).${prop}`;
}

/** A bad setting: `<field>: <what is wrong> (<what is allowed>)`. */
export function fieldError(field: string, reason: string): ValidationError {
  return new ValidationError(field, reason);
}

/**
 * Runs a check from @ecs-batch/core and re-raises its error under `field`, the name
 * the user typed. Core's own field (e.g. `hour` inside a cron) stays in the reason.
 */
export function checkField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!isValidationError(error)) throw error;
    if (error.field === field) throw error;
    const inner = ['expression', 'timeZone', 'arn'].includes(error.field) ? error.reason : `${error.field} ${error.reason}`;
    throw new ValidationError(field, inner);
  }
}

/** Duck-typed, so a second copy of core in node_modules is still recognized. */
export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof ValidationError
    || (error instanceof Error && error.name === 'ValidationError' && typeof (error as ValidationError).field === 'string');
}
