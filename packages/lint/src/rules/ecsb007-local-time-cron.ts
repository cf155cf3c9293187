import { Schedule, ScheduleKind, TimeZone } from '@ecs-batch/core';
import { LintContext, LintRule, RawFinding } from '../private/lint-context';
import { Severity } from '../severity';

/** Zone abbreviations people write in comments, to the IANA zone the fix converts from. */
const ABBREVIATIONS: { [abbreviation: string]: string } = {
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  IST: 'Asia/Kolkata',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  EET: 'Europe/Helsinki',
  EEST: 'Europe/Helsinki',
  BST: 'Europe/London',
  WET: 'Europe/Lisbon',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
};
const ABBREVIATION = new RegExp(`\\b(${Object.keys(ABBREVIATIONS).join('|')})\\b`);
const OFFSET = /(?:UTC|GMT)?\s?([+-])(\d{1,2}):?(\d{2})?\b/;
const IANA = /\b([A-Z][a-z]+(?:_[A-Z][a-z]+)*\/[A-Z][A-Za-z_]+)\b/;
const LOCAL = /\blocal time\b/i;
const SAYS_UTC = /\b(UTC|GMT|Zulu)\b(?!\s?[+-]\d)/;

/** ECSB007: a rule's cron meant in local time; a Scheduler schedule without the zone it is meant in. */
export const ECSB007: LintRule = {
  id: 'ECSB007',
  title: 'Cron meant in local time',
  severity: Severity.WARNING,
  description: 'EventBridge rules read cron in UTC only. A cron written for local time (a comment naming a zone or offset, or the team\'s `--time-zone`) runs hours off, and drifts by an hour at each daylight saving change. EventBridge Scheduler takes the zone: `schedule_expression_timezone`.',
  awsDocUrl: 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#time-zones',
  async check(context: LintContext): Promise<RawFinding[]> {
    const out: RawFinding[] = [];
    const teamZone = context.timeZone !== undefined && !TimeZone.isUtc(context.timeZone) ? TimeZone.validate(context.timeZone, '--time-zone') : undefined;
    for (const module of context.modules) {
      for (const block of module.resources('aws_cloudwatch_event_rule')) {
        const r = await module.values.resolve(block.body.schedule_expression);
        if (!r.resolved || typeof r.value !== 'string' || !r.value.startsWith('cron(')) continue;
        let schedule: Schedule;
        try {
          schedule = Schedule.expression(r.value);
        } catch {
          continue; // ECSB006 reports it
        }
        if (schedule.kind !== ScheduleKind.CRON) continue;
        const comments = [...block.comments, ...(block.attributes.schedule_expression?.comments ?? [])].join('\n');
        const meant = zoneInComments(comments) ?? (teamZone ? { zone: teamZone, said: `--time-zone ${teamZone}` } : undefined);
        if (!meant) continue;
        const rule = `an EventBridge rule reads ${schedule.expressionString} in UTC, but it is meant in ${meant.said}`;
        out.push({ block, attribute: 'schedule_expression', message: rule, fix: fixFor(schedule, meant.zone) });
      }
      if (!teamZone) continue;
      for (const block of module.resources('aws_scheduler_schedule')) {
        if (block.body.schedule_expression_timezone !== undefined) continue;
        out.push({
          block,
          attribute: 'schedule_expression',
          message: `no schedule_expression_timezone: Scheduler reads the expression in UTC, but the team's time zone is ${teamZone}`,
          fix: `schedule_expression_timezone = "${teamZone}"`,
        });
      }
    }
    return out;
  },
};

interface Meant {
  /** An IANA zone to convert from; undefined when the comment says only "local time" or an odd offset. */
  readonly zone?: string;
  readonly said: string;
}

function zoneInComments(comments: string): Meant | undefined {
  if (comments.trim() === '') return undefined;
  const abbreviation = ABBREVIATION.exec(comments);
  if (abbreviation && !SAYS_UTC.test(comments)) return { zone: ABBREVIATIONS[abbreviation[1]], said: abbreviation[1] };
  const iana = IANA.exec(comments);
  if (iana && !SAYS_UTC.test(comments)) {
    try {
      return { zone: TimeZone.validate(iana[1]), said: iana[1] };
    } catch {
      // not a zone name ("CI/CD"): keep looking
    }
  }
  const offset = OFFSET.exec(comments);
  if (offset && (offset[3] !== undefined || /UTC|GMT/.test(offset[0]))) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? '0');
    if (hours === 0 && minutes === 0) return undefined;
    // Etc/GMT zones have the sign reversed: UTC+09:00 is Etc/GMT-9.
    const zone = minutes === 0 && hours <= 14 ? `Etc/GMT${offset[1] === '+' ? '-' : '+'}${hours}` : undefined;
    return { zone, said: `UTC${offset[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
  }
  if (LOCAL.test(comments) && !SAYS_UTC.test(comments)) return { said: 'local time' };
  return undefined;
}

function fixFor(schedule: Schedule, zone: string | undefined): string {
  const scheduler = `or use aws_scheduler_schedule with schedule_expression = "${schedule.expressionString}" and schedule_expression_timezone = "${zone ?? '<your IANA zone>'}"`;
  if (!zone) return `give the UTC cron, ${scheduler}`;
  const utc = schedule.toUtc(zone);
  const caveat = utc.exact ? '' : ` (not exact all year: ${utc.warnings.join('; ')})`;
  return `schedule_expression = "${utc.expression}"${caveat}, ${scheduler}`;
}
