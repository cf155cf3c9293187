/**
 * The Terraform and AWS provider versions every module, example and generated
 * root module asks for. Each is bounded above by the next major, so a breaking
 * release is an upgrade someone makes, not one `terraform init` picks.
 *
 * @see https://developer.hashicorp.com/terraform/language/expressions/version-constraints
 */
export class TerraformVersions {
  /**
   * hashicorp/aws: 6.x from 6.25, the version whose schema the constructs are built
   * and tested with (@cdktf/provider-aws 21.22). Provider 6 gives the `aws_region` data
   * source the `region` attribute that replaces the deprecated `name`.
   * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/region
   */
  public static readonly AWS_PROVIDER = '~> 6.25';

  /**
   * hashicorp/aws when the stack is written with CDK Terrain (`cdktn`), the fork of
   * CDK for Terraform: 6.x from 6.66, the version @cdktn/provider-aws 25.7 is generated
   * from (its package.json: `cdktn.provider.version` 6.66.0). The provider source stays
   * `hashicorp/aws`; only the lower bound moves, so a repo moving from `cdktf` keeps
   * its state. CDK for Terraform was archived on 2025-12-10 and its @cdktf/provider-aws
   * stays at provider 6.25 (AWS_PROVIDER).
   * @see https://github.com/open-constructs/cdk-terrain
   * @see https://www.npmjs.com/package/@cdktn/provider-aws
   */
  public static readonly AWS_PROVIDER_CDKTN = '~> 6.66';

  /**
   * The AWS provider's source address, written out in full. A stack synthesized by
   * cdktf 0.21 otherwise says `aws` and one by cdktn 0.24 `hashicorp/aws`; both mean
   * registry.terraform.io/hashicorp/aws, so the state is the same either way.
   * @see https://developer.hashicorp.com/terraform/language/providers/requirements#source-addresses
   */
  public static readonly AWS_PROVIDER_SOURCE = 'hashicorp/aws';

  /**
   * Terraform of the reusable modules: preconditions, optional() object attributes
   * with defaults and timecmp() need 1.3; 1.5 is the floor this project tests against.
   */
  public static readonly MODULES = '~> 1.5';

  /**
   * Terraform of a team repo's root modules: the S3 backend's native state locking
   * (`use_lockfile`) needs 1.10.
   * @see https://developer.hashicorp.com/terraform/language/backend/s3#state-locking
   */
  public static readonly ROOT_MODULE = '~> 1.10';

  private constructor() {}
}
