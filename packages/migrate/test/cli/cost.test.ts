import { join } from 'path';
import { AwsPrices } from '@ecs-batch/core';
import { MigrationReport } from '../../src';
import { EXIT_CODES, main } from '../../src/cli';
import { parseCommandLine, UsageError } from '../../src/cli/command-line';
import { expectContractShape, FIXTURES, jobNamed } from '../contract';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI's main in this process, with what it prints. */
async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

const TERRAFORM = join(FIXTURES, 'terraform-repo');
/** A Thursday: the Sundays of the 30 days after it are 4, 11, 18 and 25 January. */
const FROM = '2026-01-01';

async function costReport(...flags: string[]): Promise<MigrationReport> {
  const result = await run(TERRAFORM, '--json', '--cost', '--from', FROM, ...flags);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(EXIT_CODES.FOUND);
  return JSON.parse(result.stdout) as MigrationReport;
}

// Hand-computed from the us-east-1 list prices: Lambda $0.0000166667/GB-s + $0.20 per million requests;
// Fargate Linux/x86 $0.04048/vCPU-h + $0.004445/GB-h, Linux/ARM $0.03238 + $0.00356; Spot 30%-50% of x86.
describe('ecs-batch-migrate --cost', () => {
  // docs/migrating-from-lambda.md ("What the move costs") and the package README show these figures.
  test('rate(1 hour): 720 runs in 30 days; costs at the timeout (60 s), an upper bound', async () => {
    const report = await costReport();
    expectContractShape(report);
    expect(jobNamed(report, 'cleanup').cost).toEqual({
      currency: 'USD',
      runsPerMonth: 720,
      // 0.5 GB x 60 s x 720 = 21600 GB-s = 0.36000072, + 720 requests = 0.000144.
      lambda: { monthly: 0.3601 },
      fargate: {
        // 512/1024: 0.5 x 0.04048 + 1 x 0.004445 = 0.024685 per hour x 12 hours (720 minutes).
        x86: { monthly: 0.2962 },
        // 0.5 x 0.03238 + 1 x 0.00356 = 0.01975 per hour x 12 hours.
        arm64: { monthly: 0.237 },
        // 0.3 and 0.5 x 0.29622.
        x86Spot: { low: 0.0889, high: 0.1481 },
      },
      pricesAsOf: AwsPrices.AS_OF,
    });
  });

  test('--duration: Lambda GB-seconds at that duration; Fargate still bills a minute at least', async () => {
    const report = await costReport('--duration', 'cleanup=0.5', '--duration=payments-nightly-report=12');
    const cleanup = jobNamed(report, 'cleanup').cost!;
    // 0.5 GB x 30 s x 720 = 10800 GB-s = 0.18000036, + 0.000144.
    expect(cleanup.lambda.monthly).toBe(0.1801);
    expect(cleanup.fargate.x86.monthly).toBe(0.2962);

    // cron(0 2 * * ? *) in Asia/Tokyo: 30 runs of 12 minutes = 6 hours.
    const nightly = jobNamed(report, 'payments-nightly-report').cost!;
    expect(nightly.runsPerMonth).toBe(30);
    // 1 GB x 720 s x 30 = 21600 GB-s = 0.36000072, + 30 requests = 0.000006.
    expect(nightly.lambda.monthly).toBe(0.36);
    // 1024/2048: 1 x 0.04048 + 2 x 0.004445 = 0.04937 per hour x 6 hours.
    expect(nightly.fargate.x86.monthly).toBe(0.2962);
  });

  test('a weekly cron, and a 3-second run billed as a minute on Fargate', async () => {
    const heavy = jobNamed(await costReport(), 'heavy').cost!;
    // cron(30 4 ? * SUN *): 4, 11, 18, 25 January.
    expect(heavy.runsPerMonth).toBe(4);
    // 10 GB x 3 s x 4 = 120 GB-s = 0.002000004, + 4 requests.
    expect(heavy.lambda.monthly).toBe(0.002);
    // 8192/16384: 8 x 0.04048 + 16 x 0.004445 = 0.39496 per hour x 4 minutes; ARM 0.316 per hour.
    expect(heavy.fargate).toEqual({ x86: { monthly: 0.0263 }, arm64: { monthly: 0.0211 }, x86Spot: { low: 0.0079, high: 0.0132 } });
  });

  test('every 15 minutes: 2880 runs (a disabled schedule is counted as if enabled)', async () => {
    const sync = jobNamed(await costReport(), 'ledger-sync');
    expect(sync.enabled).toBe(false);
    expect(sync.cost!.runsPerMonth).toBe(2880);
  });

  test('the schedules are read in the job\'s time zone, and several schedules add up', async () => {
    // cron(0 9 ? * MON *) in Asia/Tokyo is Monday 00:00 UTC: 5 January has passed at 00:30 UTC,
    // so 12, 19, 26 January and 2 February (read in UTC it would be 5 runs, from 5 January 09:00).
    const sam = await run(join(FIXTURES, 'sam-app'), '--json', '--cost', '--from', '2026-01-05T00:30:00Z');
    expect(jobNamed(JSON.parse(sam.stdout) as MigrationReport, 'prod-ledger-sync-weekly').cost!.runsPerMonth).toBe(4);
    // cron(0 8 * * ? *) and cron(0 20 * * ? *) in America/New_York: twice a day.
    const serverless = await run(join(FIXTURES, 'serverless-app'), '--json', '--cost', '--from', FROM);
    expect(jobNamed(JSON.parse(serverless.stdout) as MigrationReport, 'remind').cost!.runsPerMonth).toBe(60);
  });

  test('--region prices in that Region', async () => {
    const tokyo = jobNamed(await costReport('--region', 'ap-northeast-1'), 'cleanup').cost!;
    // 0.5 x 0.05056 + 1 x 0.00553 = 0.03081 per hour x 12 hours.
    expect(tokyo.fargate.x86.monthly).toBe(0.3697);
  });

  test('without --from, the 30 days start now (a rate still fires 720 times)', async () => {
    const result = await run(TERRAFORM, '--json', '--cost');
    expect(jobNamed(JSON.parse(result.stdout) as MigrationReport, 'cleanup').cost!.runsPerMonth).toBe(720);
  });

  test('a Copilot job does not run on Lambda today', async () => {
    const result = await run(join(FIXTURES, 'copilot-app'), '--json', '--cost', '--from', FROM);
    const hourly = jobNamed(JSON.parse(result.stdout) as MigrationReport, 'hourly-sync').cost!;
    expect(hourly.runsPerMonth).toBe(120);
    expect(hourly.lambda.monthly).toBeNull();
  });

  test('without --cost, no cost', async () => {
    const result = await run(TERRAFORM, '--json');
    expect((JSON.parse(result.stdout) as MigrationReport).jobs.every((j) => j.cost === undefined)).toBe(true);
  });

  test('the table gets the cost columns and says what they are', async () => {
    const result = await run(TERRAFORM, '--cost', '--from', FROM, '--duration', 'cleanup=0.5');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/RUNS\/MONTH +LAMBDA \$ +FARGATE X86 \$ +ARM64 \$ +X86 SPOT \$$/);
    expect(lines.find((l) => l.startsWith('cleanup '))).toMatch(/ 720 +0\.18 +0\.30 +0\.24 +0\.09-0\.15$/);
    expect(lines.find((l) => l.startsWith('heavy '))).toMatch(/ 4 +0\.0020 +0\.03 +0\.02 +0\.0079-0\.0132$/);
    expect(result.stdout).toContain(`Costs: USD a month in us-east-1, list prices of ${AwsPrices.AS_OF}`);
    expect(result.stdout).toContain('Upper bounds (a run taken to last its whole timeout): payments-nightly-report, ledger-sync, heavy;');
  });
});

