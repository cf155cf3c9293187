# One CloudWatch dashboard for a set of jobs: per job, runs succeeded and failed,
# duration p50/p95/max against the timeout, stopped tasks with exit codes and
# failures to start, the last successful run, and missed runs per day (an
# approximation; the widget says why). The HCL twin of the EcsBatchDashboard
# construct of @ecs-batch/cdktf; the widgets are core's JobDashboard.row, generated.
#
# The exit codes come from ECS task-state-change events: a rule sends the jobs'
# stopped tasks on the cluster to a log group, which a resource policy
# (EventsLogGroupPolicy of core) opens to that rule only.

data "aws_region" "region" {}
data "aws_partition" "partition" {}

locals {
  tags = length(var.tags) == 0 ? null : var.tags

  jobs = [for i, j in var.jobs : {
    name             = j.name
    index            = i
    timeout_seconds  = j.timeout_seconds
    has_runs_per_day = j.expected_runs_per_day != null
    runs_per_day     = j.expected_runs_per_day == null ? 0 : j.expected_runs_per_day
  }]
}

resource "aws_cloudwatch_log_group" "task_events" {
  name              = local.task_events_log_group_name
  retention_in_days = var.events_log_retention_days
  tags              = local.tags

  lifecycle {
    precondition {
      # https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
      condition     = contains(local.log_retention_days_values, var.events_log_retention_days)
      error_message = "events_log_retention_days: ${var.events_log_retention_days} is not a CloudWatch Logs retention (${join(", ", local.log_retention_days_values)})."
    }
  }
}

resource "aws_cloudwatch_event_rule" "task_events_rule" {
  name          = local.task_events_rule_name
  description   = "Stopped tasks of the jobs on dashboard ${var.name}"
  event_pattern = jsonencode(local.task_events_pattern)
  tags          = local.tags
}

resource "aws_cloudwatch_log_resource_policy" "task_events_policy" {
  policy_name     = local.task_events_rule_name
  policy_document = jsonencode(local.task_events_policy)
}

resource "aws_cloudwatch_event_target" "task_events_target" {
  rule = aws_cloudwatch_event_rule.task_events_rule.name
  arn  = aws_cloudwatch_log_group.task_events.arn
}

resource "aws_cloudwatch_dashboard" "dashboard" {
  dashboard_name = var.name
  dashboard_body = jsonencode({ widgets = local.dashboard_widgets })

  lifecycle {
    precondition {
      # CloudWatch draws at most 500 widgets on a dashboard, 5 per job.
      condition     = length(var.jobs) <= local.max_jobs
      error_message = "jobs: has ${length(var.jobs)} jobs (at most ${local.max_jobs}: 5 widgets each, 500 per dashboard)."
    }
  }
}

