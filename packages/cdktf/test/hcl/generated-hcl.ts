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
  EventsLogGroupPolicy, FailureAlert, JobDashboard,
  DeadLetterQueuePolicy, ExecutionRolePolicy, FargateSize, InvokerTrustPolicy, RunTaskPolicy, RunnerEnvironment, RunnerMetrics,
  TaskDefinitionArn, TaskRolePermissions, TaskRolePolicy, TimeZone,
} from '@ecs-batch/core';
import { ResourceLessActions } from '@ecs-batch/core/lib/policy/resource-less-actions';

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

export type ModuleName = 'ecs-scheduled-task' | 'ecs-batch-job' | 'ecs-batch-dashboard';

/** The generated locals of each file of each module that has a generated region. */
export function generatedRegions(module: ModuleName): Record<string, string> {
  switch (module) {
    case 'ecs-scheduled-task': return { 'main.tf': scheduledTaskFacts(), 'iam.tf': scheduledTaskIam() };
    case 'ecs-batch-job': return { 'main.tf': batchJobFacts(), 'iam.tf': batchJobIam(), 'checks.tf': batchJobChecks() };
    case 'ecs-batch-dashboard': return { 'main.tf': dashboardFacts() };
  }
}

/**
 * The dashboard: names, event pattern, console URL, the log group's resource policy,
 * and the widgets of every job, from core's `JobDashboard.row` rendered once for a
 * sample job whose values are then written as HCL references to `j`, an element of
 * `local.jobs` (`name`, `index`, `timeout_seconds`, `runs_per_day`, `has_runs_per_day`).
 */
function dashboardFacts(): string {
  const sample = { name: 'JOBSAMPLE', index: 7919, timeoutSeconds: 77_777, runsPerDay: 4242.25 };
  const y = sample.index * JobDashboard.ROW_HEIGHT;
  const half = JobDashboard.ROW_HEIGHT / 2;
  const strings: Array<[string, string]> = [
    [sample.name, '${j.name}'],
    ['REGIONSAMPLE', '${data.aws_region.region.region}'],
    ['EVENTSGROUPSAMPLE', '${local.task_events_log_group_name}'],
    ['NAMESPACESAMPLE', '${var.metric_namespace}'],
    [String(sample.runsPerDay), '${j.runs_per_day}'],
    [String(y), `\${j.index * ${JobDashboard.ROW_HEIGHT}}`],
  ];
  const numbers = new Map<number, string>([
    [y, `\${j.index * ${JobDashboard.ROW_HEIGHT}}`],
    [y + half, `\${j.index * ${JobDashboard.ROW_HEIGHT} + ${half}}`],
    [sample.timeoutSeconds * 1000, '${j.timeout_seconds * 1000}'],
  ]);
  const toHcl = (v: any): any => {
    if (typeof v === 'string') {
      const out = strings.reduce((s, [from, to]) => s.split(from).join(to), v);
      if (/\d{4}/.test(out.replace(/\$\{[^}]*\}/g, ''))) throw new Error(`a sample value is left in ${out}`);
      return out;
    }
    if (typeof v === 'number') return numbers.get(v) ?? v;
    if (Array.isArray(v)) return v.map(toHcl);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toHcl(x)]));
    return v;
  };
  const row = (runsPerDay: number | undefined) => toHcl(JobDashboard.row(
    { jobName: sample.name, timeoutSeconds: sample.timeoutSeconds, expectedRunsPerDay: runsPerDay },
    sample.index,
    { jobs: [], region: 'REGIONSAMPLE', eventsLogGroupName: 'EVENTSGROUPSAMPLE', namespace: 'NAMESPACESAMPLE' },
  ));
  const withRuns = row(sample.runsPerDay);
  const withoutRuns = row(undefined);
  const common = withRuns.slice(0, -1);
  if (JSON.stringify(common) !== JSON.stringify(withoutRuns.slice(0, -1))) throw new Error('the rows differ in more than the missed-run widget');
  // The missed-run widget is a metric graph or a text; HCL picks one by filtering a tuple.
  const missed = [withoutRuns[withoutRuns.length - 1], withRuns[withRuns.length - 1]];
  const inner = '      ';
  const widgets = [
    'flatten([for j in local.jobs : [',
    ...common.map((w: any) => `    ${renderValue(w, '    ')},`),
    `    [for k, w in [
${missed.map((w) => `${inner}${renderValue(w, inner)},`).join('\n')}
    ] : w if k == (j.has_runs_per_day ? 1 : 0)],`,
    '  ]])',
  ].join('\n');

  const pattern = JobDashboard.taskEventsPattern('${var.cluster_arn}', [sample.name]);
  const group = (pattern.detail.group[0] as string).split(sample.name).join('${j.name}');
  pattern.detail.group = 'GROUPSAMPLE';
  const patternHcl = renderValue(pattern, '  ').replace('"GROUPSAMPLE"', `[for j in var.jobs : ${hclString(group)}]`);

  const values: GeneratedValue[] = [
    {
      local: 'task_events_log_group_name',
      comment: 'JobDashboard.eventsLogGroupName',
      value: JobDashboard.eventsLogGroupName('${var.name}'),
    },
    {
      local: 'task_events_rule_name',
      comment: 'JobDashboard.eventsRuleName: the rule and the log resource policy',
      value: JobDashboard.eventsRuleName('${var.name}'),
    },
    {
      local: 'task_events_pattern',
      comment: 'JobDashboard.taskEventsPattern: the jobs\' stopped tasks on the cluster',
      value: patternHcl,
      expression: true,
    },
    {
      local: 'console_hosts',
      comment: 'JobDashboard.CONSOLE_HOSTS',
      value: renderValue(JobDashboard.CONSOLE_HOSTS, '  '),
      expression: true,
    },
    {
      local: 'dashboard_url',
      comment: 'JobDashboard.url',
      value: JobDashboard.url('${lookup(local.console_hosts, data.aws_partition.partition.partition, local.console_hosts.aws)}', '${data.aws_region.region.region}', '${aws_cloudwatch_dashboard.dashboard.dashboard_name}'),
    },
    {
      local: 'log_retention_days_values',
      comment: 'CloudWatch Logs retention values (AwsLimits.LOG_RETENTION_DAYS)',
      value: `[${AwsLimits.LOG_RETENTION_DAYS.join(', ')}]`,
      expression: true,
    },
    {
      local: 'max_jobs',
      comment: 'JobDashboard.MAX_JOBS: widgets per dashboard / widgets per job',
      value: String(JobDashboard.MAX_JOBS),
      expression: true,
    },
    {
      local: 'dashboard_widgets',
      comment: 'JobDashboard.row for each job',
      value: widgets,
      expression: true,
    },
  ];
  const policies: GeneratedPolicy[] = [{
    local: 'task_events_policy',
    comment: 'EventsLogGroupPolicy.document: the rule may write the log group',
    variants: [{ document: EventsLogGroupPolicy.document({ logGroupArn: '${aws_cloudwatch_log_group.task_events.arn}', ruleArn: '${aws_cloudwatch_event_rule.task_events_rule.arn}' }) }],
  }];
  return render(values, policies);
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

