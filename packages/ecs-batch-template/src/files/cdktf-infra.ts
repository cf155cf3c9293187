import { TerraformVersions } from '@ecs-batch/core';
import { Component, JsonFile } from 'projen';
import { TypescriptConfig, TypescriptConfigExtends } from 'projen/lib/javascript';
import { TypeScriptProject } from 'projen/lib/typescript';
import { InfraNames } from './infra-names';
import { CdkFramework } from '../private/cdk-framework';
import { GeneratedTextFile } from '../private/generated-text-file';
import { JobSettings } from '../private/job-settings';
import { ProjectSettings } from '../private/project-settings';
import { tsLiteral, tsString } from '../private/ts-literal';

/** The projen task that synthesizes the stack into cdktf.out/. */
export const SYNTH_INFRA_TASK = 'synth:infra';
/** The type-check config of infra/ (ts-node runs the stack with it). */
export const INFRA_TSCONFIG = 'infra/tsconfig.json';

/**
 * infra=cdktf or cdktn: `infra/main.ts`, a stack with one `EcsBatchJob` per job, the
 * image repository and the per-environment variables; `cdktf.json`; the
 * `synth:infra` task (part of the build) and a test of the synthesized IAM and
 * schedules. The two flavours differ only in the packages `framework` names and the
 * AWS provider constraint: CDK Terrain keeps cdktf.json, cdktf.out/ and the logical ids.
 */
export class CdktfInfra extends Component {
  constructor(
    project: TypeScriptProject,
    private readonly settings: ProjectSettings,
    private readonly framework: CdkFramework,
    private readonly jobs: () => JobSettings[],
  ) {
    super(project, 'CdktfInfra');
    const names = new InfraNames(settings);
    // infra/ gets its own type-check config, as projen gives test/ and projenrc/ theirs:
    // ts-node runs the stack with it, and eslint finds it next to the code.
    const tsconfig = new TypescriptConfig(project, {
      fileName: INFRA_TSCONFIG,
      extends: TypescriptConfigExtends.fromTypescriptConfigs([project.tsconfig!]),
      include: ['**/*.ts'],
      exclude: ['node_modules'],
      compilerOptions: { noEmit: true, rootDir: '..' },
    });
    const app = `npx ts-node --project ${tsconfig.fileName} infra/main.ts`;

    new GeneratedTextFile(this, 'infra/main.ts', () => this.mainTs(names), { comment: '//' });
    new JsonFile(project, 'cdktf.json', {
      obj: {
        language: 'typescript',
        app,
        output: 'cdktf.out',
        // Prebuilt providers (@cdktf/provider-aws, @cdktn/provider-aws): nothing to generate.
        terraformProviders: [],
        terraformModules: [],
        context: {},
      },
    });
    new GeneratedTextFile(this, 'test/infra/main.test.ts', () => this.testTs(), { comment: '//' });

    const synth = project.addTask(SYNTH_INFRA_TASK, {
      description: `Synthesize the Terraform of every job into cdktf.out/stacks/${names.stack}`,
      exec: app.replace(/^npx /, ''),
    });
    // `npx projen build` proves the infra synthesizes, after the code compiles.
    project.postCompileTask.spawn(synth);
    project.gitignore.exclude('cdktf.out/', '.terraform/', '*.tfplan');
    project.eslint?.addLintPattern('infra');
    // The infra is a build-time concern: its packages are devDependencies, kept out of the image.
    project.eslint?.allowDevDeps('infra/**');
  }

