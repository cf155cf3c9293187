import { Errors } from '@ecs-batch/core';
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

/** Core's check, which also recognizes an error from a second copy of core in node_modules. */
export function isValidationError(error: unknown): error is ValidationError {
  return Errors.isValidationError(error);
}
