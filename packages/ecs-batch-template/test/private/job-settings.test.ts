import { Errors, OverlapPolicies, TriggerKinds } from '@ecs-batch/core';
import { jobFieldName } from '../../src/private/field-error';
import { resolveJob } from '../../src/private/job-settings';
import { errorOf } from '../fixtures';

const defaults = { team: 'payments', timeZone: 'Asia/Tokyo' };
const job = (options: { schedule?: string; [key: string]: unknown }) =>
  resolveJob({ name: 'report', schedule: 'cron(0 2 * * ? *)', ...options } as any, defaults, jobFieldName('report'));

describe('resolveJob', () => {
  test('fills in the defaults: the repo time zone, Scheduler, 256/512, 60 minutes, the handler skeleton', () => {
    expect(job({})).toMatchObject({
      name: 'report',
      family: 'payments-report',
      schedule: 'cron(0 2 * * ? *)',
      scheduleDescription: 'At 02:00 every day, Asia/Tokyo',
      timeZone: 'Asia/Tokyo',
      trigger: 'scheduler',
      cpu: 256,
      memory: 512,
      timeoutMinutes: 60,
      handlerSource: 'src/jobs/report/handler.ts',
      handlerExport: 'handler',
      handlerSpec: 'lib/jobs/report/handler.handler',
      environment: {},
      overlap: 'allow',
      enabled: true,
    });
  });

  test.each([
    ['cron(0 2 * * ? *)', 25],
    ['cron(0 2 ? * MON-FRI *)', 73],
    ['rate(5 minutes)', 2],
    ['rate(1 day)', 25],
    ['cron(0 9 ? * MON *)', undefined],
    ['at(2030-01-01T09:00:00)', undefined],
  ])('%s: the missed-run alarm waits the longest gap plus an hour (%s), within CloudWatch\'s 7 days', (schedule, hours) => {
    expect(job({ schedule }).missedRunAlarmHours).toBe(hours);
  });

  test('the family, team and job name together, stays within the construct\'s 40 characters', () => {
    const longTeam = { team: 'a-team-with-a-rather-long-name', timeZone: 'UTC' };
    expect(errorOf(() => resolveJob({ name: 'nightly-report', schedule: 'rate(1 day)' }, longTeam, jobFieldName('nightly-report'))))
      .toBe("addJob(nightly-report).name: 'nightly-report' makes the family 'a-team-with-a-rather-long-name-nightly-report' 45 characters long (team and job name together at most 39)");
  });

  test('a rule gets its schedule converted to UTC by core', () => {
    expect(job({ trigger: 'rule' }).utcSchedule).toBe('cron(0 17 * * ? *)');
  });

  test('a Lambda-style handler names the file and the export, in src/ and in the image', () => {
    expect(job({ handler: 'tasks/index.main' })).toMatchObject({
      handlerSource: 'src/jobs/report/tasks/index.ts', handlerExport: 'main', handlerSpec: 'lib/jobs/report/tasks/index.main',
    });
  });

  test.each([
    [{ name: 'a-very-long-job-name-xyzw' }, "addJob(report).name: 'a-very-long-job-name-xyzw' is not a valid job name (1-24 lowercase"],
    [{ handler: 'handler' }, "addJob(report).handler: 'handler' is not <file>.<export> relative to src/jobs/report/"],
    [{ handler: '../other.handler' }, 'addJob(report).handler:'],
    [{ environment: { ECS_BATCH_EVENT: '{}' } }, "addJob(report).environment.ECS_BATCH_EVENT: ECS_BATCH_* names are the runner's"],
    [{ input: '{not json' }, 'addJob(report).input: is not JSON'],
    [{ overlap: 'queue' }, "addJob(report).overlap: 'queue' is not an overlap policy (allow or skip)"],
    [{ timeZone: 'Asia/Osaka' }, "addJob(report).timeZone: 'Asia/Osaka' is not an IANA time zone"],
    [{ memory: 3000 }, 'addJob(report).memory: 3000 is not valid with 256 cpu'],
    [{ schedule: 'rate(0 minutes)' }, "addJob(report).schedule: rate value '0' is not a positive whole number"],
  ])('%j fails naming the addJob property', (options, message) => {
    expect(errorOf(() => job(options))).toContain(message);
  });
});

test('trigger and overlap take exactly core\'s words (TriggerName and OverlapName list the same)', () => {
  for (const trigger of TriggerKinds.ALL) expect(job({ trigger, timeZone: 'UTC' }).trigger).toBe(trigger);
  for (const overlap of OverlapPolicies.ALL) expect(job({ overlap }).overlap).toBe(overlap);
});

