import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../../bench/lib/checkout';
import { compileSynthEntry, runSynthProcess } from '../../bench/lib/synth-process';

// What the synth benchmark times: the compiled entry, run in its own node process per side.
describe('a synth process', () => {
  let entry: string;
  let work: string;
  beforeAll(() => {
    entry = compileSynthEntry(REPO_ROOT);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  });
  afterAll(() => {
    fs.rmSync(path.dirname(entry), { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('compiles next to the workspace\'s node_modules, so it resolves cdktf and our packages without NODE_PATH', () => {
    expect(entry.startsWith(path.join(REPO_ROOT, 'node_modules', '.cache') + path.sep)).toBe(true);
    expect(fs.readdirSync(path.dirname(entry)).sort()).toEqual(['article-tasks.js', 'construct-jobs.js', 'construct-tasks.js', 'entry.js', 'job-spec.js', 'raw-jobs.js', 'raw-tasks.js']);
  });

  test.each(['constructs', 'raw'] as const)('%s: synthesizes 14 resources per job and 3 data sources per stack into its folder, reports its phases, and leaves nothing behind', async (side) => {
    const sample = await runSynthProcess(entry, side, 2, work, REPO_ROOT);
    expect([sample.phases.resources, sample.phases.dataSources]).toEqual([28, 3]);
    expect(sample.phases.blocks).toBe(31);
    for (const phase of [sample.phases.loadMs, sample.phases.buildMs, sample.phases.synthMs]) expect(phase).toBeGreaterThan(0);
    expect(sample.wallMs).toBeGreaterThan(sample.phases.loadMs);
    expect(fs.readdirSync(work)).toEqual([]);
  });

  test.each([['tasks', 4], ['raw-tasks', 4], ['article', 3]] as const)('%s: reports the resources and data sources of its scheduled tasks', async (side, resourcesPerTask) => {
    const sample = await runSynthProcess(entry, side, 2, work, REPO_ROOT);
    expect(sample.phases.resources).toBe(2 * resourcesPerTask);
    expect(sample.phases.blocks).toBe(sample.phases.resources + sample.phases.dataSources);
    expect(sample.phases.cpuMs).toBeGreaterThan(0);
  });

  test('a bad side fails with the usage', async () => {
    await expect(runSynthProcess(entry, 'other' as 'raw', 1, work, REPO_ROOT)).rejects.toThrow(/usage: node entry\.js <constructs\|raw\|tasks\|raw-tasks\|article> <jobs> <outdir>/);
  });
});
