# A whole scheduled batch job: a Fargate task definition family with its log
# group and roles, one ecs-scheduled-task per schedule (always the latest
# revision), and optionally failure alerts and a missed-run alarm.
# The HCL twin of the EcsBatchJob construct of @ecs-batch/cdktf.
#
# Terraform creates the family and its first revision; CI registers every later
# revision from the same settings (core's JobTaskDefinition, which a parity test
# holds this module to) with the release's image. track_latest + ignore_changes
# keep Terraform from reverting them (docs/deploying.md).

data "aws_caller_identity" "account" {}
data "aws_region" "region" {}
data "aws_partition" "partition" {}

locals {
  account_id = data.aws_caller_identity.account.account_id
  tags       = length(var.tags) == 0 ? null : var.tags

  runner_environment = merge(
    {
      (local.runner_environment_names.job_name)         = var.name
      (local.runner_environment_names.timeout_seconds)  = tostring(var.timeout_seconds)
      (local.runner_environment_names.overlap)          = var.overlap
      (local.runner_environment_names.metric_namespace) = var.metric_namespace
    },
    var.handler == null ? {} : { (local.runner_environment_names.handler) = var.handler },
  )

  # SsmParameterArn.terraformExpression of @ecs-batch/core: a parameter name becomes its ARN here.
  ssm_parameters = { for name, v in var.ssm_parameters : name => startswith(v, "arn:") ? v : "arn:${data.aws_partition.partition.partition}:ssm:${data.aws_region.region.region}:${local.account_id}:parameter/${trimprefix(v, "/")}" }
  secrets        = merge(var.secrets_manager_secrets, local.ssm_parameters)
  # ExecutionRolePolicy.terraformSecretArnExpression: IAM grants the secret, not its :json-key suffix.
  secrets_manager_secret_arns = distinct([for name in sort(keys(var.secrets_manager_secrets)) : join(":", slice(split(":", var.secrets_manager_secrets[name]), 0, 7))])
  ssm_parameter_arns          = [for name in sort(keys(local.ssm_parameters)) : local.ssm_parameters[name]]
  ecr_repository_arn          = var.ecr_repository_arn

  container = merge(
    { name = var.name, image = var.image, essential = true },
    var.command == null ? {} : { command = var.command },
    { environment = [for name, value in merge(var.environment, local.runner_environment) : { name = name, value = value }] },
    length(local.secrets) == 0 ? {} : { secrets = [for name, arn in local.secrets : { name = name, valueFrom = arn }] },
    !var.readonly_root_filesystem ? {} : {
      readonlyRootFilesystem = true
      mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
    },
    var.stop_timeout_seconds == null ? {} : { stopTimeout = var.stop_timeout_seconds },
    {
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.logs.name
          "awslogs-region"        = data.aws_region.region.region
          "awslogs-stream-prefix" = "ecs-batch"
        }
      }
    },
  )

  # Each schedule's input: its command, environment and event (ECS_BATCH_EVENT).
  schedule_overrides = {
    for name, s in var.schedules : name => s.command == null && s.environment == null && s.event == null ? [] : [merge(
      { name = var.name },
      s.command == null ? {} : { command = s.command },
      s.environment == null && s.event == null ? {} : {
        environment = merge(s.environment == null ? {} : s.environment, s.event == null ? {} : { (local.runner_environment_names.event) = s.event })
      },
    )]
  }

  # TaskRolePermissions.document of @ecs-batch/core (held to it by the construct/module parity tests).
  permission_statements = [for i, p in var.permissions : merge(
    { Sid = "JobPermission${i}", Effect = "Allow", Action = distinct(p.actions), Resource = distinct(p.resources) },
    length(p.conditions) == 0 ? {} : {
      Condition = { for op in distinct([for c in p.conditions : c.operator]) : op => { for c in p.conditions : c.key => distinct(c.values) if c.operator == op } }
    },
  )]
  task_role_statements = concat(local.overlap_guard_statements, local.permission_statements, var.task_role_policy_statements)

  create_alert_topic = var.alerts != null && try(var.alerts.topic_arn, null) == null
  alert_topic_arn    = var.alerts == null ? null : (local.create_alert_topic ? aws_sns_topic.alerts_topic[0].arn : var.alerts.topic_arn)
  alert_rule_arn     = var.alerts == null ? null : aws_cloudwatch_event_rule.alerts[0].arn
  # Every alarm that publishes to the alert topic (AlertTopicPolicy.alarmArns).
  alert_alarm_arns = concat(
    var.missed_run_alarm == null ? [] : [aws_cloudwatch_metric_alarm.missed_run[0].arn],
    var.duration_alarm == null ? [] : [aws_cloudwatch_metric_alarm.duration_near_timeout[0].arn],
  )
  # DurationAlarm.definition in core: p95 of JobDurationMs over a day above a share of the timeout, in ms.
  duration_alarm_share     = var.duration_alarm == null ? 0.8 : var.duration_alarm.share
  duration_alarm_threshold = floor(var.timeout_seconds * 1000 * local.duration_alarm_share + 0.5)
}

