import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultOutput, parseArgs, runBenchmarks } from '../../bench/lib/harness';
import { Benchmark, Check } from '../../bench/lib/result';

describe('parseArgs', () => {
  test('reads --quick, --worktree, --only and --out', () => {
    expect(parseArgs([])).toEqual({ quick: false, worktree: false, only: undefined, out: undefined });
    expect(parseArgs(['--quick', '--worktree', '--only', 'cron,synth', '--out', '/tmp/b.md']))
      .toEqual({ quick: true, worktree: true, only: ['cron', 'synth'], out: '/tmp/b.md' });
  });

  test('rejects unknown arguments and missing values with the usage', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/^--fast: unknown argument \(usage: npm run bench/);
    expect(() => parseArgs(['--only'])).toThrow(/^--only: needs a value/);
  });
});

describe('defaultOutput', () => {
  test('only a full run of everything writes docs/benchmarks.md', () => {
    expect(defaultOutput({ quick: false })).toMatch(/docs\/benchmarks\.md$/);
    expect(defaultOutput({ quick: true })).toBe(path.join(os.tmpdir(), 'ecs-batch-bench-quick.md'));
    expect(defaultOutput({ quick: false, only: ['cron'] })).toBe(path.join(os.tmpdir(), 'ecs-batch-bench-partial.md'));
  });
});

describe('runBenchmarks', () => {
  const ratio = (value: number): Check => ({ label: 'ours / baseline', value, unit: 'x', op: '<=', limit: 1.3, relative: true });
  const bench = (id: string, value: number, extra: Partial<Benchmark> = {}): Benchmark => ({
    id,
    run: async () => ({ id, title: id, method: 'm', tables: [], checks: [ratio(value)], notes: [] }),
    ...extra,
  });
  let out: string;
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-harness-')), 'report.md');
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => stderr.mockRestore());

  test('a missed target in a full run is reported, not failed', async () => {
    expect(await runBenchmarks([bench('a', 2)], { quick: false, out })).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('| a | ours / baseline | <= 1.30× | 2.00× | **missed** |');
  });

  test('--quick fails only beyond the margin, and skips full-only benchmarks', async () => {
    const neverRun = jest.fn();
    const fullOnly = bench('slow', 1, { fullOnly: true, run: neverRun });
    expect(await runBenchmarks([bench('a', 2), fullOnly], { quick: true, out })).toBe(0);
    expect(neverRun).not.toHaveBeenCalled();
    expect(await runBenchmarks([bench('a', 2.7)], { quick: true, out })).toBe(1);
  });

  test('a benchmark that throws fails the run but not the others, and its error is in the report', async () => {
    const broken = bench('broken', 1, { run: async () => { throw new Error('template: no project type'); } });
    expect(await runBenchmarks([broken, bench('a', 1)], { quick: false, out })).toBe(1);
    const report = fs.readFileSync(out, 'utf8');
    expect(report).toContain('template: no project type');
    expect(report).toContain('| a | ours / baseline |');
  });

  test('--only runs the named benchmarks and rejects unknown names', async () => {
    const skipped = jest.fn();
    expect(await runBenchmarks([bench('a', 1), bench('b', 1, { run: skipped })], { quick: false, only: ['a'], out })).toBe(0);
    expect(skipped).not.toHaveBeenCalled();
    await expect(runBenchmarks([bench('a', 1)], { quick: false, only: ['zz'], out })).rejects.toThrow('--only: zz is not a benchmark (a)');
  });

  test('--quick --only with a full-only benchmark is an error, not an empty report that passes', async () => {
    const fullOnly = bench('e2e', 1, { fullOnly: true });
    await expect(runBenchmarks([bench('a', 1), fullOnly], { quick: true, only: ['e2e'], out }))
      .rejects.toThrow('--only: e2e runs only in a full run (drop --quick)');
    expect(fs.existsSync(out)).toBe(false);
  });
});
