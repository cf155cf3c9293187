# The role EventBridge (rule or Scheduler) assumes to run the task. Its
# statements are generated from @ecs-batch/core below: least privilege
# (RunTask on this family in this cluster, PassRole on the given roles towards
# ECS tasks only) and a confused-deputy-safe trust (this account, this rule or
# schedule group).

resource "aws_iam_role" "invoker" {
  # JobRoleNames.invokerRole: <name>-invoker, the name cut to fit 64 characters.
  name                 = "${substr(var.name, 0, 64 - length("-invoker"))}-invoker"
  description          = local.is_rule ? "Lets EventBridge rule ${var.name} run its ECS task" : "Lets EventBridge Scheduler schedule ${var.name} run its ECS task"
  assume_role_policy   = jsonencode(local.invoker_trust_policy)
  permissions_boundary = var.permissions_boundary_arn
  tags                 = local.tags

  # Checks that involve more than one variable (variable validation blocks can
  # only see their own variable before Terraform 1.9). Each mirrors a synth-time
  # check of the EcsScheduledTask construct.
  lifecycle {
    precondition {
      condition     = !(local.is_rule && startswith(var.schedule_expression, "at("))
      error_message = "schedule_expression: is a one-time schedule, which rules do not support (use trigger = \"scheduler\")."
    }
    precondition {
      condition     = !local.is_rule || var.time_zone == null || contains(local.utc_time_zone_names, upper(coalesce(var.time_zone, "UTC")))
      error_message = "time_zone: a rule runs in UTC and this module cannot convert cron between time zones (leave time_zone null or UTC and give the UTC expression, e.g. cron(0 17 * * ? *) for 02:00 Asia/Tokyo; or use trigger = \"scheduler\")."
    }
    precondition {
      condition     = !local.is_rule || var.flexible_time_window_minutes == null
      error_message = "flexible_time_window_minutes: only applies to trigger \"scheduler\" (remove it, or use EventBridge Scheduler)."
    }
    precondition {
      condition     = !local.is_rule || var.start_date == null
      error_message = "start_date: only applies to trigger \"scheduler\" (remove it, or use EventBridge Scheduler)."
    }
    precondition {
      condition     = !local.is_rule || var.end_date == null
      error_message = "end_date: only applies to trigger \"scheduler\" (remove it, or use EventBridge Scheduler)."
    }
    precondition {
      condition     = !local.is_rule || var.schedule_group == null
      error_message = "schedule_group: only applies to trigger \"scheduler\" (remove it, or use EventBridge Scheduler)."
    }
    precondition {
      condition     = var.launch_type == null || length(var.capacity_provider_strategy) == 0
      error_message = "launch_type: cannot be combined with capacity_provider_strategy (set one of them: with a strategy, the launch type is omitted)."
    }
    precondition {
      # https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
      condition     = !var.assign_public_ip || local.launch_type == null || local.launch_type == "FARGATE"
      error_message = "assign_public_ip: is only supported on Fargate (remove assign_public_ip, or use launch_type = \"FARGATE\")."
    }
    precondition {
      condition     = !var.assign_public_ip || alltrue([for item in var.capacity_provider_strategy : contains(["FARGATE", "FARGATE_SPOT"], item.capacity_provider)])
      error_message = "assign_public_ip: is only supported on Fargate, but a capacity provider is an EC2 Auto Scaling group provider (use FARGATE / FARGATE_SPOT, or remove assign_public_ip)."
    }
    precondition {
      # https://docs.aws.amazon.com/scheduler/latest/APIReference/API_EcsParameters.html
      condition     = local.is_rule || var.task_count <= 10
      error_message = "task_count: is out of range (an integer, 1-10 with Scheduler)."
    }
    precondition {
      condition     = !var.pin_revision || can(regex(":[0-9]+$", var.task_definition_arn))
      error_message = "pin_revision: needs a task definition ARN with a revision (e.g. arn:aws:ecs:<region>:<account>:task-definition/<family>:3)."
    }
    precondition {
      condition     = try(timecmp(var.end_date, var.start_date) > 0, true)
      error_message = "end_date: is not after start_date (the end must come after the start)."
    }
  }
}

resource "aws_iam_role_policy" "invoker_policy" {
  name   = "run-task"
  role   = aws_iam_role.invoker.name
  policy = jsonencode(local.invoker_policy)
}

