/**
 * Generates the IAM part of the HCL modules from @ecs-batch/core, so the
 * modules never hold a second, hand-written copy of core's statements.
 *
 * Core's builders are called with Terraform references as values (`${var.cluster_arn}`:
 * core passes tokens through verbatim). Statements that only exist for some inputs
 * (PassRole without roles, the Scheduler dead-letter queue...) get an `enabled`
 * condition, and the module keeps the enabled ones:
 *
 *     Statement = [for s in [{ enabled = ..., statement = {...} }, ...] : s.statement if s.enabled]
 *
 * Non-IAM facts the modules need from core (the runner's variable and metric
 * names, Fargate sizes) and from this package's one copy of AWS limits and the
 * failure alert are generated the same way.
 *
 * generated-hcl.test.ts fails when a module's generated region differs from this
 * output; `UPDATE_GENERATED_HCL=1` rewrites it.
 */
import {
  AlertTopicPolicy,
  AwsLimits,
  DeadLetterQueuePolicy, ExecutionRolePolicy, FargateSize, InvokerTrustPolicy, RunTaskPolicy, RunnerEnvironment, RunnerMetrics,
  TaskDefinitionArn, TaskRolePolicy, TimeZone,
} from '@ecs-batch/core';

import { FailureAlert } from '../../src/private/failure-alert';

export const BEGIN_MARKER = '# BEGIN GENERATED FROM @ecs-batch/core: do not edit by hand.';
export const END_MARKER = '# END GENERATED FROM @ecs-batch/core';

/** One way of calling a core builder, and when the module is in that case. */
interface Variant {
  /** HCL condition; undefined = always. */
  readonly when?: string;
  readonly document: any;
}

interface GeneratedPolicy {
  readonly local: string;
  readonly comment: string;
  readonly variants: Variant[];
  /** Extra HCL condition per statement Sid. */
  readonly sidConditions?: Record<string, string>;
}

interface GeneratedValue {
  readonly local: string;
  readonly comment: string;
  /** A core result: a string with `${...}` references, or bare HCL when `expression`. */
  readonly value: string;
  readonly expression?: boolean;
}

export type ModuleName = 'ecs-scheduled-task' | 'ecs-batch-job';

/** The generated locals of each file of each module that has a generated region. */
export function generatedRegions(module: ModuleName): Record<string, string> {
  return module === 'ecs-scheduled-task'
    ? { 'main.tf': scheduledTaskFacts(), 'iam.tf': scheduledTaskIam() }
    : { 'main.tf': batchJobFacts(), 'iam.tf': batchJobIam() };
}

/** The runner's schedule variables, for the scheduled task module's main.tf. */
function scheduledTaskFacts(): string {
  const lower = (constant: string) => constant.toLowerCase();
  return render([{
    local: 'runner_schedule_names',
    comment: 'RunnerEnvironment: the schedule variables the runner reads for event.time',
    value: renderValue(Object.fromEntries((['SCHEDULE', 'SCHEDULE_TIME_ZONE', 'SCHEDULED_TIME'] as const)
      .map((k) => [lower(k), RunnerEnvironment[k]])), '  '),
    expression: true,
  }], []);
}

/** The runner contract, Fargate sizes, log retentions and the failure alert, for the job module's main.tf. */
function batchJobFacts(): string {
  const lower = (constant: string) => constant.toLowerCase();
  const memoryByCpu: Record<string, number[]> = {};
  for (const pair of FargateSize.validPairs()) (memoryByCpu[String(pair.cpu)] ??= []).push(pair.memory);
  const values: GeneratedValue[] = [
    {
      local: 'runner_environment_names',
      comment: 'RunnerEnvironment: the variables the runner reads',
      value: renderValue(Object.fromEntries((['EVENT', 'HANDLER', 'JOB_NAME', 'METRIC_NAMESPACE', 'OVERLAP', 'TIMEOUT_SECONDS'] as const)
        .map((k) => [lower(k), RunnerEnvironment[k]])), '  '),
      expression: true,
    },
    {
      local: 'runner_metrics',
      comment: 'RunnerMetrics: what the runner emits and the missed-run alarm watches',
      value: renderValue({ job_succeeded: RunnerMetrics.JOB_SUCCEEDED, job_duration_ms: RunnerMetrics.JOB_DURATION_MS, job_dimension: RunnerMetrics.JOB_DIMENSION }, '  '),
      expression: true,
    },
    {
      local: 'fargate_cpu_values',
      comment: 'FargateSize.validPairs: CPU values',
      value: `[${Object.keys(memoryByCpu).join(', ')}]`,
      expression: true,
    },
    {
      local: 'fargate_memory_by_cpu',
      comment: 'FargateSize.validPairs: memory values per CPU value',
      value: `{\n${Object.entries(memoryByCpu).map(([cpu, memory]) => `    "${cpu}" = [${memory.join(', ')}]`).join('\n')}\n  }`,
      expression: true,
    },
    {
      local: 'log_retention_days_values',
      comment: 'CloudWatch Logs retention values (AwsLimits.LOG_RETENTION_DAYS)',
      value: `[${AwsLimits.LOG_RETENTION_DAYS.join(', ')}]`,
      expression: true,
    },
    {
      local: 'alert_event_pattern',
      comment: 'FailureAlert.eventPattern: a stopped task of this family with a non-zero exit code, or one that never started',
      value: renderValue(FailureAlert.eventPattern('${var.cluster_arn}', '${local.task_definition_family_arn}'), '  '),
      expression: true,
    },
    {
      local: 'alert_input_paths',
      comment: 'FailureAlert.INPUT_PATHS',
      value: renderValue(FailureAlert.INPUT_PATHS, '  '),
      expression: true,
    },
    {
      local: 'alert_input_template',
      comment: 'FailureAlert.inputTemplate',
      value: FailureAlert.inputTemplate('${var.name}'),
    },
  ];
  return render(values, []);
}

