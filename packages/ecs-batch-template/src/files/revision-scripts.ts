import { Component, JsonFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { InfraNames } from './infra-names';
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
 * Task definition revisions outside Terraform. Terraform creates each family and
 * its first revision, then ignores it; CI registers every later revision from the
 * settings projen renders into scripts/jobs.json, with the release's image, and
 * the schedules always start the latest one. The scripts are plain Node (no build
 * step), render with @ecs-batch/core's JobTaskDefinition (the infra's renderer)
 * and call the AWS CLI, which CI runners and developer machines already have.
 */
export class RevisionScripts extends Component {
  constructor(project: NodeProject, settings: ProjectSettings, jobs: () => JobSettings[]) {
    super(project, 'RevisionScripts');
    const names = new InfraNames(settings);
    // Everything of each job but the image and the account: the release renders
    // its task definition from this with core's JobTaskDefinition, as the infra does.
    new JsonFile(project, JOBS_JSON, {
      obj: () => ({
        region: settings.region,
        repository: names.repository,
        architecture: settings.architecture,
        cluster: settings.createCluster ? names.cluster : settings.clusterArn,
        subnetIds: settings.subnetIds,
        securityGroupIds: settings.securityGroupIds,
        assignPublicIp: settings.assignPublicIp,
        tags: names.tags,
        jobs: Object.fromEntries(jobs().map((job) => [job.name, jobEntry(job)])),
      }),
    });
    new GeneratedTextFile(this, TASK_DEFINITIONS_LIB, () => LIB, { comment: '//' });
    new GeneratedTextFile(this, REGISTER_REVISION_SCRIPT, () => REGISTER, { comment: '//' });
    project.addTask('register-revision', {
      description: 'Register a new task definition revision of every job from .projenrc.ts with the given image (--image <uri> [--job <name>] [--environment <env>] [--print] [--dry-run])',
      exec: `node ${REGISTER_REVISION_SCRIPT}`,
      receiveArgs: true,
    });
  }
}

/** One job as scripts/jobs.json holds it: what its task definition and its runs are made of. */
function jobEntry(job: JobSettings): object {
  return {
    family: job.family,
    handler: job.handlerSpec,
    command: job.command,
    environment: job.environment,
    cpu: job.cpu,
    memory: job.memory,
    timeoutSeconds: job.timeoutMinutes * 60,
    overlap: job.overlap,
    secretsManagerSecrets: job.secretsManagerSecrets,
    ssmParameters: job.ssmParameters,
    readonlyRootFilesystem: job.readonlyRootFilesystem,
    stopTimeoutSeconds: job.stopTimeoutSeconds,
    ephemeralStorageGiB: job.ephemeralStorageGiB,
    input: job.input,
    schedule: job.trigger === 'rule' ? job.utcSchedule : job.schedule,
    scheduleTimeZone: job.trigger === 'rule' ? 'UTC' : job.timeZone,
  };
}

const LIB = `// What register-revision.mjs (deploy), rollback.mjs and run-now.mjs share: the
// repo's jobs and environments, the task definition renderer, the AWS CLI.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import hcl2json from '@cdktf/hcl2json';
import core from '@ecs-batch/core';

const { Arn, JobRoleNames, JobTaskDefinition, SsmParameterArn } = core;
const scripts = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(scripts, '..');

/** The environment the scripts use unless --environment names another. */
export const DEFAULT_ENVIRONMENT = 'production';

/**
 * The command line's arguments. \`npx projen rollback -- --job x\` passes the \`--\` on:
 * a leading one is dropped, so both spellings work.
 */
export function argv() {
  const args = process.argv.slice(2);
  return args[0] === '--' ? args.slice(1) : args;
}

/** The repo's jobs and their settings, written by projen from .projenrc.ts. */
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
 * The variables of an environment, as Terraform reads infra/environments/<env>.tfvars
 * (the same file the deploy passes to terraform plan). No file: none set.
 */
export async function environmentValues(environment) {
  if (!/^[A-Za-z0-9_-]+$/.test(environment)) fail(\`--environment: '\${environment}' is not an environment name (letters, digits, '-', '_')\`);
  const file = join(repo, 'infra', 'environments', \`\${environment}.tfvars\`);
  if (!existsSync(file)) return {};
  try {
    return await hcl2json.parse(file, readFileSync(file, 'utf8'));
  } catch (error) {
    fail(\`infra/environments/\${environment}.tfvars: is not valid HCL (\${error.message})\`);
  }
}

/** The region: --region, else AWS_REGION, else the environment's tfvars, else the repo's. */
export function regionOf(flag, config, values = {}) {
  return flag || process.env.AWS_REGION || values.region || config.region;
}

/**
 * The account: --account-id, else account_id in the environment's tfvars, else the
 * account of its cluster_arn; undefined when none says.
 */
export function accountOf(flag, values) {
  const account = flag ?? values.account_id ?? /^arn:[^:]+:ecs:[^:]+:(\\d{12}):/.exec(values.cluster_arn ?? '')?.[1];
  if (account !== undefined && !/^\\d{12}$/.test(String(account))) fail(\`--account-id: '\${account}' is not an AWS account ID (12 digits)\`);
  return account === undefined ? undefined : String(account);
}

/**
 * The exact RegisterTaskDefinition input of a job: its settings from .projenrc.ts,
 * rendered by @ecs-batch/core's JobTaskDefinition as the infra renders them, with
 * the given image. The roles are named after the family, so their ARNs are known.
 */
export function taskDefinitionInput(config, job, image, region, accountId) {
  const partition = Arn.partitionOfRegion(region);
  // An SSM parameter given by name is read in the job's own account and region, as the infra expands it.
  const ssm = Object.entries(job.ssmParameters ?? {}).map(([name, nameOrArn]) =>
    [name, SsmParameterArn.of({ nameOrArn, partition, region, account: accountId, field: \`ssmParameters.\${name}\` })]);
  return JobTaskDefinition.registerInput({
    family: job.family,
    image,
    cpu: job.cpu,
    memory: job.memory,
    architecture: config.architecture,
    handler: job.handler,
    command: job.command,
    environment: job.environment,
    secrets: { ...job.secretsManagerSecrets, ...Object.fromEntries(ssm) },
    timeoutSeconds: job.timeoutSeconds,
    overlap: job.overlap,
    readonlyRootFilesystem: job.readonlyRootFilesystem,
    stopTimeoutSeconds: job.stopTimeoutSeconds,
    ephemeralStorageGiB: job.ephemeralStorageGiB,
    region,
    executionRoleArn: JobRoleNames.arn(accountId, JobRoleNames.executionRole(job.family), region),
    taskRoleArn: JobRoleNames.arn(accountId, JobRoleNames.taskRole(job.family), region),
    tags: config.tags,
  });
}

/** The account of the credentials in use (a real run only: --print and --dry-run make no AWS call). */
export function callerAccount(region) {
  return run(['aws', 'sts', 'get-caller-identity', '--region', region, '--output', 'json']).Account;
}

/** The image of a release: the repo's ECR repository, tagged with the version. */
export function releaseImage(config, accountId, region, version) {
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return \`\${accountId}.dkr.ecr.\${region}.\${domain}/\${config.repository}:\${version}\`;
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

/** Runs an AWS CLI command; its parsed output, or undefined when it fails (AWS's error still goes to stderr). */
export function tryRun(command) {
  const [program, ...args] = command;
  try {
    const out = execFileSync(program, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    return out.trim() === '' ? {} : JSON.parse(out);
  } catch {
    return undefined;
  }
}

export function fail(message) {
  console.error(message);
  process.exit(1);
}
`.split('\n');

