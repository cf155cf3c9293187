import { hasNoStack, runCli, runCliJson } from './run-cli';
import { Schedule } from '../../src/schedule';

describe('ecs-batch cron validate', () => {
  test('a valid expression: {"valid":true,"description":...}, the same description as the library', () => {
    const r = runCliJson('cron', 'validate', 'cron(0 2 * * ? *)');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(Object.keys(r.json)).toEqual(['valid', 'description']);
    expect(r.json.valid).toBe(true);
    expect(r.json.description).toBe(Schedule.expression('cron(0 2 * * ? *)').describe());
    expect(r.json.description.length).toBeGreaterThan(0);
  });

  test.each(['rate(5 minutes)', 'rate(1 hour)', 'at(2026-01-01T02:00:00)', 'cron(0/15 * ? * MON-FRI *)', 'cron(0 10 L * ? 2026)'])('%s is valid', (expr) => {
    const r = runCliJson('cron', 'validate', expr);
    expect(r.code).toBe(0);
    expect(r.json.valid).toBe(true);
  });

  test('an invalid expression: exit 1, the field named on stderr, {"valid":false} with --json', () => {
    const r = runCliJson('cron', 'validate', 'cron(0 2 ? * 8 *)');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ecs-batch cron validate: day-of-week: .*8.*\n$/);
    expect(hasNoStack(r.stderr)).toBe(true);
    expect(r.json).toEqual({ valid: false, error: r.stderr.replace('ecs-batch cron validate: ', '').trimEnd() });
  });

  test.each([
    ['cron(0 2 * * * *)'], // both day fields
    ['rate(1 hours)'],
    ['rate(5 minute)'],
    ['cron(0 2 * *)'],
    ['every day'],
  ])('%s is invalid (exit 1, nothing on stdout without --json)', (expr) => {
    const r = runCli('cron', 'validate', expr);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith('ecs-batch cron validate: ')).toBe(true);
  });

  test('human output', () => {
    const r = runCli('cron', 'validate', 'cron(0 2 * * ? *)');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`valid: cron(0 2 * * ? *)\n${Schedule.expression('cron(0 2 * * ? *)').describe()}\n`);
  });

  test('an unquoted expression is a usage error with a hint', () => {
    const r = runCli('cron', 'validate', 'cron(0', '2', '*', '*', '?', '*)');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("expected 1 argument, got 6 (quote the expression: 'cron(0 2 * * ? *)')");
  });
});

describe('ecs-batch cron next', () => {
  test('without --tz the expression is UTC (rule semantics)', () => {
    const r = runCliJson('cron', 'next', 'cron(0 17 * * ? *)', '--from', '2026-01-01T00:00:00Z', '--count', '3');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('["2026-01-01T17:00:00.000Z","2026-01-02T17:00:00.000Z","2026-01-03T17:00:00.000Z"]\n');
  });

  test('with --tz the expression is local (Scheduler semantics)', () => {
    const r = runCliJson('cron', 'next', 'cron(0 2 * * ? *)', '--tz', 'Asia/Tokyo', '--from', '2026-01-01T00:00:00Z', '--count', '2');
    expect(r.json).toEqual(['2026-01-01T17:00:00.000Z', '2026-01-02T17:00:00.000Z']);
  });

  test('--from is exclusive', () => {
    const r = runCliJson('cron', 'next', 'cron(0 17 * * ? *)', '--from', '2026-01-01T17:00:00Z', '--count', '1');
    expect(r.json).toEqual(['2026-01-02T17:00:00.000Z']);
  });

  test('a DST gap is skipped, an ambiguous time runs once (America/New_York)', () => {
    const spring = runCliJson('cron', 'next', 'cron(30 2 * * ? *)', '--tz', 'America/New_York', '--from', '2026-03-07T00:00:00Z', '--count', '3');
    expect(spring.json).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-09T06:30:00.000Z', '2026-03-10T06:30:00.000Z']);
    const fall = runCliJson('cron', 'next', 'cron(30 1 * * ? *)', '--tz', 'America/New_York', '--from', '2026-10-31T00:00:00Z', '--count', '3');
    expect(fall.json).toEqual(['2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  test('the same instants as the library', () => {
    const from = new Date('2026-02-01T00:00:00Z');
    const expected = Schedule.expression('cron(15 10 ? * 6L 2026)').nextFireTimes({ count: 4, from }).map((d) => d.toISOString());
    expect(runCliJson('cron', 'next', 'cron(15 10 ? * 6L 2026)', '--from', from.toISOString(), '--count', '4').json).toEqual(expected);
  });

  test('default count is 10', () => {
    expect(runCliJson('cron', 'next', 'cron(0 * * * ? *)', '--from', '2026-01-01T00:00:00Z').json).toHaveLength(10);
  });

  test('human output: one instant per line, with local time when --tz is given', () => {
    const utc = runCli('cron', 'next', 'cron(0 17 * * ? *)', '--from', '2026-01-01T00:00:00Z', '--count', '2');
    expect(utc.stdout).toBe('2026-01-01T17:00:00.000Z\n2026-01-02T17:00:00.000Z\n');
    const local = runCli('cron', 'next', 'cron(0 2 * * ? *)', '--tz', 'Asia/Tokyo', '--from', '2026-01-01T00:00:00Z', '--count', '1');
    expect(local.stdout).toBe('2026-01-01T17:00:00.000Z  2026-01-02 02:00:00 Asia/Tokyo\n');
  });

  test.each([
    [['--count', 'ten'], "--count must be an integer (got 'ten')"],
    [['--from', 'yesterday'], "--from must be an ISO-8601 date-time such as 2026-01-01T00:00:00Z (got 'yesterday')"],
    [['--from', '2026-02-30T00:00:00Z'], "--from must be an ISO-8601 date-time such as 2026-01-01T00:00:00Z (got '2026-02-30T00:00:00Z')"],
    [['--tz'], '--tz needs a value (--tz ZONE)'],
    [['--zone', 'UTC'], 'unknown option --zone'],
  ])('usage error %j: exit 2', (extra, message) => {
    const r = runCliJson('cron', 'next', 'cron(0 2 * * ? *)', ...extra);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`ecs-batch cron next: ${message}`);
  });

  test('an unknown zone: exit 1, --tz named', () => {
    const r = runCliJson('cron', 'next', 'cron(0 2 * * ? *)', '--tz', 'Mars/Olympus');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ecs-batch cron next: --tz: .*Mars\/Olympus.*\n$/);
  });

  test.each(['0', '1001'])('--count %s is out of range: exit 1, --count named', (count) => {
    const r = runCliJson('cron', 'next', 'cron(0 2 * * ? *)', '--count', count);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ecs-batch cron next: --count: /);
  });

  test('an invalid expression: exit 1', () => {
    const r = runCliJson('cron', 'next', 'cron(61 2 * * ? *)');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ecs-batch cron next: minute: /);
  });
});

