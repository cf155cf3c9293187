import { Severity } from './severity';

/** A rule's metadata: for `--sarif`, the docs, and the table. */
export interface RuleInfo {
  /** `ECSB002` */
  readonly id: string;

  /** A short title; `docs/lint.md` has the section `## <id>: <title>`. */
  readonly title: string;

  /** The default severity. */
  readonly severity: Severity;

  /** One paragraph: what goes wrong on AWS. */
  readonly description: string;

  /** The AWS documentation the rule comes from. */
  readonly awsDocUrl: string;
}
