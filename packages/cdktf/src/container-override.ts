/**
 * Per-schedule settings for one container: the schedule's input, so one task
 * definition can serve several schedules.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerOverride.html
 */
export interface ContainerOverride {
  /** The container name in the task definition. */
  readonly name: string;

  /**
   * Replaces the command of the container.
   * @default - the task definition's command
   */
  readonly command?: string[];

  /**
   * Environment variables added to (or replacing those of) the container.
   * @default - none
   */
  readonly environment?: { [name: string]: string };
}
