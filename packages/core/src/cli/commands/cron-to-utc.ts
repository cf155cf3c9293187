import { Schedule, TimeZone } from '../../schedule';
import { Command } from '../command';
import { asCronFlagError } from './cron-flags';

/** `ecs-batch cron to-utc <expr> --tz ZONE` */
export const CRON_TO_UTC: Command = {
  group: 'cron',
  name: 'to-utc',
  summary: 'convert a cron expression meant in a local time zone to the UTC cron of a rule',
  arguments: [{ name: 'expr', description: "a cron expression in local time, e.g. 'cron(0 2 * * ? *)' (quote it)" }],
  options: [
    { name: 'tz', kind: 'value', placeholder: 'ZONE', required: true, description: 'the IANA time zone the expression is meant in, e.g. Asia/Tokyo' },
  ],
  description: [
    'EventBridge rules read cron in UTC. This shifts the hours, and the days where the day changes,',
    "so the rule fires at the intended local time (Asia/Tokyo 02:00 every day -> 'cron(0 17 * * ? *)').",
    '',
    '"exact" is false when no single UTC cron matches, e.g. the zone observes daylight saving time;',
    'the warnings then recommend EventBridge Scheduler with schedule_expression_timezone.',
    '',
    'JSON: {"expression":"cron(...)","exact":true,"warnings":[]}',
  ].join('\n'),
  examples: [
    "ecs-batch cron to-utc 'cron(0 2 * * ? *)' --tz Asia/Tokyo",
    "ecs-batch cron to-utc 'cron(0 8 ? * MON *)' --tz Asia/Tokyo --json",
  ],
  run(args) {
    try {
      const timeZone = TimeZone.validate(args.values.get('tz')!, '--tz');
      const conversion = Schedule.expression(args.positionals[0]).toUtc(timeZone);
      return {
        json: { expression: conversion.expression, exact: conversion.exact, warnings: conversion.warnings },
        text: [
          `expression: ${conversion.expression}`,
          `exact:      ${conversion.exact ? 'yes' : 'no'}`,
          ...conversion.warnings.map((w) => `warning:    ${w}`),
        ].join('\n'),
      };
    } catch (e) {
      throw asCronFlagError(e);
    }
  },
};
