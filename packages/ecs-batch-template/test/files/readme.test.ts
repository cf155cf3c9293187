import { newProject, synth } from '../fixtures';

describe('TeamReadme', () => {
  const readme: string = synth(newProject())['README.md'];

  test('covers layout, adding a job, moving a Lambda handler, deploying, schedules, rollback and upgrades', () => {
    const headings = readme.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Jobs', '## Layout', '## Add a job', '## Move a Lambda handler', '## Schedules and time zones', '## Deploy', '## Roll back', '## Upgrade the template',
    ]);
  });

  test('lists the first job with its schedule, size and handler', () => {
    expect(readme).toContain('| nightly | `cron(0 2 * * ? *)` Asia/Tokyo | scheduler | 256 CPU / 512 MiB | 60 min | `src/jobs/nightly/handler.ts` |');
  });

  test('links the project docs', () => {
    for (const page of ['getting-started.md', 'migrating-from-lambda.md', 'scheduling.md', 'deploying.md', 'iam.md']) {
      expect(readme).toContain(`(https://github.com/ecs-batch/ecs-batch/blob/main/docs/${page})`);
    }
  });

  test('shows the commands for this repo', () => {
    expect(readme).toContain("npx ecs-batch cron next 'cron(0 2 * * ? *)' --tz Asia/Tokyo --count 5");
    expect(readme).toContain('npx projen rollback -- --job nightly --to-version 1.4.2 --dry-run');
    expect(readme).toContain('npx projen run-now -- --job nightly --dry-run');
    expect(readme).toContain('terraform -chdir=cdktf.out/stacks/payments-batch init -backend-config=../../../infra/environments/production.s3.tfbackend');
  });
});
