import { AwsPrices, Errors, RunCost } from '@ecs-batch/core';
import { MigrationError } from '../migration-error';
import { JobCost, MigrationJob, MigrationReport } from '../migration-report';

/** What `--cost` prices the jobs with. */
export interface CostOptions {
  /**
   * The Region whose list prices apply, one of core's `AwsPrices.regions()`.
   * @default 'us-east-1'
   */
  readonly region?: string;
  /**
   * How long a run of a job takes, in minutes, by job name (`--duration <job>=<minutes>`).
   * @default - each job's Lambda timeout, an upper bound
   */
  readonly durations?: { readonly [job: string]: number };
  /**
   * Count the runs in the 30 days after this instant.
   * @default now
   */
  readonly from?: Date;
}

/** The Region `--cost` prices in when `--region` is not given. */
export const DEFAULT_COST_REGION = 'us-east-1';

/** Cost figures are rounded to this many decimals of a dollar (a hundredth of a cent). */
const DECIMALS = 4;

/**
 * The report with a `cost` on every job: its runs in the 30 days after `from`, counted with core's
 * fire times, and what those runs cost a month on Lambda (as today) and on Fargate at the job's
 * suggested size (x86 and ARM64 on-demand, x86 Spot as a range), at core's list prices (`AwsPrices`).
 *
 * A run lasts the job's `durations` entry, or its timeout (an upper bound). A Copilot job does not
 * run on Lambda today: its `lambda.monthly` is `null`. A disabled schedule is counted as if enabled.
 *
 * @throws MigrationError naming `--region` (no prices for it) or `--duration` (no such job, or longer than the function's timeout)
 */
export function withCosts(report: MigrationReport, options: CostOptions = {}): MigrationReport {
  const region = options.region ?? DEFAULT_COST_REGION;
  try {
    AwsPrices.forRegion(region, '--region');
  } catch (e) {
    if (!Errors.isValidationError(e)) throw e;
    throw new MigrationError(Errors.fieldOf(e)!, Errors.reasonOf(e)!);
  }
  const durations = options.durations ?? {};
  const names = report.jobs.map((j) => j.name);
  for (const name of Object.keys(durations)) {
    if (!names.includes(name)) throw new MigrationError('--duration', `${name}: no such job (the jobs: ${names.join(', ')})`);
  }
  const from = options.from ?? new Date();
  return { ...report, jobs: report.jobs.map((job) => ({ ...job, cost: jobCost(job, region, durations[job.name], from) })) };
}

function jobCost(job: MigrationJob, region: string, minutes: number | undefined, from: Date): JobCost {
  const onLambda = job.source !== 'copilot';
  const durationSeconds = minutes === undefined ? job.timeoutSeconds : minutes * 60;
  if (onLambda && durationSeconds > job.timeoutSeconds) {
    throw new MigrationError('--duration', `${job.name}=${minutes}: longer than the function's timeout (${job.timeoutSeconds} s): on Lambda a run stops there`);
  }
  const runs = RunCost.runsPerMonth(job.schedule, { from, ...(job.timeZone !== undefined ? { timeZone: job.timeZone } : {}) });
  const fargate = { region, cpu: job.cpu, memory: job.memory, durationSeconds, runs };
  const spot = RunCost.fargateSpot(fargate);
  return {
    currency: 'USD',
    runsPerMonth: runs,
    lambda: { monthly: onLambda ? round(RunCost.lambda({ region, memoryMb: job.memoryMb, durationSeconds, runs })) : null },
    fargate: {
      x86: { monthly: round(RunCost.fargate({ ...fargate, architecture: 'X86_64' })) },
      arm64: { monthly: round(RunCost.fargate({ ...fargate, architecture: 'ARM64' })) },
      x86Spot: { low: round(spot.low), high: round(spot.high) },
    },
    pricesAsOf: AwsPrices.AS_OF,
  };
}

function round(usd: number): number {
  return Number(usd.toFixed(DECIMALS));
}

/**
 * The table's footnote to the cost columns: the currency, Region, price date and sources, and which
 * jobs' figures are upper bounds (no `--duration`: a run taken to last the whole timeout).
 */
export function costNote(report: MigrationReport, options: CostOptions = {}): string {
  const bounded = report.jobs.filter((job) => options.durations?.[job.name] === undefined).map((job) => job.name);
  const lines = [
    `Costs: USD a month in ${options.region ?? DEFAULT_COST_REGION}, list prices of ${AwsPrices.AS_OF} `
      + `(${AwsPrices.LAMBDA_PRICING_URL}, ${AwsPrices.FARGATE_PRICING_URL}), without free tiers or savings plans.`,
    'Fargate bills each run per second, at least a minute; Spot is a range (its price varies) and runs only x86.',
  ];
  if (bounded.length > 0) {
    lines.push(`Upper bounds (a run taken to last its whole timeout): ${bounded.join(', ')}; --duration <job>=<minutes> gives the real figure.`);
  }
  return lines.join('\n');
}
