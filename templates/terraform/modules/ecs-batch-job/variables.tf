# Inputs of the ecs-batch-job module. Each mirrors a prop of the EcsBatchJob
# construct (@ecs-batch/cdktf), with the same defaults and checks. The
# ecs-batch-template project writes them as a *.auto.tfvars.json.

# --- the job ---

variable "name" {
  description = "Job name (1-40 letters, numbers, '-', '_'): the task definition family, the container, the log group /ecs-batch/<name>, the metric dimension, and the prefix of the rule/schedule names (<name>-<schedule>)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,40}$", var.name))
    error_message = "name: is not a valid job name (1-40 letters, numbers, '-', '_': it names the family, log group, rules and metrics)."
  }
}

variable "image" {
  description = "Container image of the revision Terraform creates. CI registers later revisions (new tags) outside Terraform; Terraform does not revert them."
  type        = string

  validation {
    condition     = trimspace(var.image) != ""
    error_message = "image: is empty (an image URI, e.g. 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/team/jobs:1.2.0)."
  }
}

variable "handler" {
  description = "Lambda-style handler the runner calls, e.g. dist/jobs/nightly.handler (ECS_BATCH_HANDLER), so one image serves every job. null: the image's command names it."
  type        = string
  default     = null
}

variable "command" {
  description = "Container command. null: the image's CMD."
  type        = list(string)
  default     = null
}

variable "environment" {
  description = "Environment variables of the container. Names starting with ECS_BATCH_ are the runner's (set by handler, timeout_seconds, overlap, metric_namespace and a schedule's event)."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue([for name in keys(var.environment) : !startswith(name, "ECS_BATCH_")])
    error_message = "environment: ECS_BATCH_* names are reserved for the runner (set handler, timeout_seconds, overlap or metric_namespace, or a schedule's event)."
  }
}

variable "secrets_manager_secrets" {
  description = "Secrets Manager secrets as environment variables: name => secret ARN as ECS takes it in valueFrom, optionally with :<json-key>:<version-stage>:<version-id> (e.g. ...:secret:db-AbCdEf:password::). The execution role may read exactly these secrets."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    # ExecutionRolePolicy.SECRETS_MANAGER_VALUE_FROM_PATTERN of @ecs-batch/core.
    # https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
    condition     = alltrue([for arn in values(var.secrets_manager_secrets) : can(regex("^arn:aws(-cn|-us-gov)?:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[^:]+(:[^:]*:[^:]*:[^:]*)?$", arn))])
    error_message = "secrets_manager_secrets: a value is not a Secrets Manager valueFrom (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>, optionally followed by :<json-key>:<version-stage>:<version-id>, each may be empty, e.g. :password::)."
  }
}

variable "ssm_parameters" {
  description = "SSM parameters as environment variables: name => parameter ARN, or parameter name (/team/db/host), which becomes the ARN in the job's account and region. The execution role may read exactly these."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    # An ARN, or a name (SsmParameterArn.NAME_PATTERN of @ecs-batch/core, not starting with aws or ssm).
    # https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-ssm-paramstore.html
    condition = alltrue([for v in values(var.ssm_parameters) : startswith(v, "arn:")
      ? can(regex("^arn:aws(-cn|-us-gov)?:ssm:[a-z0-9-]+:[0-9]{12}:parameter/.+$", v))
      : can(regex("^/?[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)*$", v)) && length(v) <= 1011 && !can(regex("^/?(aws|ssm)", lower(v)))
    ])
    error_message = "ssm_parameters: a value is neither an SSM parameter ARN (arn:<partition>:ssm:<region>:<account>:parameter/<name>) nor a parameter name (letters, numbers, . - _ and / between levels, not starting with aws or ssm)."
  }
}

variable "kms_key_arns" {
  description = "Customer managed KMS keys that encrypt the secrets or parameters: the execution role may kms:Decrypt with them, only through Secrets Manager / SSM (kms:ViaService). Not needed for the AWS managed keys."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.kms_key_arns : can(regex("^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", arn))])
    error_message = "kms_key_arns: a value is not a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key-id>)."
  }
}

