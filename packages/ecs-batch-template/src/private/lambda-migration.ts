import { existsSync, readdirSync, statSync } from 'fs';
import { isAbsolute, join, posix, resolve } from 'path';
import { fieldError, flagName, isValidationError } from './field-error';
import { JobDefaults, JobSettings, resolveJob } from './job-settings';
import { AnalyzerInputs, runMigrationAnalyzer, ScheduledLambda, UnreadableSource } from './migration-analyzer';
import { EcsBatchJobOptions } from '../ecs-batch-job-options';

/** Files a Node.js handler module may be (Lambda loads .js, .mjs and .cjs; bundlers compile TypeScript). */
export const NODE_SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/**
 * Folders that hold dependencies, build output or tests rather than the handler's source. Tests
 * stay behind: under `src/` the repo's jest would run them against the wrong paths.
 */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'coverage', 'cdk.out', 'cdktf.out', '__tests__', '__mocks__']);
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

/** How a migrated job gets its code. */
export type MigratedCode =
  /** The Lambda's Node.js sources, copied from `from` (relative to the migrated folder) into `src/jobs/<job>/`. */
  | { readonly kind: 'copied'; readonly from: string; readonly files: string[]; readonly leftBehind?: string[] }
  /** A further schedule of a Lambda whose code another job holds: `handler.ts` re-exports it. */
  | { readonly kind: 're-export'; readonly job: string; readonly module: string; readonly exportName: string }
  /** No usable code: `handler.ts` throws "not migrated yet" and says why and where the code was. */
  | { readonly kind: 'placeholder'; readonly reason: string };

/** One job made from a scheduled Lambda. */
export interface MigratedJob {
  /** The `addJob` options written into `.projenrc.ts`. */
  readonly options: EcsBatchJobOptions;
  /** The options, validated, with the repo's defaults. */
  readonly settings: JobSettings;
  /** The Lambda it came from. */
  readonly lambda: ScheduledLambda;
  readonly code: MigratedCode;
}

/** What `--migrate-from` found and made, decided before anything is written. */
export interface LambdaMigration {
  /** The folder as the user gave it, e.g. `../legacy-lambdas`. */
  readonly from: string;
  /** The folder, absolute. */
  readonly root: string;
  /** e.g. `@ecs-batch/migrate@0.1.0`. */
  readonly analyzer: string;
  /** Every scheduled Lambda, as the analyzer reports it. */
  readonly lambdas: ScheduledLambda[];
  /** The jobs, in the analyzer's order (a Lambda with several schedules makes several). */
  readonly jobs: MigratedJob[];
  /** What the analyzer saw and did not migrate (event patterns, input transformers...). */
  readonly notMigrated: string[];
  /** The files the analyzer could not parse (the rest was migrated). */
  readonly unreadable: UnreadableSource[];
}

/**
 * Runs the analyzer on `from` and turns its report into jobs: each validated like an `addJob`
 * call, with its code plan. Reads only; nothing is written.
 *
 * @param from the folder, relative to `outdir` (or absolute)
 */
export function planLambdaMigration(from: string, outdir: string, defaults: JobDefaults, inputs: AnalyzerInputs = {}): LambdaMigration {
  const { report, analyzer } = runMigrationAnalyzer(from, outdir, inputs);
  const root = resolve(outdir, from);
  const jobs: MigratedJob[] = [];
  report.jobs.forEach((lambda, i) => {
    const calls = report.addJob[i]?.options ?? [];
    const code = lambdaCode(root, lambda);
    calls.forEach((call, n) => {
      const first = jobs.find((j) => j.lambda === lambda);
      const jobCode: MigratedCode = n === 0 || !first ? code : furtherScheduleCode(first, code);
      const options: EcsBatchJobOptions = jobCode.kind === 'copied' ? { ...call, handler: handlerOption(lambda) } : { ...call };
      jobs.push({ options, settings: resolveMigratedJob(options, defaults, lambda), lambda, code: jobCode });
    });
  });
  // An unreadable file is listed on its own, not again among the warnings.
  const unreadable = report.unreadable ?? [];
  const notMigrated = report.warnings.filter((w) => !unreadable.some((u) => w.startsWith(`${u.file}${u.line === undefined ? '' : `:${u.line}`}: could not read: `)));
  return { from, root, analyzer, lambdas: report.jobs, jobs, notMigrated, unreadable };
}

/** An addJob call of a migrated Lambda, checked as the template checks any; errors name `--migrate-from` and the Lambda. */
function resolveMigratedJob(options: EcsBatchJobOptions, defaults: JobDefaults, lambda: ScheduledLambda): JobSettings {
  try {
    return resolveJob(options, defaults, (prop) => prop);
  } catch (error) {
    if (!isValidationError(error)) throw error;
    throw fieldError(flagName('migrateFrom'), `${lambda.sourceFile}: job ${options.name}: ${error.message}`);
  }
}

/** The module and export a Lambda handler string names: `src/report.handler` is `handler` of `src/report`. */
function handlerParts(handler: string): { dir: string; base: string; exportName: string } | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const module = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  const base = posix.basename(module);
  if (!/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(base) || !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(exportName)) return undefined;
  return { dir: posix.dirname(module), base, exportName };
}

