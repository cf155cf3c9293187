import { RunnerEnvironment } from '@ecs-batch/core';
import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { GeneratedTextFile } from '../private/generated-text-file';

/** The run-now script, run by `npx projen run-now -- --job <name>`. */
export const RUN_NOW_SCRIPT = 'scripts/run-now.mjs';

/**
 * Run now: starts a job once with exactly its schedule's RunTask settings, from
 * scripts/jobs.json and the environment's tfvars (no Terraform state), with
 * `startedBy: ecs-batch-run-now`; `--wait` follows it to its exit code.
 */
export class RunNow extends Component {
  constructor(project: NodeProject) {
    super(project, 'RunNow');
    new GeneratedTextFile(this, RUN_NOW_SCRIPT, () => SCRIPT, { comment: '//' });
    project.addTask('run-now', {
      description: 'Start a job once, now, as its schedule does (--job <name> [--environment <env>] [--dry-run] [--wait])',
      exec: `node ${RUN_NOW_SCRIPT}`,
      receiveArgs: true,
    });
  }
}

const SCRIPT = `// Starts a job once, now, exactly as its schedule does: the same cluster, network,
// launch type, overrides and tags, from the same source as the infra (scripts/jobs.json
// and infra/environments/<env>.tfvars), so it needs no Terraform state.
//   node scripts/run-now.mjs --job <name> [--environment <env>] [--region <region>] [--account-id <id>] [--dry-run] [--wait]
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { argv, DEFAULT_ENVIRONMENT, environmentValues, fail, jobNamed, readJobs, regionOf, run, shellLine } from './lib/task-definitions.mjs';

/** What the overlap guard and the logs see as startedBy for a manual run. */
const STARTED_BY = 'ecs-batch-run-now';
const usage = 'usage: npx projen run-now -- --job <name> [--environment <env>] [--region <region>] [--dry-run] [--wait]';
let values;
try {
  ({ values } = parseArgs({
    args: argv(),
    options: {
      'job': { type: 'string' }, 'environment': { type: 'string', default: DEFAULT_ENVIRONMENT }, 'region': { type: 'string' },
      'dry-run': { type: 'boolean', default: false }, 'wait': { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(\`\${error.message}\\n\${usage}\`);
}
const config = readJobs();
const job = jobNamed(config, values.job, usage);
const tfvars = await environmentValues(values.environment);
const region = regionOf(values.region, config, tfvars);
const varFile = \`infra/environments/\${values.environment}.tfvars\`;
// The infra's variables: the environment's tfvars, else the defaults from .projenrc.ts.
const cluster = tfvars.cluster_arn ?? config.cluster;
const subnets = tfvars.subnet_ids ?? config.subnetIds;
const securityGroups = tfvars.security_group_ids ?? config.securityGroupIds;
if (!cluster) fail(\`cluster_arn: is not set in \${varFile} (nor clusterArn in .projenrc.ts)\`);
if (!subnets?.length) fail(\`subnet_ids: is not set in \${varFile} (nor subnetIds in .projenrc.ts)\`);

// RunTask as the schedule's ECS target makes it (EcsBatchJob / the ecs-batch-job module).
const input = {
  cluster,
  taskDefinition: job.family,
  count: 1,
  launchType: 'FARGATE',
  networkConfiguration: {
    awsvpcConfiguration: {
      subnets,
      ...(securityGroups?.length ? { securityGroups } : {}),
      assignPublicIp: config.assignPublicIp ? 'ENABLED' : 'DISABLED',
    },
  },
  ...(job.input === undefined ? {} : { overrides: { containerOverrides: [{ name: job.family, environment: [{ name: '${RunnerEnvironment.EVENT}', value: job.input }] }] } }),
  enableECSManagedTags: false,
  enableExecuteCommand: false,
  startedBy: STARTED_BY,
};
const file = join(tmpdir(), \`run-now-\${job.family}.json\`);
const runTask = ['aws', 'ecs', 'run-task', '--cli-input-json', \`file://\${file}\`, '--region', region, '--output', 'json'];
if (values['dry-run']) {
  console.log(\`# \${values.job}: one run of \${job.family} (its latest revision) in \${values.environment}, as its schedule starts it. --dry-run: nothing runs.\`);
  console.log(\`# \${file}:\`);
  for (const line of JSON.stringify(input, null, 2).split('\\n')) console.log(\`#   \${line}\`);
  console.log(shellLine(runTask));
  process.exit(0);
}
writeFileSync(file, JSON.stringify(input, null, 2));
const started = run(runTask);
if (started.failures?.length || !started.tasks?.length) {
  fail(\`\${values.job}: ECS did not start the task: \${(started.failures ?? []).map((f) => \`\${f.reason}\${f.detail ? \` (\${f.detail})\` : ''}\`).join('; ') || 'no task'}\`);
}
const taskArn = started.tasks[0].taskArn;
const taskId = taskArn.replace(/^.*\\//, '');
const logGroup = \`/ecs-batch/\${job.family}\`;
const stream = \`ecs-batch/\${job.family}/\${taskId}\`;
const esc = (s) => encodeURIComponent(encodeURIComponent(s)).replace(/%/g, '$');
console.log(\`\${values.job}: started \${taskArn}\`);
console.log(\`logs: https://\${region}.console.aws.amazon.com/cloudwatch/home?region=\${region}#logsV2:log-groups/log-group/\${esc(logGroup)}/log-events/\${esc(stream)}\`);
if (!values.wait) process.exit(0);

// However long the run takes: the CLI's tasks-stopped waiter gives up after 100 polls.
const pollMs = Number(process.env.ECS_BATCH_POLL_SECONDS ?? 15) * 1000;
const describe = ['aws', 'ecs', 'describe-tasks', '--cluster', cluster, '--tasks', taskArn, '--region', region, '--output', 'json'];
for (;;) {
  const task = run(describe).tasks?.[0];
  if (task?.lastStatus === 'STOPPED') {
    const container = task.containers?.find((c) => c.name === job.family) ?? task.containers?.[0];
    const code = container?.exitCode;
    console.log(\`\${values.job}: stopped (\${task.stopCode ?? 'unknown'}: \${task.stoppedReason ?? ''}), exit code \${code ?? 'none'}\`);
    process.exit(code ?? 1);
  }
  await new Promise((resolve) => setTimeout(resolve, pollMs));
}
`.split('\n');