  private mainTs(names: InfraNames): string[] {
    const s = this.settings;
    const f = this.framework;
    const jobs = this.jobs();
    // Sorted by module name, as eslint's import/order wants them.
    return [
      `import { EcrLifecyclePolicy } from '${f.providerAws}/lib/ecr-lifecycle-policy';`,
      `import { EcrRepository } from '${f.providerAws}/lib/ecr-repository';`,
      ...(s.createCluster ? [
        `import { EcsCluster } from '${f.providerAws}/lib/ecs-cluster';`,
        `import { EcsClusterCapacityProviders } from '${f.providerAws}/lib/ecs-cluster-capacity-providers';`,
      ] : []),
      `import { AwsProvider } from '${f.providerAws}/lib/provider';`,
      `import { ${['CpuArchitecture', ...(this.hasDashboard() ? ['EcsBatchDashboard'] : []), 'EcsBatchJob', ...(jobs.some((j) => j.overlap === 'skip') ? ['OverlapPolicy'] : []), 'TriggerKind'].join(', ')} } from '${f.constructs}';`,
      "import { Schedule } from '@ecs-batch/core';",
      `import { App, TerraformOutput, TerraformStack, TerraformVariable } from '${f.library}';`,
      "import { Construct } from 'constructs';",
      '',
      '/**',
      ` * The scheduled jobs of team ${s.team}, as one Terraform stack (${f.title}, package \`${f.library}\`).`,
      ` * \`npx projen ${SYNTH_INFRA_TASK}\` writes it to cdktf.out/stacks/${names.stack}; every environment`,
      ' * sets the variables below in infra/environments/<env>.tfvars.',
      ' */',
      'export class BatchStack extends TerraformStack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      '    // State lives in S3: each environment passes infra/environments/<env>.s3.tfbackend to `terraform init`.',
      '    // `local: undefined` drops the local backend the framework adds otherwise: Terraform allows one backend.',
      "    this.addOverride('terraform.backend', { s3: {}, local: undefined });",
      '    // Bounded versions: the next major of Terraform or the provider is an upgrade someone makes.',
      `    this.addOverride('terraform.required_version', '${TerraformVersions.ROOT_MODULE}');`,
      '',
      ...this.variables(),
      '',
      `    new AwsProvider(this, 'aws', { region: region.stringValue, defaultTags: [{ tags: ${tsLiteral(names.tags)} }] });`,
      '    // The full source address: cdktf writes `aws`, cdktn `hashicorp/aws`, the same provider (and state) either way.',
      `    this.addOverride('terraform.required_providers.aws.source', '${TerraformVersions.AWS_PROVIDER_SOURCE}');`,
      `    this.addOverride('terraform.required_providers.aws.version', '${f.awsProviderConstraint}');`,
      '',
      '    // One image for every job: immutable tags (the release version), scanned on push.',
      "    const images = new EcrRepository(this, 'images', {",
      `      name: ${tsString(names.repository)},`,
      "      imageTagMutability: 'IMMUTABLE',",
      '      imageScanningConfiguration: { scanOnPush: true },',
      '    });',
      "    new EcrLifecyclePolicy(this, 'images_lifecycle', {",
      '      repository: images.name,',
      `      policy: JSON.stringify(${tsLiteral(names.lifecyclePolicy)}),`,
      '    });',
      '    const image = `${images.repositoryUrl}:${imageTag.stringValue}`;',
      ...this.cluster(names),
      '',
      ...jobs.flatMap((job) => this.job(job)),
      ...this.dashboard(names),
      '    new TerraformOutput(this, \'repository_url\', { value: images.repositoryUrl });',
      '  }',
      '}',
      '',
      'if (require.main === module) {',
      '  const app = new App();',
      `  new BatchStack(app, ${tsString(names.stack)});`,
      '  app.synth();',
      '}',
    ];
  }

  /** A dashboard needs a job to draw (a repo of addJob calls may have none yet). */
  private hasDashboard(): boolean {
    return this.settings.dashboard && this.jobs().length > 0;
  }

