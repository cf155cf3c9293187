import { hasNoStack, runCli, runCliJson } from './run-cli';

const FAMILY = 'arn:aws:ecs:us-east-1:123456789012:task-definition/sample_def';

describe('ecs-batch arn family', () => {
  test('--json with a revision', () => {
    const r = runCliJson('arn', 'family', `${FAMILY}:3`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`{"familyArn":"${FAMILY}","allRevisions":"${FAMILY}:*","revision":3}\n`);
  });

  test('--json without a revision: revision is null', () => {
    const r = runCliJson('arn', 'family', FAMILY);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ familyArn: FAMILY, allRevisions: `${FAMILY}:*`, revision: null });
  });

  test('--json may come first', () => {
    const r = runCli('arn', 'family', '--json', `${FAMILY}:12`);
    expect(JSON.parse(r.stdout).revision).toBe(12);
  });

  test('in aws-cn and aws-us-gov', () => {
    expect(runCliJson('arn', 'family', 'arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/j:1').json.familyArn)
      .toBe('arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/j');
    expect(runCliJson('arn', 'family', 'arn:aws-us-gov:ecs:us-gov-west-1:123456789012:task-definition/j').json.allRevisions)
      .toBe('arn:aws-us-gov:ecs:us-gov-west-1:123456789012:task-definition/j:*');
  });

  test('human output', () => {
    const r = runCli('arn', 'family', `${FAMILY}:3`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      `familyArn:    ${FAMILY}`,
      `allRevisions: ${FAMILY}:*`,
      'revision:     3',
      '',
    ].join('\n'));
    expect(runCli('arn', 'family', FAMILY).stdout).toContain('revision:     none (the ARN is revisionless)');
  });

  test.each([
    ['sample_def:3', "arn: 'sample_def:3' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
    ['arn:aws:ecs:us-east-1:123456789012:cluster/x', "arn: service is 'ecs' but resource is 'cluster/x', expected task-definition/<family>[:<revision>]"],
    ['arn:aws:ecs:us-east-1:12345:task-definition/x:1', "arn: account '12345' must be 12 digits"],
  ])('invalid %s: exit 1, the message on stderr, nothing on stdout', (arn, message) => {
    const r = runCliJson('arn', 'family', arn);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`ecs-batch arn family: ${message}\n`);
    expect(hasNoStack(r.stderr)).toBe(true);
  });

  test('usage errors: exit 2', () => {
    const missing = runCli('arn', 'family');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("ecs-batch arn family: missing argument <arn>\nUsage: ecs-batch arn family <arn> [--json]\nRun 'ecs-batch arn family --help' for details.\n");
    const extra = runCli('arn', 'family', FAMILY, FAMILY);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('ecs-batch arn family: expected 1 argument, got 2');
    const unknown = runCli('arn', 'family', FAMILY, '--revision');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('ecs-batch arn family: unknown option --revision');
  });

  test('--help', () => {
    const r = runCli('arn', 'family', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: ecs-batch arn family <arn> [--json]');
    expect(r.stdout).toContain('"revision" is null when the ARN has none');
    expect(r.stdout).toContain('Exit codes:');
  });
});
