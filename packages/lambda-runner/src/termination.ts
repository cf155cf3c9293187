/**
 * The reason to abort `RunOptions.stop` with when the task is being stopped (SIGTERM):
 * the runner calls the shutdown hook and ends the run as `terminated`. Any other
 * abort reason ends the run as `failed` with that reason as the error.
 */
export class Termination {
  /** @param signal the signal that stops the task, e.g. `SIGTERM` */
  constructor(public readonly signal: string) {}
}
