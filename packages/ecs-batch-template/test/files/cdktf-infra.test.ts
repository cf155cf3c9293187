import { spawnSync } from 'child_process';
import { symlinkSync } from 'fs';
import { join } from 'path';
import { newProject, synth, synthInPlace, tempDir } from '../fixtures';

const repoRoot = join(__dirname, '..', '..', '..', '..');

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
    expect(main).toContain("this.addOverride('terraform.backend', { s3: {} });");
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
  });
});
