import { Command } from '../../src/cli/command';
import { parseCommandLine, wantsHelp } from '../../src/cli/command-line';
import { UsageError } from '../../src/cli/usage-error';

const COMMAND: Command = {
  group: 'test',
  name: 'cmd',
  summary: '',
  description: '',
  examples: [],
  arguments: [{ name: 'expr', description: '' }],
  options: [
    { name: 'count', kind: 'value', placeholder: 'N', description: '' },
    { name: 'role', kind: 'list', placeholder: 'ARN', description: '' },
    { name: 'pin', kind: 'boolean', description: '' },
    { name: 'tz', kind: 'value', placeholder: 'ZONE', description: '', required: true },
  ],
  run: () => ({ json: null, text: '' }),
};

test('values, lists, flags, --json and positionals, in any order', () => {
  const args = parseCommandLine(COMMAND, ['--count', '3', 'cron(0 2 * * ? *)', '--role=a', '--json', '--role', 'b', '--pin', '--tz', 'UTC']);
  expect(args.positionals).toEqual(['cron(0 2 * * ? *)']);
  expect(args.values.get('count')).toBe('3');
  expect(args.values.get('tz')).toBe('UTC');
  expect(args.lists.get('role')).toEqual(['a', 'b']);
  expect(args.flags.has('pin')).toBe(true);
  expect(args.json).toBe(true);
});

test('everything after -- is positional', () => {
  expect(parseCommandLine(COMMAND, ['--tz', 'UTC', '--', '--not-an-option']).positionals).toEqual(['--not-an-option']);
});

test.each([
  [['x'], 'missing option --tz ZONE'],
  [['--tz', 'UTC'], 'missing argument <expr>'],
  [['--tz', 'UTC', 'cron(0', '2', '*', '*', '?', '*)'], "expected 1 argument, got 6 (quote the expression: 'cron(0 2 * * ? *)')"],
  [['x', '--tz'], '--tz needs a value (--tz ZONE)'],
  [['x', '--tz', '--json'], '--tz needs a value (--tz ZONE)'],
  [['x', '--tz', 'UTC', '--tz', 'UTC'], '--tz was given more than once'],
  [['x', '--tz', 'UTC', '--pin=1'], '--pin takes no value'],
  [['x', '--tz', 'UTC', '--zone', 'UTC'], 'unknown option --zone'],
  [['x', '--tz', 'UTC', '-z'], 'unknown option -z'],
])('%j: %s', (argv, message) => {
  expect(() => parseCommandLine(COMMAND, argv)).toThrow(UsageError);
  expect(() => parseCommandLine(COMMAND, argv)).toThrow(message);
});

test('wantsHelp sees --help and -h before --', () => {
  expect(wantsHelp(['x', '--help'])).toBe(true);
  expect(wantsHelp(['-h'])).toBe(true);
  expect(wantsHelp(['--', '--help'])).toBe(false);
  expect(wantsHelp(['x'])).toBe(false);
});
