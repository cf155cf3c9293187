import { readFileSync } from 'fs';
import { join } from 'path';
import { ValidationError } from '../errors';
import { Command } from './command';
import { parseCommandLine, wantsHelp } from './command-line';
import { COMMANDS } from './commands';
import { commandHelp, listHelp, usageLine } from './help';
import { UsageError } from './usage-error';

/** Where the CLI writes; the bin passes the process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_IO: Io = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
};

/**
 * The `ecs-batch` command line. Returns the exit code: 0 success, 1 invalid input,
 * 2 usage error. Never throws; errors are printed as messages, not stacks.
 *
 * @param argv the arguments after the program name
 */
export async function main(argv: string[], io: Io = PROCESS_IO): Promise<number> {
  try {
    return dispatch(argv, io);
  } catch (e) {
    // A bug, not bad input: still no stack unless asked for.
    io.err(`ecs-batch: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
    if (process.env.ECS_BATCH_DEBUG) io.err(`${(e as Error)?.stack}\n`);
    return 1;
  }
}

function dispatch(argv: string[], io: Io): number {
  const [group, name, ...rest] = argv;
  const groups = [...new Set(COMMANDS.map((c) => c.group))];

  if (group === undefined) {
    io.err(listHelp(COMMANDS));
    return 2;
  }
  if (group === '--help' || group === '-h' || group === 'help') {
    io.out(listHelp(COMMANDS));
    return 0;
  }
  if (group === '--version') {
    io.out(`${version()}\n`);
    return 0;
  }
  if (!groups.includes(group)) {
    return usageError(io, 'ecs-batch', `unknown command '${group}' (${groups.join(', ')})`, "Run 'ecs-batch --help' for the commands.");
  }

  const inGroup = COMMANDS.filter((c) => c.group === group);
  if (name === undefined || name.startsWith('-')) {
    if (wantsHelp(argv.slice(1))) {
      io.out(listHelp(COMMANDS, group));
      return 0;
    }
    return usageError(io, `ecs-batch ${group}`, `missing command (${inGroup.map((c) => c.name).join(', ')})`, `Run 'ecs-batch ${group} --help' for the commands.`);
  }
  const command = inGroup.find((c) => c.name === name);
  if (command === undefined) {
    return usageError(io, `ecs-batch ${group}`, `unknown command '${name}' (${inGroup.map((c) => c.name).join(', ')})`, `Run 'ecs-batch ${group} --help' for the commands.`);
  }
  if (wantsHelp(rest)) {
    io.out(commandHelp(command));
    return 0;
  }
  return runCommand(command, rest, io);
}

function runCommand(command: Command, argv: string[], io: Io): number {
  const prefix = `ecs-batch ${command.group} ${command.name}`;
  const help = `Usage: ${usageLine(command)}\nRun '${prefix} --help' for details.`;
  try {
    const args = parseCommandLine(command, argv);
    const output = command.run(args);
    if (args.json) {
      io.out(`${JSON.stringify(output.json)}\n`);
    } else if (output.text !== '') {
      io.out(output.text.endsWith('\n') ? output.text : `${output.text}\n`);
    }
    for (const line of output.stderr ?? []) io.err(`${prefix}: ${line}\n`);
    return output.exitCode ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      return usageError(io, prefix, e.message, help);
    }
    if (e instanceof ValidationError) {
      io.err(`${prefix}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function usageError(io: Io, prefix: string, message: string, hint: string): number {
  io.err(`${prefix}: ${message}\n${hint}\n`);
  return 2;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return `${pkg.name} ${pkg.version}`;
}
