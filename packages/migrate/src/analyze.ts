import { existsSync, statSync } from 'fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'path';
import { readCopilotManifest } from './copilot/copilot-reader';
import { FoundFunction, ReaderResult } from './found-function';
import { buildJobs } from './job/build-jobs';
import { JobNames } from './job/job-name';
import { MigrationError } from './migration-error';
import { MigrationJob, MigrationReport, UnreadableSource } from './migration-report';
import { readSamTemplate } from './sam/sam-reader';
import { findSourceFiles } from './scan/source-files';
import { readServerlessFile } from './serverless/serverless-reader';
import { calledModuleDirs, readTerraformModule } from './terraform/terraform-reader';

/** What a deploy would be given, so the analyzer resolves what the deploy would resolve. */
export interface AnalyzeOptions {
  /** The Serverless Framework stage (`serverless deploy --stage`): `${opt:stage}` and `${sls:stage}`. */
  readonly stage?: string;
  /** SAM/CloudFormation parameter values (`sam deploy --parameter-overrides K=V`): they win over each `Default`. */
  readonly parameterOverrides?: { readonly [name: string]: string };
  /** Terraform variable values (`terraform apply -var K=V`), for the Terraform reader. */
  readonly vars?: { readonly [name: string]: string };
  /**
   * Terraform variable definitions files (`terraform apply -var-file <path>`, `.tfvars` or `.tfvars.json`),
   * read in this order after the ones Terraform loads by itself, for every Terraform root folder; `vars` win over them.
   * @see https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence
   */
  readonly varFiles?: readonly string[];
}

/**
 * Finds every scheduled Lambda function under `path` (a folder, or one file) in Terraform, AWS SAM
 * and Serverless Framework sources (and AWS Copilot scheduled jobs), and describes the ECS batch job each becomes.
 *
 * A file that does not parse does not stop the run: it is listed in `unreadable` and in the
 * warnings (as `<file>:<line>: could not read: ...`), and the other files are read.
 *
 * @param path a folder to scan (build output, `node_modules`, `.terraform` and the like are skipped), or one file
 * @throws MigrationError when the path does not exist
 */
export async function analyze(path: string, options: AnalyzeOptions = {}): Promise<MigrationReport> {
  const target = resolve(path);
  if (!existsSync(target)) {
    throw new MigrationError(path, 'does not exist (a folder with Terraform, AWS SAM or Serverless Framework files)');
  }
  const root = statSync(target).isDirectory() ? target : dirname(target);
  const shown = (file: string) => relative(root, file).split(sep).join('/') || file;

  const varFiles = (options.varFiles ?? []).map((f) => resolve(f));
  for (const [i, file] of varFiles.entries()) {
    if (!existsSync(file) || !statSync(file).isFile()) throw new MigrationError(options.varFiles![i], 'does not exist (a .tfvars or .tfvars.json file, as terraform -var-file takes it)');
  }
  const terraformOptions = { ...(options.vars ? { variables: { ...options.vars } } : {}), ...(varFiles.length > 0 ? { varFiles } : {}) };

  const sources = findSourceFiles(target);
  const found: FoundFunction[] = [];
  const warnings: string[] = [];
  const unreadable: UnreadableSource[] = [];
  // A folder that another calls as a local module is read through its caller, with the call's inputs.
  const called = await calledModuleDirs(sources.terraformModules, terraformOptions);
  for (const module of sources.terraformModules) {
    if (called.has(resolve(module.dir))) continue;
    await collect(module.tfFiles[0], () => readTerraformModule(module, shown, terraformOptions));
  }
  for (const file of sources.samTemplates) await collect(file, () => readSamTemplate(file, shown, options));
  for (const file of sources.serverlessFiles) await collect(file, () => readServerlessFile(file, shown, options));
  for (const file of sources.copilotManifests) await collect(file, () => readCopilotManifest(file, shown));

  const names = new JobNames();
  const jobs: MigrationJob[] = [];
  for (const fn of found) {
    const built = buildJobs(root, fn, names);
    jobs.push(...built.jobs);
    warnings.push(...built.warnings);
  }
  return { jobs, warnings, unreadable };

  async function collect(file: string, read: () => ReaderResult | Promise<ReaderResult>): Promise<void> {
    try {
      const result = await read();
      found.push(...result.functions);
      warnings.push(...result.warnings);
    } catch (e) {
      if (!(e instanceof MigrationError)) throw e;
      const source = unreadableSource(e, file);
      unreadable.push(source);
      warnings.push(`${source.file}${source.line === undefined ? '' : `:${source.line}`}: could not read: ${source.reason}: not migrated`);
    }
  }

  /** The file and line a reader's error names (relative to the working folder), relative to the analyzed folder. */
  function unreadableSource(e: MigrationError, fallback: string): UnreadableSource {
    const m = /^(.*?)(?::(\d+))?$/.exec(e.field)!;
    const file = isAbsolute(m[1]) ? m[1] : resolve(process.cwd(), m[1]);
    return {
      file: shown(existsSync(file) ? file : fallback),
      ...(m[2] !== undefined ? { line: Number(m[2]) } : {}),
      reason: e.reason,
    };
  }
}
