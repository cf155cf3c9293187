import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { timeProcess, TimedRunOptions } from './process';
import { formatMs, renderTable } from './report';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that self time needs. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  readonly samples: readonly number[];
  /** Microseconds between consecutive samples. */
  readonly timeDeltas: readonly number[];
  /** Microseconds, on the process's clock: endTime - startTime is its profiled wall time. */
  readonly startTime?: number;
  readonly endTime?: number;
}

/** One profiled process: its wall time, CPU time and the module it spent most CPU in. */
export interface ProcessProfile {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly topModule: string;
}

export interface SelfTime {
  readonly name: string;
  readonly selfMs: number;
}

export interface ProfileSummary {
  readonly processes: number;
  /** Self time on the CPU, all processes together (idle excluded). */
  readonly totalMs: number;
  /**
   * V8's `(idle)`: the process waited, on I/O or on a child process. A parent
   * idles while its children work, so it is shown apart and never added up.
   */
  readonly idleMs: number;
  /** Self time per module (npm package, node internals, or a path under the repo), largest first. */
  readonly modules: readonly SelfTime[];
  /** Self time per function (`name (module file:line)`), largest first. */
  readonly functions: readonly SelfTime[];
  /** Each process, longest first. */
  readonly perProcess: readonly ProcessProfile[];
}

/**
 * Which module a frame belongs to: the npm package for anything under
 * node_modules, `node:internal/<area>` for Node's own code, V8's pseudo
 * frames like `(garbage collector)` as they are, else the first two path
 * segments under `root`.
 */
export function moduleOf(url: string, functionName: string, root: string = process.cwd()): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const packages = file.split('/node_modules/');
  if (packages.length > 1) {
    const rest = packages[packages.length - 1].split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).slice(0, 2).join('/');
}

/** Self time per profile node id: the time from each sample to the next belongs to that sample's node. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  for (let i = 0; i < profile.samples.length - 1; i++) {
    const id = profile.samples[i];
    times.set(id, (times.get(id) ?? 0) + profile.timeDeltas[i + 1] / 1000);
  }
  return times;
}

/** Adds up the self time of several profiles (one per process of a tree) by module and by function. */
export function summarizeProfiles(profiles: readonly CpuProfile[], root: string = process.cwd()): ProfileSummary {
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  const perProcess: ProcessProfile[] = [];
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const own = new Map<string, number>();
    for (const [id, ms] of selfTimes(profile)) {
      const frame = byId.get(id);
      if (!frame) continue;
      if (frame.functionName === '(idle)' && frame.url === '') {
        idleMs += ms;
        continue;
      }
      const module = moduleOf(frame.url, frame.functionName, root);
      const where = frame.url ? ` (${module} ${path.basename(frame.url)}:${frame.lineNumber + 1})` : '';
      const fn = `${frame.functionName || '(anonymous)'}${where}`;
      modules.set(module, (modules.get(module) ?? 0) + ms);
      own.set(module, (own.get(module) ?? 0) + ms);
      functions.set(fn, (functions.get(fn) ?? 0) + ms);
      totalMs += ms;
    }
    const ranked = [...own].filter(([m]) => !m.startsWith('node:') && !m.startsWith('(')).sort((a, b) => b[1] - a[1]);
    perProcess.push({
      wallMs: profile.endTime !== undefined && profile.startTime !== undefined ? (profile.endTime - profile.startTime) / 1000 : 0,
      cpuMs: [...own.values()].reduce((a, b) => a + b, 0),
      topModule: ranked[0]?.[0] ?? '(node internals)',
    });
  }
  const sorted = (m: Map<string, number>) => [...m].map(([name, selfMs]) => ({ name, selfMs })).sort((a, b) => b.selfMs - a.selfMs);
  return {
    processes: profiles.length,
    totalMs,
    idleMs,
    modules: sorted(modules),
    functions: sorted(functions),
    perProcess: perProcess.sort((a, b) => b.wallMs - a.wallMs),
  };
}

