output "dashboard_name" {
  description = "The dashboard name."
  value       = aws_cloudwatch_dashboard.dashboard.dashboard_name
}

output "dashboard_url" {
  description = "The dashboard's console URL (a team repo's dashboard_url output)."
  value       = local.dashboard_url
}

output "events_log_group_name" {
  description = "The log group the jobs' stopped-task events go to."
  value       = aws_cloudwatch_log_group.task_events.name
}

output "events_rule_arn" {
  description = "ARN of the rule that routes them."
  value       = aws_cloudwatch_event_rule.task_events_rule.arn
}
