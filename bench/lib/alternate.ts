/**
 * Runs two or more sides in alternation, so that drift on a shared machine
 * (another job starting, a cache warming, thermal throttling) hits every side
 * alike: round 0 runs A B, round 1 runs B A, and so on.
 */
export interface Contender<T> {
  readonly label: string;
  run(round: number): Promise<T>;
}

export interface AlternateOptions {
  readonly rounds: number;
  /** Rounds run first and thrown away: the first run of anything warms disk and npm caches. */
  readonly warmupRounds?: number;
  readonly log?: (line: string) => void;
}

/** Every sample, per label, in the order the rounds ran. */
export async function alternate<T>(contenders: readonly Contender<T>[], options: AlternateOptions): Promise<Map<string, T[]>> {
  if (contenders.length < 1) throw new Error('contenders: none given (at least one side is needed)');
  if (!Number.isInteger(options.rounds) || options.rounds < 1) {
    throw new Error(`rounds: ${options.rounds} is not a positive integer (1 or more runs per side)`);
  }
  const samples = new Map<string, T[]>(contenders.map((c) => [c.label, []]));
  const warmup = options.warmupRounds ?? 0;
  for (let round = 0; round < warmup + options.rounds; round++) {
    for (const contender of roundOrder(contenders, round)) {
      const label = round < warmup ? `${contender.label} (warm-up)` : `${contender.label} ${round - warmup + 1}/${options.rounds}`;
      options.log?.(`  ${label}`);
      const sample = await contender.run(round);
      if (round >= warmup) samples.get(contender.label)!.push(sample);
    }
  }
  return samples;
}

/** A B C, then C B A: the reversal makes each side's average position in the round the same. */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...items] : [...items].reverse();
}
