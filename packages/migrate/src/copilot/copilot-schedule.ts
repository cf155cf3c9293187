/**
 * AWS Copilot's `on.schedule` as an EventBridge expression. Copilot takes a predefined schedule
 * (`@daily`...), `@every <duration>`, a standard five-field cron in UTC, or an EventBridge
 * `cron(...)`/`rate(...)` as is.
 * @see https://aws.github.io/copilot-cli/docs/manifest/scheduled-job/#on-schedule
 * @returns the expression, or a reason it has none
 */
export function copilotSchedule(text: string): { expression: string } | { problem: string } {
  const schedule = text.trim();
  const predefined = PREDEFINED[schedule.toLowerCase()];
  if (predefined) return { expression: predefined };
  if (/^(cron|rate)\(.*\)$/.test(schedule)) return { expression: schedule };
  const every = /^@every\s+(\S+)$/i.exec(schedule);
  if (every) return everyDuration(every[1]);
  const fields = schedule.split(/\s+/);
  if (fields.length === 5) return standardCron(fields);
  return { problem: `${schedule} is not a Copilot schedule (@daily, @every 6h, a five-field cron, cron(...) or rate(...))` };
}

/** Copilot's predefined schedules, as the cron it deploys (UTC; @weekly is Sunday midnight). */
const PREDEFINED: { [name: string]: string } = {
  '@yearly': 'cron(0 0 1 1 ? *)',
  '@annually': 'cron(0 0 1 1 ? *)',
  '@monthly': 'cron(0 0 1 * ? *)',
  '@weekly': 'cron(0 0 ? * 1 *)',
  '@daily': 'cron(0 0 * * ? *)',
  '@midnight': 'cron(0 0 * * ? *)',
  '@hourly': 'cron(0 * * * ? *)',
};

/** A Go duration (`6h`, `1h30m`, `90m`) as a rate in whole minutes, hours or days. */
function everyDuration(text: string): { expression: string } | { problem: string } {
  const seconds = goDurationSeconds(text);
  if (seconds === undefined) return { problem: `@every ${text}: not a duration (e.g. 30m, 6h, 1h30m)` };
  if (seconds < 60 || seconds % 60 !== 0) return { problem: `@every ${text}: rates are whole minutes, at least one` };
  const minutes = seconds / 60;
  const [value, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return { expression: `rate(${value} ${value === 1 ? unit : `${unit}s`})` };
}

/** Seconds of a Go duration (`1h30m`, `45s`, `2h`), or undefined when it is not one. */
export function goDurationSeconds(text: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (!m || text.trim() === '') return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/**
 * `minute hour day-of-month month day-of-week` (Unix cron, Sunday 0) as EventBridge's six fields
 * (Sunday 1, one of the day fields `?`, and a year).
 */
function standardCron([minute, hour, dom, month, dow]: string[]): { expression: string } | { problem: string } {
  if (dom !== '*' && dom !== '?' && dow !== '*' && dow !== '?') {
    return { problem: `${[minute, hour, dom, month, dow].join(' ')}: EventBridge cannot take both a day of the month and a day of the week` };
  }
  const awsDow = dow === '*' || dow === '?' ? '?' : dow.replace(/\d+/g, (d) => String((Number(d) % 7) + 1));
  const awsDom = awsDow === '?' ? (dom === '?' ? '*' : dom) : '?';
  return { expression: `cron(${minute} ${hour} ${awsDom} ${month} ${awsDow} *)` };
}