/** The job's `handler` option once the sources are copied: the handler file sits at the top of `src/jobs/<job>/`. */
function handlerOption(lambda: ScheduledLambda): string {
  const parts = handlerParts(lambda.handler ?? '')!;
  return `${parts.base}.${parts.exportName}`;
}

/**
 * Copies the folder that holds the handler module (`src/` for `src/report.handler` under the
 * code folder), so its relative imports of siblings keep working; the handler file lands at the
 * top of `src/jobs/<job>/`.
 */
function lambdaCode(root: string, lambda: ScheduledLambda): MigratedCode {
  const where = lambda.handler ? `handler ${lambda.handler}` : 'a container image';
  if (lambda.runtime === undefined || !lambda.runtime.startsWith('nodejs')) {
    return { kind: 'placeholder', reason: `${lambda.runtime ? `runtime ${lambda.runtime}` : where} is not Node.js: the runner runs Node handlers, so port it or wrap it` };
  }
  const parts = lambda.handler ? handlerParts(lambda.handler) : undefined;
  if (lambda.codePath === undefined || parts === undefined) {
    const missing = lambda.warnings.find((w) => w.startsWith('handler source not found'));
    return { kind: 'placeholder', reason: missing ?? `the source of ${where} was not found under the migrated folder` };
  }
  const from = posix.normalize(posix.join(lambda.codePath, parts.dir));
  const files = lambda.codeFiles !== undefined ? ownFiles(lambda.codeFiles, parts.dir) : nodeSources(join(root, from));
  if (!files.some((file) => NODE_SOURCE_EXTENSIONS.some((ext) => file === `${parts.base}${ext}`))) {
    return { kind: 'placeholder', reason: `${parts.base}.js (or .ts, .mjs, .cjs) is not in ${from}` };
  }
  const prefix = parts.dir === '.' ? '' : `${posix.normalize(parts.dir)}/`;
  const leftBehind = (lambda.codeFiles ?? []).filter((file) => !file.startsWith(prefix)).map((file) => posix.join(lambda.codePath!, file));
  return { kind: 'copied', from, files, ...(leftBehind.length > 0 ? { leftBehind } : {}) };
}

/**
 * A Lambda's second, third... schedule is another job: it re-exports the first job's handler, so
 * the code lives once. ES module files (.mjs, .mts) and CommonJS ones (.cjs, .cts) are copied
 * again instead, since an extensionless import does not reach them.
 */
function furtherScheduleCode(first: MigratedJob, code: MigratedCode): MigratedCode {
  if (code.kind !== 'copied') return code;
  const parts = handlerParts(first.lambda.handler ?? '')!;
  const handlerFile = code.files.find((file) => NODE_SOURCE_EXTENSIONS.some((ext) => file === `${parts.base}${ext}`))!;
  if (!/\.(ts|js)$/.test(handlerFile)) return code;
  return { kind: 're-export', job: first.options.name, module: parts.base, exportName: parts.exportName };
}

/**
 * The handler's own files (the analyzer's `codeFiles`, relative to the code folder), relative to
 * the handler's folder, which is what is copied: Lambdas that share a folder each take only the
 * files their handler imports. A file above the handler's folder has no place under
 * `src/jobs/<job>/`: it is left behind, and the README says so (`leftBehind`).
 */
function ownFiles(codeFiles: string[], handlerDir: string): string[] {
  const prefix = handlerDir === '.' ? '' : `${posix.normalize(handlerDir)}/`;
  return codeFiles.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length)).sort();
}

/**
 * The npm packages the migrated jobs' code imports, as `name@version` for `deps`: the version the
 * source locked, or the runtime's AWS SDK major (the analyzer's `dependencies`). A package two
 * jobs import at different versions takes the first job's.
 */
export function migratedDependencies(migration: LambdaMigration): string[] {
  const versions = new Map<string, string>();
  for (const job of migration.jobs) {
    if (job.code.kind !== 'copied') continue;
    for (const [name, version] of Object.entries(job.lambda.dependencies ?? {})) {
      if (!versions.has(name)) versions.set(name, version);
    }
  }
  return [...versions].sort(([a], [b]) => a.localeCompare(b)).map(([name, version]) => `${name}@${version}`);
}

/** Node source files under `dir` (relative, `/`-separated, sorted), without dependencies, build output and tests. */
function nodeSources(dir: string, prefix = ''): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const files: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) files.push(...nodeSources(dir, rel));
    } else if (entry.isFile() && NODE_SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !TEST_FILE.test(entry.name)) {
      files.push(rel);
    }
  }
  return files.sort();
}

/** `../legacy/serverless.yml`: a path of the migrated folder as the user would find it from the repo. */
export function originalPath(migration: LambdaMigration, path: string): string {
  if (isAbsolute(migration.from)) return posix.join(migration.from.split('\\').join('/'), path);
  return posix.normalize(posix.join(migration.from.split('\\').join('/'), path));
}
