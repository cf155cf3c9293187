import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { StringDecoder } from 'string_decoder';
import { signalTree } from './process-tree';

/**
 * GNU time reports the peak RSS of what it waited for: with wait4(2) that is
 * the largest single process of the tree (rusage maxrss is a maximum, not a
 * sum). Without it, runs still time, and RSS shows as n/a.
 */
const GNU_TIME = '/usr/bin/time';

export interface TimedRunOptions {
  readonly cwd: string;
  /** Merged over process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Give up after this many milliseconds (SIGTERM, then SIGKILL). */
  readonly timeoutMs?: number;
  /** Resolve instead of throwing on a non-zero exit. */
  readonly allowFailure?: boolean;
  /** Called with each line of output (stdout and stderr) and when it came, in ms since the spawn. */
  readonly onLine?: (atMs: number, line: string) => void;
}

export interface TimedRun {
  readonly command: string;
  readonly exitCode: number;
  /** Wall time from spawn to exit. */
  readonly wallMs: number;
  /** Peak RSS in KiB of the largest process in the tree; undefined without GNU time. */
  readonly peakRssKb: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** A timed command that exited non-zero; the message ends with the tail of its output. */
export class TimedRunFailed extends Error {
  constructor(readonly run: TimedRun) {
    super(`${run.command}: exited with ${run.exitCode} after ${(run.wallMs / 1000).toFixed(1)} s\n${tail(run.stdout + '\n' + run.stderr, 40)}`);
    this.name = 'TimedRunFailed';
  }
}

export function canMeasureRss(): boolean {
  return os.platform() === 'linux' && fs.existsSync(GNU_TIME);
}

/** Runs a command in its own process and measures its wall time and peak RSS. */
export async function timeProcess(command: string, args: readonly string[], options: TimedRunOptions): Promise<TimedRun> {
  const display = [command, ...args].join(' ');
  const rssFile = canMeasureRss() ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rss-')), 'rss') : undefined;
  const [file, argv] = rssFile
    ? [GNU_TIME, ['--format=%M', `--output=${rssFile}`, command, ...args]]
    : [command, [...args]];
  const result = await new Promise<Omit<TimedRun, 'peakRssKb'>>((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const since = () => Number(process.hrtime.bigint() - started) / 1e6;
    const flushes: (() => void)[] = [];
    const lines = (sink: Buffer[]) => {
      // A decoder, so that a character split across two chunks (projen's 👾 is four bytes) stays whole.
      const decoder = new StringDecoder('utf8');
      let partial = '';
      const emit = (text: string) => {
        const complete = (partial + text).split('\n');
        partial = complete.pop() ?? '';
        for (const line of complete) options.onLine!(since(), line);
      };
      // The last line may lack a newline: hand it over when the process ends.
      flushes.push(() => {
        if (!options.onLine) return;
        emit(decoder.end());
        if (partial !== '') options.onLine(since(), partial);
      });
      return (chunk: Buffer) => {
        sink.push(chunk);
        if (options.onLine) emit(decoder.write(chunk));
      };
    };
    child.stdout.on('data', lines(out));
    child.stderr.on('data', lines(err));
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
        timedOut = true;
        // The whole tree: killing GNU time alone would leave the command running, holding our pipes open.
        const pids = signalTree(child.pid!, 'SIGTERM');
        setTimeout(() => signalTree(child.pid!, 'SIGKILL', pids), 5_000).unref();
      }, options.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (timer) clearTimeout(timer);
      for (const flush of flushes) flush();
      const stderr = Buffer.concat(err).toString() + (timedOut ? `\n[timed out after ${options.timeoutMs} ms]` : '');
      resolve({
        command: display,
        exitCode: code ?? (signal ? 128 : 1),
        wallMs,
        stdout: Buffer.concat(out).toString(),
        stderr,
      });
    });
  });
  const run: TimedRun = { ...result, peakRssKb: rssFile ? readRss(rssFile) : undefined };
  if (rssFile) fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
  if (run.exitCode !== 0 && !options.allowFailure) throw new TimedRunFailed(run);
  return run;
}

function readRss(file: string): number | undefined {
  if (!fs.existsSync(file)) return undefined;
  // GNU time writes "Command exited with non-zero status N" before the format on failure.
  const last = fs.readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  const kb = Number(last);
  return Number.isFinite(kb) && kb > 0 ? kb : undefined;
}

function tail(text: string, lines: number): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
