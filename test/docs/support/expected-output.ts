/**
 * How a README shows output: `…` (or `...`) stands for text that varies
 * (times, ids, durations), everything else must match exactly.
 */
const ELISION = /…|\.\.\./;

function pattern(expected: string): RegExp {
  const parts = expected.split(ELISION).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`);
}

/** Does an output line match the README's line? */
export function lineMatches(actual: string, expected: string): boolean {
  return pattern(expected.trimEnd()).test(actual.trimEnd());
}

/** Lines that differ, as a readable diff; empty when every line matches. */
export function outputDiff(actual: string, expected: string): string[] {
  const got = actual.replace(/\n$/, '').split('\n');
  const want = expected.replace(/\n$/, '').split('\n');
  const diff: string[] = [];
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    if (got[i] === undefined || want[i] === undefined || !lineMatches(got[i], want[i])) {
      diff.push(`line ${i + 1}:\n  README: ${want[i] ?? '(nothing)'}\n  actual: ${got[i] ?? '(nothing)'}`);
    }
  }
  return diff;
}

/**
 * A trailing comment such as `// 'sample_def'`, `// 3 (undefined when
 * revisionless)` or `// { cpu: 1024, memory: 2048 }: one vCPU` opens with a
 * JavaScript literal; prose after it explains. Returns the literal's value,
 * or `NO_LITERAL` when the comment is prose only.
 */
export const NO_LITERAL = Symbol('no literal');
export function leadingLiteral(comment: string): unknown {
  if (!/^['"`{[\-\d]|^(true|false|null|undefined)\b/.test(comment)) return NO_LITERAL;
  for (let end = comment.length; end > 0; end--) {
    const prefix = comment.slice(0, end);
    if (!/[\w'"`}\]]$/.test(prefix)) continue;
    try {
      // Literals only: a prefix that names anything (a variable, a call) throws here.
      return new Function(`"use strict"; return (${prefix});`)();
    } catch {
      continue;
    }
  }
  return NO_LITERAL;
}
