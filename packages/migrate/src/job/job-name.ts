/**
 * A job name from a function name, logical ID or key: kebab-case, starting with a letter.
 * `NightlyReport` → `nightly-report`, `nightly_report` → `nightly-report`, `sendHTTPPing` → `send-http-ping`.
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
 * Hands out unique names: the second `report` becomes `report-2`, and so on.
 */
export class JobNames {
  private readonly taken = new Set<string>();

  /** The name itself when free, else the first free `<name>-<n>`. */
  public claim(name: string): string {
    let candidate = name;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${name}-${n}`;
    this.taken.add(candidate);
    return candidate;
  }

  /** The first free `<base>-<n>` with n ≥ `from`: the names of a job's second, third... schedule. */
  public claimNumbered(base: string, from: number): string {
    let n = from;
    while (this.taken.has(`${base}-${n}`)) n++;
    return this.claim(`${base}-${n}`);
  }
}
