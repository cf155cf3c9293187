# The execution role (what the ECS agent does: pull the image, write logs, read
# exactly the given secrets) and the task role (what the job's code does:
# nothing by default). Statements are generated from @ecs-batch/core below.

resource "aws_iam_role" "execution_role" {
  # JobRoleNames: derived from the family, so register-revision knows the ARN.
  name                 = "${var.name}-execution"
  description          = "ECS task execution role of batch job ${var.name}"
  assume_role_policy   = jsonencode(local.execution_trust_policy)
  permissions_boundary = var.permissions_boundary_arn
  tags                 = local.tags
}

resource "aws_iam_role_policy" "execution_role_policy" {
  name   = "execution"
  role   = aws_iam_role.execution_role.name
  policy = jsonencode(local.execution_policy)
}

resource "aws_iam_role" "task_role" {
  name                 = "${var.name}-task"
  description          = "Task role of batch job ${var.name}"
  assume_role_policy   = jsonencode(local.task_trust_policy)
  permissions_boundary = var.permissions_boundary_arn
  tags                 = local.tags
}

resource "aws_iam_role_policy" "task_role_policy" {
  count = length(local.task_role_statements) > 0 ? 1 : 0

  name   = "task"
  role   = aws_iam_role.task_role.name
  policy = jsonencode({ Version = "2012-10-17", Statement = local.task_role_statements })
}

# Keyed by policy name, as the EcsBatchJob construct (construct IDs cannot hold '/').
resource "aws_iam_role_policy_attachment" "task_role_managed_policy" {
  for_each = { for arn in var.managed_policy_arns : split("/", arn)[length(split("/", arn)) - 1] => arn }

  role       = aws_iam_role.task_role.name
  policy_arn = each.value
}

