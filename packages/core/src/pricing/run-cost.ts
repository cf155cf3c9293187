import { ValidationError } from '../errors';
import { AwsPrices, RegionPrices } from './aws-prices';
import { FargateArchitecture } from '../fargate/fargate-architecture';
import { FargateSize } from '../fargate/fargate-size';
import { Schedule } from '../schedule/schedule';

/** What a job costs on Lambda: its size, how long a run takes and how often it runs. */
export interface LambdaCostProps {
  /** The Region whose prices apply, one of `AwsPrices.regions()`. */
  readonly region: string;
  /** The function's memory, 128-10240 MB. */
  readonly memoryMb: number;
  /** How long one run takes, in seconds (more than 0; Lambda bills it rounded up to the millisecond). */
  readonly durationSeconds: number;
  /** How many runs: 1 for the cost of one run, `runsPerMonth` for a month. */
  readonly runs: number;
  /**
   * The function's architecture, `X86_64` or `ARM64`.
   * @default 'X86_64' (Lambda's default)
   */
  readonly architecture?: string;
}

/** What a job costs on Fargate: the task size, how long a run takes and how often it runs. */
export interface FargateCostProps {
  /** The Region whose prices apply, one of `AwsPrices.regions()`. */
  readonly region: string;
  /** The task's CPU units (1024 = 1 vCPU), a valid Fargate size with `memory`. */
  readonly cpu: number;
  /** The task's memory in MiB, a valid Fargate size with `cpu`. */
  readonly memory: number;
  /** How long one run takes, in seconds (more than 0; Fargate bills it rounded up to the second, at least a minute). */
  readonly durationSeconds: number;
  /** How many runs: 1 for the cost of one run, `runsPerMonth` for a month. */
  readonly runs: number;
  /**
   * The task's CPU architecture, `X86_64` or `ARM64` (ignored by `fargateSpot`: Spot runs only X86_64).
   * @default 'X86_64'
   */
  readonly architecture?: string;
}

/** A price range in USD, for what varies (Fargate Spot). */
export interface CostRange {
  /** The lowest expected cost. */
  readonly low: number;
  /** The highest expected cost. */
  readonly high: number;
}

/** Options for `RunCost.runsPerMonth`. */
export interface RunsPerMonthOptions {
  /**
   * Count the fire times after this instant.
   * @default now
   */
  readonly from?: Date;
  /**
   * The IANA time zone the expressions are read in (EventBridge Scheduler's `schedule_expression_timezone`).
   * @default 'UTC'
   */
  readonly timeZone?: string;
}

const HOUR_SECONDS = 3600;
const DAY_MS = 24 * 3_600_000;

/**
 * What a scheduled job costs per month, on Lambda and on Fargate, at the list prices of `AwsPrices`.
 *
 * - Lambda: requests, plus duration in GB-seconds (memory in GB x seconds, rounded up to the millisecond).
 * - Fargate: vCPU-hours plus GB-hours of the task size, billed per second (rounded up) with a
 *   one-minute minimum; 20 GB of ephemeral storage are included.
 *
 * @see https://aws.amazon.com/lambda/pricing/
 * @see https://aws.amazon.com/fargate/pricing/
 */
export class RunCost {
  /** The days `runsPerMonth` counts: a month of 30 days. */
  public static readonly MONTH_DAYS = 30;
  /** Fargate bills at least this many seconds per task. */
  public static readonly FARGATE_MINIMUM_SECONDS = 60;

  /**
   * How many times the schedules fire in the 30 days after `from`: their fire times (`Schedule.nextFireTimes`)
   * in (from, from + 30 days], counted one by one and summed over the expressions.
   * For example `rate(1 hour)` fires 720 times, `cron(0 2 * * ? *)` 30 times.
   *
   * @param expressions schedule expressions, `cron(...)`, `rate(...)` or `at(...)`
   * @throws ValidationError for an invalid expression, date or time zone
   */
  public static runsPerMonth(expressions: string[], options?: RunsPerMonthOptions): number {
    const from = options?.from ?? new Date();
    if (!(from instanceof Date) || isNaN(from.getTime())) throw new ValidationError('from', `${String(from)} is not a valid date (a Date)`);
    const untilMs = from.getTime() + RunCost.MONTH_DAYS * DAY_MS;
    let runs = 0;
    for (const expression of expressions) {
      const schedule = Schedule.expression(expression);
      let after = from;
      for (;;) {
        const times = schedule.nextFireTimes({ count: Schedule.MAX_FIRE_TIMES, from: after, timeZone: options?.timeZone });
        const inMonth = times.filter((t) => t.getTime() <= untilMs);
        runs += inMonth.length;
        if (inMonth.length < times.length || times.length < Schedule.MAX_FIRE_TIMES) break;
        after = times[times.length - 1];
      }
    }
    return runs;
  }

