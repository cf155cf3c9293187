import { JobName } from '@ecs-batch/core';

/** The longest job name ecs-batch-template accepts: core's `JobName.MAX_LENGTH`. */
export const MAX_JOB_NAME_LENGTH = JobName.MAX_LENGTH;

/**
 * A job name from a function name, logical ID or key: kebab-case, starting with a letter.
 * `NightlyReport` → `nightly-report`, `nightly_report` → `nightly-report`, `sendHTTPPing` → `send-http-ping`.
 * Not shortened: `JobNames.claim` fits it to `MAX_JOB_NAME_LENGTH`.
 */
export function kebabCase(name: string): string {
  const kebab = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (kebab === '') return 'job';
  return /^[a-z]/.test(kebab) ? kebab : `job-${kebab}`;
}

/**
 * Hands out unique job names of at most `MAX_JOB_NAME_LENGTH` characters: a long name is cut
 * (after its last whole word that fits), and the second `report` becomes `report-2`.
 */
export class JobNames {
  private readonly taken = new Set<string>();

  /** The name itself when free (and short enough), else the first free `<name>-<n>`. */
  public claim(name: string): string {
    let candidate = fit(name, '');
    for (let n = 2; this.taken.has(candidate); n++) candidate = fit(name, `-${n}`);
    this.taken.add(candidate);
    return candidate;
  }

  /** The first free `<base>-<n>` with n ≥ `from`: the names of a job's second, third... schedule. */
  public claimNumbered(base: string, from: number): string {
    let n = from;
    while (this.taken.has(fit(base, `-${n}`))) n++;
    return this.claim(fit(base, `-${n}`));
  }
}

/**
 * The name shortened to fit with its suffix: cut after the last whole word (at a hyphen) that
 * fits, so `nightly-invoice-reminder` never becomes `nightly-invoice-remi`; mid-word only when the
 * first word alone is too long.
 */
function fit(name: string, suffix: string): string {
  const room = MAX_JOB_NAME_LENGTH - suffix.length;
  if (name.length <= room) return `${name}${suffix}`;
  const cut = name.slice(0, room + 1).lastIndexOf('-');
  const short = cut > 0 ? name.slice(0, cut) : name.slice(0, room);
  return `${short.replace(/-+$/, '')}${suffix}`;
}
