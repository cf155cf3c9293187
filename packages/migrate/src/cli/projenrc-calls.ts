import { toAddJobOptions } from '../job/add-job-options';
import { MigrationReport } from '../migration-report';

/**
 * `project.addJob({...})` calls for `.projenrc.ts`, ready to paste after the project is created.
 * Each call is preceded by comments: where the function was, what was left out (secrets,
 * unresolved values, a disabled schedule) and the job's warnings.
 */
export function renderProjenrc(report: MigrationReport): string {
  const out: string[] = [
    `// ${report.jobs.length} job${report.jobs.length === 1 ? '' : 's'} from ecs-batch-migrate: paste after \`const project = new EcsBatchProject({ ... });\``,
  ];
  for (const { job, options } of toAddJobOptions(report)) {
    const code = job.codePath !== undefined ? `, code in ${job.codePath}/` : '';
    out.push('', `// ${job.name}: ${job.source} ${job.sourceFile}${job.handler ? `, handler ${job.handler}` : ''}${job.runtime ? ` (${job.runtime})` : ''}${code}`);
    const carried = new Set([...Object.keys(job.secretsManagerSecrets ?? {}), ...Object.keys(job.ssmParameters ?? {})]);
    const leftOut = job.environment
      .filter((v) => !carried.has(v.name) && (v.secret || v.value === null))
      .map((v) => `${v.name} (${v.secret ? 'looks like a secret' : `${v.expression}, not a literal`})`);
    if (leftOut.length > 0) out.push(`// left out of environment: ${leftOut.join(', ')}`);
    const deps = Object.entries(job.dependencies ?? {}).map(([name, version]) => quote(`${name}@${version}`));
    if (deps.length > 0) out.push(`// its code imports (add to the project's deps): ${deps.join(', ')}`);
    for (const warning of job.warnings) out.push(`// warning: ${warning}`);
    for (const option of options) {
      out.push('project.addJob({');
      out.push(`  name: ${quote(option.name)},`);
      out.push(`  schedule: ${quote(option.schedule)},`);
      out.push(`  timeZone: ${quote(option.timeZone)},`);
      out.push(`  cpu: ${option.cpu},`);
      out.push(`  memory: ${option.memory},`);
      if (option.timeoutMinutes !== undefined) out.push(`  timeoutMinutes: ${option.timeoutMinutes},`);
      else out.push(`  // timeoutMinutes: the template's default, since ${job.timeoutSeconds} s was Lambda's limit`);
      if (option.environment) {
        out.push('  environment: {');
        for (const [name, value] of Object.entries(option.environment)) out.push(`    ${propertyName(name)}: ${quote(value)},`);
        out.push('  },');
      }
      for (const key of ['permissions', 'managedPolicyArns', 'secretsManagerSecrets', 'ssmParameters'] as const) {
        if (option[key] !== undefined) out.push(`  ${key}: ${literal(option[key])},`);
      }
      if (option.input !== undefined) out.push(`  input: ${quote(option.input)},`);
      if (option.enabled === false) out.push('  enabled: false, // disabled in the source: enable it when you switch over');
      out.push('});');
    }
  }
  if (report.warnings.length > 0) {
    out.push('', '// Not migrated:');
    for (const warning of report.warnings) out.push(`// - ${warning}`);
  }
  return `${out.join('\n')}\n`;
}

/** A TypeScript single-quoted string literal. */
function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A TypeScript literal of plain data, on one line, strings single-quoted. */
function literal(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([k, v]) => `${propertyName(k)}: ${literal(v)}`).join(', ')} }`;
  }
  return String(value);
}

function propertyName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
}