resource "aws_cloudwatch_log_group" "logs" {
  name              = "/ecs-batch/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = local.tags

  lifecycle {
    precondition {
      # https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
      condition     = contains(local.log_retention_days_values, var.log_retention_days)
      error_message = "log_retention_days: ${var.log_retention_days} is not a CloudWatch Logs retention (${join(", ", local.log_retention_days_values)})."
    }
  }
}

resource "aws_ecs_task_definition" "task" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(var.cpu)
  memory                   = tostring(var.memory)
  execution_role_arn       = aws_iam_role.execution_role.arn
  task_role_arn            = aws_iam_role.task_role.arn
  container_definitions    = jsonencode([local.container])
  # Follow the latest ACTIVE revision, including those CI registers.
  track_latest = true
  tags         = local.tags

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.architecture
  }

  dynamic "ephemeral_storage" {
    for_each = var.ephemeral_storage_gib == null ? [] : [var.ephemeral_storage_gib]
    content {
      size_in_gib = ephemeral_storage.value
    }
  }

  # The writable /tmp of a read-only root filesystem.
  dynamic "volume" {
    for_each = var.readonly_root_filesystem ? ["tmp"] : []
    content {
      name = volume.value
    }
  }

  lifecycle {
    # Terraform registers the first revision; CI registers every later one from the
    # same settings with the release's image (docs/deploying.md). Never replace it,
    # so an apply cannot revert a release.
    ignore_changes = all

    precondition {
      # https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
      condition     = contains(local.fargate_cpu_values, var.cpu)
      error_message = "cpu: ${var.cpu} is not a Fargate CPU value (${join(", ", local.fargate_cpu_values)})."
    }
    precondition {
      condition     = contains(lookup(local.fargate_memory_by_cpu, tostring(var.cpu), []), var.memory)
      error_message = "memory: ${var.memory} is not valid with ${var.cpu} cpu (valid memory for ${var.cpu} cpu: ${join(", ", lookup(local.fargate_memory_by_cpu, tostring(var.cpu), []))})."
    }
    precondition {
      # FargateArchitecture.checkCapacityProviders of @ecs-batch/core.
      # https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
      condition     = !(var.architecture == "ARM64" && contains([for c in var.capacity_provider_strategy : c.capacity_provider], "FARGATE_SPOT"))
      error_message = "capacity_provider_strategy: FARGATE_SPOT cannot run an ARM64 task: Fargate Spot has no Graviton capacity (use FARGATE, or architecture X86_64 to use Spot)."
    }
    precondition {
      condition     = length(var.kms_key_arns) == 0 || length(local.secrets) > 0
      error_message = "kms_key_arns: are given but there is no secret to decrypt (add secrets_manager_secrets or ssm_parameters, or drop kms_key_arns)."
    }
    precondition {
      condition     = length(setintersection(keys(var.secrets_manager_secrets), keys(var.ssm_parameters))) == 0
      error_message = "ssm_parameters: a name is also in secrets_manager_secrets (one source per environment variable)."
    }
    precondition {
      # Rule and schedule names: at most 64 characters.
      condition     = alltrue([for name in keys(var.schedules) : length("${var.name}-${name}") <= 64])
      error_message = "schedules: a schedule name is too long ('<job>-<schedule>' at most 64 characters)."
    }
  }
}