  /** One dashboard for every job, in job-name order (as the hcl flavour's map of jobs). */
  private dashboard(names: InfraNames): string[] {
    if (!this.hasDashboard()) return [];
    return [
      '    // One dashboard for every job (the project option dashboard: false leaves it out).',
      "    const dashboard = new EcsBatchDashboard(this, 'dashboard', {",
      `      name: ${tsString(names.dashboard)},`,
      '      clusterArn,',
      '      jobs: this.node.findAll()',
      '        .filter((c): c is EcsBatchJob => c instanceof EcsBatchJob)',
      '        .sort((a, b) => (a.family < b.family ? -1 : 1))',
      '        .map((job) => EcsBatchDashboard.jobOf(job)),',
      '    });',
      "    new TerraformOutput(this, 'dashboard_url', { value: dashboard.dashboardUrl, description: 'The CloudWatch dashboard of the jobs.' });",
      '',
    ];
  }

  private variables(): string[] {
    const s = this.settings;
    const v = InfraNames.VARIABLES;
    const variable = (name: keyof typeof v, type: string, def: unknown) =>
      `    const ${camel(name)}${name === 'cluster_arn' ? 'Variable' : ''} = new TerraformVariable(this, '${name}', { type: '${type}', description: ${tsString(v[name])}${def === undefined ? '' : `, default: ${tsLiteral(def)}`} });`;
    return [
      '    // Inputs of each environment (infra/environments/<env>.tfvars); defaults come from .projenrc.ts.',
      variable('region', 'string', s.region),
      ...(s.createCluster ? [] : [variable('cluster_arn', 'string', s.clusterArn)]),
      variable('subnet_ids', 'list(string)', s.subnetIds.length > 0 ? s.subnetIds : undefined),
      variable('security_group_ids', 'list(string)', s.securityGroupIds.length > 0 ? s.securityGroupIds : undefined),
      variable('image_tag', 'string', undefined),
    ];
  }

  private cluster(names: InfraNames): string[] {
    if (!this.settings.createCluster) return ['    const clusterArn = clusterArnVariable.stringValue;'];
    return [
      '',
      '    // A dedicated Fargate cluster for these jobs (createCluster).',
      "    const cluster = new EcsCluster(this, 'cluster', {",
      `      name: ${tsString(names.cluster)},`,
      "      setting: [{ name: 'containerInsights', value: 'enabled' }],",
      '    });',
      "    new EcsClusterCapacityProviders(this, 'cluster_capacity_providers', {",
      '      clusterName: cluster.name,',
      `      capacityProviders: ${tsLiteral(this.settings.clusterCapacityProviders)},`,
      "      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],",
      '    });',
      '    const clusterArn = cluster.arn;',
    ];
  }