function scheduledTaskIam(): string {
  const all = {
    clusterArn: '${var.cluster_arn}',
    taskDefinitionArn: '${var.task_definition_arn}',
    taskDefinitionFamilyArn: '${local.task_definition_family_arn}',
    passRoleArns: ['${local.pass_role_arns}'],
    propagateTags: true,
    deadLetterQueueArn: '${local.dead_letter_queue_arn}',
  };
  const values: GeneratedValue[] = [
    {
      local: 'utc_time_zone_names',
      comment: 'TimeZone.UTC_ALIASES, upper case: the zones a rule takes as they are (compare with upper(var.time_zone))',
      value: `[${TimeZone.UTC_ALIASES.map((z) => `"${z.toUpperCase()}"`).join(', ')}]`,
      expression: true,
    },
    {
      local: 'task_definition_family_arn',
      comment: 'TaskDefinitionArn.terraformFamilyExpression: the ARN without its :<revision>',
      value: TaskDefinitionArn.terraformFamilyExpression('var.task_definition_arn'),
      expression: true,
    },
    {
      local: 'default_schedule_group',
      comment: 'InvokerTrustPolicy.DEFAULT_SCHEDULE_GROUP',
      value: InvokerTrustPolicy.DEFAULT_SCHEDULE_GROUP,
    },
    {
      local: 'schedule_group_arn',
      comment: 'InvokerTrustPolicy.scheduleGroupArn: Scheduler\'s aws:SourceArn',
      value: InvokerTrustPolicy.scheduleGroupArn('${data.aws_partition.partition.partition}', '${data.aws_region.region.region}', '${local.account_id}', '${local.schedule_group_name}'),
    },
  ];
  const policies: GeneratedPolicy[] = [
    {
      local: 'invoker_trust_policy',
      comment: 'InvokerTrustPolicy.forRule / forScheduler',
      variants: [
        { when: 'local.is_rule', document: InvokerTrustPolicy.forRule({ accountId: '${local.account_id}', sourceArn: '${local.rule_arn}' }) },
        { when: '!local.is_rule', document: InvokerTrustPolicy.forScheduler({ accountId: '${local.account_id}', sourceArn: '${local.schedule_group_arn}' }) },
      ],
    },
    {
      local: 'invoker_policy',
      comment: 'RunTaskPolicy.permissions',
      variants: [
        { when: '!var.pin_revision', document: RunTaskPolicy.permissions({ ...all, pinRevision: false }) },
        { when: 'var.pin_revision', document: RunTaskPolicy.permissions({ ...all, pinRevision: true }) },
      ],
      sidConditions: {
        [RunTaskPolicy.SID_PASS_ROLE]: 'length(local.pass_role_arns) > 0',
        [RunTaskPolicy.SID_TAG_ON_RUN_TASK]: 'local.tags_on_run_task',
        [RunTaskPolicy.SID_DEAD_LETTER_QUEUE]: 'local.scheduler_dead_letter_queue',
      },
    },
    {
      local: 'dead_letter_queue_policy',
      comment: 'DeadLetterQueuePolicy.forRule: the queue policy a rule\'s dead-letter queue needs',
      variants: [{ document: DeadLetterQueuePolicy.forRule({ queueArn: '${local.dead_letter_queue_arn}', ruleArn: '${local.rule_arn}' }) }],
    },
  ];
  return render(values, policies);
}