const REGISTER = `// Registers a new revision of each job's task definition: the settings of
// .projenrc.ts (scripts/jobs.json) with the release's image. How a release, and
// every setting changed since the last one, reaches the schedules, which always
// start the latest revision. Terraform registered only the first.
//   node scripts/register-revision.mjs --image <uri:tag> [--job <name>] [--environment <env>] [--region <region>] [--account-id <id>] [--print | --dry-run]
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  accountOf, argv, callerAccount, DEFAULT_ENVIRONMENT, environmentValues, fail, jobNamed, readJobs, regionOf,
  registerCommand, run, shellLine, taskDefinitionInput,
} from './lib/task-definitions.mjs';

const usage = 'usage: npx projen register-revision -- --image <uri:tag> [--job <name>] [--environment <env>] [--region <region>] [--account-id <id>] [--print | --dry-run]';
let values;
try {
  ({ values } = parseArgs({
    args: argv(),
    options: {
      'image': { type: 'string' }, 'job': { type: 'string' }, 'region': { type: 'string' }, 'environment': { type: 'string', default: DEFAULT_ENVIRONMENT },
      'account-id': { type: 'string' }, 'print': { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(\`\${error.message}\\n\${usage}\`);
}
if (!values.image || !/^[^\\s:]+(:\\d+)?\\/[^\\s:]+:[^\\s:]+$/.test(values.image)) {
  fail(\`--image: '\${values.image ?? ''}' is not an image URI with a tag (<registry>/<repository>:<tag>)\\n\${usage}\`);
}
if (values.print && !values.job) fail(\`--job: is required with --print (one job's input)\\n\${usage}\`);
const config = readJobs();
const tfvars = await environmentValues(values.environment);
const region = regionOf(values.region, config, tfvars);
const names = values.job ? [values.job] : Object.keys(config.jobs);
const jobs = names.map((name) => [name, jobNamed(config, name, usage)]);
let accountId = accountOf(values['account-id'], tfvars);

if (values.print) {
  if (accountId === undefined) {
    fail(\`--account-id: is required: infra/environments/\${values.environment}.tfvars sets neither account_id nor cluster_arn (--print makes no AWS call)\`);
  }
  console.log(JSON.stringify(taskDefinitionInput(config, jobs[0][1], values.image, region, accountId), null, 2));
  process.exit(0);
}

for (const [name, job] of jobs) {
  const file = join(tmpdir(), \`register-\${job.family}.json\`);
  const register = registerCommand(file, region);
  if (values['dry-run']) {
    console.log(\`# \${name}: a new revision of \${job.family} with image \${values.image}\`);
    if (accountId === undefined) console.log(shellLine(['aws', 'sts', 'get-caller-identity', '--region', region, '--output', 'json']));
    console.log(\`# \${file}: npx projen register-revision -- --job \${name} --image \${values.image} --print\`);
    console.log(shellLine(register));
    continue;
  }
  accountId ??= callerAccount(region);
  writeFileSync(file, JSON.stringify(taskDefinitionInput(config, job, values.image, region, accountId), null, 2));
  const { taskDefinition } = run(register);
  console.log(\`\${name}: registered \${job.family}:\${taskDefinition.revision} with \${values.image}\`);
}
`.split('\n');
