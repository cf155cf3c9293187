import { ValidationError } from '../errors';

/** A Fargate task size. */
export interface FargateSizeProps {
  /** CPU units: 1024 = 1 vCPU (256, 512, 1024, 2048, 4096, 8192, 16384). */
  readonly cpu: number;
  /** Memory in MiB, valid for `cpu`. */
  readonly memory: number;
}

/** What a caller calls a Fargate size's fields, for the errors. */
export interface FargateSizeFieldNames {
  /** The CPU's name, e.g. `--cpu` or `addJob(nightly).cpu`. */
  readonly cpuField: string;
  /** The memory's name, e.g. `--memory`. */
  readonly memoryField: string;
}

/**
 * Memory values Fargate accepts for each CPU value.
 *
 * 8192 and 16384 CPU units (8 and 16 vCPU) need Linux on platform version 1.4.0 or later.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */
const MEMORY_BY_CPU: ReadonlyArray<readonly [number, readonly number[]]> = [
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
];

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

/**
 * Fargate CPU/memory combinations: validate a size, list them all, or pick one for a Lambda function.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */
export class FargateSize {
  /**
   * Lambda allocates CPU in proportion to memory: 1769 MB is one full vCPU.
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
   */
  public static readonly LAMBDA_MB_PER_VCPU = 1769;
  /** Lambda's smallest memory setting, in MB. */
  public static readonly LAMBDA_MIN_MEMORY_MB = 128;
  /** Lambda's largest memory setting, in MB. */
  public static readonly LAMBDA_MAX_MEMORY_MB = 10240;

  /**
   * Check a CPU/memory pair against the Fargate table.
   *
   * @param cpu CPU units (256 = 0.25 vCPU ... 16384 = 16 vCPU)
   * @param memory MiB
   * @param field prefix for the error fields, e.g. `jobs[0]` gives `jobs[0].cpu`. @default - the fields are `cpu` and `memory`
   * @param fieldNames what the caller calls cpu and memory, whole (e.g. `--cpu`, `--memory`), instead of a prefix. @default - from `field`
   * @returns the validated size
   * @throws ValidationError e.g. `memory: 4096 is not valid with 256 cpu (valid memory for 256 cpu: 512, 1024, 2048)`
   */
  public static validate(cpu: number, memory: number, field?: string, fieldNames?: FargateSizeFieldNames): FargateSizeProps {
    const cpuField = fieldNames?.cpuField ?? (field ? `${field}.cpu` : 'cpu');
    const memoryField = fieldNames?.memoryField ?? (field ? `${field}.memory` : 'memory');
    const row = MEMORY_BY_CPU.find(([c]) => c === cpu);
    if (row === undefined) {
      throw new ValidationError(cpuField, `${cpu} is not a Fargate CPU value (${MEMORY_BY_CPU.map(([c]) => c).join(', ')})`);
    }
    if (!row[1].includes(memory)) {
      throw new ValidationError(memoryField, `${memory} is not valid with ${cpu} cpu (valid memory for ${cpu} cpu: ${row[1].join(', ')})`);
    }
    return { cpu, memory };
  }

  /**
   * The smallest Fargate size that gives a Lambda function at least what it had:
   * memory >= the Lambda memory, and vCPU >= lambdaMemoryMb / 1769 (Lambda's CPU share).
   * "Smallest" is the least CPU, then the least memory, which is also the cheapest.
   *
   * For example 128 MB -> 256/512, 1769 MB -> 1024/2048, 3008 MB -> 2048/4096, 10240 MB -> 8192/16384.
   *
   * @param lambdaMemoryMb the function's memory setting, 128-10240 MB
   * @throws ValidationError naming `lambdaMemoryMb` when outside Lambda's range
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
   */
  public static forLambda(lambdaMemoryMb: number): FargateSizeProps {
    if (!Number.isInteger(lambdaMemoryMb) || lambdaMemoryMb < FargateSize.LAMBDA_MIN_MEMORY_MB || lambdaMemoryMb > FargateSize.LAMBDA_MAX_MEMORY_MB) {
      throw new ValidationError('lambdaMemoryMb', `${lambdaMemoryMb} is out of range (an integer, ${FargateSize.LAMBDA_MIN_MEMORY_MB}-${FargateSize.LAMBDA_MAX_MEMORY_MB} MB, Lambda's memory range)`);
    }
    // vCPU >= memory / 1769, in integers: cpu / 1024 >= memory / 1769  <=>  cpu * 1769 >= memory * 1024.
    const size = FargateSize.validPairs().find((p) =>
      p.memory >= lambdaMemoryMb && p.cpu * FargateSize.LAMBDA_MB_PER_VCPU >= lambdaMemoryMb * 1024);
    // Unreachable for 128-10240 MB: 16384/32768 covers the whole range.
    if (size === undefined) {
      throw new ValidationError('lambdaMemoryMb', `${lambdaMemoryMb} has no matching Fargate size`);
    }
    return size;
  }

  /**
   * Every valid Fargate CPU/memory pair, by CPU then memory.
   */
  public static validPairs(): FargateSizeProps[] {
    return MEMORY_BY_CPU.flatMap(([cpu, memories]) => memories.map((memory) => ({ cpu, memory })));
  }

  private constructor() {}
}
