import { join } from 'path';
import { analyze, MigrationReport } from '../../src';
import { copilotSchedule } from '../../src/copilot/copilot-schedule';
import { toAddJobOptions } from '../../src/job/add-job-options';
import { expectContractShape, FIXTURES, jobNamed } from '../contract';

const APP = join(FIXTURES, 'copilot-app');

describe('copilotSchedule: each form of on.schedule', () => {
  test.each([
    ['@daily', 'cron(0 0 * * ? *)'],
    ['@hourly', 'cron(0 * * * ? *)'],
    ['@weekly', 'cron(0 0 ? * 1 *)'],
    ['@monthly', 'cron(0 0 1 * ? *)'],
    ['@yearly', 'cron(0 0 1 1 ? *)'],
    ['@every 6h', 'rate(6 hours)'],
    ['@every 1h30m', 'rate(90 minutes)'],
    ['@every 24h', 'rate(1 day)'],
    ['@every 1m', 'rate(1 minute)'],
    ['30 9 * * 1-5', 'cron(30 9 ? * 2-6 *)'],
    ['0 3 1 * *', 'cron(0 3 1 * ? *)'],
    ['0 0 * * 0', 'cron(0 0 ? * 1 *)'],
    ['cron(0 2 * * ? *)', 'cron(0 2 * * ? *)'],
    ['rate(5 minutes)', 'rate(5 minutes)'],
  ])('%s is %s', (schedule, expression) => {
    expect(copilotSchedule(schedule)).toEqual({ expression });
  });

  test.each([
    ['@every 90s', '@every 90s: rates are whole minutes, at least one'],
    ['@every soon', '@every soon: not a duration (e.g. 30m, 6h, 1h30m)'],
    ['0 0 1 * 1', '0 0 1 * 1: EventBridge cannot take both a day of the month and a day of the week'],
    ['every day', 'every day is not a Copilot schedule (@daily, @every 6h, a five-field cron, cron(...) or rate(...))'],
  ])('%s is refused: %s', (schedule, problem) => {
    expect(copilotSchedule(schedule)).toEqual({ problem });
  });
});

describe('an AWS Copilot workspace', () => {
  let report: MigrationReport;
  beforeAll(async () => {
    report = await analyze(APP);
  });

  test('each Scheduled Job becomes a job; services are not scheduled; a bad schedule is reported', () => {
    expectContractShape(report);
    expect(report.jobs.map((j) => [j.name, j.source, j.schedule])).toEqual([
      ['hourly-sync', 'copilot', ['rate(6 hours)']],
      ['nightly-export', 'copilot', ['cron(0 0 * * ? *)']],
      ['weekly-digest', 'copilot', ['cron(30 9 ? * 2-6 *)']],
    ]);
    expect(report.warnings).toEqual(['copilot/broken-schedule/manifest.yml: broken-schedule: on.schedule @every 90s: rates are whole minutes, at least one: not migrated']);
  });

  test('size, timeout, command, variables and secrets carry over; retries, overrides, platform and the image are warned about', () => {
    const job = jobNamed(report, 'nightly-export');
    expect(job).toMatchObject({ cpu: 1024, memory: 2048, memoryMb: 2048, timeoutSeconds: 5400, command: ['node', 'dist/export.js', '--full'], enabled: true });
    expect(job.environment).toEqual([
      { name: 'EXPORT_BUCKET', value: 'exports-dev', secret: false },
      { name: 'LOG_LEVEL', value: 'info', secret: false },
      { name: 'DB_PASSWORD', value: null, expression: 'secret /copilot/app/dev/secrets/db-password', secret: true },
      { name: 'API_KEY', value: null, expression: 'secret secretsmanager: app/api-key', secret: true },
    ]);
    expect(job.warnings).toEqual(expect.arrayContaining([
      'on.schedule @daily is cron(0 0 * * ? *) (UTC), as Copilot deploys it',
      'retries: 3: Copilot re-ran a failed job; here only failed launches are retried, and a failed run alerts instead',
      'platform: linux/arm64: set the job\'s CPU architecture to ARM64 (Fargate Spot does not run ARM64)',
      'environments.prod overrides cpu, memory, variables: put them in the prod environment\'s tfvars where a variable exists (the job uses the manifest\'s base values)',
      'environment DB_PASSWORD looks like a secret: pass it as a container secret (Secrets Manager or SSM Parameter Store), not as a plain variable',
    ]));
    expect(job.warnings.find((w) => w.startsWith('image: built from jobs/Dockerfile'))).toMatch(/port the job to a handler in src\/jobs\/<job>\//);
  });

  test('a string command is split as Copilot splits it; an image location is named; a missing timeout is the template\'s 60 minutes', () => {
    const sync = jobNamed(report, 'hourly-sync');
    expect(sync).toMatchObject({ command: ['sync', '--all'], cpu: 256, memory: 512, timeoutSeconds: 3600 });
    expect(sync.warnings).toContain("timeout: Copilot set none; the job gets the template's 60 minutes, so set timeoutMinutes if a run takes longer");
    expect(sync.warnings).toContain("image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/sync:1.4: the template's image runs Node handlers; port the job to a handler, or set this image as the job's image by hand");
  });

  test('the addJob options keep the command and the job\'s own timeout', () => {
    const options = toAddJobOptions(report).find(({ job }) => job.name === 'nightly-export')!.options;
    expect(options).toEqual([expect.objectContaining({ name: 'nightly-export', schedule: 'cron(0 0 * * ? *)', timeZone: 'UTC', cpu: 1024, memory: 2048, timeoutMinutes: 90, command: ['node', 'dist/export.js', '--full'] })]);
  });
});
