import { join } from 'path';
import { MigrationJob, MigrationReport } from '../src';

/** The per-job fields of the `--json` contract (issue 8), in order. */
export const JOB_FIELDS = [
  'name', 'sourceFile', 'source', 'handler', 'runtime', 'schedule', 'timeZone', 'enabled', 'input',
  'memoryMb', 'timeoutSeconds', 'cpu', 'memory', 'environment', 'codePath', 'codeFiles', 'dependencies', 'warnings', 'defaults', 'command',
  'permissions', 'managedPolicyArns', 'secretsManagerSecrets', 'ssmParameters', 'cost',
];

/** Fields every job has; the others are present only when the source gives them. */
export const REQUIRED_FIELDS = ['name', 'sourceFile', 'source', 'schedule', 'enabled', 'memoryMb', 'timeoutSeconds', 'cpu', 'memory', 'environment', 'warnings', 'defaults'];

export const FIXTURES = join(__dirname, 'fixtures');

/** Asserts the report has exactly the contract's keys: `jobs` and `warnings`, and each job only the contract's fields, in order. */
export function expectContractShape(report: MigrationReport): void {
  expect(Object.keys(report)).toEqual(['jobs', 'warnings', 'unreadable']);
  for (const job of report.jobs) {
    const keys = Object.keys(job);
    expect(keys).toEqual(JOB_FIELDS.filter((f) => keys.includes(f)));
    expect(keys).toEqual(expect.arrayContaining(REQUIRED_FIELDS));
  }
}

/** The job of that name, failing the test when there is none. */
export function jobNamed(report: MigrationReport, name: string): MigrationJob {
  const job = report.jobs.find((j) => j.name === name);
  if (!job) throw new Error(`no job ${name} in ${report.jobs.map((j) => j.name).join(', ')}`);
  return job;
}

/** The message of the error core throws, so tests do not copy core's wording. */
export function coreError(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected core to throw');
}
