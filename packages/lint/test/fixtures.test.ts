import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { Linter } from '../src';

const FIXTURES = join(__dirname, 'fixtures');

/** `# expect: ECSB002, ECSB004` names the findings on the next line that is not a comment. */
function expectedFindings(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const m = /^\s*# expect: ((?:ECSB\d{3}(?:, )?)+)/.exec(line);
    if (!m) return;
    let target = i + 1;
    while (/^\s*(#|\/\/)/.test(lines[target])) target++;
    for (const rule of m[1].split(', ')) out.push(`${rule} ${relative(process.cwd(), file)}:${target + 1}`);
  });
  return out.sort();
}

const cases = readdirSync(FIXTURES).sort().flatMap((rule) => readdirSync(join(FIXTURES, rule)).sort().map((kind) => [rule, kind] as const));

describe('every rule has good and bad fixtures', () => {
  test.each(readdirSync(FIXTURES).sort())('%s', (rule) => {
    const kinds = readdirSync(join(FIXTURES, rule));
    expect(kinds).toContain('good');
    expect(kinds.some((k) => k.startsWith('bad'))).toBe(true);
  });

  test('and every rule is covered', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Linter.rules().map((r) => r.id));
  });
});

describe.each(cases)('%s/%s', (rule, kind) => {
  test(kind === 'good' ? 'lints clean' : 'finds exactly the marked lines', async () => {
    const dir = join(FIXTURES, rule, kind);
    const report = await Linter.lint({ paths: [dir] });
    expect(report.unreadable).toEqual([]);
    const found = report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`).sort();
    const expected = expectedFindings(join(dir, 'main.tf'));
    expect(found).toEqual(expected);
    if (kind !== 'good') expect(found.some((f) => f.startsWith(rule))).toBe(true);
  });
});