describe('--cost input errors exit 2', () => {
  test.each([
    [['--region', 'eu-central-2'], "--region: 'eu-central-2' has no prices here (supported: us-east-1, us-west-2, eu-west-1, ap-northeast-1)"],
    [['--duration', 'cleanup=abc'], "--duration: cleanup=abc: 'abc' is not a number of minutes (more than 0, e.g. 12.5)"],
    [['--duration', 'cleanup=0'], "--duration: cleanup=0: '0' is not a number of minutes (more than 0, e.g. 12.5)"],
    [['--duration', 'cleanup=-1'], "--duration: cleanup=-1: '-1' is not a number of minutes (more than 0, e.g. 12.5)"],
    [['--duration', 'cleanup'], '--duration: cleanup is not K=V (a job and the minutes a run takes, e.g. nightly-report=12.5)'],
    [['--from', '2026-02-30'], "--from: '2026-02-30' is not an ISO date (e.g. 2026-01-01 or 2026-01-01T09:00:00Z)"],
    [['--from', 'yesterday'], "--from: 'yesterday' is not an ISO date (e.g. 2026-01-01 or 2026-01-01T09:00:00Z)"],
  ])('%j', async (flags, message) => {
    const result = await run(TERRAFORM, '--json', '--cost', ...flags);
    expect(result.code).toBe(EXIT_CODES.USAGE);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(`ecs-batch-migrate: ${message}`);
  });

  test('a duration for a job that is not there names the jobs', async () => {
    const result = await run(TERRAFORM, '--json', '--cost', '--duration', 'nightly=5');
    expect(result.code).toBe(EXIT_CODES.USAGE);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('ecs-batch-migrate: --duration: nightly: no such job (the jobs: payments-nightly-report, cleanup, ledger-sync, heavy)\n');
  });

  test('a duration longer than the function\'s timeout', async () => {
    const result = await run(TERRAFORM, '--json', '--cost', '--duration', 'cleanup=2');
    expect(result.code).toBe(EXIT_CODES.USAGE);
    expect(result.stderr).toBe("ecs-batch-migrate: --duration: cleanup=2: longer than the function's timeout (60 s): on Lambda a run stops there\n");
  });

  test('the cost flags need --cost, and --cost is not for --projenrc', async () => {
    expect(() => parseCommandLine(['repo', '--region', 'us-east-1'])).toThrow(new UsageError('--region: only with --cost'));
    expect(() => parseCommandLine(['repo', '--duration', 'a=1'])).toThrow(new UsageError('--duration: only with --cost'));
    expect(() => parseCommandLine(['repo', '--cost', '--projenrc'])).toThrow(new UsageError('--cost: with the table, --json or --template-json, not --projenrc'));
    expect((await run(TERRAFORM, '--from', FROM)).code).toBe(EXIT_CODES.USAGE);
  });

  test('--from takes a date, a UTC date-time, or one with an offset', () => {
    const from = (text: string) => parseCommandLine(['repo', '--cost', '--from', text]);
    expect(from('2026-01-01')).toMatchObject({ cost: { from: new Date('2026-01-01T00:00:00Z') } });
    expect(from('2026-01-01T09:30')).toMatchObject({ cost: { from: new Date('2026-01-01T09:30:00Z') } });
    expect(from('2026-01-01T09:30:00+09:00')).toMatchObject({ cost: { from: new Date('2026-01-01T00:30:00Z') } });
    expect(parseCommandLine(['repo', '--cost'])).toEqual({ kind: 'analyze', path: 'repo', output: 'table', options: {}, cost: {} });
  });
});
