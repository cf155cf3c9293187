import { Permission, ScheduleTrigger } from '@ecs-batch/core';
import { JobSource } from './migration-report';

/**
 * What a reader (Terraform, SAM, Serverless) found, before defaults, core validation and
 * sizing turn it into a `MigrationJob`. Values are literal where the reader could resolve them;
 * what it could not resolve is in `warnings` or in a variable's `expression`.
 */
export interface FoundFunction {
  readonly source: JobSource;
  /** Absolute path of the file that declares the function. */
  readonly file: string;
  /** How the source names the function, for warnings: `aws_lambda_function.report`, `ReportFunction`, `functions.report`. */
  readonly id: string;
  /** The name to derive the job name from (the deployed name when literal, else the source's key). */
  readonly name: string;
  readonly handler?: string;
  readonly runtime?: string;
  /** Memory in MB, when the source sets it to a literal. */
  readonly memoryMb?: number;
  /** Timeout in seconds, when the source sets it to a literal. */
  readonly timeoutSeconds?: number;
  /** What the source uses when memory and timeout are unset. */
  readonly defaults: LambdaDefaults;
  readonly environment: FoundVariable[];
  /** Subnets and security groups, when the function runs in a VPC (literals, or the expressions as written). */
  readonly vpc?: FoundVpc;
  /** Number of layers the function uses. */
  readonly layerCount: number;
  /** The container image, for `PackageType: Image` functions. */
  readonly image?: string;
  /** Reserved concurrency, when set to a literal. */
  readonly reservedConcurrency?: number;
  /** Absolute folder the handler string is relative to, when the source points at local code. */
  readonly codeRoot?: string;
  /** Why there is no `codeRoot`, for the warning (e.g. "filename build/report.zip is a prebuilt archive"). */
  readonly codeRootMissing?: string;
  readonly schedules: FoundSchedule[];
  readonly warnings: string[];
  /** The Fargate size the source sets itself (Copilot), instead of one sized from the Lambda memory. */
  readonly fargate?: { readonly cpu: number; readonly memory: number };
  /** The container command the source runs (Copilot `command`, an image's command). */
  readonly command?: string[];
  /** Function settings whose value a reader took from a default (see `DefaultedValue`). */
  readonly fromDefaults?: DefaultedValue[];
  /** What the function's role allows (Lambda's own logging and VPC access already dropped). */
  readonly permissions?: Permission[];
  /** Managed policies attached to the function's role (Lambda's own already dropped). */
  readonly managedPolicyArns?: string[];
}

/**
 * A value a reader took from a default that a deploy may override: a SAM parameter's `Default`,
 * a Terraform variable's `default`, an assumed Serverless stage. It becomes an entry of the job's
 * `defaults` and a warning.
 */
export interface DefaultedValue {
  /** The job field: `schedule`, `timeZone`, `enabled`, `input`, `memoryMb`, `timeoutSeconds`, `handler`, `runtime`, `name`, `environment.<NAME>`. */
  readonly field: string;
  /** Where the default is, for the warning: `parameter Rate's Default`, `var.schedule's default`, `the assumed stage dev`. */
  readonly origin: string;
}

/** Memory and timeout a source applies when the function does not set them. */
export interface LambdaDefaults {
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Who sets them, for warnings: "Lambda's default", "the Serverless Framework default". */
  readonly origin: string;
}

/** An environment variable as found: a literal `value`, or the unresolved `expression`. */
export interface FoundVariable {
  readonly name: string;
  readonly value?: string;
  readonly expression?: string;
  /** True when the source declares it a secret (Copilot `secrets`); otherwise the name decides. */
  readonly secret?: boolean;
  /** The variable reads a Secrets Manager secret or an SSM parameter: the container secret it becomes. */
  readonly secretRef?: SecretReference;
}

/** A Secrets Manager secret (ARN, with an optional `:json-key::`) or an SSM parameter (ARN or name). */
export interface SecretReference {
  readonly kind: 'secretsManager' | 'ssm';
  readonly ref: string;
}

export interface FoundVpc {
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
}

/** One schedule trigger of a function. */
export interface FoundSchedule {
  /** How the source names the trigger: `aws_cloudwatch_event_rule.nightly`, `Events.Nightly`, `events[0].schedule`. */
  readonly id: string;
  /** A short name for the trigger, the job-name suffix when one function needs several jobs. */
  readonly label: string;
  /** The schedule expressions, unvalidated. */
  readonly expressions: string[];
  /**
   * What runs the expressions: an EventBridge rule or an EventBridge Scheduler schedule, which
   * accept slightly different expressions (core's `Schedule.forTrigger`). Unset: validated as
   * `Schedule.expression`, the form both accept.
   */
  readonly trigger?: ScheduleTrigger;
  readonly timeZone?: string;
  readonly enabled: boolean;
  readonly input?: unknown;
  /** Trigger settings whose value a reader took from a default (`schedule`, `timeZone`, `enabled`, `input`). */
  readonly fromDefaults?: DefaultedValue[];
}

/** What one reader returns for one file or module. */
export interface ReaderResult {
  readonly functions: FoundFunction[];
  /** Findings that are not one function's (triggers not migrated, unknown targets), already prefixed with the file. */
  readonly warnings: string[];
}
