terraform {
  # The ecs-batch-job module's own floor.
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # aws_ecs_task_definition.track_latest, which the module uses to follow
      # the revisions CI registers, arrived in 5.37.
      version = ">= 5.37"
    }
  }
}

provider "aws" {
  region = var.region
}
