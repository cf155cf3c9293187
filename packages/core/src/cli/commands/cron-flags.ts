import { ValidationError } from '../../errors';

/** Schedule prop -> the flag the user typed, so errors name what they can fix. Cron field errors keep their field. */
const FLAG_OF_FIELD: Record<string, string> = { timeZone: '--tz', count: '--count', from: '--from' };

export function asCronFlagError(e: unknown): unknown {
  if (!(e instanceof ValidationError)) return e;
  const flag = FLAG_OF_FIELD[e.field];
  return flag === undefined ? e : new ValidationError(flag, e.reason);
}
