import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/** Marks the context across copies of this package in one app, where `instanceof` would not. */
const CONTEXT_MARK = Symbol.for('@ecs-batch/cdktf.StackAwsContext');

/**
 * The account, partition and region of a stack's default AWS provider, read
 * once per stack: one `aws_caller_identity`, one `aws_partition` and one
 * `aws_region` data source, however many jobs and schedules the stack holds,
 * each created the first time a construct needs it. A data source is read at
 * every `terraform plan`, so 50 schedules should not read the same three
 * values 50 times.
 *
 * The context is a child of the stack with a fixed id
 * (`ecs_batch_aws/account`, `…/partition`, `…/region`: the names the HCL
 * modules give theirs); each stack gets its own, so no value crosses stacks.
 */
export class StackAwsContext extends Construct {
  /** The context's construct id under its stack. */
  public static readonly ID = 'ecs_batch_aws';

  /** The context of the stack that holds `scope`, created on first use. */
  public static of(scope: Construct): StackAwsContext {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(StackAwsContext.ID);
    if (existing === undefined) return new StackAwsContext(stack, StackAwsContext.ID);
    if ((existing as any)[CONTEXT_MARK] === true) return existing as StackAwsContext;
    throw new Error(`${stack.node.path}/${StackAwsContext.ID} is not the ecs-batch AWS context (the id is reserved for the account, partition and region data sources the ecs-batch constructs share: rename that construct)`);
  }

  // Each attribute read of a data source creates a new token (with a stack trace); read each once.
  private accountToken?: string;
  private partitionToken?: string;
  private regionToken?: string;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    Object.defineProperty(this, CONTEXT_MARK, { value: true });
  }

  /** `data.aws_caller_identity.<…>.account_id` (a token). */
  public get accountId(): string {
    this.accountToken ??= new DataAwsCallerIdentity(this, 'account').accountId;
    return this.accountToken;
  }

  /** `data.aws_partition.<…>.partition` (a token). */
  public get partition(): string {
    this.partitionToken ??= new DataAwsPartition(this, 'partition').partition;
    return this.partitionToken;
  }

  /** `data.aws_region.<…>.region` (a token). */
  public get region(): string {
    this.regionToken ??= new DataAwsRegion(this, 'region').region;
    return this.regionToken;
  }
}
