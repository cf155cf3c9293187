# Inputs of the ecs-scheduled-task module. Each mirrors a prop of the
# EcsScheduledTask construct (@ecs-batch/cdktf), with the same defaults and the
# same checks: single-variable checks are validation blocks here, checks that
# involve two variables are preconditions in main.tf.

variable "name" {
  description = "Name of the EventBridge rule or Scheduler schedule (1-64 letters, numbers, '.', '-', '_'). Also names the dead-letter queue (<name>-dlq)."
  type        = string

  validation {
    # https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html#eventbridge-PutRule-request-Name
    condition     = can(regex("^[.\\-_A-Za-z0-9]{1,64}$", var.name))
    error_message = "name: is not a valid rule or schedule name (1-64 letters, numbers, '.', '-', '_')."
  }
}

variable "description" {
  description = "Description of the rule or schedule."
  type        = string
  default     = null
}

variable "schedule_expression" {
  description = "cron(...), rate(...) or at(...) (Scheduler only). With a rule it is UTC; with Scheduler it is read in time_zone. Validate and convert with @ecs-batch/core (`ecs-batch` CLI) for a full check: this one checks the shape."
  type        = string

  validation {
    # https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
    condition     = can(regex("^(cron\\([^ ()]+( [^ ()]+){5}\\)|rate\\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\\)|at\\([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\))$", var.schedule_expression))
    error_message = "schedule_expression: is not a schedule expression (cron(<6 fields>), rate(<n> <unit>) or at(yyyy-mm-ddThh:mm:ss))."
  }
}

variable "time_zone" {
  description = "IANA time zone of the schedule, e.g. Asia/Tokyo. Scheduler runs in it. Rules only run in UTC, and this module cannot convert cron between zones: with a rule, leave it null and give the UTC expression (or use the EcsScheduledTask construct, which converts)."
  type        = string
  default     = null

  validation {
    condition     = var.time_zone == null || can(regex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$", var.time_zone))
    error_message = "time_zone: is not an IANA time zone name (e.g. Asia/Tokyo, Europe/Berlin, UTC)."
  }
}

variable "trigger" {
  description = "\"rule\" (EventBridge rule) or \"scheduler\" (EventBridge Scheduler). Default: scheduler when time_zone is set, otherwise rule."
  type        = string
  default     = null

  validation {
    condition     = var.trigger == null || contains(["rule", "scheduler"], coalesce(var.trigger, "rule"))
    error_message = "trigger: must be \"rule\" or \"scheduler\"."
  }
}

variable "enabled" {
  description = "Whether the rule or schedule is enabled."
  type        = bool
  default     = true
  nullable    = false
}

variable "cluster_arn" {
  description = "ARN of the ECS cluster the task runs in."
  type        = string

  validation {
    # https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html#ECS-CreateCluster-request-clusterName
    condition     = can(regex("^arn:aws(-cn|-us-gov)?:ecs:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9_-]{1,255}$", var.cluster_arn))
    error_message = "cluster_arn: is not an ECS cluster ARN (arn:<partition>:ecs:<region>:<account>:cluster/<name>)."
  }
}

variable "task_definition_arn" {
  description = "ARN of the task definition, with or without a revision. The schedule runs the revisionless family ARN (the latest ACTIVE revision) unless pin_revision is true."
  type        = string

  validation {
    # https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-family
    condition     = can(regex("^arn:aws(-cn|-us-gov)?:ecs:[a-z0-9-]+:[0-9]{12}:task-definition/[A-Za-z0-9_-]{1,255}(:[1-9][0-9]*)?$", var.task_definition_arn))
    error_message = "task_definition_arn: is not a task definition ARN (arn:<partition>:ecs:<region>:<account>:task-definition/<family>[:<revision>])."
  }
}

variable "pin_revision" {
  description = "Run exactly the revision in task_definition_arn instead of the latest; IAM then allows only that revision."
  type        = bool
  default     = false
  nullable    = false
}

variable "subnet_ids" {
  description = "Subnets of the task's network interface (awsvpc). At least one."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) > 0
    error_message = "subnet_ids: is empty (at least one subnet ID, for the task's awsvpc network interface)."
  }
}

