import { Command, ParsedArgs } from './command';
import { UsageError } from './usage-error';

/** Options every command accepts. */
export const COMMON_OPTIONS = ['json', 'help'];

/**
 * Parse the arguments after `<group> <name>` against the command's options.
 *
 * Accepts `--opt value`, `--opt=value`, `--` (everything after it is positional),
 * and `--json` / `--help` / `-h` anywhere.
 *
 * @throws UsageError for an unknown option, a missing value, a missing required
 * option, or the wrong number of positional arguments.
 */
export function parseCommandLine(command: Command, argv: string[]): ParsedArgs & { json: boolean } {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const flags = new Set<string>();
  let json = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      continue; // handled before parsing
    }
    if (!arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = command.options.find((o) => o.name === name);
    if (spec === undefined) {
      throw new UsageError(`unknown option --${name}`);
    }
    if (spec.kind === 'boolean') {
      if (eq !== -1) {
        throw new UsageError(`--${name} takes no value`);
      }
      flags.add(name);
      continue;
    }
    let value: string;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      // A following option means the value was forgotten (`--dlq-arn --json`).
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
        throw new UsageError(`--${name} needs a value (--${name} ${spec.placeholder ?? 'VALUE'})`);
      }
      value = argv[++i];
    }
    if (spec.kind === 'list') {
      lists.set(name, [...(lists.get(name) ?? []), value]);
    } else {
      if (values.has(name)) {
        throw new UsageError(`--${name} was given more than once`);
      }
      values.set(name, value);
    }
  }

  const expected = command.arguments.length;
  if (positionals.length < expected) {
    const missing = command.arguments.slice(positionals.length).map((a) => `<${a.name}>`).join(' ');
    throw new UsageError(`missing argument ${missing}`);
  }
  if (positionals.length > expected) {
    const hint = expected === 1 && command.arguments[0].name === 'expr'
      ? ` (quote the expression: '${positionals.join(' ')}')`
      : '';
    throw new UsageError(`expected ${expected} argument${expected === 1 ? '' : 's'}, got ${positionals.length}${hint}`);
  }
  for (const option of command.options) {
    if (option.required && !values.has(option.name) && !lists.has(option.name)) {
      throw new UsageError(`missing option --${option.name} ${option.placeholder ?? ''}`.trimEnd());
    }
  }
  return { positionals, values, lists, flags, json };
}

/** Whether the arguments ask for help. */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
