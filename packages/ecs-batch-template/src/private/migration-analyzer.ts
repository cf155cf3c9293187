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
  /** The handler's own files, relative to `codePath` (absent from analyzers before it was added: the handler's folder is copied). */
  readonly codeFiles?: string[];
  /** `{ name: version }` of the packages `codeFiles` import (absent from analyzers before it was added). */
  readonly dependencies?: Record<string, string>;
  readonly warnings: string[];
  /** The fields taken from defaults a deploy may override (absent from analyzers before it was added). */
  readonly defaults?: string[];
}

/** A file the analyzer could not parse. */
export interface UnreadableSource {
  readonly file: string;
  readonly line?: number;
  readonly reason: string;
}

/** What `ecs-batch-migrate <path> --template-json` prints. */
export interface AnalyzerReport {
  readonly jobs: ScheduledLambda[];
  readonly warnings: string[];
  /** Files that did not parse (absent from analyzers before it was added). */
  readonly unreadable?: UnreadableSource[];
  /** For each job, in order: the options of its `addJob` calls (one per schedule expression). */
  readonly addJob: Array<{ readonly job: string; readonly options: EcsBatchJobOptions[] }>;
}

/**
 * What a deploy would be given, passed to the analyzer: `--migrate-stage`, `--migrate-parameter K=V`,
 * `--migrate-var K=V` and `--migrate-var-file <path>`.
 */
export interface AnalyzerInputs {
  readonly stage?: string;
  readonly parameters?: string[];
  readonly vars?: string[];
  /** `.tfvars` / `.tfvars.json` paths, relative to the new repo (the analyzer's working folder). */
  readonly varFiles?: string[];
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
export function runMigrationAnalyzer(path: string, cwd: string, inputs: AnalyzerInputs = {}): AnalyzerRun {
  const field = flagName('migrateFrom');
  if (typeof path !== 'string' || path.trim() === '') {
    throw fieldError(field, 'is empty (a folder of Terraform, AWS SAM or Serverless Framework files, e.g. ../legacy-lambdas)');
  }
  if (!existsSync(resolve(cwd, path))) {
    throw fieldError(field, `${path} does not exist (a folder of Terraform, AWS SAM or Serverless Framework files, relative to the new repo)`);
  }
  const version = PackageAssets.packageVersion(ANALYZER_PACKAGE);
  const analyzer = `${ANALYZER_PACKAGE}@${version}`;
  const args = [path, '--template-json', ...analyzerArguments(inputs, cwd)];
  const installed = installedAnalyzer(version, cwd);
  // npx goes through the registry (and PATH) of this environment.
  const options = { cwd, env: process.env, encoding: 'utf8' as const, maxBuffer: 256 * 1024 * 1024 };
  const result = installed
    ? spawnSync(process.execPath, [installed, ...args], options)
    : spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', analyzer, ...args], { ...options, shell: process.platform === 'win32' });

  if (result.status === FOUND) {
    try {
      return { report: JSON.parse(result.stdout) as AnalyzerReport, analyzer };
    } catch (error) {
      throw fieldError(field, `${analyzer} printed no report (${(error as Error).message})`);
    }
  }
  const said = analyzerMessage(result);
  if (said !== undefined && (result.status === NONE_FOUND || result.status === UNREADABLE)) throw fieldError(field, said);
  // Not the analyzer speaking: npx could not fetch it (registry, network), or it crashed.
  const output = String(result.stderr ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^npm (warn|notice)/i.test(line));
  const reason = output.slice(0, 3).join('; ') || `exit ${result.status ?? result.signal ?? result.error?.message}`;
  throw fieldError(field, `could not run ${analyzer}${installed ? '' : ' through npx'} (${reason})`);
}

/**
 * The analyzer's flags for what a deploy would be given: `--stage`, `--parameter-overrides K=V`,
 * `--var K=V` and `--var-file <path>` (which the analyzer applies to Serverless, SAM and Terraform sources).
 * @throws ValidationError naming the template's flag when a pair is not `K=V`, or a var file is not an existing `.tfvars(.json)` file
 */
function analyzerArguments(inputs: AnalyzerInputs, cwd: string): string[] {
  const args: string[] = [];
  if (inputs.stage !== undefined) {
    if (typeof inputs.stage !== 'string' || inputs.stage.trim() === '') throw fieldError(flagName('migrateStage'), 'is empty (a Serverless stage, e.g. prod)');
    args.push('--stage', inputs.stage);
  }
  const pairs = (prop: 'migrateParameter' | 'migrateVar', flag: string, values: unknown, example: string) => {
    if (values === undefined) return;
    for (const value of Array.isArray(values) ? values : [values]) {
      if (typeof value !== 'string' || value.indexOf('=') <= 0) {
        throw fieldError(flagName(prop), `${String(value)} is not K=V (e.g. ${example})`);
      }
      args.push(flag, value);
    }
  };
  pairs('migrateParameter', '--parameter-overrides', inputs.parameters, 'Stage=prod');
  pairs('migrateVar', '--var', inputs.vars, 'environment=prod');
  if (inputs.varFiles !== undefined) {
    const flag = flagName('migrateVarFile');
    for (const file of Array.isArray(inputs.varFiles) ? inputs.varFiles : [inputs.varFiles]) {
      if (typeof file !== 'string' || !/\.tfvars(\.json)?$/.test(file)) {
        throw fieldError(flag, `${String(file)} is not a .tfvars or .tfvars.json file (e.g. ../legacy-lambdas/prod.tfvars)`);
      }
      if (!existsSync(resolve(cwd, file))) throw fieldError(flag, `${file} does not exist (a .tfvars or .tfvars.json file, relative to the new repo)`);
      args.push('--var-file', file);
    }
  }
  return args;
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

/**
 * What the analyzer said about the input: its stderr from its `ecs-batch-migrate: ` line on,
 * without that prefix (npx may print notices before it). Undefined when it said nothing.
 */
function analyzerMessage(result: SpawnSyncReturns<string>): string | undefined {
  const stderr = String(result.stderr ?? '');
  const at = stderr.indexOf(`${ANALYZER_BIN}: `);
  if (at < 0) return undefined;
  return stderr.slice(at + ANALYZER_BIN.length + 2).trim();
}
