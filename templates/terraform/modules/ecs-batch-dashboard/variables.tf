# Inputs of the ecs-batch-dashboard module. Each mirrors a prop of the
# EcsBatchDashboard construct (@ecs-batch/cdktf), with the same defaults and checks.

variable "name" {
  description = "Dashboard name (1-52 letters, numbers, '-', '_'). It also names the events log group /aws/events/ecs-batch/<name>, the rule and the log resource policy <name>-task-events."
  type        = string

  validation {
    # JobDashboard.NAME_PATTERN of @ecs-batch/core: the rule <name>-task-events ends at 64 characters.
    condition     = can(regex("^[A-Za-z0-9_-]{1,52}$", var.name))
    error_message = "name: is not a dashboard name (1-52 letters, digits, '-' and '_')."
  }
}

variable "jobs" {
  description = "The jobs, each drawn once, in this order (at most 100): name (the task definition family, the Job dimension), timeout_seconds (drawn as a line on the duration graph; default 3600) and expected_runs_per_day (the runs its schedules fire per day, for the missed-run estimate; null: no estimate). `npx ecs-batch cron runs-per-day '<expression>' [--tz <zone>]` counts a schedule's runs (JobDashboard.expectedRunsPerDay of @ecs-batch/core); team repos write it."
  type = list(object({
    name                  = string
    timeout_seconds       = optional(number, 3600)
    expected_runs_per_day = optional(number)
  }))

  validation {
    condition     = length(var.jobs) > 0
    error_message = "jobs: is empty (at least one job)."
  }

  validation {
    # JobName.FAMILY_PATTERN of @ecs-batch/core.
    condition     = alltrue([for j in var.jobs : can(regex("^[A-Za-z0-9_-]{1,40}$", j.name))])
    error_message = "jobs: a name is not a job (task definition family: 1-40 letters, digits, '-' and '_')."
  }

  validation {
    condition     = length(distinct([for j in var.jobs : j.name])) == length(var.jobs)
    error_message = "jobs: a job is on the dashboard twice (each job once)."
  }

  validation {
    condition     = alltrue([for j in var.jobs : j.timeout_seconds != null && try(floor(j.timeout_seconds) == j.timeout_seconds && j.timeout_seconds >= 1, false)])
    error_message = "jobs: a timeout_seconds is not a timeout (a positive integer of seconds)."
  }

  validation {
    condition     = alltrue([for j in var.jobs : j.expected_runs_per_day == null || try(j.expected_runs_per_day >= 0, false)])
    error_message = "jobs: an expected_runs_per_day is not a number of runs (0 or more)."
  }
}

variable "cluster_arn" {
  description = "ARN of the ECS cluster the jobs run on: its stopped-task events feed the exit-code widget."
  type        = string
}

variable "metric_namespace" {
  description = "CloudWatch namespace of the runner's metrics (the jobs' metric_namespace)."
  type        = string
  default     = "EcsBatch"
  nullable    = false

  validation {
    condition     = trimspace(var.metric_namespace) != ""
    error_message = "metric_namespace: is empty (a CloudWatch namespace, e.g. EcsBatch)."
  }
}

variable "events_log_retention_days" {
  description = "Days the events log group keeps the task-state-change events (a CloudWatch Logs retention value: 1, 3, 5, 7, 14, 30, 60, 90, ...)."
  type        = number
  default     = 30
  nullable    = false
}

variable "tags" {
  description = "Tags for the log group and the rule (dashboards take no tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
