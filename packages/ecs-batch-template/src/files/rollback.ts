import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { GeneratedTextFile } from '../private/generated-text-file';
import { JobSettings } from '../private/job-settings';
import { ProjectSettings } from '../private/project-settings';

/** The rollback script, run by `npx projen rollback -- --job <name>`. */
export const ROLLBACK_SCRIPT = 'scripts/rollback.mjs';

/**
 * Rollback. The schedules always start the latest revision, so a bad release
 * runs at the next schedule; `npx projen rollback -- --job <name>` registers the
 * previous revision's definition again as the newest revision, with the AWS CLI.
 * `--dry-run` prints the exact commands and runs none; a test covers it.
 */
export class Rollback extends Component {
  constructor(project: NodeProject, settings: ProjectSettings, jobs: () => JobSettings[]) {
    super(project, 'Rollback');
    new GeneratedTextFile(this, ROLLBACK_SCRIPT, () => SCRIPT, { comment: '//' });
    new GeneratedTextFile(this, 'test/rollback.test.ts', () => testTs(settings, jobs()[0]), { comment: '//' });
    project.addTask('rollback', {
      description: 'Register the previous task definition revision of a job again as its newest (--job <name> [--to-revision <n>] [--dry-run])',
      exec: `node ${ROLLBACK_SCRIPT}`,
      receiveArgs: true,
    });
  }
}

const SCRIPT = `// Rolls a job back: registers the definition of an earlier revision again as the
// newest revision of its family. The schedules start the family's latest
// revision, so the next run uses it. Revisions are never deleted.
//   node scripts/rollback.mjs --job <name> [--to-revision <n>] [--region <region>] [--dry-run]
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { argv, describeCommand, fail, jobNamed, readJobs, regionOf, registerCommand, registerInput, run, shellLine } from './lib/task-definitions.mjs';

const usage = 'usage: npx projen rollback -- --job <name> [--to-revision <n>] [--region <region>] [--dry-run]';
let values;
try {
  ({ values } = parseArgs({
    args: argv(),
    options: { 'job': { type: 'string' }, 'to-revision': { type: 'string' }, 'region': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  }));
} catch (error) {
  fail(\`\${error.message}\\n\${usage}\`);
}
const config = readJobs();
const { family } = jobNamed(config, values.job, usage);
const region = regionOf(values.region, config);
let revision = values['to-revision'];
if (revision !== undefined && !/^[1-9][0-9]*$/.test(revision)) {
  fail(\`--to-revision: '\${revision}' is not a revision number (1, 2, 3, ...)\`);
}

// Newest first. --family-prefix also matches longer family names, so the list is filtered to this family.
const list = ['aws', 'ecs', 'list-task-definitions', '--family-prefix', family, '--status', 'ACTIVE', '--sort', 'DESC', '--region', region, '--output', 'json'];
const inputFile = (rev) => join(tmpdir(), \`rollback-\${family}-\${rev}.json\`);

if (values['dry-run']) {
  const rev = revision ?? '<previous>';
  console.log(\`# Rollback of \${values.job} in \${region}: the definition of \${family}:\${rev} becomes the newest revision. --dry-run: nothing runs.\`);
  if (revision === undefined) {
    console.log(\`# <previous> is the second revision this lists (the first is the current one):\`);
    console.log(shellLine(list));
  }
  console.log(shellLine(describeCommand(\`\${family}:\${rev}\`, region)));
  console.log(\`# \${inputFile(rev)}: that definition without its read-only fields, with its tags\`);
  console.log(shellLine(registerCommand(inputFile(rev), region)));
  process.exit(0);
}

if (revision === undefined) {
  const revisions = run(list).taskDefinitionArns
    .map((arn) => /task-definition\\/(.+):(\\d+)$/.exec(arn))
    .filter((m) => m && m[1] === family)
    .map((m) => m[2]);
  if (revisions.length < 2) fail(\`\${family} has no earlier ACTIVE revision to roll back to (revisions: \${revisions.join(', ') || 'none'})\`);
  revision = revisions[1];
}
const described = run(describeCommand(\`\${family}:\${revision}\`, region));
const file = inputFile(revision);
writeFileSync(file, JSON.stringify(registerInput(described), null, 2));
const { taskDefinition } = run(registerCommand(file, region));
const images = taskDefinition.containerDefinitions.map((c) => c.image).join(', ');
console.log(\`\${values.job}: \${family}:\${taskDefinition.revision} now has the definition of revision \${revision} (\${images}); the next scheduled run uses it.\`);
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
    "  test('--dry-run prints the AWS CLI commands of a rollback to the previous revision, and runs none', () => {",
    `    const result = rollback('--job', '${job.name}', '--dry-run');`,
    '    expect(result.status).toBe(0);',
    "    const commands = result.stdout.split('\\n').filter((line) => line.startsWith('aws '));",
    '    expect(commands).toEqual([',
    `      'aws ecs list-task-definitions --family-prefix ${family} --status ACTIVE --sort DESC --region ${settings.region} --output json',`,
    `      "aws ecs describe-task-definition --task-definition '${family}:<previous>' --include TAGS --region ${settings.region} --output json",`,
    `      \`aws ecs register-task-definition --cli-input-json 'file://\${join(tmpdir(), '${`rollback-${family}-<previous>.json`}')}' --region ${settings.region} --output json\`,`,
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
