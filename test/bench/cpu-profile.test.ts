import { CpuProfile, moduleOf, renderProfileSummary, summarizeProfiles } from '../../bench/lib/cpu-profile';

describe('moduleOf', () => {
  test('names the npm package of anything under node_modules, scoped or not, innermost first', () => {
    expect(moduleOf('file:///app/node_modules/projen/lib/project.js', 'f')).toBe('projen');
    expect(moduleOf('file:///usr/lib/node_modules/npm/node_modules/@npmcli/arborist/lib/x.js', 'f')).toBe('@npmcli/arborist');
  });

  test('groups Node internals by area and keeps V8 pseudo frames', () => {
    expect(moduleOf('node:internal/modules/cjs/loader', 'f')).toBe('node:internal/modules');
    expect(moduleOf('node:fs', 'readFileSync')).toBe('node:fs');
    expect(moduleOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(moduleOf('', 'someNative')).toBe('(native)');
  });

  test('names files of the repository by their first two folders', () => {
    expect(moduleOf('file:///repo/packages/core/lib/schedule/parse.js', 'f', '/repo')).toBe('packages/core');
  });
});

/** Root -> a (projen) -> b (npm); samples every 1 ms. */
function profile(samples: number[], extra: Partial<CpuProfile> = {}): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
      { id: 2, callFrame: { functionName: 'synth', url: 'file:///x/node_modules/projen/lib/project.js', lineNumber: 9 } },
      { id: 3, callFrame: { functionName: 'reify', url: 'file:///x/node_modules/npm/lib/install.js', lineNumber: 0 } },
      { id: 4, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    ],
    samples,
    timeDeltas: samples.map(() => 1000),
    ...extra,
  };
}

describe('summarizeProfiles', () => {
  // Self time: the time from each sample to the next belongs to that sample.
  const summary = summarizeProfiles([
    profile([2, 2, 2, 3, 4, 4, 2], { startTime: 0, endTime: 7000 }),
    profile([3, 3, 3, 3], { startTime: 0, endTime: 4000 }),
  ]);

  test('adds self time across processes by module, largest first, with idle apart', () => {
    expect(summary.modules).toEqual([
      { name: 'npm', selfMs: 4 },
      { name: 'projen', selfMs: 3 },
    ]);
    expect(summary.idleMs).toBe(2);
    expect(summary.totalMs).toBe(7);
    expect(summary.processes).toBe(2);
  });

  test('names functions with their module, file and 1-based line', () => {
    expect(summary.functions.map((f) => f.name)).toContain('synth (projen project.js:10)');
  });

  test('lists each process with its wall time, CPU time and main package, longest first', () => {
    expect(summary.perProcess).toEqual([
      { wallMs: 7, cpuMs: 4, topModule: 'projen' },
      { wallMs: 4, cpuMs: 3, topModule: 'npm' },
    ]);
  });

  test('renders shares of the CPU total', () => {
    const markdown = renderProfileSummary(summary);
    expect(markdown).toContain('2 Node.js process(es)');
    expect(markdown).toContain('| npm | 4.00 ms | 57.1% |');
  });
});
