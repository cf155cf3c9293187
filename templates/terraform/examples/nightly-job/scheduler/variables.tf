variable "region" {
  description = "AWS region of the cluster, e.g. ap-northeast-1 (Tokyo)."
  type        = string
  default     = "ap-northeast-1"
}

variable "image" {
  description = "Container image of the first revision. CI registers later revisions (new tags) outside Terraform."
  type        = string
}

variable "ecr_repository_arn" {
  description = "The private ECR repository of the image, for the execution role's pull permission. null for a public image."
  type        = string
  default     = null
}

variable "handler" {
  description = "Lambda-style handler the runner calls, e.g. dist/jobs/nightly.handler."
  type        = string
}

variable "cluster_arn" {
  description = "ARN of the ECS cluster."
  type        = string
}

variable "subnet_ids" {
  description = "Public subnets: the task gets a public IP to reach ECR and CloudWatch without a NAT gateway."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the task (egress to the internet is enough)."
  type        = list(string)
  default     = []
}

variable "alert_emails" {
  description = "Addresses that receive failed runs and the missed-run alarm (each confirms a subscription mail first)."
  type        = list(string)
  default     = []
}
