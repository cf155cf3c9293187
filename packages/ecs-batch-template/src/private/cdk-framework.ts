import { TerraformVersions } from '@ecs-batch/core';
import { PackageAssets } from './package-assets';

/** The infra flavours written in TypeScript: CDK for Terraform and its fork, CDK Terrain. */
export type CdkInfraKind = 'cdktf' | 'cdktn';

/**
 * What differs between a `cdktf` and a `cdktn` repo: package names, versions and
 * the AWS provider constraint. Nothing else does: CDK Terrain keeps the API,
 * `cdktf.json`, `cdktf.out/` and the logical ids, so every generator writes the
 * same files from one of these.
 *
 * @see https://github.com/open-constructs/cdk-terrain
 */
export interface CdkFramework {
  /** The `infra` option's value. */
  readonly kind: CdkInfraKind;
  /** How the README and comments name it. */
  readonly title: string;
  /** The core library: `App`, `TerraformStack`, `Testing`. */
  readonly library: string;
  /** The CLI package (a team repo synthesizes with ts-node, so it does not install it). */
  readonly cli: string;
  /** The prebuilt AWS provider bindings; generated code deep-imports `<provider>/lib/<resource>`. */
  readonly providerAws: string;
  /** This monorepo's construct package built against `library`. */
  readonly constructs: string;
  /** The hashicorp/aws constraint the stack asks for: the provider schema `providerAws` is generated from. */
  readonly awsProviderConstraint: string;
  /** The devDependencies a team repo installs, as `name@version`. */
  devDependencies(): string[];
}

/**
 * Exact versions of the CDK Terrain packages a `cdktn` repo pins, read with
 * `npm view` on 2026-12-06: `cdktn` 0.24.0 peers on constructs `>=10.6.0 <10.8.0`;
 * `@cdktn/provider-aws` 25.7.0 peers on `cdktn ^0.24.0` and the same constructs range,
 * and is generated from hashicorp/aws 6.66.0 (TerraformVersions.AWS_PROVIDER_CDKTN).
 * constructs 10.7.2 is the newest release in that range.
 *
 * The ecs-batch build does not depend on these packages yet, so lib/versions.json has
 * no pins for them; when it does (from `@ecs-batch/cdktn`'s devDependencies), the baked
 * ones win.
 */
export const CDKTN_VERSIONS: { readonly [name: string]: string } = {
  'cdktn': '0.24.0',
  '@cdktn/provider-aws': '25.7.0',
  'constructs': '10.7.2',
};

const CDKTF: CdkFramework = {
  kind: 'cdktf',
  title: 'CDK for Terraform',
  library: 'cdktf',
  cli: 'cdktf-cli',
  providerAws: '@cdktf/provider-aws',
  constructs: '@ecs-batch/cdktf',
  awsProviderConstraint: TerraformVersions.AWS_PROVIDER,
  devDependencies: () => [
    pinned('@ecs-batch/cdktf', PackageAssets.packageVersion('@ecs-batch/cdktf')),
    ...['cdktf', '@cdktf/provider-aws', 'constructs'].map((name) => pinned(name, PackageAssets.thirdPartyVersion(name))),
  ],
};

const CDKTN: CdkFramework = {
  kind: 'cdktn',
  title: 'CDK Terrain',
  library: 'cdktn',
  cli: 'cdktn-cli',
  providerAws: '@cdktn/provider-aws',
  constructs: '@ecs-batch/cdktn',
  awsProviderConstraint: TerraformVersions.AWS_PROVIDER_CDKTN,
  devDependencies: () => [
    pinned('@ecs-batch/cdktn', cdktnConstructsVersion()),
    ...Object.keys(CDKTN_VERSIONS).map((name) => pinned(name, cdktnThirdPartyVersion(name))),
  ],
};

/** The framework of a `cdktf` or `cdktn` repo; undefined for `hcl`. */
export function cdkFramework(infra: string): CdkFramework | undefined {
  if (infra === 'cdktf') return CDKTF;
  if (infra === 'cdktn') return CDKTN;
  return undefined;
}

/**
 * `@ecs-batch/cdktn` is released with `@ecs-batch/cdktf` as one fixed changesets group,
 * so it has the same version: the baked pin when the build bakes one, else cdktf's.
 */
function cdktnConstructsVersion(): string {
  return PackageAssets.versions().packages['@ecs-batch/cdktn'] ?? PackageAssets.packageVersion('@ecs-batch/cdktf');
}

/**
 * A CDK Terrain package's pin. `constructs` is never read from lib/versions.json: there it is
 * the cdktf packages' pin (10.8.1), outside the range CDK Terrain accepts.
 */
function cdktnThirdPartyVersion(name: string): string {
  const baked = name === 'constructs' ? undefined : PackageAssets.versions().thirdParty[name];
  return baked ?? CDKTN_VERSIONS[name];
}

function pinned(name: string, version: string): string {
  return `${name}@${version}`;
}
