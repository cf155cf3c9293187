/**
 * Runs the real `ecs-batch` bin (packages/core/bin/ecs-batch -> lib/cli/main.js)
 * in a child process. Compile first: `npx jsii --silence-warnings=reserved-word`.
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';

const PACKAGE = join(__dirname, '..', '..');
const BIN = join(PACKAGE, 'bin', 'ecs-batch');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(...args: string[]): CliResult {
  if (!existsSync(join(PACKAGE, 'lib', 'cli', 'main.js'))) {
    throw new Error('lib/cli/main.js is missing: compile core first (npx jsii --silence-warnings=reserved-word)');
  }
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ECS_BATCH_DEBUG: '' }, timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Run with `--json` and parse stdout, which must be exactly one JSON document. */
export function runCliJson(...args: string[]): CliResult & { json: any } {
  const result = runCli(...args, '--json');
  return { ...result, json: result.stdout === '' ? undefined : JSON.parse(result.stdout) };
}

/** No stack trace leaked (`    at foo (file.js:1:2)`). */
export function hasNoStack(text: string): boolean {
  return !/^\s+at .+:\d+:\d+\)?$/m.test(text);
}
