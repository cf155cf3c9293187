import { parsePhases, SynthSample } from '../../bench/lib/synth-process';
import { perExtraJob, phaseTable, SamplesBySize, scalingTable } from '../../bench/lib/synth-tables';

function sample(wallMs: number, peakRssKb: number | undefined, blocks: number): SynthSample {
  return {
    wallMs, peakRssKb, phases: { loadMs: 300, buildMs: wallMs / 4, synthMs: wallMs / 4, blocks, resources: blocks, dataSources: 0, cpuMs: wallMs },
  };
}

/** Constructs grow 10 ms and 1 MiB per job over 400 ms; raw 8 ms and 0.5 MiB per job over 300 ms. */
const BY_SIZE: SamplesBySize = new Map([1, 10, 50].map((jobs) => [jobs, new Map([
  ['constructs', [sample(400 + 10 * jobs, (100 + jobs) * 1024, 19 * jobs), sample(420 + 10 * jobs, (100 + jobs) * 1024, 19 * jobs)]],
  ['raw', [sample(300 + 8 * jobs, (100 + jobs / 2) * 1024, 19 * jobs)]],
])]));

describe('perExtraJob', () => {
  test('is the growth per job added between consecutive counts, and nothing for the first', () => {
    expect(perExtraJob([1, 10, 50], (jobs) => 100 + 5 * jobs)).toEqual([undefined, 5, 5]);
    expect(perExtraJob([1, 3], (jobs) => jobs * jobs)).toEqual([undefined, 4]);
  });
});

describe('scalingTable', () => {
  const table = scalingTable([1, 10, 50], BY_SIZE, 'constructs', 'raw');
  const column = (name: string) => table.rows.map((row) => row[table.header.indexOf(name)]);

  test('one row per job count, with the block count of the stack', () => {
    expect(column('jobs')).toEqual(['1', '10', '50']);
    expect(column('resources + data')).toEqual(['19', '190', '950']);
  });

  test('medians of each side and their ratio', () => {
    // constructs at 50 jobs: median of 900 and 920 ms; raw: 700 ms.
    expect(column('constructs wall')[2]).toBe('910 ms');
    expect(column('raw wall')[2]).toBe('700 ms');
    expect(column('wall ratio')[2]).toBe('1.30×');
  });

  test('growth per extra job, in time and memory: constant here, since both grow linearly', () => {
    expect(column('constructs per extra job')).toEqual(['', '10 ms', '10 ms']);
    expect(column('raw per extra job')).toEqual(['', '8.00 ms', '8.00 ms']);
    expect(column('constructs RSS per extra job')).toEqual(['', '1.00 MiB', '1.00 MiB']);
    expect(column('raw RSS per extra job')).toEqual(['', '0.50 MiB', '0.50 MiB']);
  });

  test('RSS shows n/a where it was not measured', () => {
    const noRss: SamplesBySize = new Map([[1, new Map([['constructs', [sample(400, undefined, 19)]], ['raw', [sample(300, undefined, 19)]]])]]);
    const row = scalingTable([1], noRss, 'constructs', 'raw').rows[0];
    expect(row.filter((cell) => cell === 'n/a')).toHaveLength(3);
  });

  test('a job count without samples is an error naming it', () => {
    expect(() => scalingTable([1, 200], BY_SIZE, 'constructs', 'raw')).toThrow('constructs: no samples at 200 job(s)');
  });
});

describe('phaseTable', () => {
  test('medians of each phase per job count and side, and build + synth per job', () => {
    const table = phaseTable([10], BY_SIZE, ['constructs', 'raw']);
    // constructs at 10 jobs: walls 500 and 520 → build and synth medians 127.5 ms each.
    expect(table.rows[0]).toEqual(['10', 'constructs', '300 ms', '128 ms', '128 ms', '26 ms']);
    expect(table.rows[1][1]).toBe('raw');
  });
});

describe('parsePhases', () => {
  test('reads the last line, whatever cdktf printed before it', () => {
    const phases = { loadMs: 1, buildMs: 2, synthMs: 3, blocks: 4, resources: 3, dataSources: 1, cpuMs: 5 };
    expect(parsePhases(`a warning\n${JSON.stringify(phases)}\n`)).toEqual(phases);
  });

  test('fails clearly when the process printed no phases', () => {
    expect(() => parsePhases('Error: boom')).toThrow('synth process: its last line is not JSON phases: "Error: boom"');
    expect(() => parsePhases('{"loadMs":1}')).toThrow('synth process: buildMs is missing');
    expect(() => parsePhases('{"loadMs":1,"buildMs":2,"synthMs":3,"blocks":4}')).toThrow('synth process: resources is missing');
  });
});
