import { ValidationError } from './errors';

/**
 * Checks on the errors `@ecs-batch/core` and the constructs throw, for callers
 * in any jsii language and for TypeScript without the deep import
 * `@ecs-batch/core/lib/errors` (jsii cannot export a class that extends `Error`).
 *
 * A validation error's message is `<field>: <what is wrong> (<what is allowed>)`,
 * where the field is the name the caller wrote (a construct's prop, a flag, a
 * `projenrc` option), e.g. `taskRoleArn: 'x' is not an ARN (...)`.
 *
 * The check is by shape as well as by class, so an error from a second copy of
 * core in `node_modules` is recognized too.
 */
export class Errors {
  /**
   * Whether `error` is a validation error: bad input, naming its field.
   *
   * @param error anything caught
   * @returns true for core's `ValidationError` (from any copy of core), false otherwise
   */
  public static isValidationError(error: any): boolean {
    if (error instanceof ValidationError) return true;
    return error instanceof Error && error.name === 'ValidationError'
      && typeof (error as any).field === 'string' && typeof (error as any).reason === 'string';
  }

  /**
   * The field a validation error is about, e.g. `schedules[0].timeZone`.
   *
   * @param error anything caught
   * @returns the field, or undefined when `error` is not a validation error
   */
  public static fieldOf(error: any): string | undefined {
    return Errors.isValidationError(error) ? (error as ValidationError).field : undefined;
  }

  /**
   * What is wrong, without the field: the message after `<field>: `.
   *
   * @param error anything caught
   * @returns the reason, or undefined when `error` is not a validation error
   */
  public static reasonOf(error: any): string | undefined {
    return Errors.isValidationError(error) ? (error as ValidationError).reason : undefined;
  }

  private constructor() {}
}
