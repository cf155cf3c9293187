/**
 * Input the analyzer cannot read: a path that does not exist, or a file its parser rejects.
 *
 * The message takes the house form `<field>: <what is wrong> (<what is allowed>)`; for a file the
 * field is `<file>:<line>`, so editors and terminals can jump to it.
 */
export class MigrationError extends Error {
  /** The path, `<file>:<line>` or option the error is about. */
  public readonly field: string;
  /** The reason, without the field prefix. */
  public readonly reason: string;

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'MigrationError';
    this.field = field;
    this.reason = reason;
    Object.setPrototypeOf(this, MigrationError.prototype);
  }
}
