import { spawnSync } from 'child_process';
import { symlinkSync } from 'fs';
import { join } from 'path';
import { newProject, synth, synthInPlace, tempDir } from '../fixtures';

const repoRoot = join(__dirname, '..', '..', '..', '..');

const ACCESS_JOB = {
  name: 'report',
  schedule: 'cron(0 3 * * ? *)',
  permissions: [
    { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::reports/*'] },
    {
      actions: ['dynamodb:Query'],
      resources: ['arn:aws:dynamodb:ap-northeast-1:123456789012:table/orders'],
      conditions: [{ operator: 'ForAllValues:StringEquals', key: 'dynamodb:Attributes', values: ['pk', 'total'] }],
    },
  ],
  managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess'],
  secretsManagerSecrets: { DB_PASSWORD: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:report/db-AbCdEf:password::' },
  ssmParameters: { API_HOST: '/report/api-host' },
  kmsKeyArns: ['arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  ephemeralStorageGiB: 50,
  stopTimeoutSeconds: 90,
  readonlyRootFilesystem: false,
};

/** The repo's stack, synthesized by ts-node as `npx projen synth:infra` does, with the monorepo's node_modules. */
function synthStack(dir: string): any {
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  const script = [
    "require('ts-node').register({ project: 'infra/tsconfig.json', transpileOnly: true });",
    "const { Testing } = require('cdktf');",
    "const { BatchStack } = require('./infra/main');",
    "process.stdout.write(Testing.synth(new BatchStack(Testing.app(), 'test')));",
  ].join('\n');
  const result = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

describe('CdktfInfra', () => {
  const project = newProject({ alertEmail: 'ops@example.com', subnetIds: ['subnet-0abc'], assignPublicIp: true });
  project.addJob({ name: 'weekly', schedule: 'cron(0 9 ? * MON *)', trigger: 'rule', timeZone: 'UTC', memory: 2048, input: '{"kind":"weekly"}', overlap: 'skip' });
  const out = synth(project);
  const main: string = out['infra/main.ts'];

  test('declares one EcsBatchJob per job, named by its family, with the job\'s settings', () => {
    expect(main).toContain([
      "    new EcsBatchJob(this, 'nightly', {",
      "      name: 'payments-nightly',",
      '      image,',
      '      ecrRepositoryArn: images.arn,',
      "      handler: 'lib/jobs/nightly/handler.handler',",
      '      cpu: 256,',
      '      memory: 512,',
      '      architecture: CpuArchitecture.X86_64,',
      '      timeoutSeconds: 3600,',
      '      clusterArn,',
      '      subnetIds: subnetIds.listValue,',
      '      securityGroupIds: securityGroupIds.listValue,',
      '      assignPublicIp: true,',
      '      schedules: [{',
      "        name: 'run',",
      "        schedule: Schedule.expression('cron(0 2 * * ? *)'),",
      "        timeZone: 'Asia/Tokyo',",
      '        trigger: TriggerKind.SCHEDULER,',
      '      }],',
      '      missedRunAlarm: { hours: 25 },',
      '      durationAlarm: {},',
      "      alerts: { emails: ['ops@example.com'] },",
      '    });',
    ].join('\n'));
    expect(main).toContain('      overlap: OverlapPolicy.SKIP,');
    expect(main).toContain('        trigger: TriggerKind.RULE,');
    expect(main).toContain("        event: '{\"kind\":\"weekly\"}',");
  });

  test('the environment supplies cluster, subnets and security groups as TerraformVariables; options are their defaults', () => {
    expect(main).toContain("const clusterArnVariable = new TerraformVariable(this, 'cluster_arn', { type: 'string', description: 'ARN of the ECS cluster the jobs run in.' });");
    expect(main).toContain("const subnetIds = new TerraformVariable(this, 'subnet_ids', { type: 'list(string)', description: 'Subnets the tasks run in.', default: ['subnet-0abc'] });");
    expect(main).toContain("const securityGroupIds = new TerraformVariable(this, 'security_group_ids', { type: 'list(string)', description: 'Security groups of the tasks.' });");
    expect(main).toContain("this.addOverride('terraform.backend', { s3: {}, local: undefined });");
  });

  test('creates the image repository: immutable tags, scan on push, the last N images kept', () => {
    expect(main).toContain("imageTagMutability: 'IMMUTABLE',");
    expect(main).toContain('imageScanningConfiguration: { scanOnPush: true },');
    expect(main).toContain("selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }");
  });

  test('createCluster creates a Fargate cluster instead of the cluster_arn variable', () => {
    const created: string = synth(newProject({ createCluster: true }))['infra/main.ts'];
    expect(created).not.toContain("'cluster_arn'");
    expect(created).toContain("capacityProviders: ['FARGATE', 'FARGATE_SPOT'],");
    expect(created).toContain('const clusterArn = cluster.arn;');
  });

  test('synth:infra writes cdktf.out/ as part of the build, with infra/ type-checked on its own', () => {
    const tasks = out['.projen/tasks.json'].tasks;
    expect(tasks['synth:infra'].steps).toEqual([{ exec: 'ts-node --project infra/tsconfig.json infra/main.ts' }]);
    expect(tasks['post-compile'].steps).toEqual([{ spawn: 'synth:infra' }, { spawn: 'lint:infra' }]);
    expect(out['cdktf.json']).toMatchObject({ language: 'typescript', app: 'npx ts-node --project infra/tsconfig.json infra/main.ts', output: 'cdktf.out' });
    expect(out['infra/tsconfig.json']).toMatchObject({ extends: '../tsconfig.json', include: ['**/*.ts'], compilerOptions: { noEmit: true } });
    expect(out['.gitignore']).toContain('cdktf.out/');
  });

  test('the generated test asserts the schedules and the RunTask IAM', () => {
    const test: string = out['test/infra/main.test.ts'];
    expect(test).toContain("expect(resources('aws_scheduler_schedule')).toContainEqual(expect.objectContaining({ schedule_expression: 'cron(0 2 * * ? *)', schedule_expression_timezone: 'Asia/Tokyo' }));");
    expect(test).toContain("expect(statement.Condition.ArnEquals['ecs:cluster']).toBe('${var.cluster_arn}');");
  });

  test('matches the snapshot (review aid)', () => {
    expect(main).toMatchSnapshot();
  });

  /**
   * The generated stack against the real @ecs-batch/cdktf and cdktf of this monorepo:
   * the repo folder borrows the monorepo's node_modules, and ts-node runs the stack
   * as `npx projen synth:infra` does.
   */
  test('ARM64: every job on Graviton, and a created cluster without Fargate Spot', () => {
    const created: string = synth(newProject({ createCluster: true, architecture: 'ARM64' }))['infra/main.ts'];
    expect(created).toContain("capacityProviders: ['FARGATE'],");
    expect(created).toContain('      architecture: CpuArchitecture.ARM64,');
  });

  test('a job\'s permissions, secrets and limits, and the repo\'s boundary, reach its EcsBatchJob', () => {
    const p = newProject({ permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary' });
    p.addJob(ACCESS_JOB);
    const text: string = synth(p)['infra/main.ts'];
    expect(text).toContain([
      "      secretsManagerSecrets: { DB_PASSWORD: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:report/db-AbCdEf:password::' },",
      "      ssmParameters: { API_HOST: '/report/api-host' },",
      "      kmsKeyArns: ['arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],",
      '      cpu: 256,',
      '      memory: 512,',
      '      architecture: CpuArchitecture.X86_64,',
      '      ephemeralStorageGiB: 50,',
      '      stopTimeoutSeconds: 90,',
      '      readonlyRootFilesystem: false,',
      '      timeoutSeconds: 3600,',
      "      permissions: [{ actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::reports/*'] }, { actions: ['dynamodb:Query'], resources: ['arn:aws:dynamodb:ap-northeast-1:123456789012:table/orders'], conditions: [{ operator: 'ForAllValues:StringEquals', key: 'dynamodb:Attributes', values: ['pk', 'total'] }] }],",
      "      managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess'],",
      "      permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary',",
    ].join('\n'));
  });

  test('the access settings synthesize with the real EcsBatchJob: task role statements, managed policy, boundary on every role, ARM64', () => {
    const dir = tempDir();
    const p = newProject({ architecture: 'ARM64', permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary', firstJob: false }, dir);
    p.addJob(ACCESS_JOB);
    synthInPlace(p);
    const stack = synthStack(dir);
    const policies = Object.entries<any>(stack.resource.aws_iam_role_policy);
    const task = JSON.parse(policies.find(([id]) => id.includes('task_role_policy'))![1].policy);
    expect(task.Statement.map((st: any) => st.Sid)).toEqual(['JobPermission0', 'JobPermission1']);
    expect(task.Statement[1].Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'total'] } });
    const roles = Object.values<any>(stack.resource.aws_iam_role);
    expect(roles).toHaveLength(3);
    for (const role of roles) expect(role.permissions_boundary).toBe('arn:aws:iam::123456789012:policy/boundary');
    expect(Object.values<any>(stack.resource.aws_iam_role_policy_attachment).map((a) => a.policy_arn)).toEqual(['arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess']);
    const [definition] = Object.values<any>(stack.resource.aws_ecs_task_definition);
    expect(definition.runtime_platform).toEqual({ operating_system_family: 'LINUX', cpu_architecture: 'ARM64' });
    expect(definition.ephemeral_storage).toEqual({ size_in_gib: 50 });
  });

  test('synthesizes with the real EcsBatchJob: revisionless targets, RunTask on family:* in the cluster', () => {
    const dir = tempDir();
    synthInPlace(newProject({ alertEmail: 'ops@example.com' }, dir));
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
    const script = [
      "require('ts-node').register({ project: 'infra/tsconfig.json', transpileOnly: true });",
      "const { Testing } = require('cdktf');",
      "const { BatchStack } = require('./infra/main');",
      "process.stdout.write(Testing.synth(new BatchStack(Testing.app(), 'test')));",
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const stack = JSON.parse(result.stdout);
    const [schedule] = Object.values<any>(stack.resource.aws_scheduler_schedule);
    expect(schedule).toMatchObject({ name: 'payments-nightly-run', schedule_expression: 'cron(0 2 * * ? *)', schedule_expression_timezone: 'Asia/Tokyo' });
    expect(schedule.target.ecs_parameters.task_definition_arn).toMatch(/^\$\{replace\(aws_ecs_task_definition\.[^.]+\.arn, /);
    const invoker = Object.entries<any>(stack.resource.aws_iam_role_policy).find(([id]) => id.includes('invoker'))![1].policy as string;
    expect(invoker).toContain('"Action":"ecs:RunTask"');
    expect(invoker).toMatch(/"Resource":"\$\{replace\(aws_ecs_task_definition\.[^"]+"\/:\\\\d\+\$\/", ""\)\}:\*"/);
    expect(invoker).toContain('"Condition":{"ArnEquals":{"ecs:cluster":"${var.cluster_arn}"}}');
    const [repository] = Object.values<any>(stack.resource.aws_ecr_repository);
    expect(repository).toMatchObject({ name: 'payments-batch', image_tag_mutability: 'IMMUTABLE', image_scanning_configuration: { scan_on_push: true } });
    expect(Object.keys(stack.variable).sort()).toEqual(['cluster_arn', 'image_tag', 'region', 'security_group_ids', 'subnet_ids']);
    // One dashboard of every job, and its URL as an output.
    const [dashboard] = Object.values<any>(stack.resource.aws_cloudwatch_dashboard);
    expect(dashboard.dashboard_name).toBe('payments-batch');
    const titles = JSON.parse(dashboard.dashboard_body).widgets.map((w: any) => w.properties.title ?? w.properties.markdown);
    expect(titles.filter((t: string) => t.startsWith('payments-nightly:'))).toHaveLength(5);
    expect(titles).toContain('payments-nightly: missed runs per day (approx.: 1 expected − runs reported)');
    expect(Object.values<any>(stack.resource.aws_cloudwatch_event_rule).map((r) => r.name)).toContain('payments-batch-task-events');
    expect(stack.output.dashboard_url.value).toContain('#dashboards/dashboard/');
    // Bounded versions: Terraform 1.x from 1.10 (use_lockfile), provider 6.x from the tested 6.25,
    // its source written in full (cdktf alone would write `aws`; cdktn writes `hashicorp/aws`).
    expect(stack.terraform.required_version).toBe('~> 1.10');
    // One backend, S3 (partial: each environment's .s3.tfbackend completes it); Terraform refuses two.
    expect(stack.terraform.backend).toEqual({ s3: {} });
    expect(stack.terraform.required_providers.aws).toEqual({ source: 'hashicorp/aws', version: '~> 6.25' });
  });

  test('dashboard: false leaves the dashboard and its output out', () => {
    const off = synth(newProject({ dashboard: false }))['infra/main.ts'];
    expect(off).not.toContain('EcsBatchDashboard');
    expect(off).not.toContain('dashboard_url');
    expect(main).toContain("new TerraformOutput(this, 'dashboard_url'");
  });
});
