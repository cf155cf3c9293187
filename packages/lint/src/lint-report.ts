import { Finding } from './finding';

/** The result of a run. */
export interface LintReport {
  /** Findings not suppressed, by file and line. */
  readonly findings: Finding[];

  /** Files that did not parse: the CLI exits 2 and names them. */
  readonly unreadable: UnreadableInput[];

  /** The Terraform folders and files read as root modules. */
  readonly roots: string[];
}

/** A file the reader could not parse. */
export interface UnreadableInput {
  /** The file, relative to the working folder. */
  readonly file: string;

  /**
   * 1-based line the parser names.
   * @default - the parser named none
   */
  readonly line?: number;

  /** The parser's reason. */
  readonly reason: string;
}
