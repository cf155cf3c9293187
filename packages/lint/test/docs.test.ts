import { readFileSync } from 'fs';
import { join } from 'path';
import { Linter } from '../src';
import { anchorOf } from '../src/cli/sarif';

const DOC = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'lint.md'), 'utf8');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
function githubAnchor(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
}

describe('docs/lint.md', () => {
  const headings = [...DOC.matchAll(/^## (.*)$/gm)].map((m) => m[1]);

  test.each(Linter.rules().map((r) => [r.id, r] as const))('%s has its section, where the SARIF help link points', (_, rule) => {
    const heading = `${rule.id}: ${rule.title}`;
    expect(headings).toContain(heading);
    expect(anchorOf(rule)).toBe(githubAnchor(heading));
    const section = DOC.split(/^## /m).find((s) => s.startsWith(heading))!;
    expect(section).toContain(`**Severity:** ${rule.severity}.`);
    expect(section).toContain('**What goes wrong.**');
    if (rule.awsDocUrl) expect(section).toContain(rule.awsDocUrl);
    if (rule.id !== 'ECSB000') {
      expect(section).toContain('**Fix in HCL.**');
      expect(section).toContain('**Fix in CDKTF.**');
    }
  });

  test('sections are in rule order, one per rule', () => {
    expect(headings.filter((h) => /^ECSB\d{3}: /.test(h))).toEqual(Linter.rules().map((r) => `${r.id}: ${r.title}`));
  });
});
