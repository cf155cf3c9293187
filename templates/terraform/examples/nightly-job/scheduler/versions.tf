terraform {
  # The ecs-batch-job module's own bounds (TerraformVersions in @ecs-batch/core).
  required_version = "~> 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Provider 6 from 6.25, as the modules ask: the version they are tested with.
      version = "~> 6.25"
    }
  }
}

provider "aws" {
  region = var.region
}