variable "cpu" {
  description = "CPU units (256 = 0.25 vCPU); with memory, a valid Fargate size."
  type        = number
  default     = 256
  nullable    = false
}

variable "memory" {
  description = "Memory in MiB; with cpu, a valid Fargate size."
  type        = number
  default     = 512
  nullable    = false
}

variable "architecture" {
  description = "X86_64 or ARM64 (Graviton: the image must be built for linux/arm64)."
  type        = string
  default     = "X86_64"
  nullable    = false

  validation {
    condition     = contains(["X86_64", "ARM64"], var.architecture)
    error_message = "architecture: must be X86_64 or ARM64."
  }
}

variable "ephemeral_storage_gib" {
  description = "Ephemeral storage of the task in GiB (21-200). null: Fargate's 20 GiB."
  type        = number
  default     = null

  validation {
    # AwsLimits.FARGATE_EPHEMERAL_STORAGE_MIN_GIB / _MAX_GIB of @ecs-batch/core.
    # https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html
    condition     = var.ephemeral_storage_gib == null || try(floor(var.ephemeral_storage_gib) == var.ephemeral_storage_gib && var.ephemeral_storage_gib >= 21 && var.ephemeral_storage_gib <= 200, false)
    error_message = "ephemeral_storage_gib: is out of range (an integer, 21-200)."
  }
}

variable "stop_timeout_seconds" {
  description = "Seconds the container has to exit after SIGTERM before it is killed (1-120 on Fargate). null: ECS's 30 seconds."
  type        = number
  default     = null

  validation {
    # AwsLimits.FARGATE_STOP_TIMEOUT_MAX_SECONDS of @ecs-batch/core.
    # https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
    condition     = var.stop_timeout_seconds == null || try(floor(var.stop_timeout_seconds) == var.stop_timeout_seconds && var.stop_timeout_seconds >= 1 && var.stop_timeout_seconds <= 120, false)
    error_message = "stop_timeout_seconds: is out of range (an integer, 1-120)."
  }
}

variable "readonly_root_filesystem" {
  description = "Mount the container's root filesystem read-only, with a writable /tmp volume (Lambda code writes to /tmp)."
  type        = bool
  default     = true
  nullable    = false
}

variable "log_retention_days" {
  description = "Days the log group keeps the job's logs (a CloudWatch Logs retention value: 1, 3, 5, 7, 14, 30, 60, 90, ...)."
  type        = number
  default     = 30
  nullable    = false
}

variable "timeout_seconds" {
  description = "Seconds a run may take before the runner stops it (exit code 124)."
  type        = number
  default     = 3600
  nullable    = false

  validation {
    condition     = floor(var.timeout_seconds) == var.timeout_seconds && var.timeout_seconds >= 1
    error_message = "timeout_seconds: is out of range (an integer, at least 1)."
  }
}

variable "overlap" {
  description = "\"allow\": runs may overlap. \"skip\": a run exits 0 while another task of the family is running (the task role gets ecs:ListTasks and ecs:DescribeTasks in the cluster for the check; of tasks started together, the earliest runs)."
  type        = string
  default     = "allow"
  nullable    = false

  validation {
    condition     = contains(["allow", "skip"], var.overlap)
    error_message = "overlap: must be \"allow\" or \"skip\"."
  }
}

variable "metric_namespace" {
  description = "CloudWatch namespace of the runner's metrics (JobSucceeded, JobFailed, JobDurationMs)."
  type        = string
  default     = "EcsBatch"
  nullable    = false

  validation {
    condition     = trimspace(var.metric_namespace) != ""
    error_message = "metric_namespace: is empty (a CloudWatch namespace, e.g. EcsBatch)."
  }
}

