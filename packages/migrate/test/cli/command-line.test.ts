import { parseCommandLine, UsageError } from '../../src/cli/command-line';

describe('parseCommandLine', () => {
  test.each([
    [['repo'], { kind: 'analyze', path: 'repo', output: 'table' }],
    [['repo', '--json'], { kind: 'analyze', path: 'repo', output: 'json' }],
    [['--projenrc', 'repo'], { kind: 'analyze', path: 'repo', output: 'projenrc' }],
    [['repo', '--template-json'], { kind: 'analyze', path: 'repo', output: 'template-json' }],
    [['--json', '--json', 'repo'], { kind: 'analyze', path: 'repo', output: 'json' }],
    [['--', '--odd-folder'], { kind: 'analyze', path: '--odd-folder', output: 'table' }],
    [['-h'], { kind: 'help' }],
    [['repo', '--help'], { kind: 'help' }],
  ])('%j', (argv, command) => {
    expect(parseCommandLine(argv)).toEqual(command);
  });

  test.each([
    [[], '<path>: missing (the folder to analyze)'],
    [['a', 'b'], '<path>: one path expected, got 2 (a b)'],
    [['a', '-x'], '-x: unknown option (--json, --projenrc, --template-json, --help)'],
    [['a', '--json', '--projenrc'], '--json, --projenrc: choose one output format'],
    [['a', '--template-json', '--json'], '--template-json, --json: choose one output format'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
