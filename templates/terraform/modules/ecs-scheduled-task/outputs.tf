output "name" {
  description = "Name of the rule or schedule."
  value       = var.name
}

output "trigger" {
  description = "\"rule\" or \"scheduler\"."
  value       = local.trigger
}

output "schedule_expression" {
  description = "The expression deployed: UTC for a rule, local time (time_zone) for Scheduler."
  value       = var.schedule_expression
}

output "time_zone" {
  description = "Time zone of a Scheduler schedule; null for a rule (UTC)."
  value       = local.is_rule ? null : var.time_zone
}

output "target_task_definition_arn" {
  description = "What the target runs: the revisionless family ARN (latest revision), or the pinned revision."
  value       = local.target_task_definition_arn
}

output "invoker_role_arn" {
  description = "ARN of the role EventBridge assumes to run the task."
  value       = aws_iam_role.invoker.arn
}

output "invoker_role_name" {
  description = "Name of the role EventBridge assumes to run the task."
  value       = aws_iam_role.invoker.name
}

output "rule_arn" {
  description = "ARN of the EventBridge rule; null with Scheduler."
  value       = local.rule_arn
}

output "schedule_arn" {
  description = "ARN of the Scheduler schedule; null with a rule."
  value       = local.is_rule ? null : aws_scheduler_schedule.schedule[0].arn
}

output "dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue; null without one."
  value       = local.dead_letter_queue_arn
}

output "dead_letter_queue_policy_json" {
  description = "With a rule and an existing dead-letter queue (dead_letter_queue = { arn = ... }): the queue policy that lets this rule send to it. Attach it to the queue; this module does not overwrite the policy of a queue it does not own."
  value       = local.is_rule && var.dead_letter_queue != null && !local.create_dead_letter_queue ? jsonencode(local.dead_letter_queue_policy) : null
}
