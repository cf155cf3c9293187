import { WallTime } from './cron-spec';

const MINUTE_MS = 60_000;
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

/** Wall time of a UTC wall time, taken as an instant: the identity zone. */
export function wallTimeUtc(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

export function wallTimeToUtcMs(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
}

/** The wall clock in `zone` at instant `ms` (to the minute). */
export function wallTimeIn(zone: string, ms: number): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/** Minutes `zone` is ahead of UTC at instant `ms`. */
export function offsetMinutes(zone: string, ms: number): number {
  const floored = Math.floor(ms / MINUTE_MS) * MINUTE_MS;
  return (wallTimeToUtcMs(wallTimeIn(zone, floored)) - floored) / MINUTE_MS;
}

/**
 * Every instant at which `zone`'s clock shows `w`, earliest first: none for a
 * time skipped by a spring-forward, two for one repeated by a fall-back.
 */
export function instantsOf(zone: string, w: WallTime): number[] {
  const asUtc = wallTimeToUtcMs(w);
  // Offsets in force around the wall time; a zone changes offset at most once a day.
  const candidates = new Set([
    asUtc - offsetMinutes(zone, asUtc - 36 * 60 * MINUTE_MS) * MINUTE_MS,
    asUtc - offsetMinutes(zone, asUtc) * MINUTE_MS,
    asUtc - offsetMinutes(zone, asUtc + 36 * 60 * MINUTE_MS) * MINUTE_MS,
  ]);
  return [...candidates]
    .filter((ms) => wallTimeToUtcMs(wallTimeIn(zone, ms)) === asUtc)
    .sort((a, b) => a - b);
}

/** UTC offsets (minutes) on the 1st of each month of `year` (default: this year). */
export function monthlyOffsets(zone: string, year?: number): number[] {
  const y = year ?? new Date().getUTCFullYear();
  return Array.from({ length: 12 }, (_, m) => offsetMinutes(zone, Date.UTC(y, m, 1, 12)));
}
