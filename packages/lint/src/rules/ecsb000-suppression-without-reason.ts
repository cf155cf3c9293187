import { LintContext, LintRule, RawFinding } from '../private/lint-context';
import { suppressionsIn } from '../private/suppressions';
import { Severity } from '../severity';

/** ECSB000: a suppression comment that gives no reason. */
export const ECSB000: LintRule = {
  id: 'ECSB000',
  title: 'Suppression without a reason',
  severity: Severity.WARNING,
  description: 'A finding may be silenced in place with `# ecs-batch-lint ignore ECSB008: <reason>`. Without a reason the next reader cannot tell a decision from a shortcut, so the comment silences nothing and is reported itself.',
  awsDocUrl: '',
  async check(context: LintContext): Promise<RawFinding[]> {
    const out: RawFinding[] = [];
    for (const module of context.modules) {
      for (const block of module.blocks) {
        const places: Array<[string | undefined, string[]]> = [
          [undefined, block.comments],
          ...Object.entries(block.attributes).map(([path, a]) => [path, a.comments] as [string, string[]]),
        ];
        const seen = new Set<string>();
        for (const [attribute, comments] of places) {
          for (const s of suppressionsIn(comments)) {
            if (s.reason !== '' || seen.has(s.text)) continue;
            seen.add(s.text);
            out.push({
              block,
              attribute,
              message: `"${s.text}" gives no reason, so it silences nothing`,
              fix: `# ecs-batch-lint ignore ${s.rules.join(', ')}: <why this is right here>`,
            });
          }
        }
      }
    }
    return out;
  },
};