function batchJobIam(): string {
  const values: GeneratedValue[] = [
    {
      local: 'task_definition_family_arn',
      comment: 'TaskDefinitionArn.terraformFamilyExpression: the ARN without its :<revision>',
      value: TaskDefinitionArn.terraformFamilyExpression('aws_ecs_task_definition.task.arn'),
      expression: true,
    },
  ];
  const policies: GeneratedPolicy[] = [
    {
      local: 'execution_trust_policy',
      comment: 'ExecutionRolePolicy.trust',
      variants: [{ document: ExecutionRolePolicy.trust({ accountId: '${local.account_id}' }) }],
    },
    {
      local: 'execution_policy',
      comment: 'ExecutionRolePolicy.permissions: kms:ViaService names the services that hold secrets',
      variants: executionVariants(),
      sidConditions: {
        [ExecutionRolePolicy.SID_ECR_AUTH]: 'local.ecr_repository_arn != null',
        [ExecutionRolePolicy.SID_ECR_PULL]: 'local.ecr_repository_arn != null',
        [ExecutionRolePolicy.SID_SECRETS_MANAGER]: 'length(local.secrets_manager_secret_arns) > 0',
        [ExecutionRolePolicy.SID_SSM]: 'length(local.ssm_parameter_arns) > 0',
        [ExecutionRolePolicy.SID_KMS]: 'length(var.kms_key_arns) > 0',
      },
    },
    {
      local: 'task_trust_policy',
      comment: 'TaskRolePolicy.trust',
      variants: [{ document: TaskRolePolicy.trust({ accountId: '${local.account_id}' }) }],
    },
    {
      local: 'alert_topic_policy',
      comment: 'AlertTopicPolicy.document: who may publish to a created alert topic',
      variants: [{
        document: alarmArnsAsOneList(AlertTopicPolicy.document({ topicArn: '${local.alert_topic_arn}', ruleArn: '${local.alert_rule_arn}', alarmArns: ['${local.alert_alarm_arns}'] })),
      }],
      sidConditions: { [AlertTopicPolicy.SID_ALARM]: 'length(local.alert_alarm_arns) > 0' },
    },
    {
      local: 'overlap_guard_statements',
      comment: 'TaskRolePolicy.overlapGuard: what ECS_BATCH_OVERLAP=skip calls',
      variants: [{ when: 'var.overlap == "skip"', document: TaskRolePolicy.overlapGuard({ clusterArn: '${var.cluster_arn}' }) }],
    },
  ];
  return render(values, policies);
}

/** The execution policy with Secrets Manager secrets only, SSM parameters only, and both. */
function executionVariants(): Variant[] {
  const sm = 'length(local.secrets_manager_secret_arns) > 0';
  const ssm = 'length(local.ssm_parameter_arns) > 0';
  const call = (secrets: boolean, parameters: boolean) => ExecutionRolePolicy.permissions({
    logGroupArn: '${aws_cloudwatch_log_group.logs.arn}',
    ecrRepositoryArn: '${local.ecr_repository_arn}',
    secretsManagerSecretArns: secrets ? ['${local.secrets_manager_secret_arns}'] : [],
    ssmParameterArns: parameters ? ['${local.ssm_parameter_arns}'] : [],
    kmsKeyArns: ['${var.kms_key_arns}'],
    region: '${data.aws_region.region.region}',
  });
  return [
    { when: `!(${ssm})`, document: call(true, false) },
    { when: `!(${sm})`, document: call(false, true) },
    { when: `${sm} && ${ssm}`, document: call(true, true) },
  ];
}

function render(values: GeneratedValue[], policies: GeneratedPolicy[]): string {
  const lines = ['locals {'];
  for (const v of values) {
    lines.push(`  # ${v.comment}`);
    lines.push(`  ${v.local} = ${v.expression ? v.value : hclString(v.value)}`);
    lines.push('');
  }
  for (const p of policies) {
    lines.push(`  # ${p.comment}`);
    lines.push(...renderPolicy(p).join('\n').split('\n').map((l) => `  ${l}`));
    lines.push('');
  }
  lines.pop();
  lines.push('}');
  return lines.join('\n');
}

/**
 * `local = { Version = ..., Statement = [for s in [...] : s.statement if s.enabled] }`,
 * or for a local ending in `_statements`, just the filtered list.
 */
