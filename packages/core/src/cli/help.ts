import { Command } from './command';

const BIN = 'ecs-batch';

const EXIT_CODES = `Exit codes:
  0  success
  1  invalid input (the message on stderr names the problem)
  2  usage error (unknown command or option, missing argument, a value of the wrong type)`;

/** The usage line, e.g. `ecs-batch cron next <expr> [--count N] ...`. */
export function usageLine(command: Command): string {
  const parts = [BIN, command.group, command.name, ...command.arguments.map((a) => `<${a.name}>`)];
  for (const o of command.options) {
    const value = o.kind === 'boolean' ? `--${o.name}` : `--${o.name} ${o.placeholder ?? 'VALUE'}`;
    const shown = o.kind === 'list' ? `${value} [--${o.name} ${o.placeholder ?? 'VALUE'}]` : value;
    parts.push(o.required ? shown : `[${shown}]`);
  }
  parts.push('[--json]');
  return parts.join(' ');
}

/** Full help of one command. */
export function commandHelp(command: Command): string {
  const rows: Array<[string, string]> = [];
  const lines = [`Usage: ${usageLine(command)}`, '', command.description, ''];
  const table = (entries: Array<[string, string]>) => {
    const width = Math.max(...rows.map(([left]) => left.length)) + 2;
    return entries.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
  };
  const args: Array<[string, string]> = command.arguments.map((a) => [`<${a.name}>`, a.description]);
  const options: Array<[string, string]> = command.options.map((o) => [
    o.kind === 'boolean' ? `--${o.name}` : `--${o.name} ${o.placeholder ?? 'VALUE'}`,
    o.description + (o.required ? ' (required)' : ''),
  ]);
  options.push(['--json', 'print machine-readable JSON on stdout, and nothing else']);
  options.push(['-h, --help', 'show this help']);
  rows.push(...args, ...options);
  if (args.length > 0) {
    lines.push('Arguments:', ...table(args), '');
  }
  lines.push('Options:', ...table(options), '');
  if (command.examples.length > 0) {
    lines.push('Examples:');
    for (const e of command.examples) lines.push(`  ${e}`);
    lines.push('');
  }
  lines.push(EXIT_CODES);
  return lines.join('\n') + '\n';
}

/** The commands of one group, or of all groups. */
export function listHelp(commands: ReadonlyArray<Command>, group?: string): string {
  const shown = commands.filter((c) => group === undefined || c.group === group);
  const lines = [
    group === undefined ? `Usage: ${BIN} <command> [arguments] [options]` : `Usage: ${BIN} ${group} <command> [arguments] [options]`,
    '',
    group === undefined
      ? 'Check EventBridge schedules, ECS task definition ARNs and the IAM policies of scheduled ECS tasks.'
      : `The ${group} commands.`,
    '',
    'Commands:',
  ];
  for (const c of shown) lines.push(`  ${`${c.group} ${c.name}`.padEnd(20)}${c.summary}`);
  lines.push('');
  lines.push(`Run '${BIN} <command> --help' for the arguments and options of a command.`);
  lines.push('Every command takes --json for machine-readable output.');
  lines.push('');
  lines.push(EXIT_CODES);
  return lines.join('\n') + '\n';
}
