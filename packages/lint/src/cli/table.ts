import { Finding } from '../finding';

/** The human table: `file:line`, rule, severity, message, fix. */
export function formatTable(findings: Finding[]): string {
  if (findings.length === 0) return 'No findings.\n';
  const rows = findings.map((f) => [`${f.file}:${f.line}`, f.rule, f.severity, `${f.resource}: ${f.message}`]);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = findings.flatMap((f, i) => [
    rows[i].map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join('  '),
    `${' '.repeat(widths[0] + widths[1] + widths[2] + 6)}fix: ${f.fix}`,
  ]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `${lines.join('\n')}\n\n${findings.length} finding(s): ${errors} error(s), ${findings.length - errors} warning(s)\n`;
}
