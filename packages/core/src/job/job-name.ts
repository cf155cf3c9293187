import { ValidationError } from '../errors';

/**
 * The name of a job in a team's batch repo: what `EcsBatchProject.addJob({ name })` takes and
 * what `ecs-batch-migrate` hands out for each scheduled Lambda.
 *
 * A job name is lowercase letters, digits and hyphens, starting with a letter, at most 24
 * characters. It names the handler folder `src/jobs/<name>/` and, behind the team name, the task
 * definition family `<team>-<name>` that the job's AWS names derive from: the container, the log
 * group, the roles, the alarms and the schedule. EcsBatchJob allows that family 40 characters, so
 * that the names it derives stay within AWS's limits (64 characters for an IAM role or a
 * schedule); 24 leaves the rest for the team name.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
 * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html
 */
export class JobName {
  /** The longest job name, in characters. */
  public static readonly MAX_LENGTH = 24;

  /** The rule as a regular expression source: `^[a-z][a-z0-9-]{0,23}$`. */
  public static readonly PATTERN: string = `^[a-z][a-z0-9-]{0,${JobName.MAX_LENGTH - 1}}$`;

  /**
   * The longest task definition family a job may have (`EcsBatchJob`'s `name`, the HCL
   * module's `name`, `<team>-<job>` in a team repo): the rule, schedule, queue, role and alarm
   * names derived from it then stay within AWS's 64-character limits.
   */
  public static readonly FAMILY_MAX_LENGTH = 40;

  /** A job's task definition family as a regular expression source: `^[A-Za-z0-9_-]{1,40}$`. */
  public static readonly FAMILY_PATTERN: string = `^[A-Za-z0-9_-]{1,${JobName.FAMILY_MAX_LENGTH}}$`;

  /** Whether `name` is a valid job name. */
  public static isValid(name: string): boolean {
    return typeof name === 'string' && JobName.REGEX.test(name);
  }

  /**
   * Checks a job name.
   *
   * @param name the job name, e.g. `nightly-report`
   * @param field the name used in the error message. @default 'name'
   * @returns the name
   * @throws ValidationError e.g. `name: 'Nightly' is not a valid job name (1-24 lowercase letters, digits and hyphens, starting with a letter)`
   */
  public static validate(name: string, field?: string): string {
    if (!JobName.isValid(name)) {
      throw new ValidationError(field ?? 'name',
        `'${name}' is not a valid job name (1-${JobName.MAX_LENGTH} lowercase letters, digits and hyphens, starting with a letter)`);
    }
    return name;
  }

  private static readonly REGEX = new RegExp(JobName.PATTERN);

  private constructor() {}
}
