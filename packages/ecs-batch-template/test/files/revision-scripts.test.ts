import { spawnSync } from 'child_process';
import { symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FakeAwsCli } from './fake-aws-cli';
import { newProject, synth, synthInPlace, tempDir } from '../fixtures';

const IMAGE = '111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/payments-batch:1.3.0';

function register(dir: string, args: string[], path = process.env.PATH) {
  return spawnSync(process.execPath, [join(dir, 'scripts/register-revision.mjs'), ...args], {
    cwd: dir, encoding: 'utf8', env: { PATH: path, HOME: process.env.HOME },
  });
}

describe('RevisionScripts', () => {
  const dir = tempDir();
  const project = newProject({}, dir);
  project.addJob({ name: 'weekly', schedule: 'cron(0 9 ? * MON *)' });
  synthInPlace(project);
  symlinkSync(join(__dirname, '..', '..', '..', '..', 'node_modules'), join(dir, 'node_modules'));

  test('scripts/jobs.json names each job\'s family, from .projenrc.ts', () => {
    const out = synth(newProject({ region: 'eu-west-1' }));
    expect(out['scripts/jobs.json']).toMatchObject({
      region: 'eu-west-1',
      repository: 'payments-batch',
      jobs: { nightly: { family: 'payments-nightly', handler: 'lib/jobs/nightly/handler.handler', cpu: 256, memory: 512, timeoutSeconds: 3600, overlap: 'allow', environment: {} } },
    });
    expect(out['.projen/tasks.json'].tasks['register-revision'].steps).toEqual([{ exec: 'node scripts/register-revision.mjs', receiveArgs: true }]);
  });

  test('--dry-run prints, for every job, the register command, and runs none', () => {
    const result = register(dir, ['--image', IMAGE, '--account-id', '111122223333', '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('aws '))).toEqual([
      `aws ecs register-task-definition --cli-input-json file://${join(tmpdir(), 'register-payments-nightly.json')} --region ap-northeast-1 --output json`,
      `aws ecs register-task-definition --cli-input-json file://${join(tmpdir(), 'register-payments-weekly.json')} --region ap-northeast-1 --output json`,
    ]);
  });

  test('a job removed from .projenrc.ts leaves the scripts and the infra', () => {
    const withBoth = newProject();
    withBoth.addJob({ name: 'weekly', schedule: 'cron(0 9 ? * MON *)' });
    const both = synth(withBoth);
    const one = synth(newProject());
    expect(Object.keys(both['scripts/jobs.json'].jobs)).toEqual(['nightly', 'weekly']);
    expect(Object.keys(one['scripts/jobs.json'].jobs)).toEqual(['nightly']);
    expect(both['infra/main.ts']).toContain("new EcsBatchJob(this, 'weekly'");
    expect(one['infra/main.ts']).not.toContain("'weekly'");
    const hcl = newProject({ infra: 'hcl' });
    expect(Object.keys(synth(hcl)['infra/jobs.auto.tfvars.json'].jobs)).toEqual(['nightly']);
  });

  test('refuses an image without a tag, naming --image', () => {
    const result = register(dir, ['--image', 'payments-batch', '--dry-run']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--image: 'payments-batch' is not an image URI with a tag");
  });

  test('registers a revision of each job from .projenrc.ts with the new image; the account from STS', () => {
    const aws = new FakeAwsCli([
      { family: 'payments-nightly', revision: 5, image: 'repo:1.2.0' },
      { family: 'payments-weekly', revision: 2, image: 'repo:1.2.0' },
    ]);
    const result = register(dir, ['--image', IMAGE], `${aws.binDir}:${process.env.PATH}`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const registered = aws.calls().filter((c) => c.args[1] === 'register-task-definition').map((c) => c.input);
    expect(registered.map((i) => [i.family, i.containerDefinitions[0].image])).toEqual([['payments-nightly', IMAGE], ['payments-weekly', IMAGE]]);
    // Not copied from the latest revision (whose environment the fake reduces to the handler): rendered from the settings.
    expect(registered[0].containerDefinitions[0].environment).toContainEqual({ name: 'ECS_BATCH_TIMEOUT_SECONDS', value: '3600' });
    expect(registered[0].taskRoleArn).toBe('arn:aws:iam::111122223333:role/payments-nightly-task');
    expect(aws.calls().map((c) => c.args[1])).toEqual(['sts', 'register-task-definition', 'register-task-definition'].map((x) => (x === 'sts' ? 'get-caller-identity' : x)));
    expect(result.stdout).toContain(`nightly: registered payments-nightly:6 with ${IMAGE}`);
  });
});