  /**
   * The Lambda cost of `runs` runs, in USD: runs x (request price + memory GB x billed seconds x GB-second price).
   * @throws ValidationError naming the prop that is out of range
   */
  public static lambda(props: LambdaCostProps): number {
    const prices = AwsPrices.forRegion(props.region);
    const architecture = FargateArchitecture.check(props.architecture ?? FargateArchitecture.X86_64, 'architecture');
    if (!Number.isInteger(props.memoryMb) || props.memoryMb < FargateSize.LAMBDA_MIN_MEMORY_MB || props.memoryMb > FargateSize.LAMBDA_MAX_MEMORY_MB) {
      throw new ValidationError('memoryMb', `${props.memoryMb} is out of range (an integer, ${FargateSize.LAMBDA_MIN_MEMORY_MB}-${FargateSize.LAMBDA_MAX_MEMORY_MB} MB)`);
    }
    const runs = checkRuns(props.runs);
    const gbSeconds = (props.memoryMb / 1024) * RunCost.lambdaBilledSeconds(props.durationSeconds);
    const gbSecondPrice = architecture === FargateArchitecture.ARM64 ? prices.lambdaArmGbSecond : prices.lambdaX86GbSecond;
    return runs * (prices.lambdaRequest + gbSeconds * gbSecondPrice);
  }

  /**
   * The on-demand Fargate cost of `runs` runs, in USD: runs x (vCPU x vCPU-hour price + GB x GB-hour price) x billed hours.
   * @throws ValidationError naming the prop that is out of range
   */
  public static fargate(props: FargateCostProps): number {
    const prices = AwsPrices.forRegion(props.region);
    const architecture = FargateArchitecture.check(props.architecture ?? FargateArchitecture.X86_64, 'architecture');
    return architecture === FargateArchitecture.ARM64
      ? fargateCost(props, prices.fargateArmVcpuHour, prices.fargateArmGbHour)
      : fargateCost(props, prices.fargateX86VcpuHour, prices.fargateX86GbHour);
  }

  /**
   * The Fargate Spot cost of `runs` runs, in USD, as a range: Spot prices vary, and run only X86_64
   * (see `AwsPrices.SPOT_LOW_FRACTION` for how the range is chosen).
   * @throws ValidationError naming the prop that is out of range
   */
  public static fargateSpot(props: FargateCostProps): CostRange {
    const prices: RegionPrices = AwsPrices.forRegion(props.region);
    return {
      low: fargateCost(props, prices.fargateSpotX86VcpuHourLow, prices.fargateSpotX86GbHourLow),
      high: fargateCost(props, prices.fargateSpotX86VcpuHourHigh, prices.fargateSpotX86GbHourHigh),
    };
  }

  /**
   * The seconds Fargate bills for a run: rounded up to the second, at least a minute.
   * @throws ValidationError naming `durationSeconds` unless it is more than 0
   */
  public static fargateBilledSeconds(durationSeconds: number): number {
    return Math.max(RunCost.FARGATE_MINIMUM_SECONDS, Math.ceil(checkDuration(durationSeconds)));
  }

  /**
   * The seconds Lambda bills for a run: rounded up to the millisecond (at least one).
   * @throws ValidationError naming `durationSeconds` unless it is more than 0
   */
  public static lambdaBilledSeconds(durationSeconds: number): number {
    // The epsilon keeps 0.3 s (300.00000000000006 ms in floating point) at 300 ms.
    return Math.max(1, Math.ceil(checkDuration(durationSeconds) * 1000 - 1e-9)) / 1000;
  }

  private constructor() {}
}

function fargateCost(props: FargateCostProps, vcpuHour: number, gbHour: number): number {
  FargateSize.validate(props.cpu, props.memory);
  const runs = checkRuns(props.runs);
  const hours = RunCost.fargateBilledSeconds(props.durationSeconds) / HOUR_SECONDS;
  return runs * hours * ((props.cpu / 1024) * vcpuHour + (props.memory / 1024) * gbHour);
}

function checkDuration(seconds: number): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new ValidationError('durationSeconds', `${seconds} is not a duration (a number of seconds, more than 0)`);
  }
  return seconds;
}

function checkRuns(runs: number): number {
  if (!Number.isInteger(runs) || runs < 0) throw new ValidationError('runs', `${runs} is not a number of runs (a whole number, 0 or more)`);
  return runs;
}
