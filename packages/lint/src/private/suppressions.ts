/** `ecs-batch-lint ignore ECSB008[, ECSB009][: reason]` in a comment. */
const SUPPRESSION = /ecs-batch-lint\s+ignore\s+(ECSB\d{3}(?:\s*,\s*ECSB\d{3})*)\s*(?::\s*(.*))?$/i;

export interface Suppression {
  readonly rules: string[];
  /** Empty when the comment gives none (ECSB000). */
  readonly reason: string;
  /** The comment as written. */
  readonly text: string;
}

/** The suppressions among a block's or attribute's comments. */
export function suppressionsIn(comments: string[]): Suppression[] {
  const out: Suppression[] = [];
  for (const comment of comments) {
    for (const line of comment.split('\n')) {
      const m = SUPPRESSION.exec(line.trim());
      if (!m) continue;
      out.push({ rules: m[1].split(',').map((r) => r.trim().toUpperCase()), reason: (m[2] ?? '').trim(), text: line.trim() });
    }
  }
  return out;
}
