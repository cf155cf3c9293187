/** Where an attribute or nested block is written, with the comments next to it. */
export interface SourcePosition {
  /** 1-based line where it starts. */
  readonly line: number;

  /** The comments just above it (no blank line between) and at the end of its line, without `#`, `//` or `/* *\/`. */
  readonly comments: string[];
}

/** One top-level block of a Terraform module: `resource`, `data`, `module`, `variable`, `locals`, `output`… */
export interface TerraformBlock {
  /** The block type: `resource`, `data`, `module`, `variable`, `locals`, `output`, `provider`, `terraform`. */
  readonly kind: string;

  /** The resource or data source type (`aws_cloudwatch_event_target`); empty for other kinds. */
  readonly type: string;

  /** The block's name (`report`); empty for `locals` and `terraform`. */
  readonly name: string;

  /** Its address in the module: `aws_iam_role.invoker`, `data.aws_iam_policy_document.trust`, `module.job`. */
  readonly address: string;

  /** The module call path from the root (`module.jobs.module.task`); empty in the root module. */
  readonly modulePath: string;

  /** The body as `@cdktf/hcl2json` returns it: expressions as `${...}` strings, nested blocks as lists. */
  readonly body: any;

  /** Absolute path of the file that declares it. */
  readonly file: string;

  /** 1-based line of the block's first line. */
  readonly line: number;

  /** The comments just above the block and at the end of its first line. */
  readonly comments: string[];

  /**
   * Every attribute and nested block inside, by path: `schedule_expression`, `ecs_target.launch_type`,
   * `statement[1].actions` (the first of several nested blocks is also reachable without `[0]`).
   */
  readonly attributes: { [path: string]: SourcePosition };
}

/** A file the reader could not parse: reported as data, so each CLI chooses its exit code. */
export interface UnreadableFile {
  /** Absolute path. */
  readonly file: string;

  /**
   * 1-based line the parser names.
   * @default - the parser named none
   */
  readonly line?: number;

  /** The parser's reason. */
  readonly reason: string;
}
