import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { Component, Project } from 'projen';
import { InitProject } from 'projen/lib/project';
import { LambdaMigration, MigratedJob, migratedDependencies, NODE_SOURCE_EXTENSIONS, originalPath } from '../private/lambda-migration';
import { tsLiteral, tsString } from '../private/ts-literal';

/** The line `.projenrc.ts` ends with, as projen writes it for a new project. */
const SYNTH_CALL = 'project.synth();';
/** Starts the block of migrated jobs in `.projenrc.ts`, so it is written once. */
const PROJENRC_MARKER = '// Jobs migrated from scheduled Lambda functions';

/**
 * What `--migrate-from` makes, once, when the repo is created: each job's code in
 * `src/jobs/<job>/` (the Lambda's Node.js sources, a re-export for a further schedule of the
 * same Lambda, or a handler that throws "not migrated yet"), and the jobs' `project.addJob()`
 * calls in `.projenrc.ts`, which own them from then on. No file that exists is overwritten.
 */
export class MigratedLambdas extends Component {
  /** The `.projenrc.ts` lines that declare the migrated jobs. */
  public static projenrcLines(migration: LambdaMigration): string[] {
    const lines = [
      PROJENRC_MARKER,
      `// (${migration.analyzer}, from ${migration.from}; see README.md, "Migrated from Lambda").`,
    ];
    for (const job of migration.jobs) {
      lines.push(`// ${job.options.name}: ${job.lambda.source} ${originalPath(migration, job.lambda.sourceFile)}${job.lambda.handler ? `, handler ${job.lambda.handler}` : ''}`);
      lines.push('project.addJob({');
      for (const [key, value] of Object.entries(job.options)) {
        if (value !== undefined) lines.push(`  ${key}: ${tsLiteral(value)},`);
      }
      lines.push('});');
    }
    return lines;
  }

  /**
   * The options with `.projenrc.ts` rendered for the migrated repo: under `projen new`, projen
   * writes it from `__new__.args`. `migrateFrom` (and its `migrateStage`, `migrateParameter`, `migrateVar` and `migrateVarFile`) is left out (its jobs are the addJob calls, so
   * `npx projen` never runs the analyzer again), and so is the first job (`firstJob: false`, without
   * the `jobName` and `schedule` that projen new fills in). The packages the moved code imports are
   * added to `deps`.
   */
  public static persistedOptions<T extends { migrateFrom?: string; deps?: string[] }>(options: T, migration?: LambdaMigration): T {
    const init = (options as any).__new__;
    if (options.migrateFrom === undefined || !init?.args) return options;
    const {
      migrateFrom: _migrateFrom, migrateStage: _stage, migrateParameter: _parameter, migrateVar: _var, migrateVarFile: _varFile,
      jobName: _jobName, schedule: _schedule, ...args
    } = init.args;
    // The moved code's packages, as `deps` in `.projenrc.ts`, which keeps them from then on.
    const deps = [...(args.deps ?? []), ...(migration ? migratedDependencies(migration) : [])];
    return { ...options, __new__: { ...init, args: { ...args, firstJob: false, ...(deps.length > 0 ? { deps } : {}) } } };
  }

  constructor(project: Project, private readonly migration: LambdaMigration) {
    super(project, 'MigratedLambdas');
  }

  /** Runs before the jobs' HandlerFiles, which then find a handler and write no skeleton. */
  public synthesize(): void {
    for (const job of this.migration.jobs) this.writeCode(job);
  }

  /**
   * projen has just written `.projenrc.ts` from the options: add the jobs before its synth call.
   * The code is written here too, for `projen new --no-synth`, which runs only these hooks (after
   * a synth, every file exists and nothing is written again).
   */
  public projectCreation(_initProject: InitProject): void {
    for (const job of this.migration.jobs) this.writeCode(job);
    const file = join(this.project.outdir, '.projenrc.ts');
    if (!existsSync(file)) return;
    const source = readFileSync(file, 'utf8');
    if (source.includes(PROJENRC_MARKER) || !source.includes(SYNTH_CALL)) return;
    const at = source.lastIndexOf(SYNTH_CALL);
    const block = MigratedLambdas.projenrcLines(this.migration).join('\n');
    writeFileSync(file, `${source.slice(0, at)}${block}\n\n${source.slice(at)}`);
  }

  private writeCode(job: MigratedJob): void {
    const jobDir = join(this.project.outdir, 'src', 'jobs', job.options.name);
    const code = job.code;
    if (code.kind === 'copied') {
      for (const file of code.files) {
        const target = join(jobDir, ...file.split('/'));
        if (existsSync(target)) continue;
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(join(this.migration.root, ...code.from.split('/'), ...file.split('/')), target);
      }
      return;
    }
    if (NODE_SOURCE_EXTENSIONS.some((ext) => existsSync(join(jobDir, `handler${ext}`)))) return;
    mkdirSync(jobDir, { recursive: true });
    const lines = code.kind === 're-export' ? reExport(job, code.job, code.module, code.exportName) : placeholder(this.migration, job, code.reason);
    writeFileSync(join(jobDir, 'handler.ts'), `${lines.join('\n')}\n`);
  }
}

function reExport(job: MigratedJob, first: string, module: string, exportName: string): string[] {
  return [
    `// ${job.options.name} is another schedule of the Lambda that ${first} holds the code of (${job.lambda.handler}).`,
    `export { ${exportName === 'handler' ? 'handler' : `${exportName} as handler`} } from ${tsString(`../${first}/${module}`)};`,
  ];
}

/** A handler that fails every run, loudly, until the code is moved: a schedule must not succeed silently. */
function placeholder(migration: LambdaMigration, job: MigratedJob, reason: string): string[] {
  const lambda = job.lambda;
  const code = lambda.codePath !== undefined ? originalPath(migration, lambda.codePath) : undefined;
  const message = `${job.options.name}: not migrated yet (the Lambda's code is not here: see the comment in src/jobs/${job.options.name}/handler.ts)`;
  return [
    '/*',
    ' * NOT MIGRATED YET.',
    ' *',
    ` * ${job.options.name} was a scheduled Lambda function:`,
    ` *   declared in ${originalPath(migration, lambda.sourceFile)} (${lambda.source})`,
    ...(lambda.handler ? [` *   handler ${lambda.handler}${lambda.runtime ? `, runtime ${lambda.runtime}` : ''}`] : []),
    ...(code ? [` *   code in ${code}`] : []),
    ` * Why it is not here: ${reason}.`,
    ' *',
    ' * Move (or port) the function into this folder and export it as `handler`, then remove this',
    ' * file\'s throw. Until then every run fails, so the job cannot pass for done.',
    ' */',
    'export async function handler(): Promise<never> {',
    `  throw new Error(${tsString(message)});`,
    '}',
  ];
}