variable "ecr_repository_arn" {
  description = "The private ECR repository of the image, for the execution role's pull permission. null for public images. (The EcsBatchJob construct derives it from a literal ECR image URI; the ecs-batch-template writes it into the tfvars.)"
  type        = string
  default     = null

  validation {
    condition     = var.ecr_repository_arn == null || can(regex("^arn:aws(-cn|-us-gov)?:ecr:[a-z0-9-]+:[0-9]{12}:repository/.+$", var.ecr_repository_arn))
    error_message = "ecr_repository_arn: is not an ECR repository ARN (arn:<partition>:ecr:<region>:<account>:repository/<name>)."
  }
}

variable "permissions" {
  description = "What the job's own code may do: the task role's statements, each { actions, resources, conditions = [{ operator, key, values }] }. '*' and 'iam:*' actions are refused. Empty: nothing."
  type = list(object({
    actions   = list(string)
    resources = list(string)
    conditions = optional(list(object({
      operator = string
      key      = string
      values   = list(string)
    })), [])
  }))
  default  = []
  nullable = false

  validation {
    # TaskRolePermissions of @ecs-batch/core: '*' allows every action of every service,
    # 'iam:*' lets the job grant itself anything.
    condition     = alltrue(flatten([for p in var.permissions : [for a in p.actions : a != "*" && lower(a) != "iam:*"]]))
    error_message = "permissions: an action is '*' or 'iam:*' (list the actions the job calls, e.g. s3:GetObject)."
  }

  validation {
    # https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
    condition     = alltrue(flatten([for p in var.permissions : [for a in p.actions : can(regex("^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$", a))]]))
    error_message = "permissions: an action is not an IAM action (<service>:<Action>, e.g. s3:GetObject)."
  }

  validation {
    condition     = alltrue([for p in var.permissions : length(p.actions) > 0 && length(p.resources) > 0])
    error_message = "permissions: a permission has no actions or no resources."
  }
}

variable "managed_policy_arns" {
  description = "Managed policies attached to the task role (not AdministratorAccess or IAMFullAccess)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.managed_policy_arns : can(regex("^arn:aws(-cn|-us-gov)?:iam::(aws|[0-9]{12}):policy/.+$", arn))])
    error_message = "managed_policy_arns: a value is not an IAM managed policy ARN (arn:<partition>:iam::aws:policy/<name> or arn:<partition>:iam::<account>:policy/<name>)."
  }

  validation {
    # ManagedPolicyArn.REFUSED_FOR_JOBS of @ecs-batch/core.
    condition     = alltrue([for arn in var.managed_policy_arns : !can(regex("^arn:[^:]+:iam::aws:policy/(AdministratorAccess|IAMFullAccess)$", arn))])
    error_message = "managed_policy_arns: AdministratorAccess and IAMFullAccess grant * or iam:* (give the job the permissions it uses instead)."
  }
}

variable "task_role_policy_statements" {
  description = "Deprecated: use permissions. IAM statements (objects with Effect, Action, Resource...) for the task role, after permissions."
  type        = any
  default     = []
  nullable    = false
}

variable "permissions_boundary_arn" {
  description = "A permissions boundary for every role the job creates: task, execution and each schedule's invoker role. null: none."
  type        = string
  default     = null

  validation {
    condition     = var.permissions_boundary_arn == null || can(regex("^arn:aws(-cn|-us-gov)?:iam::(aws|[0-9]{12}):policy/.+$", var.permissions_boundary_arn))
    error_message = "permissions_boundary_arn: is not an IAM managed policy ARN (arn:<partition>:iam::aws:policy/<name> or arn:<partition>:iam::<account>:policy/<name>)."
  }
}

# --- where it runs (the same for every schedule) ---

variable "cluster_arn" {
  description = "ARN of the ECS cluster."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets of the task's network interface."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the task's network interface. Empty: the VPC's default security group."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "assign_public_ip" {
  description = "Give the task a public IP (Fargate only)."
  type        = bool
  default     = false
  nullable    = false
}

variable "launch_type" {
  description = "FARGATE, EC2 or EXTERNAL; cannot be combined with capacity_provider_strategy. Default: FARGATE unless a strategy is given."
  type        = string
  default     = null
}

