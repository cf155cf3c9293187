import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { InfraNames } from './infra-names';
import { GeneratedTextFile } from '../private/generated-text-file';
import { JobSettings } from '../private/job-settings';
import { ProjectSettings } from '../private/project-settings';

/** The rollback script, run by `npx projen rollback -- --job <name>`. */
export const ROLLBACK_SCRIPT = 'scripts/rollback.mjs';

/**
 * Rollback to a release, not to a position: `npx projen rollback -- --job <name>
 * --to-version <v>` registers a new revision with the current settings and that
 * release's image, so running it twice does the same thing. Without a target it
 * lists the recent releases and exits 2. `--dry-run` prints the exact commands.
 */
export class Rollback extends Component {
  constructor(project: NodeProject, settings: ProjectSettings, jobs: () => JobSettings[]) {
    super(project, 'Rollback');
    new GeneratedTextFile(this, ROLLBACK_SCRIPT, () => SCRIPT, { comment: '//' });
    new GeneratedTextFile(this, 'test/rollback.test.ts', () => testTs(settings, jobs()[0]), { comment: '//' });
    project.addTask('rollback', {
      description: 'Roll a job back to a release: its image with the current settings (--job <name> --to-version <version> | --to-revision <n> [--environment <env>] [--dry-run])',
      exec: `node ${ROLLBACK_SCRIPT}`,
      receiveArgs: true,
    });
  }
}

const SCRIPT = `// Rolls a job back to a release: registers a new revision with the repo's
// current settings (scripts/jobs.json) and that release's image. It restores
// code, not settings, so it never undoes an infra change; the same command run
// twice does the same thing. --to-revision copies a revision registered by hand.
//   node scripts/rollback.mjs --job <name> (--to-version <version> | --to-revision <n>) [--environment <env>] [--region <region>] [--account-id <id>] [--dry-run]
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  accountOf, argv, callerAccount, DEFAULT_ENVIRONMENT, describeCommand, environmentValues, fail, jobNamed, readJobs, regionOf,
  registerCommand, registerInput, releaseImage, run, shellLine, taskDefinitionInput, tryRun,
} from './lib/task-definitions.mjs';

const usage = 'usage: npx projen rollback -- --job <name> (--to-version <version> | --to-revision <n>) [--environment <env>] [--region <region>] [--account-id <id>] [--dry-run]';
let values;
try {
  ({ values } = parseArgs({
    args: argv(),
    options: {
      'job': { type: 'string' }, 'to-version': { type: 'string' }, 'to-revision': { type: 'string' }, 'region': { type: 'string' },
      'environment': { type: 'string', default: DEFAULT_ENVIRONMENT }, 'account-id': { type: 'string' }, 'dry-run': { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(\`\${error.message}\\n\${usage}\`);
}
const config = readJobs();
const job = jobNamed(config, values.job, usage);
const { family } = job;
const tfvars = await environmentValues(values.environment);
const region = regionOf(values.region, config, tfvars);
const version = values['to-version'];
const revision = values['to-revision'];
if (version !== undefined && revision !== undefined) fail(\`--to-version, --to-revision: give one of them\\n\${usage}\`);
if (revision !== undefined && !/^[1-9][0-9]*$/.test(revision)) fail(\`--to-revision: '\${revision}' is not a revision number (1, 2, 3, ...)\`);
if (version !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(version)) fail(\`--to-version: '\${version}' is not an image tag (the release version, e.g. 1.4.2)\`);
const list = ['aws', 'ecs', 'list-task-definitions', '--family-prefix', family, '--status', 'ACTIVE', '--sort', 'DESC', '--region', region, '--output', 'json'];
/** Recent releases shown when neither flag says where to go. */
const SHOWN = 10;

if (version === undefined && revision === undefined) {
  if (values['dry-run']) {
    console.log(\`# Without --to-version or --to-revision: lists the recent releases of \${values.job} and exits 2.\`);
    console.log(shellLine(list));
    console.log(shellLine(describeCommand(\`\${family}:<revision>\`, region)));
    process.exit(0);
  }
  // --family-prefix also matches longer family names, so the list is filtered to this family.
  const arns = run(list).taskDefinitionArns.filter((arn) => /task-definition\\/(.+):\\d+$/.exec(arn)?.[1] === family).slice(0, SHOWN);
  console.error(\`Which release of \${values.job}? The latest \${arns.length} revisions of \${family}, newest first:\`);
  console.log('version\\trevision\\tregistered');
  for (const arn of arns) {
    const { taskDefinition } = run(describeCommand(arn.replace(/^.*task-definition\\//, ''), region));
    const tag = taskDefinition.containerDefinitions[0].image.replace(/^.*:/, '');
    console.log(\`\${tag}\\t\${taskDefinition.revision}\\t\${taskDefinition.registeredAt ?? ''}\`);
  }
  console.error(\`Run again with --to-version <version> (or --to-revision <n>).\\n\${usage}\`);
  process.exit(2);
}

if (revision !== undefined) {
  const file = join(tmpdir(), \`rollback-\${family}-\${revision}.json\`);
  if (values['dry-run']) {
    console.log(\`# Rollback of \${values.job} in \${region}: the definition of \${family}:\${revision} becomes the newest revision. --dry-run: nothing runs.\`);
    console.log(shellLine(describeCommand(\`\${family}:\${revision}\`, region)));
    console.log(\`# \${file}: that definition without its read-only fields, with its tags\`);
    console.log(shellLine(registerCommand(file, region)));
    process.exit(0);
  }
  writeFileSync(file, JSON.stringify(registerInput(run(describeCommand(\`\${family}:\${revision}\`, region))), null, 2));
  const { taskDefinition } = run(registerCommand(file, region));
  const images = taskDefinition.containerDefinitions.map((c) => c.image).join(', ');
  console.log(\`\${values.job}: \${family}:\${taskDefinition.revision} now has the definition of revision \${revision} (\${images}); the next scheduled run uses it.\`);
  process.exit(0);
}

let accountId = accountOf(values['account-id'], tfvars);
const file = join(tmpdir(), \`rollback-\${family}-\${version}.json\`);
const imageCheck = (account) => ['aws', 'ecr', 'describe-images', '--registry-id', account, '--repository-name', config.repository, '--image-ids', \`imageTag=\${version}\`, '--region', region, '--output', 'json'];
if (values['dry-run']) {
  console.log(\`# Rollback of \${values.job} in \${region} to release \${version}: a new revision of \${family} with the settings of .projenrc.ts and image \${config.repository}:\${version}. --dry-run: nothing runs.\`);
  if (accountId === undefined) console.log(shellLine(['aws', 'sts', 'get-caller-identity', '--region', region, '--output', 'json']));
  console.log(shellLine(imageCheck(accountId ?? '<account-id>')));
  console.log(\`# \${file}: npx projen register-revision -- --job \${values.job} --image <image> --print\`);
  console.log(shellLine(registerCommand(file, region)));
  process.exit(0);
}
accountId ??= callerAccount(region);
const image = releaseImage(config, accountId, region, version);
// Before anything is registered: ECR keeps the last images only (the lifecycle policy).
if (tryRun(imageCheck(accountId)) === undefined) {
  fail(\`--to-version: \${image} is not in ECR: expired by the repository's lifecycle policy, or never pushed. Nothing was registered.\`);
}
writeFileSync(file, JSON.stringify(taskDefinitionInput(config, job, image, region, accountId), null, 2));
const { taskDefinition } = run(registerCommand(file, region));
console.log(\`\${values.job}: \${family}:\${taskDefinition.revision} runs release \${version} (\${image}) with the current settings; the next scheduled run uses it.\`);
`.split('\n');

