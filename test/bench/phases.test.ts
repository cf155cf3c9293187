import { splitPhases } from '../../bench/lib/phases';

describe('splitPhases', () => {
  // What `projen build` printed on a freshly created TypeScript project.
  const lines = [
    { atMs: 10, text: '👾 build » default | ts-node --project projenrc/tsconfig.json .projenrc.ts' },
    { atMs: 900, text: '👾 Installing dependencies... (use --debug for details)' },
    { atMs: 950, text: '👾 Resolved dependency versions:' },
    { atMs: 1000, text: '👾 install | npm install' },
    { atMs: 5000, text: '👾 build » compile | tsc --build' },
    { atMs: 8000, text: '👾 build » test | jest --passWithNoTests --updateSnapshot' },
    { atMs: 9000, text: 'PASS test/hello.test.ts' },
    { atMs: 12000, text: '👾 build » test » eslint | eslint --ext .ts,.tsx --fix' },
    { atMs: 14000, text: '👾 build » package | mkdir -p dist/js' },
  ];

  test('gives each projen task its time, an install during synth to install, and the rest to the last task', () => {
    expect(splitPhases(lines, 15000)).toEqual([
      { name: 'startup', ms: 10 },
      { name: 'default', ms: 890 },
      { name: 'install', ms: 4100 },
      { name: 'compile', ms: 3000 },
      { name: 'test', ms: 6000 },
      { name: 'package', ms: 1000 },
    ]);
  });

  test('the phases add up to the whole run', () => {
    const total = splitPhases(lines, 15000).reduce((sum, p) => sum + p.ms, 0);
    expect(total).toBe(15000);
  });

  test('a task that comes back adds to its first total', () => {
    const phases = splitPhases([
      { atMs: 0, text: '👾 build » compile | tsc' },
      { atMs: 100, text: '👾 build » test | jest' },
      { atMs: 300, text: '👾 build » compile | tsc again' },
    ], 400);
    expect(phases).toEqual([{ name: 'compile', ms: 200 }, { name: 'test', ms: 200 }]);
  });
});
