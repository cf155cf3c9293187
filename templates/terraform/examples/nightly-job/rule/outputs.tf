output "family" {
  description = "Task definition family: CI registers new revisions of it."
  value       = module.nightly.family
}

output "execution_role_arn" {
  description = "Execution role: CI passes it when it registers a revision."
  value       = module.nightly.execution_role_arn
}

output "task_role_arn" {
  description = "Task role: CI passes it when it registers a revision."
  value       = module.nightly.task_role_arn
}

output "rule_name" {
  description = "The EventBridge rule that starts the job."
  value       = module.nightly.schedule_names["daily"]
}

output "alert_topic_arn" {
  description = "SNS topic of failed runs and the missed-run alarm."
  value       = module.nightly.alert_topic_arn
}

output "dashboard_url" {
  description = "The job's CloudWatch dashboard."
  value       = module.dashboard.dashboard_url
}