  private job(job: JobSettings): string[] {
    const s = this.settings;
    return [
      `    // ${job.name}: ${job.scheduleDescription}${job.description ? `. ${job.description}` : ''}`,
      `    new EcsBatchJob(this, ${tsString(job.name)}, {`,
      `      name: ${tsString(job.family)},`,
      '      image,',
      '      ecrRepositoryArn: images.arn,',
      `      handler: ${tsString(job.handlerSpec)},`,
      ...(job.command ? [`      command: ${tsLiteral(job.command)},`] : []),
      ...(Object.keys(job.environment).length > 0 ? [`      environment: ${tsLiteral(job.environment)},`] : []),
      ...(Object.keys(job.secretsManagerSecrets).length > 0 ? [`      secretsManagerSecrets: ${tsLiteral(job.secretsManagerSecrets)},`] : []),
      ...(Object.keys(job.ssmParameters).length > 0 ? [`      ssmParameters: ${tsLiteral(job.ssmParameters)},`] : []),
      ...(job.kmsKeyArns.length > 0 ? [`      kmsKeyArns: ${tsLiteral(job.kmsKeyArns)},`] : []),
      `      cpu: ${job.cpu},`,
      `      memory: ${job.memory},`,
      `      architecture: CpuArchitecture.${s.architecture},`,
      ...(job.ephemeralStorageGiB === undefined ? [] : [`      ephemeralStorageGiB: ${job.ephemeralStorageGiB},`]),
      ...(job.stopTimeoutSeconds === undefined ? [] : [`      stopTimeoutSeconds: ${job.stopTimeoutSeconds},`]),
      ...(job.readonlyRootFilesystem ? [] : ['      readonlyRootFilesystem: false,']),
      `      timeoutSeconds: ${job.timeoutMinutes * 60},`,
      ...(job.overlap === 'skip' ? ['      overlap: OverlapPolicy.SKIP,'] : []),
      ...(job.permissions.length > 0 ? [`      permissions: ${tsLiteral(job.permissions)},`] : []),
      ...(job.managedPolicyArns.length > 0 ? [`      managedPolicyArns: ${tsLiteral(job.managedPolicyArns)},`] : []),
      ...(s.permissionsBoundaryArn === undefined ? [] : [`      permissionsBoundaryArn: ${tsString(s.permissionsBoundaryArn)},`]),
      '      clusterArn,',
      '      subnetIds: subnetIds.listValue,',
      '      securityGroupIds: securityGroupIds.listValue,',
      ...(s.assignPublicIp ? ['      assignPublicIp: true,'] : []),
      '      schedules: [{',
      "        name: 'run',",
      `        schedule: Schedule.expression(${tsString(job.schedule)}),`,
      `        timeZone: ${tsString(job.timeZone)},`,
      `        trigger: TriggerKind.${job.trigger === 'rule' ? 'RULE' : 'SCHEDULER'},`,
      ...(job.enabled ? [] : ['        enabled: false,']),
      ...(job.input === undefined ? [] : [`        event: ${tsString(job.input)},`]),
      '      }],',
      ...(job.missedRunAlarmHours === undefined ? [] : [`      missedRunAlarm: { hours: ${job.missedRunAlarmHours} },`]),
      // On in every team repo: a warning when p95 duration passes 80% of the timeout.
      '      durationAlarm: {},',
      `      alerts: ${s.alertEmail ? `{ emails: [${tsString(s.alertEmail)}] }` : '{}'},`,
      '    });',
    ];
  }

