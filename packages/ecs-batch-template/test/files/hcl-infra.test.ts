import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from '@cdktf/hcl2json';
import { newProject, synth, synthInPlace, tempDir } from '../fixtures';

/** Every .tf file of a folder, parsed by the real HCL parser. */
async function parseModule(dir: string): Promise<any[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf'));
  return Promise.all(files.map((f) => parse(f, readFileSync(join(dir, f), 'utf8'))));
}
const blocks = (parsed: any[], kind: string): Record<string, any> => Object.assign({}, ...parsed.map((p) => p[kind] ?? {}));

describe('HclInfra', () => {
  const dir = tempDir();
  const project = newProject({ infra: 'hcl', alertEmail: 'ops@example.com', clusterArn: 'arn:aws:ecs:ap-northeast-1:111122223333:cluster/batch' }, dir);
  project.addJob({ name: 'weekly', schedule: 'cron(0 9 ? * MON *)', trigger: 'rule', timeZone: 'Asia/Tokyo', memory: 2048, input: '{"kind":"weekly"}' });
  synthInPlace(project);
  const infra = join(dir, 'infra');

  test('the root module calls the vendored ecs-batch-job once per job, with only variables the module declares', async () => {
    const root = await parseModule(infra);
    const [call] = blocks(root, 'module').job;
    expect(call).toMatchObject({ source: './modules/ecs-batch-job', for_each: '${var.jobs}', name: '${each.value.family}', cluster_arn: '${local.cluster_arn}' });
    const declared = blocks(await parseModule(join(infra, 'modules', 'ecs-batch-job')), 'variable');
    const passed = Object.keys(call).filter((k) => !['source', 'for_each'].includes(k));
    expect(passed.filter((name) => !(name in declared))).toEqual([]);
    const required = Object.keys(declared).filter((name) => !('default' in declared[name][0]));
    expect(required.filter((name) => !passed.includes(name))).toEqual([]);
    expect(call.schedules).toEqual({
      run: {
        schedule_expression: '${each.value.schedule_expression}',
        time_zone: '${each.value.time_zone}',
        trigger: '${each.value.trigger}',
        enabled: '${each.value.enabled}',
        event: '${each.value.input}',
      },
    });
    expect(call.alerts).toEqual({ emails: ['ops@example.com'] });
  });

  test('a dashboard of every job: the vendored ecs-batch-dashboard, with only variables it declares; the output dashboard_url', async () => {
    const root = await parseModule(infra);
    const [call] = blocks(root, 'module').dashboard;
    expect(call).toMatchObject({ source: './modules/ecs-batch-dashboard', name: 'payments-batch', cluster_arn: '${local.cluster_arn}' });
    expect(call.jobs).toContain('module.job[name].family');
    expect(call.jobs).toContain('var.jobs[name].runs_per_day');
    const declared = blocks(await parseModule(join(infra, 'modules', 'ecs-batch-dashboard')), 'variable');
    const passed = Object.keys(call).filter((k) => k !== 'source');
    expect(passed.filter((name) => !(name in declared))).toEqual([]);
    const required = Object.keys(declared).filter((name) => !('default' in declared[name][0]));
    expect(required.filter((name) => !passed.includes(name))).toEqual([]);
    expect(blocks(root, 'output').dashboard_url[0].value).toBe('${module.dashboard.dashboard_url}');
  });

  test('dashboard: false leaves the dashboard and its output out', async () => {
    const other = tempDir();
    synthInPlace(newProject({ infra: 'hcl', dashboard: false }, other));
    const root = await parseModule(join(other, 'infra'));
    expect(blocks(root, 'module').dashboard).toBeUndefined();
    expect(blocks(root, 'output').dashboard_url).toBeUndefined();
  });

  test('projen writes the job settings to jobs.auto.tfvars.json, a rule\'s schedule already in UTC', () => {
    const { jobs } = JSON.parse(readFileSync(join(infra, 'jobs.auto.tfvars.json'), 'utf8'));
    expect(jobs.nightly).toEqual({
      family: 'payments-nightly',
      handler: 'lib/jobs/nightly/handler.handler',
      schedule_expression: 'cron(0 2 * * ? *)',
      time_zone: 'Asia/Tokyo',
      trigger: 'scheduler',
      enabled: true,
      cpu: 256,
      memory: 512,
      timeout_seconds: 3600,
      runs_per_day: 1,
      overlap: 'allow',
      missed_run_hours: 25,
      environment: {},
      permissions: [],
      managed_policy_arns: [],
      secrets_manager_secrets: {},
      ssm_parameters: {},
      kms_key_arns: [],
      readonly_root_filesystem: true,
    });
    expect(jobs.weekly).toMatchObject({ schedule_expression: 'cron(0 0 ? * MON *)', trigger: 'rule', input: '{"kind":"weekly"}', memory: 2048, runs_per_day: 0.14 });
    expect(jobs.weekly.time_zone).toBeUndefined();
  });

  test('the environment supplies cluster, subnets and security groups as variables; options are their defaults', async () => {
    const variables = blocks(await parseModule(infra), 'variable');
    expect(Object.keys(variables).sort()).toEqual(['cluster_arn', 'image_tag', 'jobs', 'region', 'security_group_ids', 'subnet_ids']);
    expect(variables.cluster_arn[0].default).toBe('arn:aws:ecs:ap-northeast-1:111122223333:cluster/batch');
    expect(variables.region[0].default).toBe('ap-northeast-1');
    expect('default' in variables.subnet_ids[0]).toBe(false);
  });

  test('creates the image repository: immutable tags, scan on push, the last N images kept', async () => {
    const resources = blocks(await parseModule(infra), 'resource');
    expect(resources.aws_ecr_repository.images[0]).toMatchObject({ name: 'payments-batch', image_tag_mutability: 'IMMUTABLE', image_scanning_configuration: [{ scan_on_push: true }] });
    expect(resources.aws_ecr_lifecycle_policy.images[0].policy).toMatch(/countNumber\s*=\s*30\b/);
  });

  test('a job\'s permissions, secrets and limits go to jobs.auto.tfvars.json in addJob\'s shapes; the repo\'s architecture and boundary to every call', async () => {
    const access = tempDir();
    const p = newProject({ infra: 'hcl', architecture: 'ARM64', permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary', firstJob: false }, access);
    const permissions = [
      { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] },
      { actions: ['dynamodb:Query'], resources: ['arn:aws:dynamodb:ap-northeast-1:123456789012:table/orders'], conditions: [{ operator: 'StringEquals', key: 'aws:RequestedRegion', values: ['ap-northeast-1'] }] },
    ];
    p.addJob({
      name: 'report',
      schedule: 'cron(0 3 * * ? *)',
      permissions,
      managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess'],
      secretsManagerSecrets: { DB_PASSWORD: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:report/db-AbCdEf:password::' },
      ssmParameters: { API_HOST: '/report/api-host' },
      kmsKeyArns: ['arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
      ephemeralStorageGiB: 50,
      stopTimeoutSeconds: 90,
      readonlyRootFilesystem: false,
    });
    synthInPlace(p);
    const { jobs } = JSON.parse(readFileSync(join(access, 'infra', 'jobs.auto.tfvars.json'), 'utf8'));
    expect(jobs.report).toMatchObject({
      permissions: [{ ...permissions[0], conditions: [] }, permissions[1]],
      managed_policy_arns: ['arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess'],
      secrets_manager_secrets: { DB_PASSWORD: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:report/db-AbCdEf:password::' },
      ssm_parameters: { API_HOST: '/report/api-host' },
      kms_key_arns: ['arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
      ephemeral_storage_gib: 50,
      stop_timeout_seconds: 90,
      readonly_root_filesystem: false,
    });
    const root = await parseModule(join(access, 'infra'));
    const [call] = blocks(root, 'module').job;
    expect(call).toMatchObject({
      architecture: 'ARM64',
      permissions_boundary_arn: 'arn:aws:iam::123456789012:policy/boundary',
      permissions: '${each.value.permissions}',
      secrets_manager_secrets: '${each.value.secrets_manager_secrets}',
      readonly_root_filesystem: '${each.value.readonly_root_filesystem}',
    });
    // Every attribute of a job in the tfvars is declared by the root's jobs variable.
    const jobsType: string = readFileSync(join(access, 'infra', 'variables.tf'), 'utf8');
    for (const key of Object.keys(jobs.report)) expect([key, jobsType.includes(`    ${key} `)]).toEqual([key, true]);
  });

  test('ARM64: a created cluster offers FARGATE only (Fargate Spot has no ARM64)', async () => {
    const arm = tempDir();
    synthInPlace(newProject({ infra: 'hcl', createCluster: true, architecture: 'ARM64' }, arm));
    const root = await parseModule(join(arm, 'infra'));
    expect(blocks(root, 'resource').aws_ecs_cluster_capacity_providers.cluster[0].capacity_providers).toEqual(['FARGATE']);
  });

  test('createCluster creates a Fargate cluster instead of the cluster_arn variable', async () => {
    const created = tempDir();
    synthInPlace(newProject({ infra: 'hcl', createCluster: true }, created));
    const root = await parseModule(join(created, 'infra'));
    expect(blocks(root, 'variable').cluster_arn).toBeUndefined();
    expect(blocks(root, 'resource').aws_ecs_cluster_capacity_providers.cluster[0].capacity_providers).toEqual(['FARGATE', 'FARGATE_SPOT']);
    const [locals] = root.flatMap((p) => p.locals ?? []);
    expect(locals.cluster_arn).toBe('${aws_ecs_cluster.cluster.arn}');
  });

  test('state lives in S3, configured per environment; Terraform 1.10 for S3 locking', async () => {
    const [terraform] = (await parseModule(infra)).flatMap((p) => p.terraform ?? []);
    expect(terraform.backend).toEqual({ s3: [{}] });
    expect(terraform.required_version).toBe('~> 1.10');
    expect(terraform.required_providers).toEqual([{ aws: { source: 'hashicorp/aws', version: '~> 6.25' } }]);
  });

  test('the generated test parses the HCL', () => {
    const test = synth(newProject({ infra: 'hcl' }))['test/infra/main.test.ts'];
    expect(test).toContain("import { parse } from '@cdktf/hcl2json';");
    expect(test).toContain('expect(passed.filter((name) => !(name in declared))).toEqual([]);');
  });

  test('an hcl repo has the HCL parser, not the CDKTF packages', () => {
    const pkg = synth(newProject({ infra: 'hcl' }))['package.json'];
    expect(pkg.devDependencies['@cdktf/hcl2json']).toBe('0.21.0');
    for (const name of ['cdktf', '@cdktf/provider-aws', '@ecs-batch/cdktf']) expect(pkg.devDependencies[name]).toBeUndefined();
  });
});
