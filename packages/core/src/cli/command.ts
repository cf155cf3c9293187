/** An option of a command: `--flag`, `--flag VALUE`, or a repeatable `--flag VALUE`. */
export interface OptionSpec {
  /** Without dashes, e.g. `count`. */
  readonly name: string;
  /** `boolean` takes no value; `value` takes one; `list` may be repeated. */
  readonly kind: 'boolean' | 'value' | 'list';
  /** Shown in help, e.g. `N`. */
  readonly placeholder?: string;
  readonly description: string;
  /** A missing required option is a usage error. */
  readonly required?: boolean;
}

/** The parsed command line of one command. */
export interface ParsedArgs {
  readonly positionals: string[];
  /** `value` options. */
  readonly values: ReadonlyMap<string, string>;
  /** `list` options, in the order given. */
  readonly lists: ReadonlyMap<string, string[]>;
  /** `boolean` options that were given. */
  readonly flags: ReadonlySet<string>;
}

/** What a command produced. */
export interface CommandOutput {
  /** Printed with `--json`, as one line of JSON. */
  readonly json: unknown;
  /** Printed without `--json`. */
  readonly text: string;
  /** Lines for stderr in both modes (notes and errors). */
  readonly stderr?: string[];
  /** @default 0 */
  readonly exitCode?: number;
}

/** One `ecs-batch <group> <name>` command. Commands are thin: they call the core modules. */
export interface Command {
  readonly group: string;
  readonly name: string;
  /** One line, for the command lists. */
  readonly summary: string;
  /** Positional arguments, in order: all required. */
  readonly arguments: ReadonlyArray<{ readonly name: string; readonly description: string }>;
  readonly options: ReadonlyArray<OptionSpec>;
  /** Paragraphs after the usage line. */
  readonly description: string;
  readonly examples: ReadonlyArray<string>;
  run(args: ParsedArgs): CommandOutput;
}
