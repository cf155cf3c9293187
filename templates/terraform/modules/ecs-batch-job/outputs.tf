output "family" {
  description = "Task definition family (the job name)."
  value       = aws_ecs_task_definition.task.family
}

output "task_definition_arn" {
  description = "ARN of the latest revision Terraform knows of (track_latest)."
  value       = aws_ecs_task_definition.task.arn
}

output "task_definition_family_arn" {
  description = "The revisionless family ARN the schedules run (always the latest revision)."
  value       = local.task_definition_family_arn
}

output "execution_role_arn" {
  description = "ARN of the task execution role. CI passes it when it registers a new revision."
  value       = aws_iam_role.execution_role.arn
}

output "execution_role_name" {
  description = "Name of the task execution role."
  value       = aws_iam_role.execution_role.name
}

output "task_role_name" {
  description = "Name of the task role, to attach more policies."
  value       = aws_iam_role.task_role.name
}

output "task_role_arn" {
  description = "ARN of the task role (the job code's identity). CI passes it when it registers a new revision."
  value       = aws_iam_role.task_role.arn
}

output "log_group_name" {
  description = "The job's log group."
  value       = aws_cloudwatch_log_group.logs.name
}

output "schedule_names" {
  description = "Rule or schedule name of each schedule, by schedule key."
  value       = { for key, s in module.schedules : key => s.name }
}

output "schedule_triggers" {
  description = "\"rule\" or \"scheduler\", by schedule key."
  value       = { for key, s in module.schedules : key => s.trigger }
}

output "invoker_role_arns" {
  description = "ARN of the role EventBridge assumes for each schedule, by schedule key."
  value       = { for key, s in module.schedules : key => s.invoker_role_arn }
}

output "invoker_role_names" {
  description = "Name of the role EventBridge assumes for each schedule, by schedule key."
  value       = { for key, s in module.schedules : key => s.invoker_role_name }
}

output "alert_topic_arn" {
  description = "ARN of the SNS topic alerts go to; null without alerts."
  value       = local.alert_topic_arn
}

output "missed_run_alarm_name" {
  description = "Name of the missed-run alarm; null without one."
  value       = var.missed_run_alarm == null ? null : aws_cloudwatch_metric_alarm.missed_run[0].alarm_name
}
