/**
 * Named phases with wall-clock timings, printed as they start and end, so a
 * long run shows where its time goes (`▸ build` … `✓ build 41.2s`).
 */
export interface PhaseTiming {
  readonly name: string;
  readonly seconds: number;
}

export class PhaseTimer {
  private readonly timings: PhaseTiming[] = [];

  constructor(private readonly log: (line: string) => void = (line) => process.stderr.write(line + '\n')) {}

  /** Runs `work` as phase `name`, printing its start, its end and its duration. */
  async phase<T>(name: string, detail: string, work: () => Promise<T> | T): Promise<T> {
    this.log(`▸ ${name}: ${detail}`);
    const started = process.hrtime.bigint();
    try {
      const result = await work();
      this.record(name, started, '✓');
      return result;
    } catch (error) {
      this.record(name, started, '✗');
      throw error;
    }
  }

  /** Every finished phase, in order. */
  get all(): readonly PhaseTiming[] {
    return this.timings;
  }

  /** One line per phase, for a final summary. */
  summary(): string {
    const total = this.timings.reduce((sum, t) => sum + t.seconds, 0);
    const rows = this.timings.map((t) => `  ${t.name.padEnd(10)} ${formatSeconds(t.seconds).padStart(7)}`);
    return [...rows, `  ${'total'.padEnd(10)} ${formatSeconds(total).padStart(7)}`].join('\n');
  }

  private record(name: string, started: bigint, mark: string) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.timings.push({ name, seconds });
    this.log(`${mark} ${name} ${formatSeconds(seconds)}`);
  }
}

export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(1)}s`;
}
