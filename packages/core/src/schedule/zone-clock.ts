import { MINUTE_MS } from './civil-time';

// Wall clocks in IANA zones, from the platform's Intl (ICU) time zone data:
// no time zone library, and the data is as current as the Node.js runtime.

const HOUR_MS = 60 * MINUTE_MS;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The wall clock in `zone` at instant `ms`, to the minute, as "wall
 * milliseconds": the clock's reading taken as if it were a UTC time.
 */
export function wallMsIn(zone: string, ms: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const p of formatter(zone).formatToParts(ms)) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value); break;
      case 'minute': minute = Number(p.value); break;
      default: break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** Minutes `zone` is ahead of UTC at instant `ms`. */
export function offsetMinutes(zone: string, ms: number): number {
  const floored = Math.floor(ms / MINUTE_MS) * MINUTE_MS;
  return (wallMsIn(zone, floored) - floored) / MINUTE_MS;
}

/**
 * Every instant at which `zone`'s clock reads `wallMs`, earliest first: none
 * for a time skipped by a spring-forward, two for one repeated by a fall-back.
 */
export function instantsOf(zone: string, wallMs: number): number[] {
  // The offsets in force a day and a half either side cover the instant the
  // clock reads wallMs (offsets are within ±14 h), across one transition.
  const before = offsetMinutes(zone, wallMs - 36 * HOUR_MS);
  const after = offsetMinutes(zone, wallMs + 36 * HOUR_MS);
  const candidates = before === after ? [wallMs - before * MINUTE_MS] : [wallMs - before * MINUTE_MS, wallMs - after * MINUTE_MS];
  if (before !== after) candidates.push(wallMs - offsetMinutes(zone, wallMs) * MINUTE_MS);
  return [...new Set(candidates)].filter((ms) => wallMsIn(zone, ms) === wallMs).sort((a, b) => a - b);
}

/**
 * The distinct UTC offsets (minutes) of `zone` during `year`, ascending,
 * sampled weekly: short DST periods (Morocco's month-long Ramadan change) are
 * caught where monthly samples would miss them.
 */
export function offsetsDuringYear(zone: string, year: number): number[] {
  const offsets = new Set<number>();
  for (let day = 0; day < 366; day += 7) offsets.add(offsetMinutes(zone, Date.UTC(year, 0, 1 + day, 12)));
  return [...offsets].sort((a, b) => a - b);
}