variable "capacity_provider_strategy" {
  description = "Capacity providers instead of a launch type."
  type = list(object({
    capacity_provider = string
    weight            = optional(number)
    base              = optional(number)
  }))
  default  = []
  nullable = false
}

variable "platform_version" {
  description = "Fargate platform version. Default: LATEST."
  type        = string
  default     = null
}

variable "propagate_tags" {
  description = "Copy the task definition's tags to each task."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_ecs_managed_tags" {
  description = "Add ECS managed tags to each task."
  type        = bool
  default     = false
  nullable    = false
}

# --- when it runs ---

variable "schedules" {
  description = "One or more schedules, by name (the rule/schedule is <name>-<key>). Each: schedule_expression, and optionally time_zone, trigger, description, enabled, command, environment, event (JSON for ECS_BATCH_EVENT), task_count, retry_policy, dead_letter_queue, schedule_group, flexible_time_window_minutes, start_date, end_date (see the ecs-scheduled-task module)."
  type = map(object({
    schedule_expression = string
    time_zone           = optional(string)
    trigger             = optional(string)
    description         = optional(string)
    enabled             = optional(bool, true)
    command             = optional(list(string))
    environment         = optional(map(string))
    event               = optional(string)
    task_count          = optional(number, 1)
    retry_policy = optional(object({
      maximum_retry_attempts    = optional(number, 3)
      maximum_event_age_seconds = optional(number, 3600)
    }), {})
    dead_letter_queue = optional(object({
      arn            = optional(string)
      retention_days = optional(number)
    }))
    schedule_group = optional(object({
      name   = string
      create = optional(bool, false)
    }))
    flexible_time_window_minutes = optional(number)
    start_date                   = optional(string)
    end_date                     = optional(string)
  }))

  validation {
    condition     = length(var.schedules) > 0
    error_message = "schedules: is empty (at least one schedule, e.g. { nightly = { schedule_expression = \"cron(0 2 * * ? *)\", time_zone = \"Asia/Tokyo\" } })."
  }

  validation {
    condition     = alltrue([for name in keys(var.schedules) : can(regex("^[A-Za-z0-9_-]+$", name))])
    error_message = "schedules: a schedule name is not valid (letters, numbers, '-', '_')."
  }
}

# --- when it fails ---

variable "alerts" {
  description = "Alert when a run fails. {} creates an SNS topic; { topic_arn = \"...\" } uses an existing one (its policy must let events.amazonaws.com publish); emails = [...] subscribes addresses. null: no alerts."
  type = object({
    topic_arn = optional(string)
    emails    = optional(list(string), [])
  })
  default = null
}

variable "missed_run_alarm" {
  description = "{ hours = n }: alarm when the job has not succeeded in n hours (1-168; missing data counts as failing). For a daily job, 25. null: no alarm."
  type = object({
    hours = number
  })
  default = null

  validation {
    # https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
    condition     = var.missed_run_alarm == null || try(floor(var.missed_run_alarm.hours) == var.missed_run_alarm.hours && var.missed_run_alarm.hours >= 1 && var.missed_run_alarm.hours <= 168, false)
    error_message = "missed_run_alarm.hours: is out of range (an integer, 1-168)."
  }
}

variable "duration_alarm" {
  description = "{ share = 0.8 }: alarm (to the alert topic) when p95 of the job's duration over a day is above this share of timeout_seconds (more than 0, below 1; default 0.8). null: no alarm."
  type = object({
    share = optional(number, 0.8)
  })
  default = null

  validation {
    condition     = var.duration_alarm == null || try(var.duration_alarm.share > 0 && var.duration_alarm.share < 1, false)
    error_message = "duration_alarm.share: is out of range (more than 0 and below 1, e.g. 0.8 for 80% of the timeout)."
  }
}

variable "tags" {
  description = "Tags for every resource and task."
  type        = map(string)
  default     = {}
  nullable    = false
}
