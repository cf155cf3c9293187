import { run } from '@ecs-batch/lambda-runner';
import { newProject, synth } from '../fixtures';

describe('TeamReadme', () => {
  const readme: string = synth(newProject())['README.md'];

  test('covers layout, adding a job, moving a Lambda handler, deploying, schedules, rollback and upgrades', () => {
    const headings = readme.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Jobs', '## Layout', '## Add a job', '## Give a job access', '## Move a Lambda handler', '## Schedules and time zones', '## Deploy', '## Find a run in the logs', '## Watch the jobs', '## Roll back', '## Upgrade the template',
    ]);
  });

  test('names the infra flavour; on cdktf, says it is archived and how to move to cdktn', () => {
    expect(readme).toContain('deployed with Terraform (CDK for Terraform, `cdktf`)');
    expect(readme).toContain('which HashiCorp archived on 2025-12-10');
    expect(readme).toContain("`infra: 'cdktn'` in `.projenrc.ts` and run `npx projen`; the Terraform state needs no move");
    expect(readme).toContain('getting-started.md#cdk-for-terraform-is-archived');
    const cdktn: string = synth(newProject({ infra: 'cdktn' }))['README.md'];
    expect(cdktn).toContain('deployed with Terraform (CDK Terrain, `cdktn`)');
    expect(cdktn).toContain('| `infra/main.ts`, `cdktf.json` | the Terraform, as a CDK Terrain stack with one `EcsBatchJob` per job (`@ecs-batch/cdktn`) | projen |');
    expect(cdktn).toContain('npx projen synth:infra');
    expect(cdktn).not.toContain('archived on');
    const hcl: string = synth(newProject({ infra: 'hcl' }))['README.md'];
    expect(hcl).toContain('deployed with Terraform (HCL)');
    expect(hcl).not.toMatch(/CDK Terrain|CDK for Terraform/);
  });

  test('lists the first job with its schedule, size and handler', () => {
    expect(readme).toContain('| nightly | `cron(0 2 * * ? *)` Asia/Tokyo | scheduler | 256 CPU / 512 MiB | 60 min | `src/jobs/nightly/handler.ts` |');
  });

  test('"Find a run in the logs": a Logs Insights query for the last 10 runs over the fields the runner writes', async () => {
    const section = readme.slice(readme.indexOf('## Find a run in the logs'), readme.indexOf('## Roll back'));
    expect(section).toContain('`/ecs-batch/payments-nightly`');
    const query = /```\n([\s\S]*?)```/.exec(section)![1];
    expect(query).toBe('fields @timestamp, runId, scheduledTime, outcome, durationMs\n| filter job = "payments-nightly" and event = "end"\n| sort @timestamp desc\n| limit 10\n');
    // The fields the query reads are on the runner's real end line.
    const lines: { [key: string]: unknown }[] = [];
    await run({ handler: async () => 1, jobName: 'payments-nightly', scheduledTime: new Date(), write: (line) => { lines.push(JSON.parse(line)); } });
    const end = lines.find((line) => line.event === 'end')!;
    for (const field of ['runId', 'scheduledTime', 'outcome', 'durationMs', 'job']) expect(end).toHaveProperty(field);
    expect(end.job).toBe('payments-nightly');
  });

  test('"Watch the jobs": the dashboard, and how to open it (the dashboard_url output); not with dashboard: false', () => {
    const section = readme.slice(readme.indexOf('## Watch the jobs'), readme.indexOf('## Roll back'));
    expect(section).toContain('`payments-batch`');
    expect(section).toContain('terraform -chdir=cdktf.out/stacks/payments-batch output -raw dashboard_url');
    expect(section).toContain('`/aws/events/ecs-batch/payments-batch`');
    const hcl: string = synth(newProject({ infra: 'hcl' }))['README.md'];
    expect(hcl).toContain('terraform -chdir=infra output -raw dashboard_url');
    expect(synth(newProject({ dashboard: false }))['README.md']).not.toContain('## Watch the jobs');
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

  test('"Give a job access": its addJob example is accepted by addJob as written, and the infra carries it', () => {
    const section = readme.slice(readme.indexOf('## Give a job access'), readme.indexOf('## Move a Lambda handler'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)![1];
    const project = newProject({ architecture: 'ARM64' });
    new Function('project', code)(project);
    expect(project.jobNames).toEqual(['nightly', 'settlement']);
    const main: string = synth(project)['infra/main.ts'];
    expect(main).toContain("secretsManagerSecrets: { DB_PASSWORD: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:payments/db-AbCdEf:password::' },");
    expect(main).toContain("permissions: [{ actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::payments-reports/daily/*'] }");
  });

  test('says which architecture and image platform the repo builds, and why ARM64', () => {
    expect(readme).toContain('Every job runs on X86_64');
    expect(readme).toContain('`linux/amd64`');
    const arm: string = synth(newProject({ architecture: 'ARM64' }))['README.md'];
    expect(arm).toContain('Every job runs on ARM64 (Graviton)');
    expect(arm).toContain('`linux/arm64`');
    expect(arm).toContain('[AWS Fargate pricing](https://aws.amazon.com/fargate/pricing/)');
  });
});
