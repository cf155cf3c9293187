import { Command } from '../command';
import { ARN_FAMILY } from './arn-family';
import { CRON_NEXT } from './cron-next';
import { CRON_RUNS_PER_DAY } from './cron-runs-per-day';
import { CRON_TO_UTC } from './cron-to-utc';
import { CRON_VALIDATE } from './cron-validate';
import { POLICY_RUN_TASK } from './policy-run-task';

/** Every command, in the order the help lists them. */
export const COMMANDS: ReadonlyArray<Command> = [
  CRON_VALIDATE,
  CRON_NEXT,
  CRON_TO_UTC,
  CRON_RUNS_PER_DAY,
  ARN_FAMILY,
  POLICY_RUN_TASK,
];
