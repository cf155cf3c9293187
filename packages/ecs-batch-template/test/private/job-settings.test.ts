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
