import { ValidationError } from '../errors';

/**
 * The on-demand prices of one AWS Region, in USD, for what a scheduled job uses on Lambda and on
 * Fargate (Linux). Fargate Spot prices vary, so Spot is a low/high range (see `AwsPrices.SPOT_LOW_FRACTION`).
 */
export interface RegionPrices {
  /** The Region, e.g. `us-east-1`. */
  readonly region: string;
  /** Lambda duration on x86_64, USD per GB-second (the first pricing tier: up to 6 billion GB-s a month). */
  readonly lambdaX86GbSecond: number;
  /** Lambda duration on arm64, USD per GB-second (the first pricing tier: up to 7.5 billion GB-s a month). */
  readonly lambdaArmGbSecond: number;
  /** Lambda requests, USD per request (the same on both architectures). */
  readonly lambdaRequest: number;
  /** Fargate Linux/x86, USD per vCPU-hour. */
  readonly fargateX86VcpuHour: number;
  /** Fargate Linux/x86, USD per GB-hour of memory. */
  readonly fargateX86GbHour: number;
  /** Fargate Linux/ARM, USD per vCPU-hour. */
  readonly fargateArmVcpuHour: number;
  /** Fargate Linux/ARM, USD per GB-hour of memory. */
  readonly fargateArmGbHour: number;
  /** Fargate Spot Linux/x86, the low end of the range, USD per vCPU-hour. */
  readonly fargateSpotX86VcpuHourLow: number;
  /** Fargate Spot Linux/x86, the high end of the range, USD per vCPU-hour. */
  readonly fargateSpotX86VcpuHourHigh: number;
  /** Fargate Spot Linux/x86, the low end of the range, USD per GB-hour. */
  readonly fargateSpotX86GbHourLow: number;
  /** Fargate Spot Linux/x86, the high end of the range, USD per GB-hour. */
  readonly fargateSpotX86GbHourHigh: number;
}

/**
 * The published list prices, per Region.
 *
 * Sources, read on the `AS_OF` date:
 * - Lambda, https://aws.amazon.com/lambda/pricing/: requests $0.20 per million; duration $0.0000166667
 *   per GB-second on x86 and $0.0000133334 on Arm (first tier), in us-east-1, us-west-2 and eu-west-1.
 *   ap-northeast-1 is listed at the same prices; that page renders its per-Region table with
 *   script, and the Tokyo figures could not be confirmed from a stored copy, so they are the best
 *   published figures known (the same as N. Virginia), not a confirmed reading.
 * - Fargate, https://aws.amazon.com/fargate/pricing/: Linux/x86 $0.04048 per vCPU-hour and $0.004445
 *   per GB-hour, Linux/ARM $0.03238 and $0.00356, in us-east-1, us-west-2 and eu-west-1 (confirmed for
 *   us-east-1 and eu-west-1 by copies of the page cited in third-party write-ups; us-west-2 is the
 *   same tier on the page). ap-northeast-1: Linux/x86 $0.05056 per vCPU-hour and $0.00553 per
 *   GB-hour, Linux/ARM $0.04045 and $0.00442: the best published figures known, not confirmed from a
 *   stored copy of the page (which renders its table with script).
 * - Fargate Spot: the page shows a live Spot price per Region that changes with supply and demand,
 *   and says Spot runs at up to a 70% discount off the on-demand price. The range here is 50% to 70%
 *   off the on-demand Linux/x86 price: the high end (`SPOT_HIGH_FRACTION`, 0.5 of on-demand) is the
 *   smallest discount commonly observed, the low end (`SPOT_LOW_FRACTION`, 0.3) is AWS's "up to 70%".
 *   Spot runs only Linux/x86 (no ARM64).
 *
 * Not included: the Lambda free tier (per account, shared by all functions), Lambda's cheaper tiers
 * above 6 billion GB-s a month, Savings Plans, extra ephemeral storage (Fargate includes 20 GB per
 * task; Lambda 512 MB), logs, data transfer and public IPv4 addresses.
 *
 * @see https://aws.amazon.com/lambda/pricing/
 * @see https://aws.amazon.com/fargate/pricing/
 */