# BEGIN GENERATED FROM @ecs-batch/core: do not edit by hand.
# Regenerate: cd packages/cdktf && UPDATE_GENERATED_HCL=1 npx jest test/hcl/generated-hcl.test.ts
locals {
  # TimeZone.UTC_ALIASES, upper case: the zones a rule takes as they are (compare with upper(var.time_zone))
  utc_time_zone_names = ["UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "GREENWICH", "UNIVERSAL", "ZULU", "ETC/UTC", "ETC/UCT", "ETC/GMT", "ETC/GMT0", "ETC/GMT+0", "ETC/GMT-0", "ETC/GREENWICH", "ETC/UNIVERSAL", "ETC/ZULU"]

  # TaskDefinitionArn.terraformFamilyExpression: the ARN without its :<revision>
  task_definition_family_arn = replace(var.task_definition_arn, "/:\\d+$/", "")

  # InvokerTrustPolicy.DEFAULT_SCHEDULE_GROUP
  default_schedule_group = "default"

  # InvokerTrustPolicy.scheduleGroupArn: Scheduler's aws:SourceArn
  schedule_group_arn = "arn:${data.aws_partition.partition.partition}:scheduler:${data.aws_region.region.region}:${local.account_id}:schedule-group/${local.schedule_group_name}"

  # InvokerTrustPolicy.forRule / forScheduler
  invoker_trust_policy = {
    Version = "2012-10-17"
    Statement = [for s in [
      {
        enabled   = local.is_rule
        statement = {
          Sid       = "EventBridgeRuleAssumeRole"
          Effect    = "Allow"
          Principal = {
            Service = "events.amazonaws.com"
          }
          Action    = "sts:AssumeRole"
          Condition = {
            StringEquals = {
              "aws:SourceAccount" = local.account_id
            }
            ArnEquals    = {
              "aws:SourceArn" = local.rule_arn
            }
          }
        }
      },
      {
        enabled   = !local.is_rule
        statement = {
          Sid       = "EventBridgeSchedulerAssumeRole"
          Effect    = "Allow"
          Principal = {
            Service = "scheduler.amazonaws.com"
          }
          Action    = "sts:AssumeRole"
          Condition = {
            StringEquals = {
              "aws:SourceAccount" = local.account_id
            }
            ArnEquals    = {
              "aws:SourceArn" = local.schedule_group_arn
            }
          }
        }
      },
    ] : s.statement if s.enabled]
  }

  # RunTaskPolicy.permissions
  invoker_policy = {
    Version = "2012-10-17"
    Statement = [for s in [
      {
        enabled   = !var.pin_revision
        statement = {
          Sid       = "RunTask"
          Effect    = "Allow"
          Action    = "ecs:RunTask"
          Resource  = "${local.task_definition_family_arn}:*"
          Condition = {
            ArnEquals = {
              "ecs:cluster" = var.cluster_arn
            }
          }
        }
      },
      {
        enabled   = var.pin_revision
        statement = {
          Sid       = "RunTask"
          Effect    = "Allow"
          Action    = "ecs:RunTask"
          Resource  = var.task_definition_arn
          Condition = {
            ArnEquals = {
              "ecs:cluster" = var.cluster_arn
            }
          }
        }
      },
      {
        enabled   = length(local.pass_role_arns) > 0
        statement = {
          Sid       = "PassRoleToEcsTasks"
          Effect    = "Allow"
          Action    = "iam:PassRole"
          Resource  = local.pass_role_arns
          Condition = {
            StringEquals = {
              "iam:PassedToService" = "ecs-tasks.amazonaws.com"
            }
          }
        }
      },
      {
        enabled   = local.tags_on_run_task
        statement = {
          Sid       = "TagTasksOnRunTask"
          Effect    = "Allow"
          Action    = "ecs:TagResource"
          Resource  = "*"
          Condition = {
            StringEquals = {
              "ecs:CreateAction" = "RunTask"
            }
          }
        }
      },
      {
        enabled   = local.scheduler_dead_letter_queue
        statement = {
          Sid      = "SendToDeadLetterQueue"
          Effect   = "Allow"
          Action   = "sqs:SendMessage"
          Resource = local.dead_letter_queue_arn
        }
      },
    ] : s.statement if s.enabled]
  }

  # DeadLetterQueuePolicy.forRule: the queue policy a rule's dead-letter queue needs
  dead_letter_queue_policy = {
    Version = "2012-10-17"
    Statement = [for s in [
      {
        enabled   = true
        statement = {
          Sid       = "EventBridgeRuleSendToDeadLetterQueue"
          Effect    = "Allow"
          Principal = {
            Service = "events.amazonaws.com"
          }
          Action    = "sqs:SendMessage"
          Resource  = local.dead_letter_queue_arn
          Condition = {
            ArnEquals = {
              "aws:SourceArn" = local.rule_arn
            }
          }
        }
      },
    ] : s.statement if s.enabled]
  }
}
# END GENERATED FROM @ecs-batch/core
