import { relative, sep } from 'path';
import { Finding } from '../finding';
import { RuleInfo } from '../rule-info';

/** Where the rule docs live: `docs/lint.md` at the released version's tag (changesets tags `<name>@<version>`). */
export function helpUri(rule: RuleInfo, version: string): string {
  return `https://github.com/ecs-batch/ecs-batch/blob/@ecs-batch/lint@${version}/docs/lint.md#${anchorOf(rule)}`;
}

/** GitHub's heading anchor for `## <id>: <title>`. */
export function anchorOf(rule: RuleInfo): string {
  return `${rule.id}: ${rule.title}`.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
}

/**
 * SARIF 2.1.0, as GitHub code scanning takes it: rule metadata with help links, one result per finding,
 * paths relative to the repository root (the working folder).
 *
 * @see https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
export function toSarif(findings: Finding[], rules: RuleInfo[], version: string): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ecs-batch-lint',
          version,
          semanticVersion: version,
          informationUri: 'https://github.com/ecs-batch/ecs-batch/blob/main/docs/lint.md',
          rules: rules.map((rule) => ({
            id: rule.id,
            name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()),
            shortDescription: { text: rule.title },
            fullDescription: { text: rule.description },
            helpUri: helpUri(rule, version),
            help: { text: `${rule.description}\n\n${helpUri(rule, version)}`, markdown: `${rule.description}\n\n[${rule.id} in docs/lint.md](${helpUri(rule, version)})${rule.awsDocUrl ? ` · [AWS documentation](${rule.awsDocUrl})` : ''}` },
            defaultConfiguration: { level: rule.severity },
            properties: { tags: ['terraform', 'ecs', 'eventbridge'], precision: 'high' },
          })),
        },
      },
      results: findings.map((f) => ({
        ruleId: f.rule,
        ruleIndex: rules.findIndex((r) => r.id === f.rule),
        level: f.severity,
        message: { text: `${f.resource}: ${f.message}. Fix: ${f.fix}` },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: relative(process.cwd(), f.file).split(sep).join('/'), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line },
          },
          logicalLocations: [{ fullyQualifiedName: f.resource }],
        }],
      })),
      columnKind: 'utf16CodeUnits',
    }],
  };
}