describe('core\'s validators name the addJob property, not core\'s internal field', () => {
  const caught = (options: { [key: string]: unknown }): unknown => {
    try {
      job(options);
    } catch (e) {
      return e;
    }
    throw new Error('expected an error');
  };

  test.each([
    // TriggerKinds.validate, core's one trigger vocabulary.
    [{ trigger: 'Rule' }, 'addJob(report).trigger', `'Rule' is not a trigger (${TriggerKinds.ALL.join(' or ')})`],
    // Schedule.forRule, core's one rule-runs-in-UTC check.
    [{ trigger: 'rule', schedule: 'cron(0 2 ? * MON#1 *)' }, 'addJob(report).trigger', 'cron(0 2 ? * MON#1 *) in Asia/Tokyo has no exact UTC equivalent for a rule'],
    // RunTaskPolicy / TaskRolePermissions: core's own names are passRoleArns, statements, ...
    [{ permissions: [{ actions: ['*'], resources: ['*'] }] }, 'addJob(report).permissions[0].actions[0]', "'*' allows every action of every service"],
    [{ permissions: [{ actions: ['s3:GetObject'], resources: [] }] }, 'addJob(report).permissions[0].resources', 'is empty (resource ARNs'],
    [{ managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }, 'addJob(report).managedPolicyArns[0]', 'AdministratorAccess grants *'],
  ])('%j', (options, field, reason) => {
    const error = caught(options);
    expect(Errors.isValidationError(error)).toBe(true);
    expect(Errors.fieldOf(error)).toBe(field);
    expect(Errors.reasonOf(error)).toContain(reason);
    expect((error as Error).message).not.toMatch(/passRoleArns|statements\[|policyArn\b/);
  });
});

describe('access: permissions, secrets, limits', () => {
  const SECRET = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:report/db-AbCdEf';
  const KEY = 'arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

  test('kept as given, with the defaults: no permissions, a read-only root filesystem', () => {
    expect(job({})).toMatchObject({
      permissions: [], managedPolicyArns: [], secretsManagerSecrets: {}, ssmParameters: {}, kmsKeyArns: [], readonlyRootFilesystem: true,
    });
    const full = job({
      permissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] }],
      managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess'],
      secretsManagerSecrets: { DB_PASSWORD: `${SECRET}:password::` },
      ssmParameters: { API_HOST: '/report/api-host' },
      kmsKeyArns: [KEY],
      ephemeralStorageGiB: 50,
      stopTimeoutSeconds: 90,
      readonlyRootFilesystem: false,
    });
    expect(full).toMatchObject({
      permissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] }],
      secretsManagerSecrets: { DB_PASSWORD: `${SECRET}:password::` },
      ssmParameters: { API_HOST: '/report/api-host' },
      kmsKeyArns: [KEY],
      ephemeralStorageGiB: 50,
      stopTimeoutSeconds: 90,
      readonlyRootFilesystem: false,
      permissionWarnings: [],
    });
  });

  test('a * resource is a warning naming addJob', () => {
    expect(job({ permissions: [{ actions: ['dynamodb:Query'], resources: ['*'] }] }).permissionWarnings)
      .toEqual([expect.stringMatching(/^addJob\(report\)\.permissions\[0\]\.resources: '\*' lets dynamodb:Query act on every resource/)]);
  });

  test.each([
    [{ permissions: [{ actions: ['*'], resources: ['*'] }] }, "addJob(report).permissions[0].actions[0]: '*' allows every action of every service"],
    [{ permissions: [{ actions: ['iam:*'], resources: ['*'] }] }, "addJob(report).permissions[0].actions[0]: 'iam:*' lets the job grant itself any permission"],
    [{ managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }, 'addJob(report).managedPolicyArns[0]: AdministratorAccess grants *'],
    [{ secretsManagerSecrets: { DB: `${SECRET}:password` } }, 'addJob(report).secretsManagerSecrets.DB: '],
    [{ ssmParameters: { DB: 'db host' } }, "addJob(report).ssmParameters.DB: 'db host' is neither an SSM parameter ARN nor a parameter name"],
    [{ secretsManagerSecrets: { DB: SECRET }, ssmParameters: { DB: '/db' } }, 'addJob(report).ssmParameters.DB: is also in secretsManagerSecrets'],
    [{ environment: { DB: 'x' }, secretsManagerSecrets: { DB: SECRET } }, 'addJob(report).secretsManagerSecrets.DB: is also a plain environment variable'],
    [{ kmsKeyArns: [KEY] }, 'addJob(report).kmsKeyArns: are given but there is no secret to decrypt'],
    [{ secretsManagerSecrets: { DB: SECRET }, kmsKeyArns: ['alias/db'] }, "addJob(report).kmsKeyArns[0]: 'alias/db' is not an ARN"],
    [{ ephemeralStorageGiB: 20 }, 'addJob(report).ephemeralStorageGiB: 20 is out of range (an integer, 21-200)'],
    [{ stopTimeoutSeconds: 121 }, 'addJob(report).stopTimeoutSeconds: 121 is out of range (an integer, 1-120)'],
  ])('%j is refused', (options, message) => {
    expect(errorOf(() => job(options))).toContain(message);
  });
});