variable "security_group_ids" {
  description = "Security groups of the task's network interface. Empty: the VPC's default security group."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "assign_public_ip" {
  description = "Give the task a public IP (Fargate only), e.g. to pull images from a public subnet without a NAT gateway."
  type        = bool
  default     = false
  nullable    = false
}

variable "launch_type" {
  description = "FARGATE, EC2 or EXTERNAL. Default: FARGATE, unless capacity_provider_strategy is given (the two cannot be combined)."
  type        = string
  default     = null

  validation {
    condition     = var.launch_type == null || contains(["FARGATE", "EC2", "EXTERNAL"], coalesce(var.launch_type, "FARGATE"))
    error_message = "launch_type: must be FARGATE, EC2 or EXTERNAL."
  }
}

variable "capacity_provider_strategy" {
  description = "Capacity providers instead of a launch type, e.g. [{ capacity_provider = \"FARGATE_SPOT\", weight = 1 }, { capacity_provider = \"FARGATE\", base = 1 }]."
  type = list(object({
    capacity_provider = string
    weight            = optional(number)
    base              = optional(number)
  }))
  default  = []
  nullable = false

  validation {
    condition     = alltrue([for item in var.capacity_provider_strategy : trimspace(item.capacity_provider) != ""])
    error_message = "capacity_provider_strategy: a capacity_provider is empty (FARGATE, FARGATE_SPOT or a capacity provider name)."
  }

  validation {
    # https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
    condition     = alltrue([for item in var.capacity_provider_strategy : item.weight == null || (try(floor(item.weight) == item.weight, false) && try(item.weight >= 0 && item.weight <= 1000, false))])
    error_message = "capacity_provider_strategy: weight is out of range (an integer, 0-1000)."
  }

  validation {
    condition     = alltrue([for item in var.capacity_provider_strategy : item.base == null || (try(floor(item.base) == item.base, false) && try(item.base >= 0 && item.base <= 100000, false))])
    error_message = "capacity_provider_strategy: base is out of range (an integer, 0-100000)."
  }
}

variable "platform_version" {
  description = "Fargate platform version, e.g. 1.4.0. Default: LATEST."
  type        = string
  default     = null
}

variable "task_count" {
  description = "Tasks started per run: 1 or more for a rule, 1-10 for Scheduler."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = floor(var.task_count) == var.task_count && var.task_count >= 1
    error_message = "task_count: is out of range (an integer, at least 1; at most 10 with Scheduler)."
  }
}

variable "propagate_tags" {
  description = "Copy the task definition's tags to the task."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_ecs_managed_tags" {
  description = "Add ECS managed tags (aws:ecs:clusterName...) to the task."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_execute_command" {
  description = "Allow ECS Exec into the running task."
  type        = bool
  default     = false
  nullable    = false
}

