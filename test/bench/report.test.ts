import { Machine } from '../../bench/lib/machine';
import { formatBytes, formatKb, formatMs, renderDocument, renderTable, sidesTable } from '../../bench/lib/report';
import { BenchReport } from '../../bench/lib/result';

const machine: Machine = {
  cpuCount: 2,
  cpuModel: 'AMD EPYC',
  memoryGiB: 24,
  node: 'v22.23.3',
  platform: 'linux 6.1 x64',
  loadAverage: 0.42,
};

describe('formatting', () => {
  test('times pick µs, ms or s', () => {
    expect(formatMs(0.25)).toBe('250 µs');
    expect(formatMs(2.5)).toBe('2.50 ms');
    expect(formatMs(250)).toBe('250 ms');
    expect(formatMs(2500)).toBe('2.50 s');
  });

  test('sizes print in KiB or MiB', () => {
    expect(formatKb(150 * 1024)).toBe('150 MiB');
    expect(formatBytes(2048)).toBe('2 KiB');
    expect(formatBytes(5 * 2 ** 20)).toBe('5.0 MiB');
  });
});

describe('renderTable', () => {
  test('writes a header, a separator that right-aligns every column but the first, and escapes pipes', () => {
    expect(renderTable({ caption: 'c', header: ['a', 'b'], rows: [['x|y', '1']] })).toBe(
      '*c*\n\n| a | b |\n|---|---:|\n| x\\|y | 1 |',
    );
  });
});

describe('sidesTable', () => {
  const table = sidesTable([
    { label: 'ours', wallMs: [1300, 1200, 1400], peakRssKb: [100 * 1024, 120 * 1024, 110 * 1024] },
    { label: 'raw', wallMs: [1000, 900, 1100] },
  ], 'raw', 'caption');

  test('has one row per side with runs, median, min, max and the ratio to the baseline', () => {
    expect(table.header).toEqual(['side', 'runs', 'median', 'min', 'max', '× raw', 'peak RSS (median)']);
    expect(table.rows[0]).toEqual(['ours', '3', '1.30 s', '1.20 s', '1.40 s', '1.30×', '110 MiB']);
    expect(table.rows[1]).toEqual(['raw', '3', '1.00 s', '900 ms', '1.10 s', '1', 'n/a']);
  });

  test('leaves out the RSS column when no side measured it', () => {
    expect(sidesTable([{ label: 'a', wallMs: [1] }], 'a').header).not.toContain('peak RSS (median)');
  });

  test('names the sides when the baseline is not one of them', () => {
    expect(() => sidesTable([{ label: 'a', wallMs: [1] }], 'b')).toThrow('baselineLabel: "b" is not a side (one of a)');
  });
});

describe('renderDocument', () => {
  const report: BenchReport = {
    id: 'scaffold',
    title: 'scaffold: projen new',
    method: 'How it is measured.',
    tables: [{ header: ['side', 'median'], rows: [['ours', '1 s']] }],
    checks: [
      { label: 'template / fixture', value: 1.5, unit: 'x', op: '<=', limit: 1.3, relative: true },
      { label: 'warm / cold', value: 9, unit: '%', op: '<=', limit: 15, relative: true },
    ],
    notes: ['A note.'],
    profile: 'npm install dominates.',
  };
  const doc = renderDocument({
    mode: 'full',
    date: new Date('2026-11-28T10:00:00.123Z'),
    machine,
    reports: [report],
    failures: [{ id: 'e2e', error: 'registry: did not start' }],
    durationMs: 61_000,
  });

  test('states the machine and the date', () => {
    expect(doc).toContain('| date | 2026-11-28T10:00:00Z |');
    expect(doc).toContain('| CPUs | 2 × AMD EPYC |');
    expect(doc).toContain('| Node.js | v22.23.3 |');
    expect(doc).toContain('| whole run | 61.00 s |');
  });

  test('summarizes every check against its target, marking what is missed', () => {
    expect(doc).toContain('| scaffold | template / fixture | <= 1.30× | 1.50× | **missed** |');
    expect(doc).toContain('| scaffold | warm / cold | <= 15.0% | 9.0% | met |');
  });

  test('gives each benchmark its section with its tables, notes and profile', () => {
    expect(doc).toContain('## scaffold: projen new\n\nHow it is measured.\n\n| side | median |');
    expect(doc).toContain('- A note.');
    expect(doc).toContain('### Where the time goes\n\nnpm install dominates.');
  });

  test('shows a benchmark that failed to run, with its error, instead of dropping it', () => {
    expect(doc).toContain('| e2e | did not run to the end |  |  | **error** |');
    expect(doc).toContain('## e2e: did not run to the end\n\n```\nregistry: did not start\n```');
  });

  test('a quick report says so in its title', () => {
    const quick = renderDocument({ mode: 'quick', date: new Date(), machine, reports: [], failures: [], durationMs: 1 });
    expect(quick.startsWith('# Benchmarks (--quick)')).toBe(true);
  });
});