  private testTs(): string[] {
    const s = this.settings;
    const jobs = this.jobs();
    const clusterRef = s.createCluster ? '${aws_ecs_cluster.cluster.arn}' : '${var.cluster_arn}';
    return [
      `import { Testing } from '${this.framework.library}';`,
      "import { BatchStack } from '../../infra/main';",
      '',
      '// The synthesized Terraform JSON, as `terraform` reads it from cdktf.out/.',
      "const synthesized = JSON.parse(Testing.synth(new BatchStack(Testing.app(), 'test')));",
      'const resources = (type: string): any[] => Object.values(synthesized.resource?.[type] ?? {});',
      'const first = (block: any): any => (Array.isArray(block) ? block[0] : block);',
      '',
      '/**',
      ' * A policy as synthesized: JSON text whose values may hold Terraform interpolations with',
      ' * unescaped quotes, e.g. ${replace(aws_ecs_task_definition.x.arn, "/:\\\\d+$/", "")}. They are',
      ' * escaped, so JSON.parse keeps each one verbatim as a string.',
      ' */',
      'function parsePolicy(text: string): any {',
      "  let json = '';",
      '  for (let i = 0; i < text.length; i++) {',
      "    if (text.startsWith('${', i)) {",
      '      let depth = 0;',
      '      let j = i;',
      '      for (; j < text.length; j++) {',
      "        if (text[j] === '{') depth++;",
      "        if (text[j] === '}' && --depth === 0) break;",
      '      }',
      '      json += text.slice(i, j + 1).replace(/[\\\\"]/g, (c) => `\\\\${c}`);',
      '      i = j;',
      '    } else {',
      '      json += text[i];',
      '    }',
      '  }',
      '  return JSON.parse(json);',
      '}',
      "const statements = (): any[] => resources('aws_iam_role_policy').flatMap((p) => parsePolicy(p.policy).Statement);",
      '',
      "describe('infra', () => {",
      ...jobs.map((job) => job.trigger === 'scheduler'
        ? `  test(${tsString(`${job.name} runs on EventBridge Scheduler at ${job.schedule} in ${job.timeZone}`)}, () => {\n`
          + `    expect(resources('aws_scheduler_schedule')).toContainEqual(expect.objectContaining({ schedule_expression: ${tsString(job.schedule)}, schedule_expression_timezone: ${tsString(job.timeZone)} }));\n`
          + '  });'
        : `  test(${tsString(`${job.name} runs on an EventBridge rule at ${job.utcSchedule} UTC (${job.schedule} in ${job.timeZone})`)}, () => {\n`
          + `    expect(resources('aws_cloudwatch_event_rule')).toContainEqual(expect.objectContaining({ schedule_expression: ${tsString(job.utcSchedule!)} }));\n`
          + '  });'),
      '',
      "  test('schedules start the task definition family, so each run uses the latest revision CI registered', () => {",
      '    const targets = [',
      "      ...resources('aws_scheduler_schedule').map((r) => first(first(r.target).ecs_parameters).task_definition_arn),",
      "      ...resources('aws_cloudwatch_event_target').filter((r) => r.ecs_target).map((r) => first(r.ecs_target).task_definition_arn),",
      '    ];',
      `    expect(targets).toHaveLength(${jobs.length});`,
      '    for (const arn of targets) expect(arn).toMatch(/^\\$\\{replace\\(aws_ecs_task_definition\\.[^.]+\\.arn, /);',
      '  });',
      '',
      "  test('the scheduler may run only the jobs\\' task definition families, in the cluster', () => {",
      "    const runTask = statements().filter((s) => [s.Action].flat().includes('ecs:RunTask'));",
      `    expect(runTask).toHaveLength(${jobs.length});`,
      '    for (const statement of runTask) {',
      "      expect(statement.Effect).toBe('Allow');",
      "      // family:* (any revision of this family), never '*'.",
      '      expect(statement.Resource).toMatch(/task-definition|aws_ecs_task_definition/);',
      '      expect(statement.Resource).toMatch(/:\\*$/);',
      `      expect(statement.Condition.ArnEquals['ecs:cluster']).toBe(${tsString(clusterRef)});`,
      '    }',
      '  });',
      '',
      "  test('PassRole is limited to ECS tasks', () => {",
      "    const passRole = statements().filter((s) => [s.Action].flat().includes('iam:PassRole'));",
      '    expect(passRole.length).toBeGreaterThan(0);',
      '    for (const statement of passRole) {',
      "      expect(statement.Resource).not.toBe('*');",
      "      expect(statement.Condition.StringEquals['iam:PassedToService']).toBe('ecs-tasks.amazonaws.com');",
      '    }',
      '  });',
      '',
      ...(this.hasDashboard() ? [
        "  test('one dashboard draws each job once, and the output dashboard_url opens it', () => {",
        "    const [dashboard] = resources('aws_cloudwatch_dashboard');",
        '    const titles: string[] = JSON.parse(dashboard.dashboard_body).widgets.map((w: any) => w.properties.title ?? w.properties.markdown);',
        `    for (const family of ${tsLiteral(jobs.map((j) => j.family))}) {`,
        '      expect(titles.filter((t) => t.includes(`${family}:`))).toHaveLength(5);',
        '    }',
        '    expect(synthesized.output.dashboard_url).toBeDefined();',
        '  });',
        '',
      ] : []),
      "  test('images: immutable tags, scanned on push, the last " + s.keepImages + " kept', () => {",
      "    const [repository] = resources('aws_ecr_repository');",
      "    expect(repository.image_tag_mutability).toBe('IMMUTABLE');",
      '    expect(first(repository.image_scanning_configuration).scan_on_push).toBe(true);',
      "    const [lifecycle] = resources('aws_ecr_lifecycle_policy');",
      `    expect(JSON.parse(lifecycle.policy).rules[0].selection).toEqual({ tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: ${s.keepImages} });`,
      '  });',
      '});',
    ];
  }
}

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