variable "tags" {
  description = "Tags for the task and for the resources this module creates."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "container_overrides" {
  description = "Per-container command and environment for this schedule (the target input, RunTask overrides)."
  type = list(object({
    name        = string
    command     = optional(list(string))
    environment = optional(map(string))
  }))
  default  = []
  nullable = false

  validation {
    condition     = alltrue([for o in var.container_overrides : trimspace(o.name) != ""])
    error_message = "container_overrides: a name is empty (the container name in the task definition)."
  }
}

variable "scheduled_time_container" {
  description = "The container that learns when the schedule fired: the target adds ECS_BATCH_SCHEDULE and ECS_BATCH_SCHEDULE_TIME_ZONE to its environment, and a rule also the event's time as ECS_BATCH_SCHEDULED_TIME (an input transformer). Null: none."
  type        = string
  default     = null

  validation {
    condition     = var.scheduled_time_container == null || trimspace(coalesce(var.scheduled_time_container, " ")) != ""
    error_message = "scheduled_time_container: is empty (the container name in the task definition)."
  }
}

variable "retry_policy" {
  description = "Retries of a RunTask call that fails: maximum_retry_attempts (0-185, default 3) and maximum_event_age_seconds (60-86400, default 3600). AWS's own default of 185 attempts would keep a failing nightly job retrying for a day."
  type = object({
    maximum_retry_attempts    = optional(number, 3)
    maximum_event_age_seconds = optional(number, 3600)
  })
  default  = {}
  nullable = false

  validation {
    # https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html
    condition     = floor(var.retry_policy.maximum_retry_attempts) == var.retry_policy.maximum_retry_attempts && var.retry_policy.maximum_retry_attempts >= 0 && var.retry_policy.maximum_retry_attempts <= 185
    error_message = "retry_policy.maximum_retry_attempts: is out of range (an integer, 0-185)."
  }

  validation {
    condition     = floor(var.retry_policy.maximum_event_age_seconds) == var.retry_policy.maximum_event_age_seconds && var.retry_policy.maximum_event_age_seconds >= 60 && var.retry_policy.maximum_event_age_seconds <= 86400
    error_message = "retry_policy.maximum_event_age_seconds: is out of range (an integer, 60-86400)."
  }
}

variable "dead_letter_queue" {
  description = "Where runs that could not be started end up. {} or { retention_days = n } creates an SQS queue (retention 1-14 days, default 14); { arn = \"...\" } uses an existing standard queue (with a rule, attach the dead_letter_queue_policy_json output to it). null: none."
  type = object({
    arn            = optional(string)
    retention_days = optional(number)
  })
  default = null

  validation {
    condition     = var.dead_letter_queue == null || try(var.dead_letter_queue.arn == null || var.dead_letter_queue.retention_days == null, true)
    error_message = "dead_letter_queue: give arn (an existing queue) or retention_days (a new queue), not both."
  }

  validation {
    # https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
    condition     = try(var.dead_letter_queue.retention_days == null, true) || try(floor(var.dead_letter_queue.retention_days) == var.dead_letter_queue.retention_days && var.dead_letter_queue.retention_days >= 1 && var.dead_letter_queue.retention_days <= 14, false)
    error_message = "dead_letter_queue.retention_days: is out of range (an integer, 1-14)."
  }

  validation {
    # Standard queues only: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
    condition     = try(var.dead_letter_queue.arn == null, true) || can(regex("^arn:aws(-cn|-us-gov)?:sqs:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,80}$", var.dead_letter_queue.arn))
    error_message = "dead_letter_queue.arn: is not a standard SQS queue ARN (arn:<partition>:sqs:<region>:<account>:<queue-name>, no .fifo)."
  }
}

variable "execution_role_arn" {
  description = "The task execution role, which the invoking role may pass to ECS."
  type        = string
  default     = null

  validation {
    condition     = var.execution_role_arn == null || can(regex("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/.+$", var.execution_role_arn))
    error_message = "execution_role_arn: is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)."
  }
}

variable "task_role_arn" {
  description = "The task role, which the invoking role may pass to ECS."
  type        = string
  default     = null

  validation {
    condition     = var.task_role_arn == null || can(regex("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/.+$", var.task_role_arn))
    error_message = "task_role_arn: is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)."
  }
}

variable "permissions_boundary_arn" {
  description = "A permissions boundary for the invoker role. null: none."
  type        = string
  default     = null

  validation {
    condition     = var.permissions_boundary_arn == null || can(regex("^arn:aws(-cn|-us-gov)?:iam::(aws|[0-9]{12}):policy/.+$", var.permissions_boundary_arn))
    error_message = "permissions_boundary_arn: is not an IAM managed policy ARN (arn:<partition>:iam::aws:policy/<name> or arn:<partition>:iam::<account>:policy/<name>)."
  }
}

variable "schedule_group" {
  description = "Scheduler only: the schedule group, { name = \"...\" } (existing) or { name = \"...\", create = true }. null: the default group."
  type = object({
    name   = string
    create = optional(bool, false)
  })
  default = null

  validation {
    # https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateScheduleGroup.html#scheduler-CreateScheduleGroup-request-Name
    condition     = var.schedule_group == null || can(regex("^[0-9a-zA-Z._-]{1,64}$", var.schedule_group.name))
    error_message = "schedule_group: schedule group name is not valid (1-64 letters, numbers, ., -, _)."
  }
}

variable "flexible_time_window_minutes" {
  description = "Scheduler only: let Scheduler start up to this many minutes late (1-1440). null: OFF, on time."
  type        = number
  default     = null

  validation {
    # https://docs.aws.amazon.com/scheduler/latest/APIReference/API_FlexibleTimeWindow.html
    condition     = var.flexible_time_window_minutes == null || try(floor(var.flexible_time_window_minutes) == var.flexible_time_window_minutes && var.flexible_time_window_minutes >= 1 && var.flexible_time_window_minutes <= 1440, false)
    error_message = "flexible_time_window_minutes: is out of range (an integer, 1-1440)."
  }
}

variable "start_date" {
  description = "Scheduler only: no run before this UTC time, e.g. 2030-01-01T00:00:00Z."
  type        = string
  default     = null

  validation {
    condition     = var.start_date == null || can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", var.start_date))
    error_message = "start_date: is not a UTC timestamp (RFC 3339, e.g. 2030-01-01T00:00:00Z)."
  }
}

variable "end_date" {
  description = "Scheduler only: no run after this UTC time, e.g. 2030-12-31T00:00:00Z."
  type        = string
  default     = null

  validation {
    condition     = var.end_date == null || can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", var.end_date))
    error_message = "end_date: is not a UTC timestamp (RFC 3339, e.g. 2030-12-31T00:00:00Z)."
  }
}