function testTs(settings: ProjectSettings, job: JobSettings): string[] {
  const family = job.family;
  return [
    "import { spawnSync } from 'child_process';",
    "import { tmpdir } from 'os';",
    "import { join } from 'path';",
    '',
    `const script = join(__dirname, '..', '${ROLLBACK_SCRIPT}');`,
    '',
    '/** Runs the real script in a child process, as `npx projen rollback -- ...` does. */',
    'function rollback(...args: string[]) {',
    "  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, AWS_REGION: '' } });",
    '}',
    '',
    "describe('rollback', () => {",
    "  test('--dry-run prints the AWS CLI commands of a rollback to a release, and runs none', () => {",
    `    const result = rollback('--job', '${job.name}', '--to-version', '1.2.0', '--account-id', '123456789012', '--dry-run');`,
    '    expect(result.status).toBe(0);',
    "    const commands = result.stdout.split('\\n').filter((line) => line.startsWith('aws '));",
    '    expect(commands).toEqual([',
    `      'aws ecr describe-images --registry-id 123456789012 --repository-name ${new InfraNames(settings).repository} --image-ids imageTag=1.2.0 --region ${settings.region} --output json',`,
    `      \`aws ecs register-task-definition --cli-input-json file://\${join(tmpdir(), '${`rollback-${family}-1.2.0.json`}')} --region ${settings.region} --output json\`,`,
    '    ]);',
    '  });',
    '',
    "  test('--to-revision names the exact revision, so the commands are complete', () => {",
    `    const result = rollback('--job', '${job.name}', '--to-revision', '41', '--region', 'us-east-1', '--dry-run');`,
    '    expect(result.status).toBe(0);',
    "    const commands = result.stdout.split('\\n').filter((line) => line.startsWith('aws '));",
    '    expect(commands).toEqual([',
    `      'aws ecs describe-task-definition --task-definition ${family}:41 --include TAGS --region us-east-1 --output json',`,
    `      \`aws ecs register-task-definition --cli-input-json file://\${join(tmpdir(), '${`rollback-${family}-41.json`}')} --region us-east-1 --output json\`,`,
    '    ]);',
    '  });',
    '',
    "  test('an unknown job or a bad revision is refused, naming the flag', () => {",
    "    const unknown = rollback('--job', 'no-such-job', '--dry-run');",
    '    expect(unknown.status).toBe(1);',
    "    expect(unknown.stderr).toContain(\"--job: 'no-such-job' is not a job of this repo\");",
    `    const badRevision = rollback('--job', '${job.name}', '--to-revision', 'latest', '--dry-run');`,
    '    expect(badRevision.status).toBe(1);',
    "    expect(badRevision.stderr).toContain(\"--to-revision: 'latest' is not a revision number\");",
    '  });',
    '});',
  ];
}