# BEGIN GENERATED FROM @ecs-batch/core: do not edit by hand.
# Regenerate: cd packages/cdktf && UPDATE_GENERATED_HCL=1 npx jest test/hcl/generated-hcl.test.ts
locals {
  # JobDashboard.eventsLogGroupName
  task_events_log_group_name = "/aws/events/ecs-batch/${var.name}"

  # JobDashboard.eventsRuleName: the rule and the log resource policy
  task_events_rule_name = "${var.name}-task-events"

  # JobDashboard.taskEventsPattern: the jobs' stopped tasks on the cluster
  task_events_pattern = {
    source        = [
      "aws.ecs",
    ]
    "detail-type" = [
      "ECS Task State Change",
    ]
    detail        = {
      clusterArn = [
        var.cluster_arn,
      ]
      lastStatus = [
        "STOPPED",
      ]
      group      = [for j in var.jobs : "family:${j.name}"]
    }
  }

  # JobDashboard.CONSOLE_HOSTS
  console_hosts = {
    aws          = "console.aws.amazon.com"
    "aws-cn"     = "console.amazonaws.cn"
    "aws-us-gov" = "console.amazonaws-us-gov.com"
  }

  # JobDashboard.url
  dashboard_url = "https://${data.aws_region.region.region}.${lookup(local.console_hosts, data.aws_partition.partition.partition, local.console_hosts.aws)}/cloudwatch/home?region=${data.aws_region.region.region}#dashboards/dashboard/${aws_cloudwatch_dashboard.dashboard.dashboard_name}"

  # CloudWatch Logs retention values (AwsLimits.LOG_RETENTION_DAYS)
  log_retention_days_values = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]

  # JobDashboard.MAX_JOBS: widgets per dashboard / widgets per job
  max_jobs = 100

  # JobDashboard.row for each job
  dashboard_widgets = flatten([for j in local.jobs : [
    {
      type       = "metric"
      x          = 0
      y          = j.index * 6
      width      = 6
      height     = 6
      properties = {
        title   = "${j.name}: runs"
        region  = data.aws_region.region.region
        view    = "timeSeries"
        stat    = "Sum"
        period  = 3600
        metrics = [
          [
            var.metric_namespace,
            "JobSucceeded",
            "Job",
            j.name,
            {
              label = "succeeded"
            },
          ],
          [
            var.metric_namespace,
            "JobFailed",
            "Job",
            j.name,
            {
              label = "failed"
            },
          ],
        ]
      }
    },
    {
      type       = "metric"
      x          = 6
      y          = j.index * 6
      width      = 6
      height     = 6
      properties = {
        title       = "${j.name}: duration (ms)"
        region      = data.aws_region.region.region
        view        = "timeSeries"
        period      = 3600
        metrics     = [
          [
            var.metric_namespace,
            "JobDurationMs",
            "Job",
            j.name,
            {
              stat  = "p50"
              label = "p50"
            },
          ],
          [
            var.metric_namespace,
            "JobDurationMs",
            "Job",
            j.name,
            {
              stat  = "p95"
              label = "p95"
            },
          ],
          [
            var.metric_namespace,
            "JobDurationMs",
            "Job",
            j.name,
            {
              stat  = "Maximum"
              label = "max"
            },
          ],
        ]
        annotations = {
          horizontal = [
            {
              label = "timeout"
              value = j.timeout_seconds * 1000
            },
          ]
        }
      }
    },
    {
      type       = "log"
      x          = 12
      y          = j.index * 6
      width      = 6
      height     = 6
      properties = {
        title  = "${j.name}: stopped tasks (exit code, failures to start)"
        region = data.aws_region.region.region
        view   = "table"
        query  = "SOURCE '${local.task_events_log_group_name}' | fields @timestamp, detail.taskArn, detail.stopCode, detail.containers.0.exitCode as exitCode, detail.stoppedReason | filter detail.lastStatus = \"STOPPED\" and detail.group = \"family:${j.name}\" | sort @timestamp desc | limit 20"
      }
    },
    {
      type       = "log"
      x          = 18
      y          = j.index * 6
      width      = 6
      height     = 3
      properties = {
        title  = "${j.name}: last successful run"
        region = data.aws_region.region.region
        view   = "table"
        query  = "SOURCE '/ecs-batch/${j.name}' | filter event = \"end\" and outcome = \"succeeded\" and job = \"${j.name}\" | stats max(@timestamp) as lastSuccess, latest(runId) as runId"
      }
    },
    [for k, w in [
      {
        type       = "text"
        x          = 18
        y          = j.index * 6 + 3
        width      = 6
        height     = 3
        properties = {
          markdown = "**${j.name}: missed runs** — no schedule given, so no estimate."
        }
      },
      {
        type       = "metric"
        x          = 18
        y          = j.index * 6 + 3
        width      = 6
        height     = 3
        properties = {
          title   = "${j.name}: missed runs per day (approx.: ${j.runs_per_day} expected − runs reported)"
          region  = data.aws_region.region.region
          view    = "timeSeries"
          stat    = "Sum"
          period  = 86400
          metrics = [
            [
              {
                expression = "${j.runs_per_day} - FILL(s${j.index * 6}, 0) - FILL(f${j.index * 6}, 0)"
                label      = "missed ≈ expected − reported (a dashboard cannot match each fire time to a run; below 0: extra runs)"
                id         = "missed${j.index * 6}"
              },
            ],
            [
              var.metric_namespace,
              "JobSucceeded",
              "Job",
              j.name,
              {
                id      = "s${j.index * 6}"
                visible = false
              },
            ],
            [
              var.metric_namespace,
              "JobFailed",
              "Job",
              j.name,
              {
                id      = "f${j.index * 6}"
                visible = false
              },
            ],
          ]
        }
      },
    ] : w if k == (j.has_runs_per_day ? 1 : 0)],
  ]])

  # EventsLogGroupPolicy.document: the rule may write the log group
  task_events_policy = {
    Version = "2012-10-17"
    Statement = [for s in [
      {
        enabled   = true
        statement = {
          Sid       = "EventBridgeCreatesTaskEventStreams"
          Effect    = "Allow"
          Principal = {
            Service = [
              "events.amazonaws.com",
              "delivery.logs.amazonaws.com",
            ]
          }
          Action    = "logs:CreateLogStream"
          Resource  = "${aws_cloudwatch_log_group.task_events.arn}:*"
        }
      },
      {
        enabled   = true
        statement = {
          Sid       = "EventBridgeRuleWritesTaskEvents"
          Effect    = "Allow"
          Principal = {
            Service = [
              "events.amazonaws.com",
              "delivery.logs.amazonaws.com",
            ]
          }
          Action    = "logs:PutLogEvents"
          Resource  = "${aws_cloudwatch_log_group.task_events.arn}:*"
          Condition = {
            ArnEquals = {
              "aws:SourceArn" = aws_cloudwatch_event_rule.task_events_rule.arn
            }
          }
        }
      },
    ] : s.statement if s.enabled]
  }
}
# END GENERATED FROM @ecs-batch/core