/** Markdown: the top modules and functions by self time, with their share of all samples. */
export function renderProfileSummary(summary: ProfileSummary, top: number = 8): string {
  const share = (ms: number) => `${((ms / summary.totalMs) * 100).toFixed(1)}%`;
  const rows = (items: readonly SelfTime[]) => items.slice(0, top).map((i) => [i.name, formatMs(i.selfMs), share(i.selfMs)]);
  return [
    `${summary.processes} Node.js process(es) profiled with \`--cpu-prof\`: ${formatMs(summary.totalMs)} on the CPU in all (idle, waiting on I/O or a child: ${formatMs(summary.idleMs)}).`,
    renderTable({ caption: 'Self time by module', header: ['module', 'self time', 'share'], rows: rows(summary.modules) }),
    renderTable({ caption: 'Self time by function', header: ['function', 'self time', 'share'], rows: rows(summary.functions) }),
    renderTable({
      caption: 'Each process (named by the package it spent most CPU in), longest first',
      header: ['process', 'wall', 'CPU'],
      rows: summary.perProcess.slice(0, top).map((p) => [p.topModule, formatMs(p.wallMs), formatMs(p.cpuMs)]),
    }),
  ].join('\n\n');
}

/** A labelled profile summary, for comparing two sides. */
export interface LabelledSummary {
  readonly label: string;
  readonly summary: ProfileSummary;
}

/**
 * Markdown: self time by module on both sides, sorted by how much more the
 * subject spends there (what the subject adds), then the subject's top functions.
 */
export function renderProfileComparison(subject: LabelledSummary, baseline: LabelledSummary, top: number = 8): string {
  const base = new Map(baseline.summary.modules.map((m) => [m.name, m.selfMs]));
  const rows = subject.summary.modules
    .map((m) => ({ name: m.name, subject: m.selfMs, baseline: base.get(m.name) ?? 0 }))
    .sort((a, b) => (b.subject - b.baseline) - (a.subject - a.baseline))
    .slice(0, top)
    .map((m) => [m.name, formatMs(m.subject), formatMs(m.baseline), formatMs(m.subject - m.baseline)]);
  const functions = subject.summary.functions.slice(0, top).map((f) => [f.name, formatMs(f.selfMs)]);
  return [
    'Every Node.js process of one run of each side profiled with `--cpu-prof`. ' +
      `${subject.label}: ${subject.summary.processes} process(es), ${formatMs(subject.summary.totalMs)} on the CPU, ${formatMs(subject.summary.idleMs)} idle; ` +
      `${baseline.label}: ${baseline.summary.processes}, ${formatMs(baseline.summary.totalMs)} on the CPU, ${formatMs(baseline.summary.idleMs)} idle ` +
      '(idle is waiting on I/O or on a child process, so it overlaps the children\'s CPU time).',
    renderTable({
      caption: 'Self time by module, largest difference first',
      header: ['module', subject.label, baseline.label, 'difference'],
      rows,
    }),
    renderTable({ caption: `${subject.label}: self time by function`, header: ['function', 'self time'], rows: functions }),
    renderTable({
      caption: 'Each process (named by the package it spent most CPU in), longest first',
      header: ['side', 'process', 'wall', 'CPU'],
      rows: [subject, baseline].flatMap((side) =>
        side.summary.perProcess.map((p) => [side.label, p.topModule, formatMs(p.wallMs), formatMs(p.cpuMs)])),
    }),
  ].join('\n\n');
}

/**
 * Runs a command with every Node.js process of its tree profiled
 * (`NODE_OPTIONS=--cpu-prof`), and sums their profiles.
 */
export async function profileProcessTree(
  command: string,
  args: readonly string[],
  options: TimedRunOptions,
  root: string = options.cwd,
): Promise<ProfileSummary> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cpuprof-'));
  try {
    const nodeOptions = [options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? '', '--cpu-prof', `--cpu-prof-dir=${dir}`].join(' ').trim();
    await timeProcess(command, args, { ...options, env: { ...options.env, NODE_OPTIONS: nodeOptions } });
    const profiles = fs.readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile);
    if (profiles.length === 0) throw new Error(`${command}: wrote no .cpuprofile (is it a Node.js program?)`);
    return summarizeProfiles(profiles, root);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
