import { readFileSync } from 'fs';
import { join } from 'path';
import { hasNoStack, runCli } from './run-cli';

describe('ecs-batch', () => {
  test('no arguments: the command list on stderr, exit 2', () => {
    const r = runCli();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: ecs-batch <command>');
    expect(r.stderr).toContain('policy run-task');
  });

  test.each([['--help'], ['-h'], ['help']])('%s: the command list on stdout, exit 0', (flag) => {
    const r = runCli(flag);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Usage: ecs-batch <command> [arguments] [options]');
    for (const command of ['cron validate', 'cron next', 'cron to-utc', 'arn family', 'policy run-task']) {
      expect(r.stdout).toContain(command);
    }
    expect(r.stdout).toContain('2  usage error');
  });

  test('--version prints the package name and version', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const r = runCli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.name} ${pkg.version}\n`);
  });

  test('an unknown command is a usage error', () => {
    const r = runCli('deploy');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("ecs-batch: unknown command 'deploy' (cron, arn, policy)\nRun 'ecs-batch --help' for the commands.\n");
    expect(r.stderr).toContain("Run 'ecs-batch --help'");
  });

  test('a group without a command is a usage error; with --help it lists the group', () => {
    const missing = runCli('arn');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("ecs-batch arn: missing command (family)\nRun 'ecs-batch arn --help' for the commands.\n");
    const help = runCli('policy', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ecs-batch policy <command>');
    expect(help.stdout).toContain('policy run-task');
    expect(help.stdout).not.toContain('arn family');
  });

  test('an unknown command in a group is a usage error', () => {
    const r = runCli('arn', 'revision', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ecs-batch arn: unknown command 'revision' (family)\nRun 'ecs-batch arn --help' for the commands.\n");
  });

  test('errors never print a stack', () => {
    for (const r of [runCli('arn', 'family', 'x'), runCli('arn', 'family'), runCli('nope')]) {
      expect(hasNoStack(r.stderr)).toBe(true);
    }
  });
});
