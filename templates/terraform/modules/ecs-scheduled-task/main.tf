# Runs an existing ECS task definition on a schedule, through an EventBridge rule
# or EventBridge Scheduler, always on the latest revision of its family.
# The HCL twin of the EcsScheduledTask construct of @ecs-batch/cdktf: same
# resources, names, defaults and checks (packages/cdktf/test/hcl keeps them equal).

data "aws_caller_identity" "account" {}
data "aws_partition" "partition" {}
data "aws_region" "region" {}

locals {
  trigger = coalesce(var.trigger, var.time_zone != null ? "scheduler" : "rule")
  is_rule = local.trigger == "rule"

  account_id = data.aws_caller_identity.account.account_id

  # Launch type and capacity provider strategy are mutually exclusive: with a
  # strategy, launch_type is omitted.
  launch_type = length(var.capacity_provider_strategy) > 0 ? null : coalesce(var.launch_type, "FARGATE")

  # The revisionless family ARN (task_definition_family_arn, generated in iam.tf)
  # runs the latest ACTIVE revision, including those CI registers outside Terraform.
  target_task_definition_arn = var.pin_revision ? var.task_definition_arn : local.task_definition_family_arn

  create_dead_letter_queue = var.dead_letter_queue != null && try(var.dead_letter_queue.arn, null) == null
  dead_letter_queue_arn    = var.dead_letter_queue == null ? null : (local.create_dead_letter_queue ? aws_sqs_queue.dead_letter_queue[0].arn : var.dead_letter_queue.arn)

  pass_role_arns = [for arn in [var.execution_role_arn, var.task_role_arn] : arn if arn != null]

  # RunTask applies tags (so the invoker needs ecs:TagResource) with any of these.
  tags_on_run_task = var.propagate_tags || var.enable_ecs_managed_tags || length(var.tags) > 0

  # Scheduler sends to its dead-letter queue with the invoking role; a rule with
  # the queue's policy instead.
  scheduler_dead_letter_queue = !local.is_rule && var.dead_letter_queue != null

  rule_arn = local.is_rule ? aws_cloudwatch_event_rule.rule[0].arn : null

  schedule_group_name = var.schedule_group == null ? local.default_schedule_group : var.schedule_group.name

  # The schedule, for the runner's event.time; a rule also passes its event's time
  # through an input transformer. Scheduler documents <aws.scheduler.scheduled-time>
  # for universal targets only, so there the runner computes it.
  # https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
  schedule_environment = var.scheduled_time_container == null ? {} : merge(
    {
      (local.runner_schedule_names.schedule)           = var.schedule_expression
      (local.runner_schedule_names.schedule_time_zone) = local.is_rule ? "UTC" : coalesce(var.time_zone, "UTC")
    },
    local.is_rule ? { (local.runner_schedule_names.scheduled_time) = "<time>" } : {},
  )
  container_overrides = concat(
    [for o in var.container_overrides : o.name != var.scheduled_time_container ? o : {
      name        = o.name
      command     = o.command
      environment = merge(o.environment == null ? {} : o.environment, local.schedule_environment)
    }],
    var.scheduled_time_container == null || contains([for o in var.container_overrides : o.name], coalesce(var.scheduled_time_container, " ")) ? [] : [{
      name        = var.scheduled_time_container
      command     = null
      environment = local.schedule_environment
    }],
  )
  rule_input_transformer = local.is_rule && var.scheduled_time_container != null

  # RunTask overrides: the target input of both rules and Scheduler.
  input = length(local.container_overrides) == 0 ? null : jsonencode({
    containerOverrides = [for o in local.container_overrides : merge(
      { name = o.name },
      o.command == null ? {} : { command = o.command },
      o.environment == null ? {} : { environment = [for name, value in o.environment : { name = name, value = value }] },
    )]
  })

  tags = length(var.tags) == 0 ? null : var.tags

  ecs_network_configuration = {
    subnets          = var.subnet_ids
    security_groups  = length(var.security_group_ids) == 0 ? null : var.security_group_ids
    assign_public_ip = var.assign_public_ip
  }
}

resource "aws_sqs_queue" "dead_letter_queue" {
  count = local.create_dead_letter_queue ? 1 : 0

  name                      = "${var.name}-dlq"
  message_retention_seconds = coalesce(var.dead_letter_queue.retention_days, 14) * 86400
  sqs_managed_sse_enabled   = true
  tags                      = local.tags
}

# A rule sends to its dead-letter queue as events.amazonaws.com, which the
# queue's own policy must allow.
resource "aws_sqs_queue_policy" "dead_letter_queue_policy" {
  count = local.is_rule && local.create_dead_letter_queue ? 1 : 0

  queue_url = aws_sqs_queue.dead_letter_queue[0].url
  policy    = jsonencode(local.dead_letter_queue_policy)
}

resource "aws_cloudwatch_event_rule" "rule" {
  count = local.is_rule ? 1 : 0

  name                = var.name
  description         = var.description
  schedule_expression = var.schedule_expression
  state               = var.enabled ? "ENABLED" : "DISABLED"
  tags                = local.tags
}

