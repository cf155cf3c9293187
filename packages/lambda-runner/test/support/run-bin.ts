import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** The committed shim, run as ECS would run it (it requires lib/bin.js: build first). */
export const BIN = join(__dirname, '..', '..', 'bin', 'ecs-batch-run');
export const FIXTURES = join(__dirname, '..', 'fixtures');
export const PACKAGE_DIR = join(__dirname, '..', '..');

/** A runner log line. */
export interface LogLine {
  readonly time: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly event: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

export interface BinResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Every stdout line, parsed when it is JSON, else the raw string. */
  readonly lines: unknown[];
  /** The runner's log lines. */
  readonly logs: LogLine[];
  /** The EMF documents. */
  readonly emf: { [key: string]: unknown }[];
  /** What the fixtures reported (`{"fixture": name, ...}`). */
  readonly fixtures: { fixture: string; [key: string]: unknown }[];
  /** Wall time from spawn to exit. */
  readonly elapsedMs: number;
}

export interface RunBinOptions {
  /** Added to a minimal environment (no variables of the test process leak in). */
  readonly env?: { [name: string]: string };
  readonly cwd?: string;
  /** Called with each stdout line as it arrives, e.g. to send a signal. */
  readonly onLine?: (line: unknown, child: ChildProcess) => void;
  /** Kill the child after this long (a hung runner fails the test, not the suite). */
  readonly killAfterMs?: number;
}

/** A home without AWS config files, so the SDK sees only what a test gives it. */
const EMPTY_HOME = mkdtempSync(join(tmpdir(), 'ecs-batch-run-home-'));

/** Spawns the real bin with Node and collects what it writes. */
export function runBin(args: string[], options: RunBinOptions = {}): Promise<BinResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? FIXTURES,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: EMPTY_HOME,
      AWS_CONFIG_FILE: join(EMPTY_HOME, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(EMPTY_HOME, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) options.onLine?.(parseLine(line), child);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 15000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const lines = stdout.split('\n').filter((line) => line !== '').map(parseLine);
      const objects = lines.filter((line): line is { [key: string]: unknown } => typeof line === 'object' && line !== null);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        lines,
        logs: objects.filter((o) => typeof o.event === 'string' && typeof o.level === 'string') as unknown as LogLine[],
        emf: objects.filter((o) => '_aws' in o),
        fixtures: objects.filter((o) => typeof o.fixture === 'string') as { fixture: string }[],
        elapsedMs: Date.now() - started,
      });
    });
  });
}

/** The one log line with this event; fails when there is none or more than one. */
export function logOf(result: BinResult, event: string): LogLine {
  const found = result.logs.filter((line) => line.event === event);
  if (found.length !== 1) {
    throw new Error(`expected one '${event}' log line, found ${found.length} in:\n${result.stdout}\n${result.stderr}`);
  }
  return found[0];
}

/** What a stdout line is: a fixture's name, a runner event, 'emf', or the raw text. */
export function kindOf(line: unknown): string {
  if (typeof line !== 'object' || line === null) return String(line);
  const o = line as { [key: string]: unknown };
  if (typeof o.fixture === 'string') return o.fixture;
  if ('_aws' in o) return 'emf';
  if (typeof o.level === 'string' && typeof o.event === 'string') return o.event;
  return JSON.stringify(o);
}

/** The kinds of all stdout lines, in order. */
export function kindsOf(result: BinResult): string[] {
  return result.lines.map(kindOf);
}

function parseLine(line: string): unknown {
  if (!line.startsWith('{')) return line;
  try {
    return JSON.parse(line);
  } catch {
    return line;
  }
}