/**
 * Core's resource-less actions, lower case (IAM action names are case-insensitive),
 * as `service:action`, sorted: what `ResourceLessActions.has` answers true for.
 */
export function resourceLessActionList(): string[] {
  return Object.entries(ResourceLessActions.BY_SERVICE)
    .flatMap(([service, names]) => names.split(' ').map((n) => `${service}:${n}`.toLowerCase()))
    .sort();
}

/**
 * The job module's checks.tf: the warnings of `TaskRolePermissions.warnings` (a `*`
 * resource for an action that has resource-level permissions), with core's message,
 * and core's list of resource-less actions. The message is core's own, rendered for
 * a sample permission whose index and actions are then written as HCL.
 */
function batchJobChecks(): string {
  const sampleAction = 'samplesvc:SampleScopedAction';
  const [sample] = TaskRolePermissions.warnings({ permissions: [{ actions: [sampleAction], resources: ['*'] }], field: 'permissions' });
  const scoped = '[for a in p.actions : a if !contains(local.resource_less_actions, lower(a))]';
  if (!sample?.startsWith('permissions[0]') || sample.split(sampleAction).length !== 2 || sample.includes('${')) {
    throw new Error(`core's wildcard warning no longer has the expected shape: ${sample}`);
  }
  const message = `permissions[\${i}]${sample.slice('permissions[0]'.length)}`
    .split(sampleAction).join(`\${join(", ", ${scoped})}`);
  const actions = resourceLessActionList();
  const lines: string[] = [];
  let line = '';
  for (const a of actions) {
    const item = `"${a}",`;
    if (line.length > 0 && line.length + 1 + item.length > 110) {
      lines.push(line);
      line = '';
    }
    line = line.length === 0 ? item : `${line} ${item}`;
  }
  if (line.length > 0) lines.push(line);
  const values: GeneratedValue[] = [
    {
      local: 'resource_less_actions',
      comment: `ResourceLessActions, lower case: no resource-level permissions, so '*' is their only resource (${ResourceLessActions.SOURCE})`,
      value: `[\n${lines.map((l) => `    ${l}`).join('\n')}\n  ]`,
      expression: true,
    },
    {
      local: 'permission_wildcard_warnings',
      comment: 'TaskRolePermissions.warnings: a \'*\' resource for an action that has resource-level permissions',
      value: `[for i, p in var.permissions : ${hclString(message)} if contains(p.resources, "*") && length(${scoped}) > 0]`,
      expression: true,
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