# BEGIN GENERATED FROM @ecs-batch/core: do not edit by hand.
# Regenerate: cd packages/cdktf && UPDATE_GENERATED_HCL=1 npx jest test/hcl/generated-hcl.test.ts
locals {
  # TaskDefinitionArn.terraformFamilyExpression: the ARN without its :<revision>
  task_definition_family_arn = replace(aws_ecs_task_definition.task.arn, "/:\\d+$/", "")

  # ExecutionRolePolicy.trust
  execution_trust_policy = {
    Version = "2012-10-17"
    Statement = [for s in [
      {
        enabled   = true
        statement = {
          Sid       = "EcsTasksAssumeExecutionRole"
          Effect    = "Allow"
          Principal = {
            Service = "ecs-tasks.amazonaws.com"
          }
          Action    = "sts:AssumeRole"
          Condition = {
            StringEquals = {
              "aws:SourceAccount" = local.account_id
            }
          }
        }
      },
    ] : s.statement if s.enabled]
  }

  # ExecutionRolePolicy.permissions: kms:ViaService names the services that hold secrets
  execution_policy = {
    Version = "2012-10-17"
    Statement = [for s in [
      {
        enabled   = local.ecr_repository_arn != null
        statement = {
          Sid      = "EcrAuthorizationToken"
          Effect   = "Allow"
          Action   = "ecr:GetAuthorizationToken"
          Resource = "*"
        }
      },
      {
        enabled   = local.ecr_repository_arn != null
        statement = {
          Sid      = "EcrPullImage"
          Effect   = "Allow"
          Action   = [
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer",
          ]
          Resource = local.ecr_repository_arn
        }
      },
      {
        enabled   = true
        statement = {
          Sid      = "WriteLogs"
          Effect   = "Allow"
          Action   = [
            "logs:CreateLogStream",
            "logs:PutLogEvents",
          ]
          Resource = "${aws_cloudwatch_log_group.logs.arn}:log-stream:*"
        }
      },
      {
        enabled   = (!(length(local.ssm_parameter_arns) > 0) || length(local.secrets_manager_secret_arns) > 0 && length(local.ssm_parameter_arns) > 0) && length(local.secrets_manager_secret_arns) > 0
        statement = {
          Sid      = "ReadSecretsManagerSecrets"
          Effect   = "Allow"
          Action   = "secretsmanager:GetSecretValue"
          Resource = local.secrets_manager_secret_arns
        }
      },
      {
        enabled   = (!(length(local.secrets_manager_secret_arns) > 0) || length(local.secrets_manager_secret_arns) > 0 && length(local.ssm_parameter_arns) > 0) && length(local.ssm_parameter_arns) > 0
        statement = {
          Sid      = "ReadSsmParameters"
          Effect   = "Allow"
          Action   = "ssm:GetParameters"
          Resource = local.ssm_parameter_arns
        }
      },
      {
        enabled   = !(length(local.ssm_parameter_arns) > 0) && length(var.kms_key_arns) > 0
        statement = {
          Sid       = "DecryptSecrets"
          Effect    = "Allow"
          Action    = "kms:Decrypt"
          Resource  = var.kms_key_arns
          Condition = {
            StringEquals = {
              "kms:ViaService" = "secretsmanager.${data.aws_region.region.region}.amazonaws.com"
            }
          }
        }
      },
      {
        enabled   = !(length(local.secrets_manager_secret_arns) > 0) && length(var.kms_key_arns) > 0
        statement = {
          Sid       = "DecryptSecrets"
          Effect    = "Allow"
          Action    = "kms:Decrypt"
          Resource  = var.kms_key_arns
          Condition = {
            StringEquals = {
              "kms:ViaService" = "ssm.${data.aws_region.region.region}.amazonaws.com"
            }
          }
        }
      },
      {
        enabled   = length(local.secrets_manager_secret_arns) > 0 && length(local.ssm_parameter_arns) > 0 && length(var.kms_key_arns) > 0
        statement = {
          Sid       = "DecryptSecrets"
          Effect    = "Allow"
          Action    = "kms:Decrypt"
          Resource  = var.kms_key_arns
          Condition = {
            StringEquals = {
              "kms:ViaService" = [
                "secretsmanager.${data.aws_region.region.region}.amazonaws.com",
                "ssm.${data.aws_region.region.region}.amazonaws.com",
              ]
            }
          }
        }
      },
    ] : s.statement if s.enabled]
  }

  # TaskRolePolicy.trust
  task_trust_policy = {
    Version = "2012-10-17"
    Statement = [for s in [
      {
        enabled   = true
        statement = {
          Sid       = "EcsTasksAssumeTaskRole"
          Effect    = "Allow"
          Principal = {
            Service = "ecs-tasks.amazonaws.com"
          }
          Action    = "sts:AssumeRole"
          Condition = {
            StringEquals = {
              "aws:SourceAccount" = local.account_id
            }
          }
        }
      },
    ] : s.statement if s.enabled]
  }

  # AlertTopicPolicy.document: who may publish to a created alert topic
  alert_topic_policy = {
    Version = "2012-10-17"
    Statement = [for s in [
      {
        enabled   = true
        statement = {
          Sid       = "EventBridgeRulePublishAlerts"
          Effect    = "Allow"
          Principal = {
            Service = "events.amazonaws.com"
          }
          Action    = "sns:Publish"
          Resource  = local.alert_topic_arn
          Condition = {
            ArnEquals = {
              "aws:SourceArn" = local.alert_rule_arn
            }
          }
        }
      },
      {
        enabled   = length(local.alert_alarm_arns) > 0
        statement = {
          Sid       = "CloudWatchAlarmPublishAlerts"
          Effect    = "Allow"
          Principal = {
            Service = "cloudwatch.amazonaws.com"
          }
          Action    = "sns:Publish"
          Resource  = local.alert_topic_arn
          Condition = {
            ArnEquals = {
              "aws:SourceArn" = local.alert_alarm_arns
            }
          }
        }
      },
    ] : s.statement if s.enabled]
  }

  # TaskRolePolicy.overlapGuard: what ECS_BATCH_OVERLAP=skip calls
  overlap_guard_statements = [for s in [
    {
      enabled   = var.overlap == "skip"
      statement = {
        Sid       = "OverlapGuardListTasks"
        Effect    = "Allow"
        Action    = "ecs:ListTasks"
        Resource  = "*"
        Condition = {
          ArnEquals = {
            "ecs:cluster" = var.cluster_arn
          }
        }
      }
    },
    {
      enabled   = var.overlap == "skip"
      statement = {
        Sid       = "OverlapGuardDescribeTasks"
        Effect    = "Allow"
        Action    = "ecs:DescribeTasks"
        Resource  = "*"
        Condition = {
          ArnEquals = {
            "ecs:cluster" = var.cluster_arn
          }
        }
      }
    },
  ] : s.statement if s.enabled]
}
# END GENERATED FROM @ecs-batch/core
