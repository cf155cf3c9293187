import { join } from 'path';
import { Schedule } from '@ecs-batch/core';
import { analyze, MigrationReport } from '../src';
import { coreError, expectContractShape, FIXTURES, jobNamed } from './contract';
import { main } from '../src/cli';

// One fixture per class of what real repositories do, written for these tests.
const SAM = join(FIXTURES, 'sam-classes');
const SERVERLESS = join(FIXTURES, 'serverless-classes');

const defaulted = (field: string, origin: string) => `${field}: taken from ${origin}; a deploy that sets it differently changes it`;

describe('SAM: schedules outside the function, parameters as a deploy sees them', () => {
  let report: MigrationReport;
  beforeAll(async () => {
    report = await analyze(SAM);
  });

  test('an AWS::Scheduler::Schedule targeting !GetAtt Fn.Arn is found, with its input; rate(5 minute) is normalized with a warning', () => {
    expectContractShape(report);
    const poller = jobNamed(report, 'poller');
    expect(poller.schedule).toEqual(['rate(5 minutes)']);
    expect(poller.input).toEqual({ source: 'poller' });
    expect(poller.warnings).toContain('PollerSchedule: rate(5 minute) is accepted by EventBridge Scheduler, not by rules; written as rate(5 minutes), the form both accept');
  });

  test('an AWS::Events::Rule targeting !Sub ${Fn.Arn} is found; a state that does not resolve is an assumption, warned and listed', () => {
    const job = jobNamed(report, 'report');
    expect(job.schedule).toEqual(['cron(0 6 * * ? *)']);
    expect(job.enabled).toBe(true);
    expect(job.defaults).toEqual(['enabled']);
    expect(job.warnings).toContain(defaulted('enabled', 'an assumption: ReportRule.State !If ["Never","DISABLED","ENABLED"] has no value here'));
  });

  test('Default: "false" disables (parameters are strings); defaults are listed and warned; a parameter without a value is named', () => {
    const nightly = jobNamed(report, 'export-nightly');
    expect(nightly.enabled).toBe(false);
    expect(nightly.schedule).toEqual(['rate(6 hours)']);
    expect(nightly.defaults).toEqual(['schedule', 'enabled']);
    expect(nightly.warnings).toEqual([
      defaulted('schedule', "parameter ExportRate's Default"),
      defaulted('enabled', "parameter ReportsEnabled's Default"),
    ]);
    const weekly = jobNamed(report, 'export-weekly');
    expect(weekly.enabled).toBe(true);
    expect(weekly.defaults).toEqual(['enabled']);
    expect(weekly.warnings).toEqual([defaulted('enabled',
      'an assumption: Events.Weekly.State !Ref ExportState has no value here (parameter ExportState has no Default: pass --parameter-overrides ExportState=<value>)')]);
  });

  test('--parameter-overrides wins over each Default, and an overridden value is not a default', async () => {
    const overridden = await analyze(SAM, { parameterOverrides: { ExportState: 'DISABLED', ReportsEnabled: 'TRUE', ExportRate: 'rate(2 hours)' } });
    expect(jobNamed(overridden, 'export-nightly')).toMatchObject({ enabled: true, schedule: ['rate(2 hours)'], defaults: [], warnings: [] });
    expect(jobNamed(overridden, 'export-weekly')).toMatchObject({ enabled: false, defaults: [], warnings: [] });
  });

  test('other triggers, retired runtimes, durable functions, *_SSM names', () => {
    const poller = jobNamed(report, 'poller');
    expect(poller.warnings).toContain('also triggered by Events.Api (Api): the job runs only the schedule, so keep the Lambda for that trigger or move it too');
    // nodejs8.10 is Node, only old.
    expect(poller.warnings).toContain('runtime nodejs8.10: the runner needs Node 22 or later, so test the handler on Node 22');
    expect(poller.environment).toEqual([
      { name: 'DB_PASSWORD_SSM', value: '/orders/db-password', secret: false },
      { name: 'DB_PASSWORD', value: 'not-a-real-password', secret: true },
    ]);
    expect(jobNamed(report, 'report').warnings[0]).toMatch(/^DurableConfig: a Lambda durable function checkpoints and resumes/);
  });

  test('a rule rejects rate(5 hour), with core\'s reason; the image command would have been warned about', async () => {
    expect(report.warnings).toEqual([
      `template.yaml: ImageFunction: Events.Compact: ${coreError(() => Schedule.expression('rate(5 hour)'))}: not migrated`,
    ]);
    const { mkdtempSync, writeFileSync, rmSync } = await import('fs');
    const { tmpdir } = await import('os');
    const dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-image-'));
    try {
      writeFileSync(join(dir, 'template.yaml'), [
        'Resources:', '  Compact:', '    Type: AWS::Serverless::Function', '    Properties:', '      PackageType: Image',
        '      ImageUri: repo/jobs:1', '      ImageConfig:', '        Command: ["jobs.compact"]',
        '      Events:', '        E:', '          Type: Schedule', '          Properties:', '            Schedule: rate(5 hours)',
      ].join('\n'));
      expect((await analyze(dir)).jobs[0].warnings).toContain(
        'ImageConfig.Command: ["jobs.compact"] is the image\'s command for this function: set it as the job\'s command, or jobs sharing the image lose the difference');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Serverless: events from variables, and the stage', () => {
  test('events from ${file(events.yml):${self:provider.stage}} and ${self:custom...}; an assumed stage is a default', async () => {
    const report = await analyze(SERVERLESS);
    expect(report.jobs.map((j) => [j.name, j.schedule])).toEqual([['settle', ['rate(30 minutes)']], ['sweep', ['rate(1 hour)']]]);
    const settle = jobNamed(report, 'settle');
    expect(settle.defaults).toEqual(['schedule']);
    expect(settle.warnings).toContain(defaulted('schedule', "the fallback of ${opt:stage, 'dev'}, which chose the events"));
    expect(jobNamed(report, 'sweep').warnings).toContain(
      'also triggered by events[1] (sqs): the job runs only the schedule, so keep the Lambda for that trigger or move it too');
    // nodejs6.10 is Node, only old.
    expect(jobNamed(report, 'sweep').warnings).toContain('runtime nodejs6.10: the runner needs Node 22 or later, so test the handler on Node 22');
    // Never skipped without a word.
    expect(report.warnings).toEqual([
      'serverless.yml: functions.archive.events: ${ssm:/ledger/archive-events} does not resolve to a list of events '
        + '(a list, ${self:...}, or ${file(...)} of a YAML/JSON file; pass --stage when it depends on the stage): not migrated',
    ]);
  });

  test('--stage picks the stage\'s events, and nothing is a default', async () => {
    const report = await analyze(SERVERLESS, { stage: 'prod' });
    expect(jobNamed(report, 'settle')).toMatchObject({ schedule: ['cron(0 1 * * ? *)'], timeZone: 'Europe/Paris', defaults: [] });
  });
});

describe('the CLI when nothing could be migrated', () => {
  test('a rejected schedule: exit 3, and the message does not claim nothing was found', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('fs');
    const { tmpdir } = await import('os');
    const dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-none-'));
    try {
      writeFileSync(join(dir, 'template.yaml'), [
        'Resources:', '  Fn:', '    Type: AWS::Serverless::Function', '    Properties:', '      Handler: a.b', '      Runtime: nodejs22.x',
        '      Events:', '        E:', '          Type: Schedule', '          Properties:', '            Schedule: rate(5 minute)',
      ].join('\n'));
      let stderr = '';
      const code = await main([dir], { stdout: () => undefined, stderr: (t) => { stderr += t; } });
      expect(code).toBe(3);
      expect(stderr).toContain(`ecs-batch-migrate: no scheduled Lambda function in ${dir} could be migrated (see why below)`);
      expect(stderr).not.toContain('no scheduled Lambda function found');
      expect(stderr).toContain('rate: a value above 1 takes the plural unit (rate(5 minutes)): not migrated');

      // Only an unreadable file: exit 1, naming it.
      writeFileSync(join(dir, 'template.yaml'), 'Resources: [a,\n  b: c\n');
      stderr = '';
      expect(await main([dir], { stdout: () => undefined, stderr: (t) => { stderr += t; } })).toBe(1);
      expect(stderr).toMatch(/1 file could not be read \(template\.yaml:\d+\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
