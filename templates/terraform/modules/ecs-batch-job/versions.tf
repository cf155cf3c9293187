terraform {
  # Preconditions, optional() object attributes with defaults, timecmp(): 1.3+;
  # 1.5 is the floor this project tests against.
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # aws_ecs_task_definition.track_latest (5.37): follow the revisions CI registers.
      version = ">= 5.37"
    }
  }
}
