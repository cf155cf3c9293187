terraform {
  # Preconditions, optional() object attributes with defaults, timecmp(): 1.3+;
  # 1.5 is the floor this project tests against. Bounded by the next major
  # (TerraformVersions.MODULES in @ecs-batch/core).
  required_version = "~> 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.x from 6.25, the version the constructs are tested with: data.aws_region's
      # `region` attribute (6.0) and aws_ecs_task_definition.track_latest (5.37).
      # TerraformVersions.AWS_PROVIDER in @ecs-batch/core.
      version = "~> 6.25"
    }
  }
}
