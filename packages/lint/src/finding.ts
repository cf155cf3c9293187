import { Severity } from './severity';

/** One pitfall found, where it is written, and how to fix it. The `--json` shape. */
export interface Finding {
  /** Rule id, e.g. `ECSB002`. */
  readonly rule: string;

  /** The rule's severity. */
  readonly severity: Severity;

  /** The file, relative to the working folder. */
  readonly file: string;

  /** 1-based line of the block or attribute at fault. */
  readonly line: number;

  /** The Terraform address, with its module path: `module.job.aws_cloudwatch_event_target.target`. */
  readonly resource: string;

  /** What goes wrong. */
  readonly message: string;

  /** What to write instead. */
  readonly fix: string;
}
