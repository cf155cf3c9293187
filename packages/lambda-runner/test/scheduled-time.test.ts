import { Errors } from '@ecs-batch/core';
import { scheduledTime } from '../src/scheduled-time';

const start = new Date('2026-03-10T17:10:00Z');
const at = (env: { [name: string]: string }, now = start) => scheduledTime(env, now).toISOString();

describe('scheduledTime: the handler\'s event.time', () => {
  test('a rule passes the event\'s time: it wins', () => {
    expect(at({ ECS_BATCH_SCHEDULED_TIME: '2026-03-10T17:00:00Z', ECS_BATCH_SCHEDULE: 'cron(30 * * * ? *)' })).toBe('2026-03-10T17:00:00.000Z');
  });

  test('a daily job that starts 10 minutes late gets the time it was due (Scheduler, Asia/Tokyo)', () => {
    expect(at({ ECS_BATCH_SCHEDULE: 'cron(0 2 * * ? *)', ECS_BATCH_SCHEDULE_TIME_ZONE: 'Asia/Tokyo' })).toBe('2026-03-10T17:00:00.000Z');
  });

  test('a rule\'s UTC cron without a passed time: read in UTC', () => {
    expect(at({ ECS_BATCH_SCHEDULE: 'cron(0 17 * * ? *)', ECS_BATCH_SCHEDULE_TIME_ZONE: 'UTC' })).toBe('2026-03-10T17:00:00.000Z');
  });

  test('DST: New York 02:30 skipped on the spring-forward day gives the day before', () => {
    expect(at({ ECS_BATCH_SCHEDULE: 'cron(30 2 * * ? *)', ECS_BATCH_SCHEDULE_TIME_ZONE: 'America/New_York' }, new Date('2026-03-08T12:00:00Z'))).toBe('2026-03-07T07:30:00.000Z');
  });

  test('rate() has no anchor, so the start time stays', () => {
    expect(at({ ECS_BATCH_SCHEDULE: 'rate(1 hour)', ECS_BATCH_SCHEDULE_TIME_ZONE: 'UTC' })).toBe(start.toISOString());
  });

  test('a manual run (no schedule, e.g. run-now) keeps now', () => {
    expect(at({})).toBe(start.toISOString());
  });

  test('a bad value is refused, naming the variable', () => {
    expect(() => at({ ECS_BATCH_SCHEDULED_TIME: '<aws.scheduler.scheduled-time>' })).toThrow(/ECS_BATCH_SCHEDULED_TIME: '<aws.scheduler.scheduled-time>' is not a UTC time/);
    expect(() => at({ ECS_BATCH_SCHEDULE: 'cron(0 2 * *)' })).toThrow(/ECS_BATCH_SCHEDULE: /);
    expect(() => at({ ECS_BATCH_SCHEDULE: 'cron(0 25 * * ? *)' })).toThrow(/^ECS_BATCH_SCHEDULE: hour 25 is out of range/);
    expect(() => at({ ECS_BATCH_SCHEDULE: 'cron(0 2 * * ? *)', ECS_BATCH_SCHEDULE_TIME_ZONE: 'Mars/Olympus' })).toThrow(/^ECS_BATCH_SCHEDULE_TIME_ZONE: 'Mars\/Olympus'/);
    const error = (() => {
      try {
        at({ ECS_BATCH_SCHEDULE: 'cron(0 25 * * ? *)' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(Errors.fieldOf(error)).toBe('ECS_BATCH_SCHEDULE');
  });
});
