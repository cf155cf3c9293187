import { AwsPrices, RunCost } from '../../src';
import { errorOf } from '../error-of';

// Expected values are worked out by hand from the list prices (us-east-1 unless said):
// Lambda x86 $0.0000166667/GB-s, Arm $0.0000133334/GB-s, $0.20 per million requests;
// Fargate Linux/x86 $0.04048/vCPU-h + $0.004445/GB-h, Linux/ARM $0.03238 + $0.00356;
// Tokyo Fargate Linux/x86 $0.05056 + $0.00553.

describe('AwsPrices', () => {
  test('the four Regions, with their date and sources', () => {
    expect(AwsPrices.regions()).toEqual(['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1']);
    expect(AwsPrices.AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(AwsPrices.LAMBDA_PRICING_URL).toBe('https://aws.amazon.com/lambda/pricing/');
    expect(AwsPrices.FARGATE_PRICING_URL).toBe('https://aws.amazon.com/fargate/pricing/');
  });

  test('us-east-1 list prices', () => {
    expect(AwsPrices.forRegion('us-east-1')).toEqual(expect.objectContaining({
      lambdaX86GbSecond: 0.0000166667,
      lambdaArmGbSecond: 0.0000133334,
      lambdaRequest: 0.0000002,
      fargateX86VcpuHour: 0.04048,
      fargateX86GbHour: 0.004445,
      fargateArmVcpuHour: 0.03238,
      fargateArmGbHour: 0.00356,
    }));
  });

  test('the Spot range is 30% to 50% of the on-demand x86 price', () => {
    const p = AwsPrices.forRegion('eu-west-1');
    expect(p.fargateSpotX86VcpuHourLow).toBeCloseTo(0.012144, 9);
    expect(p.fargateSpotX86VcpuHourHigh).toBeCloseTo(0.02024, 9);
    expect(p.fargateSpotX86GbHourLow).toBeCloseTo(0.0013335, 9);
    expect(p.fargateSpotX86GbHourHigh).toBeCloseTo(0.0022225, 9);
  });

  test('an unknown Region names the field and lists the supported ones', () => {
    const e = errorOf(() => AwsPrices.forRegion('eu-central-2', '--region'));
    expect(e.field).toBe('--region');
    expect(e.message).toBe("--region: 'eu-central-2' has no prices here (supported: us-east-1, us-west-2, eu-west-1, ap-northeast-1)");
    expect(errorOf(() => AwsPrices.forRegion('US-EAST-1')).field).toBe('region');
  });
});

describe('RunCost.runsPerMonth', () => {
  const from = new Date('2026-01-01T00:00:00Z');

  test('a rate fires from + 1, 2, ... intervals: 720 hourly runs, the last one exactly 30 days on', () => {
    expect(RunCost.runsPerMonth(['rate(1 hour)'], { from })).toBe(720);
    expect(RunCost.runsPerMonth(['rate(1 minute)'], { from })).toBe(43_200);
    expect(RunCost.runsPerMonth(['rate(7 days)'], { from })).toBe(4);
  });

  test('crons, counted fire time by fire time', () => {
    expect(RunCost.runsPerMonth(['cron(0 2 * * ? *)'], { from })).toBe(30);
    // 1 January 2026 is a Thursday: 1-2, 5-9, 12-16, 19-23, 26-30.
    expect(RunCost.runsPerMonth(['cron(0 9 ? * MON-FRI *)'], { from })).toBe(22);
    expect(RunCost.runsPerMonth(['cron(0 0 1 * ? *)'], { from })).toBe(0);
  });

  test('several expressions add up', () => {
    expect(RunCost.runsPerMonth(['rate(1 hour)', 'cron(0 2 * * ? *)'], { from })).toBe(750);
  });

  test('the window is (from, from + 30 days], read in the time zone', () => {
    // 31 January 00:00 UTC is the window's last instant; in New York it is 05:00 UTC, outside.
    expect(RunCost.runsPerMonth(['cron(0 0 31 * ? *)'], { from })).toBe(1);
    expect(RunCost.runsPerMonth(['cron(0 0 31 * ? *)'], { from, timeZone: 'America/New_York' })).toBe(0);
  });

  test('a one-time schedule runs once if it falls in the window', () => {
    expect(RunCost.runsPerMonth(['at(2026-01-15T00:00:00)'], { from })).toBe(1);
    expect(RunCost.runsPerMonth(['at(2026-03-01T00:00:00)'], { from })).toBe(0);
  });

  test('bad input', () => {
    expect(errorOf(() => RunCost.runsPerMonth(['rate(0 hours)'], { from })).message).toMatch(/rate/);
    expect(errorOf(() => RunCost.runsPerMonth(['rate(1 hour)'], { from: new Date('nope') })).field).toBe('from');
  });
});

describe('RunCost.lambda', () => {
  test('GB-seconds at the memory and duration, plus requests', () => {
    // 0.125 GB x 10 s x 720 = 900 GB-s x 0.0000166667 = 0.01500003; 720 requests x 0.0000002 = 0.000144.
    expect(RunCost.lambda({ region: 'us-east-1', memoryMb: 128, durationSeconds: 10, runs: 720 })).toBeCloseTo(0.01514403, 12);
    // Arm: 1 GB x 60 s x 30 = 1800 GB-s x 0.0000133334 = 0.02400012; 30 requests = 0.000006.
    expect(RunCost.lambda({ region: 'us-east-1', memoryMb: 1024, durationSeconds: 60, runs: 30, architecture: 'ARM64' })).toBeCloseTo(0.02400612, 12);
  });

  test('billed per millisecond, rounded up', () => {
    expect(RunCost.lambdaBilledSeconds(0.3)).toBe(0.3);
    expect(RunCost.lambdaBilledSeconds(0.0001)).toBe(0.001);
    expect(RunCost.lambdaBilledSeconds(1.2345)).toBe(1.235);
    expect(RunCost.lambdaBilledSeconds(1e-12)).toBe(0.001);
  });

  test('zero runs cost nothing', () => {
    expect(RunCost.lambda({ region: 'us-east-1', memoryMb: 128, durationSeconds: 1, runs: 0 })).toBe(0);
  });

  test('bad input names the prop', () => {
    expect(errorOf(() => RunCost.lambda({ region: 'us-east-1', memoryMb: 64, durationSeconds: 1, runs: 1 })).field).toBe('memoryMb');
    expect(errorOf(() => RunCost.lambda({ region: 'us-east-1', memoryMb: 128, durationSeconds: 0, runs: 1 })).field).toBe('durationSeconds');
    expect(errorOf(() => RunCost.lambda({ region: 'us-east-1', memoryMb: 128, durationSeconds: NaN, runs: 1 })).field).toBe('durationSeconds');
    expect(errorOf(() => RunCost.lambda({ region: 'us-east-1', memoryMb: 128, durationSeconds: 1, runs: 1.5 })).field).toBe('runs');
    expect(errorOf(() => RunCost.lambda({ region: 'mars-1', memoryMb: 128, durationSeconds: 1, runs: 1 })).field).toBe('region');
    expect(errorOf(() => RunCost.lambda({ region: 'us-east-1', memoryMb: 128, durationSeconds: 1, runs: 1, architecture: 'arm' })).field).toBe('architecture');
  });
});

describe('RunCost.fargate', () => {
  const small = { region: 'us-east-1', cpu: 256, memory: 512, runs: 720 };

  test('a 10-second run is billed the one-minute minimum', () => {
    // 0.25 x 0.04048 + 0.5 x 0.004445 = 0.0123425 per hour; 720 runs x 60 s = 12 hours: 0.14811.
    expect(RunCost.fargate({ ...small, durationSeconds: 10 })).toBeCloseTo(0.14811, 12);
    expect(RunCost.fargate({ ...small, durationSeconds: 60 })).toBeCloseTo(0.14811, 12);
    expect(RunCost.fargateBilledSeconds(10)).toBe(60);
  });

  test('ARM64 on-demand', () => {
    // 0.25 x 0.03238 + 0.5 x 0.00356 = 0.009875 per hour x 12 hours.
    expect(RunCost.fargate({ ...small, durationSeconds: 10, architecture: 'ARM64' })).toBeCloseTo(0.1185, 12);
  });

  test('billed per second, rounded up', () => {
    // 1 x 0.04048 + 2 x 0.004445 = 0.04937 per hour x 91 s.
    expect(RunCost.fargateBilledSeconds(90.2)).toBe(91);
    expect(RunCost.fargate({ region: 'us-east-1', cpu: 1024, memory: 2048, durationSeconds: 90.2, runs: 1 })).toBeCloseTo(0.04937 * 91 / 3600, 15);
  });

  test('Tokyo prices', () => {
    // 0.5 x 0.05056 + 1 x 0.00553 = 0.03081 per hour x 2 minutes = 0.001027.
    expect(RunCost.fargate({ region: 'ap-northeast-1', cpu: 512, memory: 1024, durationSeconds: 120, runs: 1 })).toBeCloseTo(0.001027, 12);
  });

  test('Spot x86 as a range: 30% to 50% of on-demand', () => {
    const spot = RunCost.fargateSpot({ ...small, durationSeconds: 10 });
    expect(spot.low).toBeCloseTo(0.044433, 12);
    expect(spot.high).toBeCloseTo(0.074055, 12);
  });

  test('bad input names the prop', () => {
    expect(errorOf(() => RunCost.fargate({ ...small, memory: 4096, durationSeconds: 1 })).field).toBe('memory');
    expect(errorOf(() => RunCost.fargate({ ...small, durationSeconds: -1 })).field).toBe('durationSeconds');
    expect(errorOf(() => RunCost.fargateSpot({ ...small, runs: -1, durationSeconds: 1 })).field).toBe('runs');
  });
});
