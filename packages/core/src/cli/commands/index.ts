import { Command } from '../command';
import { ARN_FAMILY } from './arn-family';
import { POLICY_RUN_TASK } from './policy-run-task';

/** Every command, in the order the help lists them. */
export const COMMANDS: ReadonlyArray<Command> = [
  ARN_FAMILY,
  POLICY_RUN_TASK,
];