module "schedules" {
  source   = "../ecs-scheduled-task"
  for_each = var.schedules

  name                         = "${var.name}-${each.key}"
  description                  = each.value.description
  schedule_expression          = each.value.schedule_expression
  time_zone                    = each.value.time_zone
  trigger                      = each.value.trigger
  enabled                      = each.value.enabled
  cluster_arn                  = var.cluster_arn
  task_definition_arn          = aws_ecs_task_definition.task.arn
  subnet_ids                   = var.subnet_ids
  security_group_ids           = var.security_group_ids
  assign_public_ip             = var.assign_public_ip
  launch_type                  = var.launch_type
  capacity_provider_strategy   = var.capacity_provider_strategy
  platform_version             = var.platform_version
  task_count                   = each.value.task_count
  propagate_tags               = var.propagate_tags
  enable_ecs_managed_tags      = var.enable_ecs_managed_tags
  tags                         = var.tags
  container_overrides          = local.schedule_overrides[each.key]
  scheduled_time_container     = var.name
  retry_policy                 = each.value.retry_policy
  dead_letter_queue            = each.value.dead_letter_queue
  execution_role_arn           = aws_iam_role.execution_role.arn
  task_role_arn                = aws_iam_role.task_role.arn
  permissions_boundary_arn     = var.permissions_boundary_arn
  schedule_group               = each.value.schedule_group
  flexible_time_window_minutes = each.value.flexible_time_window_minutes
  start_date                   = each.value.start_date
  end_date                     = each.value.end_date
}

# --- failure alerts ---

resource "aws_sns_topic" "alerts_topic" {
  count = local.create_alert_topic ? 1 : 0

  name = "${var.name}-alerts"
  tags = local.tags
}

resource "aws_sns_topic_policy" "alerts_topic_policy" {
  count = local.create_alert_topic ? 1 : 0

  arn    = aws_sns_topic.alerts_topic[0].arn
  policy = jsonencode(local.alert_topic_policy)
}

resource "aws_cloudwatch_event_rule" "alerts" {
  count = var.alerts == null ? 0 : 1

  name          = "${var.name}-failed"
  description   = "Failed runs of batch job ${var.name}"
  event_pattern = jsonencode(local.alert_event_pattern)
  tags          = local.tags
}

resource "aws_cloudwatch_event_target" "alerts_target" {
  count = var.alerts == null ? 0 : 1

  rule = aws_cloudwatch_event_rule.alerts[0].name
  arn  = local.alert_topic_arn

  input_transformer {
    input_paths    = local.alert_input_paths
    input_template = local.alert_input_template
  }
}

resource "aws_sns_topic_subscription" "alert_email" {
  for_each = var.alerts == null ? toset([]) : toset(var.alerts.emails)

  topic_arn = local.alert_topic_arn
  protocol  = "email"
  endpoint  = each.value
}

# --- missed runs ---

resource "aws_cloudwatch_metric_alarm" "missed_run" {
  count = var.missed_run_alarm == null ? 0 : 1

  alarm_name          = "${var.name}-missed-run"
  alarm_description   = "Batch job ${var.name} has not succeeded in ${var.missed_run_alarm.hours} hours"
  namespace           = var.metric_namespace
  metric_name         = local.runner_metrics.job_succeeded
  dimensions          = { (local.runner_metrics.job_dimension) = var.name }
  statistic           = "Sum"
  period              = 3600
  evaluation_periods  = var.missed_run_alarm.hours
  datapoints_to_alarm = var.missed_run_alarm.hours
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  # No data means no run: that is what this alarm is for.
  treat_missing_data = "breaching"
  alarm_actions      = var.alerts == null ? null : [local.alert_topic_arn]
  tags               = local.tags
}

