import { spawnSync, SpawnSyncReturns } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { fieldError, flagName } from './field-error';
import { PackageAssets } from './package-assets';
import { EcsBatchJobOptions } from '../ecs-batch-job-options';

/** The analyzer's package: run, never depended on (the template stays light for `projen new`). */
export const ANALYZER_PACKAGE = '@ecs-batch/migrate';
const ANALYZER_BIN = 'ecs-batch-migrate';

/** One environment variable of a Lambda, as the analyzer reports it. */
export interface LambdaVariable {
  readonly name: string;
  readonly value: string | null;
  readonly expression?: string;
  readonly secret: boolean;
}

/** One scheduled Lambda, as `ecs-batch-migrate --json` reports it (the fields the template reads). */
export interface ScheduledLambda {
  readonly name: string;
  readonly sourceFile: string;
  readonly source: string;
  readonly handler?: string;
  readonly runtime?: string;
  readonly schedule: string[];
  readonly timeZone?: string;
  readonly enabled: boolean;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly environment: LambdaVariable[];
  readonly codePath?: string;
  readonly warnings: string[];
}

/** What `ecs-batch-migrate <path> --template-json` prints. */
export interface AnalyzerReport {
  readonly jobs: ScheduledLambda[];
  readonly warnings: string[];
  /** For each job, in order: the options of its `addJob` calls (one per schedule expression). */
  readonly addJob: Array<{ readonly job: string; readonly options: EcsBatchJobOptions[] }>;
}

/** The report, and which analyzer made it. */
export interface AnalyzerRun {
  readonly report: AnalyzerReport;
  /** e.g. `@ecs-batch/migrate@0.1.0`. */
  readonly analyzer: string;
}

/**
 * Exit codes of `ecs-batch-migrate`.
 * @see packages/migrate/src/cli.ts (EXIT_CODES)
 */
const FOUND = 0;
const UNREADABLE = 1;
const NONE_FOUND = 3;

/**
 * Runs `ecs-batch-migrate <path> --template-json` at the version this template pins
 * (lib/versions.json): the installed package when it is that version (a workspace, or a repo
 * that installed it), otherwise `npx --yes @ecs-batch/migrate@<version>`, which fetches it from
 * the registry npm is configured for.
 *
 * Synchronous, since the project's constructor calls it before anything is written.
 *
 * @param path the folder as the user gave it, relative to `cwd`
 * @throws ValidationError naming `--migrate-from` when the path does not exist, a file does not
 * parse, no scheduled function is found, or the analyzer cannot be run
 */
export function runMigrationAnalyzer(path: string, cwd: string): AnalyzerRun {
  const field = flagName('migrateFrom');
  if (typeof path !== 'string' || path.trim() === '') {
    throw fieldError(field, 'is empty (a folder of Terraform, AWS SAM or Serverless Framework files, e.g. ../legacy-lambdas)');
  }
  if (!existsSync(resolve(cwd, path))) {
    throw fieldError(field, `${path} does not exist (a folder of Terraform, AWS SAM or Serverless Framework files, relative to the new repo)`);
  }
  const version = PackageAssets.packageVersion(ANALYZER_PACKAGE);
  const analyzer = `${ANALYZER_PACKAGE}@${version}`;
  const args = [path, '--template-json'];
  const installed = installedAnalyzer(version, cwd);
  const result = installed
    ? spawnSync(process.execPath, [installed, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', analyzer, ...args],
      { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, shell: process.platform === 'win32' });

  if (result.status === FOUND) {
    try {
      return { report: JSON.parse(result.stdout) as AnalyzerReport, analyzer };
    } catch (error) {
      throw fieldError(field, `${analyzer} printed no report (${(error as Error).message})`);
    }
  }
  const message = analyzerMessage(result);
  if (result.status === NONE_FOUND || result.status === UNREADABLE) throw fieldError(field, message);
  throw fieldError(field, `could not run ${analyzer}${installed ? '' : ' through npx'} (${message || `exit ${result.status ?? result.signal ?? result.error?.message}`})`);
}

/** The analyzer's bin, when the pinned version is installed where the project or this template resolves it. */
function installedAnalyzer(version: string, cwd: string): string | undefined {
  let manifestFile: string;
  try {
    manifestFile = require.resolve(`${ANALYZER_PACKAGE}/package.json`, { paths: [cwd, __dirname] });
  } catch {
    return undefined;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const bin = manifest.bin?.[ANALYZER_BIN];
  if (manifest.version !== version || typeof bin !== 'string') return undefined;
  return join(dirname(manifestFile), bin);
}

/** What the analyzer said, without its `ecs-batch-migrate: ` prefix or npm's notices. */
function analyzerMessage(result: SpawnSyncReturns<string>): string {
  const lines = String(result.stderr ?? '').split('\n').filter((line) => line.trim() !== '' && !/^npm (warn|notice)/i.test(line));
  return lines.join('\n').replace(new RegExp(`^${ANALYZER_BIN}: `), '').trim();
}
