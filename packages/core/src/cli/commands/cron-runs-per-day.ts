import { JobDashboard } from '../../dashboard/job-dashboard';
import { TimeZone } from '../../schedule';
import { Command } from '../command';
import { asCronFlagError } from './cron-flags';

/** `ecs-batch cron runs-per-day <expr> [--tz ZONE]` */
export const CRON_RUNS_PER_DAY: Command = {
  group: 'cron',
  name: 'runs-per-day',
  summary: 'the runs a schedule fires per day (the dashboard\'s missed-run estimate)',
  arguments: [{ name: 'expr', description: "a schedule expression, e.g. 'cron(0 9 ? * MON-FRI *)' (quote it)" }],
  options: [
    { name: 'tz', kind: 'value', placeholder: 'ZONE', description: 'read the expression in this IANA time zone, as Scheduler does (default: UTC, as a rule does)' },
  ],
  description: [
    'Counts the fire times over one reference week and divides by 7, to two decimals',
    '(JobDashboard.expectedRunsPerDay): what the ecs-batch-dashboard module takes as a job\'s',
    'expected_runs_per_day. Sum it over a job\'s enabled schedules.',
    '',
    'JSON: {"runsPerDay": 0.71}',
  ].join('\n'),
  examples: [
    "ecs-batch cron runs-per-day 'cron(0 9 ? * MON-FRI *)' --tz Europe/Paris",
    "ecs-batch cron runs-per-day 'rate(1 hour)' --json",
  ],
  run(args) {
    const tz = args.values.get('tz');
    try {
      const timeZone = tz === undefined ? 'UTC' : TimeZone.validate(tz, '--tz');
      const runsPerDay = JobDashboard.expectedRunsPerDay(args.positionals[0], timeZone);
      return { json: { runsPerDay }, text: String(runsPerDay) };
    } catch (e) {
      throw asCronFlagError(e);
    }
  },
};
