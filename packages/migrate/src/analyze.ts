import { existsSync, statSync } from 'fs';
import { dirname, relative, resolve, sep } from 'path';
import { FoundFunction } from './found-function';
import { buildJobs } from './job/build-jobs';
import { JobNames } from './job/job-name';
import { MigrationError } from './migration-error';
import { MigrationJob, MigrationReport } from './migration-report';
import { readSamTemplate } from './sam/sam-reader';
import { findSourceFiles } from './scan/source-files';
import { readServerlessFile } from './serverless/serverless-reader';
import { readTerraformModule } from './terraform/terraform-reader';

/**
 * Finds every scheduled Lambda function under `path` (a folder, or one file) in Terraform, AWS SAM
 * and Serverless Framework sources, and describes the ECS batch job each becomes.
 *
 * Every file is parsed before anything is returned, so a caller that writes files (the template's
 * `--migrate-from`) can fail before writing anything.
 *
 * @param path a folder to scan (build output, `node_modules`, `.terraform` and the like are skipped), or one file
 * @throws MigrationError when the path does not exist, or a file does not parse (the field is `<file>:<line>`)
 */
export async function analyze(path: string): Promise<MigrationReport> {
  const target = resolve(path);
  if (!existsSync(target)) {
    throw new MigrationError(path, 'does not exist (a folder with Terraform, AWS SAM or Serverless Framework files)');
  }
  const root = statSync(target).isDirectory() ? target : dirname(target);
  const shown = (file: string) => relative(root, file).split(sep).join('/') || file;

  const sources = findSourceFiles(target);
  const found: FoundFunction[] = [];
  const warnings: string[] = [];
  for (const module of sources.terraformModules) {
    collect(await readTerraformModule(module, shown));
  }
  for (const file of sources.samTemplates) collect(readSamTemplate(file, shown));
  for (const file of sources.serverlessFiles) collect(readServerlessFile(file, shown));

  const names = new JobNames();
  const jobs: MigrationJob[] = [];
  for (const fn of found) {
    const built = buildJobs(root, fn, names);
    jobs.push(...built.jobs);
    warnings.push(...built.warnings);
  }
  return { jobs, warnings };

  function collect(result: { functions: FoundFunction[]; warnings: string[] }): void {
    found.push(...result.functions);
    warnings.push(...result.warnings);
  }
}