# The early warning before runs are killed by their timeout (DurationAlarm in core).
resource "aws_cloudwatch_metric_alarm" "duration_near_timeout" {
  count = var.duration_alarm == null ? 0 : 1

  alarm_name          = "${var.name}-duration-near-timeout"
  alarm_description   = "Batch job ${var.name}: p95 duration over a day is above ${floor(local.duration_alarm_share * 1000 + 0.5) / 10}% of its ${var.timeout_seconds} s timeout (${local.duration_alarm_threshold} ms)"
  namespace           = var.metric_namespace
  metric_name         = local.runner_metrics.job_duration_ms
  dimensions          = { (local.runner_metrics.job_dimension) = var.name }
  extended_statistic  = "p95"
  period              = 86400
  evaluation_periods  = 1
  threshold           = local.duration_alarm_threshold
  comparison_operator = "GreaterThanThreshold"
  # No run is the missed-run alarm's business.
  treat_missing_data = "notBreaching"
  alarm_actions      = var.alerts == null ? null : [local.alert_topic_arn]
  tags               = local.tags
}

# BEGIN GENERATED FROM @ecs-batch/core: do not edit by hand.
# Regenerate: cd packages/cdktf && UPDATE_GENERATED_HCL=1 npx jest test/hcl/generated-hcl.test.ts
locals {
  # RunnerEnvironment: the variables the runner reads
  runner_environment_names = {
    event            = "ECS_BATCH_EVENT"
    handler          = "ECS_BATCH_HANDLER"
    job_name         = "ECS_BATCH_JOB_NAME"
    metric_namespace = "ECS_BATCH_METRIC_NAMESPACE"
    overlap          = "ECS_BATCH_OVERLAP"
    timeout_seconds  = "ECS_BATCH_TIMEOUT_SECONDS"
  }

  # RunnerMetrics: what the runner emits and the missed-run alarm watches
  runner_metrics = {
    job_succeeded   = "JobSucceeded"
    job_duration_ms = "JobDurationMs"
    job_dimension   = "Job"
  }

  # FargateSize.validPairs: CPU values
  fargate_cpu_values = [256, 512, 1024, 2048, 4096, 8192, 16384]

  # FargateSize.validPairs: memory values per CPU value
  fargate_memory_by_cpu = {
    "256" = [512, 1024, 2048]
    "512" = [1024, 2048, 3072, 4096]
    "1024" = [2048, 3072, 4096, 5120, 6144, 7168, 8192]
    "2048" = [4096, 5120, 6144, 7168, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384]
    "4096" = [8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384, 17408, 18432, 19456, 20480, 21504, 22528, 23552, 24576, 25600, 26624, 27648, 28672, 29696, 30720]
    "8192" = [16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440]
    "16384" = [32768, 40960, 49152, 57344, 65536, 73728, 81920, 90112, 98304, 106496, 114688, 122880]
  }

  # CloudWatch Logs retention values (AwsLimits.LOG_RETENTION_DAYS)
  log_retention_days_values = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]

  # FailureAlert.eventPattern: a stopped task of this family with a non-zero exit code, or one that never started
  alert_event_pattern = {
    source        = [
      "aws.ecs",
    ]
    "detail-type" = [
      "ECS Task State Change",
    ]
    detail        = {
      clusterArn        = [
        var.cluster_arn,
      ]
      taskDefinitionArn = [
        {
          prefix = "${local.task_definition_family_arn}:"
        },
      ]
      lastStatus        = [
        "STOPPED",
      ]
      "$or"             = [
        {
          containers = {
            exitCode = [
              {
                "anything-but" = 0
              },
            ]
          }
        },
        {
          stopCode = [
            "TaskFailedToStart",
          ]
        },
      ]
    }
  }

  # FailureAlert.INPUT_PATHS
  alert_input_paths = {
    exit_code = "$.detail.containers[0].exitCode"
    reason    = "$.detail.stoppedReason"
    stop_code = "$.detail.stopCode"
    task      = "$.detail.taskArn"
    time      = "$.time"
  }

  # FailureAlert.inputTemplate
  alert_input_template = "\"ecs-batch job ${var.name} failed at <time>: task <task> stopped (<stop_code>, exit code <exit_code>): <reason>\""
}
# END GENERATED FROM @ecs-batch/core