describe('ecs-batch cron to-utc', () => {
  test('Asia/Tokyo 02:00 every day -> cron(0 17 * * ? *), exact', () => {
    const r = runCliJson('cron', 'to-utc', 'cron(0 2 * * ? *)', '--tz', 'Asia/Tokyo');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"expression":"cron(0 17 * * ? *)","exact":true,"warnings":[]}\n');
  });

  test('Tokyo 08:00 on MON -> cron(0 23 ? * SUN *)', () => {
    expect(runCliJson('cron', 'to-utc', 'cron(0 8 ? * MON *)', '--tz', 'Asia/Tokyo').json)
      .toEqual({ expression: 'cron(0 23 ? * SUN *)', exact: true, warnings: [] });
  });

  test('a zone with DST is inexact, with warnings', () => {
    const r = runCliJson('cron', 'to-utc', 'cron(0 2 * * ? *)', '--tz', 'America/New_York');
    expect(r.code).toBe(0);
    expect(r.json.exact).toBe(false);
    expect(r.json.warnings.length).toBeGreaterThan(0);
    expect(r.json.expression).toMatch(/^cron\(/);
  });

  test('human output', () => {
    const r = runCli('cron', 'to-utc', 'cron(0 2 * * ? *)', '--tz', 'Asia/Tokyo');
    expect(r.stdout).toBe('expression: cron(0 17 * * ? *)\nexact:      yes\n');
  });

  test('--tz is required: exit 2', () => {
    const r = runCli('cron', 'to-utc', 'cron(0 2 * * ? *)');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ecs-batch cron to-utc: missing option --tz ZONE');
  });

  test('an unknown zone: exit 1', () => {
    const r = runCli('cron', 'to-utc', 'cron(0 2 * * ? *)', '--tz', 'Asia/Atlantis');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ecs-batch cron to-utc: --tz: /);
  });
});

describe('cron --help', () => {
  test.each([
    ['validate', 'Usage: ecs-batch cron validate <expr> [--json]'],
    ['next', 'Usage: ecs-batch cron next <expr> [--count N] [--from ISO] [--tz ZONE] [--json]'],
    ['to-utc', 'Usage: ecs-batch cron to-utc <expr> --tz ZONE [--json]'],
  ])('%s', (name, usage) => {
    const r = runCli('cron', name, '--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith(`${usage}\n`)).toBe(true);
    expect(r.stdout).toContain('Exit codes:');
  });

  test('the cron group', () => {
    const r = runCli('cron', '--help');
    expect(r.code).toBe(0);
    for (const name of ['cron validate', 'cron next', 'cron to-utc']) expect(r.stdout).toContain(name);
  });
});

describe('ecs-batch cron runs-per-day', () => {
  test('the runs per day the dashboard expects: core\'s JobDashboard.expectedRunsPerDay', () => {
    expect(runCli('cron', 'runs-per-day', 'rate(1 hour)')).toMatchObject({ code: 0, stdout: '24\n', stderr: '' });
    expect(runCliJson('cron', 'runs-per-day', 'cron(0 9 ? * MON-FRI *)', '--tz', 'Europe/Paris').json).toEqual({ runsPerDay: 0.71 });
  });

  test('a bad expression or zone: exit 1, the field named', () => {
    const r = runCli('cron', 'runs-per-day', 'cron(0 2 * * * *)');
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith('ecs-batch cron runs-per-day: ')).toBe(true);
    expect(runCli('cron', 'runs-per-day', 'rate(1 hour)', '--tz', 'Mars/Base').stderr).toContain('--tz');
  });
});
