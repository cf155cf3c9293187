import { Schedule, TimeZone } from '../../schedule';
import { Command } from '../command';
import { FlagValues } from '../flag-values';
import { asCronFlagError } from './cron-flags';

/** `ecs-batch cron next <expr> [--count N] [--from ISO] [--tz ZONE]` */
export const CRON_NEXT: Command = {
  group: 'cron',
  name: 'next',
  summary: 'the next fire times of a schedule expression',
  arguments: [{ name: 'expr', description: "a schedule expression, e.g. 'cron(0 2 * * ? *)' (quote it)" }],
  options: [
    { name: 'count', kind: 'value', placeholder: 'N', description: 'how many fire times (default: 10)' },
    { name: 'from', kind: 'value', placeholder: 'ISO', description: 'start after this instant, e.g. 2026-01-01T00:00:00Z; no offset means UTC (default: now)' },
    { name: 'tz', kind: 'value', placeholder: 'ZONE', description: 'read the expression in this IANA time zone, as Scheduler does (default: UTC, as a rule does)' },
  ],
  description: [
    'Lists the next fire times, as ISO-8601 UTC instants.',
    '',
    'Without --tz the expression is read in UTC, as an EventBridge rule reads it. With --tz it is',
    'read in that zone, as EventBridge Scheduler reads it with schedule_expression_timezone: a local',
    'time that does not exist (DST spring-forward) is skipped, and an ambiguous one (fall-back) runs',
    'once, at its first occurrence.',
    '',
    'JSON: ["2026-01-01T17:00:00.000Z", ...]',
  ].join('\n'),
  examples: [
    "ecs-batch cron next 'cron(0 2 * * ? *)' --tz Asia/Tokyo --count 3",
    "ecs-batch cron next 'rate(1 hour)' --from 2026-01-01T00:00:00Z --json",
  ],
  run(args) {
    const count = FlagValues.integer(args.values.get('count'), '--count');
    const from = FlagValues.instant(args.values.get('from'), '--from');
    const tz = args.values.get('tz');
    try {
      const timeZone = tz === undefined ? undefined : TimeZone.validate(tz, '--tz');
      const schedule = Schedule.expression(args.positionals[0]);
      const times = schedule.nextFireTimes({ count, from, timeZone });
      const local = timeZone === undefined ? undefined : new Intl.DateTimeFormat('sv-SE', {
        timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
      });
      return {
        json: times.map((t) => t.toISOString()),
        text: times.map((t) => (local === undefined ? t.toISOString() : `${t.toISOString()}  ${local.format(t)} ${timeZone}`)).join('\n'),
      };
    } catch (e) {
      throw asCronFlagError(e);
    }
  },
};
