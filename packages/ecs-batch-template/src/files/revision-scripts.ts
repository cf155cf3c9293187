import { Component, JsonFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { GeneratedTextFile } from '../private/generated-text-file';
import { JobSettings } from '../private/job-settings';
import { ProjectSettings } from '../private/project-settings';

/** The job catalog the scripts read: families and region, from `.projenrc.ts`. */
export const JOBS_JSON = 'scripts/jobs.json';
/** AWS CLI helpers shared by the deploy and rollback scripts. */
export const TASK_DEFINITIONS_LIB = 'scripts/lib/task-definitions.mjs';
/** Registers a new revision of each job with a new image (the deploy workflow runs it). */
export const REGISTER_REVISION_SCRIPT = 'scripts/register-revision.mjs';

/**
 * Task definition revisions outside Terraform. Terraform creates each family;
 * CI registers a new revision per release (new image tag), and the schedules
 * always start the latest one. The scripts are plain Node (no build step) and
 * call the AWS CLI, which CI runners and developer machines already have.
 */
export class RevisionScripts extends Component {
  constructor(project: NodeProject, settings: ProjectSettings, jobs: () => JobSettings[]) {
    super(project, 'RevisionScripts');
    new JsonFile(project, JOBS_JSON, {
      obj: () => ({
        region: settings.region,
        jobs: Object.fromEntries(jobs().map((job) => [job.name, { family: job.family }])),
      }),
    });
    new GeneratedTextFile(this, TASK_DEFINITIONS_LIB, () => LIB, { comment: '//' });
    new GeneratedTextFile(this, REGISTER_REVISION_SCRIPT, () => REGISTER, { comment: '//' });
    project.addTask('register-revision', {
      description: 'Register a new task definition revision of every job with the given image (--image <uri> [--job <name>] [--dry-run])',
      exec: `node ${REGISTER_REVISION_SCRIPT}`,
      receiveArgs: true,
    });
  }
}

const LIB = `// AWS CLI calls that read and register ECS task definition revisions, shared by
// register-revision.mjs (deploy) and rollback.mjs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The command line's arguments. \`npx projen rollback -- --job x\` passes the \`--\` on:
 * a leading one is dropped, so both spellings work.
 */
export function argv() {
  const args = process.argv.slice(2);
  return args[0] === '--' ? args.slice(1) : args;
}

/** The repo's jobs (name -> family) and region, written by projen from .projenrc.ts. */
export function readJobs() {
  return JSON.parse(readFileSync(join(scripts, 'jobs.json'), 'utf8'));
}

/** The job named by --job, or exit naming the flag and the jobs there are. */
export function jobNamed(config, name, usage) {
  const names = Object.keys(config.jobs);
  if (!name) fail(\`--job: is required (one of \${names.join(', ')})\\n\${usage}\`);
  const job = config.jobs[name];
  if (!job) fail(\`--job: '\${name}' is not a job of this repo (\${names.join(', ')})\`);
  return job;
}

/**
 * Fields describe-task-definition returns that register-task-definition does not accept.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
 */
export const READ_ONLY_FIELDS = [
  'taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities',
  'registeredAt', 'registeredBy', 'deregisteredAt',
];

/** register-task-definition input: a described definition without its read-only fields, with its tags. */
export function registerInput(described) {
  const definition = { ...described.taskDefinition };
  for (const field of READ_ONLY_FIELDS) delete definition[field];
  if (described.tags?.length) definition.tags = described.tags;
  return definition;
}

/** describe-task-definition of a family (its latest ACTIVE revision) or of family:revision. */
export function describeCommand(taskDefinition, region) {
  return ['aws', 'ecs', 'describe-task-definition', '--task-definition', taskDefinition, '--include', 'TAGS', '--region', region, '--output', 'json'];
}

/** register-task-definition from a JSON file. */
export function registerCommand(file, region) {
  return ['aws', 'ecs', 'register-task-definition', '--cli-input-json', \`file://\${file}\`, '--region', region, '--output', 'json'];
}

/** A command as a POSIX shell takes it: what --dry-run prints. */
export function shellLine(command) {
  return command.map((arg) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : \`'\${arg.replace(/'/g, \`'\\\\''\`)}'\`)).join(' ');
}

/** Runs an AWS CLI command and returns its parsed JSON output; AWS's own errors go to stderr. */
export function run(command) {
  const [program, ...args] = command;
  try {
    const out = execFileSync(program, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    return out.trim() === '' ? {} : JSON.parse(out);
  } catch (error) {
    fail(\`\${shellLine(command)} failed\${error.status === undefined ? \`: \${error.message}\` : \` with exit code \${error.status}\`}\`);
  }
}

/** The region: --region, else AWS_REGION, else the repo's. */
export function regionOf(flag, config) {
  return flag || process.env.AWS_REGION || config.region;
}

export function fail(message) {
  console.error(message);
  process.exit(1);
}
`.split('\n');

const REGISTER = `// Registers a new revision of each job's task definition with a new image: how a
// release reaches the schedules, which always start the latest revision.
//   node scripts/register-revision.mjs --image <uri:tag> [--job <name>] [--region <region>] [--dry-run]
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { argv, describeCommand, fail, jobNamed, readJobs, regionOf, registerCommand, registerInput, run, shellLine } from './lib/task-definitions.mjs';

const usage = 'usage: npx projen register-revision -- --image <uri:tag> [--job <name>] [--region <region>] [--dry-run]';
let values;
try {
  ({ values } = parseArgs({
    args: argv(),
    options: { 'image': { type: 'string' }, 'job': { type: 'string' }, 'region': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  }));
} catch (error) {
  fail(\`\${error.message}\\n\${usage}\`);
}
if (!values.image || !/^[^\\s:]+(:\\d+)?\\/[^\\s:]+:[^\\s:]+$/.test(values.image)) {
  fail(\`--image: '\${values.image ?? ''}' is not an image URI with a tag (<registry>/<repository>:<tag>)\\n\${usage}\`);
}
const config = readJobs();
const region = regionOf(values.region, config);
const names = values.job ? [values.job] : Object.keys(config.jobs);

for (const name of names) {
  const { family } = jobNamed(config, name, usage);
  const describe = describeCommand(family, region);
  const file = join(tmpdir(), \`register-\${family}.json\`);
  const register = registerCommand(file, region);
  if (values['dry-run']) {
    console.log(\`# \${name}: a new revision of \${family} with image \${values.image}\`);
    console.log(shellLine(describe));
    console.log(\`# \${file}: the latest definition without its read-only fields, every container's image set to \${values.image}\`);
    console.log(shellLine(register));
    continue;
  }
  const input = registerInput(run(describe));
  input.containerDefinitions = input.containerDefinitions.map((container) => ({ ...container, image: values.image }));
  writeFileSync(file, JSON.stringify(input, null, 2));
  const { taskDefinition } = run(register);
  console.log(\`\${name}: registered \${family}:\${taskDefinition.revision} with \${values.image}\`);
}
`.split('\n');
