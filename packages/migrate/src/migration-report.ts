import { Permission } from '@ecs-batch/core';

/** The kind of repository a job was found in. */
export type JobSource = 'terraform' | 'sam' | 'serverless' | 'copilot';

/** The sources `analyze` understands, in the order it reports them. */
export const JOB_SOURCES: readonly JobSource[] = ['terraform', 'sam', 'serverless', 'copilot'];

/**
 * One environment variable of the Lambda function.
 *
 * `value` is the literal value. When the source sets the variable from something the analyzer
 * cannot resolve (another resource's attribute, a `!Ref` to a resource, an SSM lookup),
 * `value` is `null` and `expression` holds the source text, so a person can fill it in.
 */
export interface JobEnvironmentVariable {
  /** The variable's name, e.g. `ORDERS_TABLE`. */
  readonly name: string;
  /**
   * The literal value, or `null` when it is not a literal (see `expression`). A password in a URL
   * (`mongodb+srv://app:****@host`) is masked.
   */
  readonly value: string | null;
  /** The unresolved expression, e.g. `aws_dynamodb_table.orders.name`. Only when `value` is `null`. */
  readonly expression?: string;
  /**
   * True when the name looks like a secret (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*API_KEY*`...)
   * or the value embeds one (a URL's `user:password@`):
   * on ECS it belongs in the container's `secrets` (Secrets Manager or SSM), not in plain `environment`.
   */
  readonly secret: boolean;
}

/**
 * One scheduled Lambda function, and the ECS batch job it becomes.
 *
 * A function whose schedules differ in time zone, input or enabled state becomes one job per
 * distinct setting, so that each job has one of each.
 */
export interface MigrationJob {
  /** The job name, kebab-case (`nightly-report`), unique in the report. */
  readonly name: string;
  /** The file that declares the function, relative to the analyzed folder, with `/` separators. */
  readonly sourceFile: string;
  /** The kind of repository. */
  readonly source: JobSource;
  /** The Lambda handler string, e.g. `src/report.handler`. Absent for container-image functions. */
  readonly handler?: string;
  /** The Lambda runtime, e.g. `nodejs20.x`. Absent for container-image functions. */
  readonly runtime?: string;
  /** Each schedule expression (`cron(...)`, `rate(...)`, `at(...)`), as validated by `@ecs-batch/core`. */
  readonly schedule: string[];
  /** The IANA time zone of the schedule, when the source gives one (otherwise the expressions are UTC). */
  readonly timeZone?: string;
  /** Whether the schedule is enabled in the source. */
  readonly enabled: boolean;
  /** The constant event the schedule passes to the function, when it sets one. */
  readonly input?: unknown;
  /** The Lambda memory in MB (the source's default when unset). */
  readonly memoryMb: number;
  /** The Lambda timeout in seconds (the source's default when unset). */
  readonly timeoutSeconds: number;
  /** Fargate CPU units chosen by `FargateSize.forLambda(memoryMb)`. */
  readonly cpu: number;
  /** Fargate memory in MiB chosen by `FargateSize.forLambda(memoryMb)`. */
  readonly memory: number;
  /** The function's environment variables, in the source's order. */
  readonly environment: JobEnvironmentVariable[];
  /**
   * The folder the handler string is relative to (SAM `CodeUri`, the Serverless service folder,
   * Terraform `archive_file` `source_dir`), relative to the analyzed folder. Present only when the
   * handler's source file exists there.
   */
  readonly codePath?: string;
  /**
   * A Node.js job's own files: the handler and every file it imports, followed from the handler
   * (`import`, `export … from`, `require`, literal `import()`), relative to `codePath`,
   * `/`-separated, sorted. Lambdas that share a folder each list only their own. Present only
   * when the handler's source file was found.
   */
  readonly codeFiles?: string[];
  /**
   * The npm packages `codeFiles` import, as `{ name: version }` sorted by name (the shape of
   * package.json `dependencies`): the version the source's lockfile installed (package-lock.json,
   * yarn.lock, pnpm-lock.yaml), else the range its package.json declares. The AWS SDK the Lambda
   * runtime provided is added when undeclared, at `^3` (`@aws-sdk/*`, nodejs18.x and later) or
   * `^2` (`aws-sdk`, up to nodejs16.x), with a warning. Node built-ins are left out; a package
   * declared nowhere is a warning instead. Present with `codeFiles`.
   */
  readonly dependencies?: Record<string, string>;
  /** What to resolve by hand before or after the move. */
  readonly warnings: string[];
  /**
   * The fields whose value came from a default that a deploy may override, not from a literal:
   * a SAM parameter's `Default`, a Terraform variable's `default`, the Serverless stage assumed
   * when none was given. Job field names (`schedule`, `enabled`, `memoryMb`...), and
   * `environment.<NAME>` for a variable. Each is also marked in the table and warned about.
   * Empty when every value is literal or passed on the command line.
   */
  readonly defaults: string[];
  /** The container command the job runs (a Copilot job's `command`). Absent when the source sets none. */
  readonly command?: string[];
  /** What the Lambda's role allowed, as `addJob`'s `permissions` (Lambda's own logging and VPC access dropped). Absent when none. */
  readonly permissions?: Permission[];
  /** Managed policies of the Lambda's role, as `addJob`'s `managedPolicyArns` (Lambda's own dropped). Absent when none. */
  readonly managedPolicyArns?: string[];
  /** Variables that read a Secrets Manager secret: name → secret ARN, as `addJob`'s `secretsManagerSecrets`. Absent when none. */
  readonly secretsManagerSecrets?: { [name: string]: string };
  /** Variables that read an SSM parameter: name → parameter ARN or name, as `addJob`'s `ssmParameters`. Absent when none. */
  readonly ssmParameters?: { [name: string]: string };
  /** What the job costs a month, today and on Fargate. Only with `--cost` (see `withCosts`). */
  readonly cost?: JobCost;
}

