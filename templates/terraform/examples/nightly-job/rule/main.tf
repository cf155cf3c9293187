# The original case: a job that ran every day at 02:00 Tokyo time, now an ECS
# Fargate task in a public subnet, started by an EventBridge rule.
#
# A rule reads cron in UTC only. Tokyo is UTC+9 all year (no daylight saving
# time), so 02:00 Asia/Tokyo is exactly 17:00 UTC the day before:
#   npx ecs-batch cron to-utc 'cron(0 2 * * ? *)' --tz Asia/Tokyo
# For a zone with daylight saving time, use the scheduler variant instead.

module "nightly" {
  source = "../../../modules/ecs-batch-job"

  name               = "nightly"
  image              = var.image
  ecr_repository_arn = var.ecr_repository_arn
  handler            = var.handler

  cluster_arn        = var.cluster_arn
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  launch_type        = "FARGATE"
  assign_public_ip   = true

  schedules = {
    daily = {
      description         = "Every day at 02:00 Asia/Tokyo (17:00 UTC)"
      schedule_expression = "cron(0 17 * * ? *)"
      trigger             = "rule"
    }
  }

  alerts           = { emails = var.alert_emails }
  missed_run_alarm = { hours = 25 }
}

# One dashboard of the job: runs, duration against the timeout, exit codes and
# failures to start, the last success, missed runs (one run a day expected).
module "dashboard" {
  source = "../../../modules/ecs-batch-dashboard"

  name        = "nightly"
  cluster_arn = var.cluster_arn
  jobs        = [{ name = "nightly", expected_runs_per_day = 1 }]
}
