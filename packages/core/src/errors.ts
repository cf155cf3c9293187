/**
 * Bad input, with the field it concerns.
 *
 * Messages take the form `<field>: <what is wrong> (<what is allowed>)`,
 * for example `day-of-week: 8 is out of range (1-7 or SUN-SAT)`.
 */
export class ValidationError extends Error {
  /** The field, prop or flag the error is about. */
  public readonly field: string;

  /** The reason, without the field prefix. */
  public readonly reason: string;

  /**
   * @param field the field, prop or flag that is wrong
   * @param reason what is wrong with it, and what is allowed
   */
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'ValidationError';
    this.field = field;
    this.reason = reason;
    Object.setPrototypeOf(this, ValidationError.prototype);
  }
}