/**
 * What a job costs a month (`--cost`), in USD at the list prices of `pricesAsOf`, for the Region asked for.
 * Figures are rounded to a hundredth of a cent.
 */
export interface JobCost {
  /** Always `USD`. */
  readonly currency: 'USD';
  /** The schedules' fire times in the 30 days after `--from` (default: now), counted one by one. */
  readonly runsPerMonth: number;
  /**
   * Today on Lambda: requests plus GB-seconds at the function's memory and the run's duration
   * (`--duration`, or the timeout as an upper bound), x86 prices. `null` for a Copilot job, which does not run on Lambda.
   */
  readonly lambda: { readonly monthly: number | null };
  /**
   * On Fargate at the suggested size (`cpu`/`memory`), billed per second with a one-minute minimum:
   * on-demand x86 and ARM64, and Fargate Spot x86 as a range (Spot prices vary; Spot does not run ARM64).
   */
  readonly fargate: {
    readonly x86: { readonly monthly: number };
    readonly arm64: { readonly monthly: number };
    readonly x86Spot: { readonly low: number; readonly high: number };
  };
  /** The date of the list prices, `yyyy-mm-dd`. */
  readonly pricesAsOf: string;
}

/** A file the analyzer could not parse: the run went on without it. */
export interface UnreadableSource {
  /** The file, relative to the analyzed folder, with `/` separators. */
  readonly file: string;
  /** The line the parser stopped at, when it says. */
  readonly line?: number;
  /** The parser's reason. */
  readonly reason: string;
}

/** What `analyze` found: the jobs, and what it saw but could not migrate. */
export interface MigrationReport {
  /** The scheduled functions, as jobs, in source file order. */
  readonly jobs: MigrationJob[];
  /** Findings that are not one job's: triggers not migrated (event patterns, input transformers), unknown targets, unreadable files. */
  readonly warnings: string[];
  /** The files that did not parse (each also a warning); empty when every file was read. */
  readonly unreadable: UnreadableSource[];
}