function renderPolicy(p: GeneratedPolicy): string[] {
  const entries = mergeVariants(p);
  const list = [
    '[for s in [',
    ...entries.flatMap((e) => [
      '  {',
      `    enabled   = ${e.enabled}`,
      `    statement = ${renderValue(e.statement, '    ')}`,
      '  },',
    ]),
    '] : s.statement if s.enabled]',
  ];
  if (p.local.endsWith('_statements')) {
    return [`${p.local} = ${list[0]}`, ...list.slice(1).join('\n').split('\n')];
  }
  const version = p.variants[0].document.Version;
  return [
    `${p.local} = {`,
    `  Version = ${hclString(version)}`,
    `  Statement = ${list[0]}`,
    ...list.slice(1).join('\n').split('\n').map((l) => `  ${l}`),
    '}',
  ];
}

/** Statements of all variants, each once, with the condition under which it applies. */
function mergeVariants(p: GeneratedPolicy): Array<{ statement: any; enabled: string }> {
  const byJson = new Map<string, { statement: any; variants: number[]; position: number }>();
  p.variants.forEach((variant, v) => {
    (variant.document.Statement as any[]).forEach((statement, position) => {
      const key = JSON.stringify(statement);
      const entry = byJson.get(key) ?? { statement, variants: [], position: position + v / 100 };
      entry.variants.push(v);
      byJson.set(key, entry);
    });
  });
  return [...byJson.values()]
    .sort((a, b) => a.position - b.position)
    .map((entry) => {
      const conditions: string[] = [];
      if (entry.variants.length < p.variants.length || p.variants.length === 1) {
        const whens = entry.variants.map((v) => p.variants[v].when).filter((w): w is string => w !== undefined);
        if (whens.length > 0) conditions.push(whens.length === 1 ? whens[0] : `(${whens.join(' || ')})`);
      }
      const sid = p.sidConditions?.[entry.statement.Sid];
      if (sid !== undefined) conditions.push(sid);
      return { statement: entry.statement, enabled: conditions.length === 0 ? 'true' : conditions.join(' && ') };
    });
}

/**
 * Core writes the alarms as a list; in the module that list is one local
 * (`local.alert_alarm_arns`), so the one-element array of its token is the list itself.
 */
function alarmArnsAsOneList(document: any): any {
  for (const statement of document.Statement) {
    const values = statement.Condition?.ArnEquals?.['aws:SourceArn'];
    if (statement.Sid === AlertTopicPolicy.SID_ALARM && Array.isArray(values) && values.length === 1) {
      statement.Condition.ArnEquals['aws:SourceArn'] = values[0];
    }
  }
  return document;
}

function renderValue(value: any, indent: string): string {
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${inner}${renderValue(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const keys = Object.keys(value);
  const width = Math.max(...keys.map((k) => hclKey(k).length));
  return `{\n${keys.map((k) => `${inner}${hclKey(k).padEnd(width)} = ${renderValue(value[k], inner)}`).join('\n')}\n${indent}}`;
}

function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * A core string as HCL: a single whole `${expr}` becomes the bare expression
 * (so a list reference stays a list); anything else a quoted template.
 */
export function hclString(value: string): string {
  const whole = /^\$\{([^{}]*)\}$/.exec(value);
  if (whole) return whole[1];
  let out = '';
  let i = 0;
  while (i < value.length) {
    if (value.startsWith('${', i)) {
      const end = value.indexOf('}', i);
      out += value.slice(i, end + 1);
      i = end + 1;
    } else {
      const ch = value[i];
      out += ch === '"' ? '\\"' : ch === '\\' ? '\\\\' : ch === '\n' ? '\\n' : ch;
      i += 1;
    }
  }
  return `"${out}"`;
}

/** Replace the generated region of a module file. */
export function withGeneratedRegion(fileText: string, generated: string): string {
  const begin = fileText.indexOf(BEGIN_MARKER);
  const endMarker = fileText.indexOf(END_MARKER);
  if (begin === -1 || endMarker === -1) {
    throw new Error(`the file has no generated region (${BEGIN_MARKER} ... ${END_MARKER})`);
  }
  const headerEnd = fileText.indexOf('\n', fileText.indexOf('\n', begin) + 1) + 1; // marker line + regenerate line
  return `${fileText.slice(0, headerEnd)}${generated}\n${fileText.slice(endMarker)}`;
}

/** The generated region of a module file. */
export function generatedRegionOf(fileText: string): string {
  const begin = fileText.indexOf(BEGIN_MARKER);
  const headerEnd = fileText.indexOf('\n', fileText.indexOf('\n', begin) + 1) + 1;
  return fileText.slice(headerEnd, fileText.indexOf(END_MARKER)).replace(/\n$/, '');
}
