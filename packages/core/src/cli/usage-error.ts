/**
 * The command line itself is wrong (unknown command or option, missing or extra
 * argument, a value of the wrong type): exit code 2, as opposed to a
 * ValidationError (the input is well formed but invalid): exit code 1.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
    Object.setPrototypeOf(this, UsageError.prototype);
  }
}
