import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { tempDir } from '../fixtures';

/**
 * An `aws` executable for the scripts' real (non --dry-run) path: AWS does not run
 * here, so it answers the three ECS calls the scripts make from canned revisions,
 * records every call, and keeps what register-task-definition was given.
 */
export class FakeAwsCli {
  /** Prepend to PATH. */
  public readonly binDir: string;
  private readonly callsFile: string;

  /**
   * @param images the image tags ECR still holds (describe-images fails for others)
   * @param exitCode the container's exit code when describe-tasks reports a run-task task stopped (on the second poll)
   */
  constructor(revisions: { family: string; revision: number; image: string }[], options: { images?: string[]; exitCode?: number } = {}) {
    const dir = tempDir('fake-aws-');
    this.binDir = join(dir, 'bin');
    this.callsFile = join(dir, 'calls.jsonl');
    mkdirSync(this.binDir);
    const arn = (r: { family: string; revision: number }) => `arn:aws:ecs:ap-northeast-1:111122223333:task-definition/${r.family}:${r.revision}`;
    const script = `#!${process.execPath}
const fs = require('fs');
const args = process.argv.slice(2);
const revisions = ${JSON.stringify(revisions)};
const arn = ${arn.toString()};
const flag = (name) => args[args.indexOf(name) + 1];
const options = ${JSON.stringify(options)};
const callsFile = ${JSON.stringify(join(dir, 'calls.jsonl'))};
const call = { args };
let answer;
if (args[1] === 'list-task-definitions') {
  const sorted = [...revisions].sort((a, b) => (a.family === b.family ? b.revision - a.revision : b.family.localeCompare(a.family)));
  answer = { taskDefinitionArns: sorted.map(arn) };
} else if (args[1] === 'describe-task-definition') {
  const [family, revision] = flag('--task-definition').split(':');
  const found = revisions.filter((r) => r.family === family && (revision === undefined || r.revision === Number(revision)))
    .sort((a, b) => b.revision - a.revision)[0];
  if (!found) { console.error('An error occurred (ClientException): Unable to describe task definition.'); process.exit(254); }
  answer = {
    taskDefinition: {
      taskDefinitionArn: arn(found), family: found.family, revision: found.revision, status: 'ACTIVE',
      containerDefinitions: [{ name: 'job', image: found.image, environment: [{ name: 'ECS_BATCH_HANDLER', value: 'lib/jobs/nightly/handler.handler' }] }],
      cpu: '256', memory: '512', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'],
      requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }], compatibilities: ['EC2', 'FARGATE'],
      registeredAt: '2024-06-01T00:00:00Z', registeredBy: 'arn:aws:iam::111122223333:role/ci',
    },
    tags: [{ key: 'team', value: 'payments' }],
  };
} else if (args[1] === 'describe-images') {
  const tag = flag('--image-ids').replace('imageTag=', '');
  if (!(options.images ?? []).includes(tag)) { console.error('An error occurred (ImageNotFoundException): The image with imageId {imageTag:' + tag + '} does not exist'); process.exit(254); }
  answer = { imageDetails: [{ imageTags: [tag] }] };
} else if (args[1] === 'run-task') {
  call.input = JSON.parse(fs.readFileSync(flag('--cli-input-json').replace('file://', ''), 'utf8'));
  answer = { tasks: [{ taskArn: 'arn:aws:ecs:ap-northeast-1:111122223333:task/batch/0123456789abcdef', lastStatus: 'PROVISIONING' }], failures: [] };
} else if (args[1] === 'describe-tasks') {
  const polls = fs.existsSync(callsFile) ? fs.readFileSync(callsFile, 'utf8').split('\\n').filter((l) => l.includes('describe-tasks')).length : 0;
  answer = { tasks: [polls >= 1
    ? { lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', containers: [{ name: 'x', exitCode: options.exitCode ?? 0 }] }
    : { lastStatus: 'RUNNING', containers: [{ name: 'x' }] }] };
} else if (args[0] === 'sts') {
  answer = { Account: '111122223333' };
} else if (args[1] === 'register-task-definition') {
  const input = JSON.parse(fs.readFileSync(flag('--cli-input-json').replace('file://', ''), 'utf8'));
  call.input = input;
  const next = Math.max(...revisions.filter((r) => r.family === input.family).map((r) => r.revision)) + 1;
  answer = { taskDefinition: { ...input, revision: next, taskDefinitionArn: arn({ family: input.family, revision: next }) } };
}
fs.appendFileSync(${JSON.stringify(this.callsFile)}, JSON.stringify(call) + '\\n');
process.stdout.write(JSON.stringify(answer));
`;
    writeFileSync(join(this.binDir, 'aws'), script);
    chmodSync(join(this.binDir, 'aws'), 0o755);
  }

  /** Every call so far: its arguments, and for register-task-definition the input it was given. */
  public calls(): Array<{ args: string[]; input?: any }> {
    if (!existsSync(this.callsFile)) return [];
    return readFileSync(this.callsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  }
}
