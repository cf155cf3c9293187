import { spawn } from 'child_process';

export interface RunOptions {
  readonly cwd: string;
  /** The child's whole environment. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Stream the child's output to ours as it comes (stderr), as well as capturing it. */
  readonly echo?: boolean;
  /** Give up after this many milliseconds (SIGTERM, then SIGKILL). */
  readonly timeoutMs?: number;
}

export interface RunResult {
  readonly command: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A command that exited non-zero; the message ends with the tail of its output. */
export class CommandFailed extends Error {
  constructor(readonly result: RunResult) {
    super(`${result.command}: exited with ${result.exitCode}\n${tail(result.stdout + '\n' + result.stderr, 60)}`);
    this.name = 'CommandFailed';
  }
}

/** Runs a command to completion and captures its output; never throws on a non-zero exit. */
export function tryRun(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const display = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    let timer: NodeJS.Timeout | undefined;
    if (options.timeoutMs) {
      timer = setTimeout(() => {
        stderr += `\n[timed out after ${options.timeoutMs} ms]`;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }, options.timeoutMs);
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ command: display, exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/** Runs a command to completion; throws CommandFailed on a non-zero exit. */
export async function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await tryRun(command, args, options);
  if (result.exitCode !== 0) throw new CommandFailed(result);
  return result;
}

function tail(text: string, lines: number): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