export class AwsPrices {
  /** The date the prices were read, `yyyy-mm-dd`. */
  public static readonly AS_OF = '2026-12-05';
  /** Where the Lambda prices come from. */
  public static readonly LAMBDA_PRICING_URL = 'https://aws.amazon.com/lambda/pricing/';
  /** Where the Fargate and Fargate Spot prices come from. */
  public static readonly FARGATE_PRICING_URL = 'https://aws.amazon.com/fargate/pricing/';
  /** The currency of every price. */
  public static readonly CURRENCY = 'USD';
  /** The low end of the Fargate Spot range, as a fraction of the on-demand Linux/x86 price (AWS: "up to 70%" off). */
  public static readonly SPOT_LOW_FRACTION = 0.3;
  /** The high end of the Fargate Spot range, as a fraction of the on-demand Linux/x86 price (50% off). */
  public static readonly SPOT_HIGH_FRACTION = 0.5;

  /** The Regions with prices, in the order `forRegion` lists them. */
  public static regions(): string[] {
    return PRICES.map((p) => p.region);
  }

  /**
   * The prices of a Region.
   *
   * @param region e.g. `eu-west-1`
   * @param field the caller's name for the region in the error. @default 'region'
   * @throws ValidationError naming `field` and the supported Regions, for a Region without prices
   */
  public static forRegion(region: string, field?: string): RegionPrices {
    const prices = PRICES.find((p) => p.region === region);
    if (prices === undefined) {
      throw new ValidationError(field ?? 'region', `'${region}' has no prices here (supported: ${AwsPrices.regions().join(', ')})`);
    }
    return prices;
  }

  private constructor() {}
}

const PER_MILLION = 1 / 1_000_000;

/** One Region's list prices; the Spot range follows from the on-demand x86 price. */
function regionPrices(name: string, lambda: { x86: number; arm: number; requestsPerMillion: number },
  fargate: { x86Vcpu: number; x86Gb: number; armVcpu: number; armGb: number }): RegionPrices {
  return Object.freeze({
    region: name,
    lambdaX86GbSecond: lambda.x86,
    lambdaArmGbSecond: lambda.arm,
    lambdaRequest: lambda.requestsPerMillion * PER_MILLION,
    fargateX86VcpuHour: fargate.x86Vcpu,
    fargateX86GbHour: fargate.x86Gb,
    fargateArmVcpuHour: fargate.armVcpu,
    fargateArmGbHour: fargate.armGb,
    fargateSpotX86VcpuHourLow: fargate.x86Vcpu * AwsPrices.SPOT_LOW_FRACTION,
    fargateSpotX86VcpuHourHigh: fargate.x86Vcpu * AwsPrices.SPOT_HIGH_FRACTION,
    fargateSpotX86GbHourLow: fargate.x86Gb * AwsPrices.SPOT_LOW_FRACTION,
    fargateSpotX86GbHourHigh: fargate.x86Gb * AwsPrices.SPOT_HIGH_FRACTION,
  });
}

const LAMBDA = { x86: 0.0000166667, arm: 0.0000133334, requestsPerMillion: 0.20 };
const FARGATE_US_EU = { x86Vcpu: 0.04048, x86Gb: 0.004445, armVcpu: 0.03238, armGb: 0.00356 };

const PRICES: readonly RegionPrices[] = [
  regionPrices('us-east-1', LAMBDA, FARGATE_US_EU),
  regionPrices('us-west-2', LAMBDA, FARGATE_US_EU),
  regionPrices('eu-west-1', LAMBDA, FARGATE_US_EU),
  regionPrices('ap-northeast-1', LAMBDA, { x86Vcpu: 0.05056, x86Gb: 0.00553, armVcpu: 0.04045, armGb: 0.00442 }),
];