# ecs-batch-lint ignore ECSB009: failure alerts are per job, not per schedule: the ecs-batch-job module adds them (alerts)
resource "aws_cloudwatch_event_target" "target" {
  count = local.is_rule ? 1 : 0

  rule     = aws_cloudwatch_event_rule.rule[0].name
  arn      = var.cluster_arn
  role_arn = aws_iam_role.invoker.arn
  input    = local.rule_input_transformer ? null : local.input

  dynamic "input_transformer" {
    for_each = local.rule_input_transformer ? [local.input] : []
    content {
      input_paths    = { time = "$.time" }
      input_template = input_transformer.value
    }
  }

  ecs_target {
    task_definition_arn     = local.target_task_definition_arn
    task_count              = var.task_count
    launch_type             = local.launch_type
    platform_version        = var.platform_version
    propagate_tags          = var.propagate_tags ? "TASK_DEFINITION" : null
    enable_ecs_managed_tags = var.enable_ecs_managed_tags
    enable_execute_command  = var.enable_execute_command
    tags                    = local.tags

    dynamic "capacity_provider_strategy" {
      for_each = var.capacity_provider_strategy
      content {
        capacity_provider = capacity_provider_strategy.value.capacity_provider
        weight            = capacity_provider_strategy.value.weight
        base              = capacity_provider_strategy.value.base
      }
    }

    network_configuration {
      subnets          = local.ecs_network_configuration.subnets
      security_groups  = local.ecs_network_configuration.security_groups
      assign_public_ip = local.ecs_network_configuration.assign_public_ip
    }
  }

  retry_policy {
    maximum_retry_attempts       = var.retry_policy.maximum_retry_attempts
    maximum_event_age_in_seconds = var.retry_policy.maximum_event_age_seconds
  }

  dynamic "dead_letter_config" {
    for_each = var.dead_letter_queue == null ? [] : [local.dead_letter_queue_arn]
    content {
      arn = dead_letter_config.value
    }
  }
}

resource "aws_scheduler_schedule_group" "schedule_group" {
  count = !local.is_rule && try(var.schedule_group.create, false) ? 1 : 0

  name = var.schedule_group.name
  tags = local.tags
}

# ecs-batch-lint ignore ECSB009: failure alerts are per job, not per schedule: the ecs-batch-job module adds them (alerts)
resource "aws_scheduler_schedule" "schedule" {
  count = local.is_rule ? 0 : 1

  name                         = var.name
  group_name                   = var.schedule_group == null ? null : (var.schedule_group.create ? aws_scheduler_schedule_group.schedule_group[0].name : var.schedule_group.name)
  description                  = var.description
  schedule_expression          = var.schedule_expression
  schedule_expression_timezone = var.time_zone
  state                        = var.enabled ? "ENABLED" : "DISABLED"
  start_date                   = var.start_date
  end_date                     = var.end_date

  flexible_time_window {
    mode                      = var.flexible_time_window_minutes == null ? "OFF" : "FLEXIBLE"
    maximum_window_in_minutes = var.flexible_time_window_minutes
  }

  target {
    arn      = var.cluster_arn
    role_arn = aws_iam_role.invoker.arn
    input    = local.input

    ecs_parameters {
      task_definition_arn     = local.target_task_definition_arn
      task_count              = var.task_count
      launch_type             = local.launch_type
      platform_version        = var.platform_version
      propagate_tags          = var.propagate_tags ? "TASK_DEFINITION" : null
      enable_ecs_managed_tags = var.enable_ecs_managed_tags
      enable_execute_command  = var.enable_execute_command
      tags                    = local.tags

      dynamic "capacity_provider_strategy" {
        for_each = var.capacity_provider_strategy
        content {
          capacity_provider = capacity_provider_strategy.value.capacity_provider
          weight            = capacity_provider_strategy.value.weight
          base              = capacity_provider_strategy.value.base
        }
      }

      network_configuration {
        subnets          = local.ecs_network_configuration.subnets
        security_groups  = local.ecs_network_configuration.security_groups
        assign_public_ip = local.ecs_network_configuration.assign_public_ip
      }
    }

    retry_policy {
      maximum_retry_attempts       = var.retry_policy.maximum_retry_attempts
      maximum_event_age_in_seconds = var.retry_policy.maximum_event_age_seconds
    }

    dynamic "dead_letter_config" {
      for_each = var.dead_letter_queue == null ? [] : [local.dead_letter_queue_arn]
      content {
        arn = dead_letter_config.value
      }
    }
  }
}

# BEGIN GENERATED FROM @ecs-batch/core: do not edit by hand.
# Regenerate: cd packages/cdktf && UPDATE_GENERATED_HCL=1 npx jest test/hcl/generated-hcl.test.ts
locals {
  # RunnerEnvironment: the schedule variables the runner reads for event.time
  runner_schedule_names = {
    schedule           = "ECS_BATCH_SCHEDULE"
    schedule_time_zone = "ECS_BATCH_SCHEDULE_TIME_ZONE"
    scheduled_time     = "ECS_BATCH_SCHEDULED_TIME"
  }
}
# END GENERATED FROM @ecs-batch/core
