// Written by `npx projen actions:update` in the ecs-batch monorepo (scripts/lib/actions-update.ts):
// the one place the GitHub Actions and the base image are pinned, for the monorepo's own
// workflows and for every team repo (a template release carries new pins; `npx projen`
// in the team repo writes them). Edit by running that task, not by hand.

/** A GitHub Action pinned to the full commit SHA of a release tag of its current major. */
export interface ActionPin {
  /** `owner/repo`, or `owner/repo/path` for an action in a folder of its repository (`uses:` names it so). */
  readonly repo: string;
  /** The release tag the SHA was read from, e.g. `v7.0.1`. */
  readonly tag: string;
  /** The commit the tag points to (40 hex digits). */
  readonly sha: string;
}

/** A container image pinned by the digest of its multi-architecture index. */
export interface ImagePin {
  /** The image name on Docker Hub, e.g. `node`. */
  readonly image: string;
  /** The tag the digest was read from. */
  readonly tag: string;
  /** `sha256:` digest of the multi-architecture index (OCI image index or Docker manifest list). */
  readonly digest: string;
  /** Where the digest was read. */
  readonly source: string;
}

export const ACTION_PINS: readonly ActionPin[] = [
  { repo: 'actions/checkout', tag: 'v7.0.1', sha: '3d3c42e5aac5ba805825da76410c181273ba90b1' },
  { repo: 'actions/download-artifact', tag: 'v8.0.1', sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c' },
  { repo: 'actions/setup-node', tag: 'v7.0.0', sha: '820762786026740c76f36085b0efc47a31fe5020' },
  { repo: 'actions/upload-artifact', tag: 'v7.0.0', sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f' },
  { repo: 'aws-actions/amazon-ecr-login', tag: 'v2.1.7', sha: '03f1aad4c6c7ffd436567f42f9384779290529bd' },
  { repo: 'aws-actions/configure-aws-credentials', tag: 'v6.2.3', sha: 'e6de054238d6b7531b4efff3b6587d9aade6a06c' },
  { repo: 'changesets/action', tag: 'v2.1.1', sha: '8488615a623b1b9c987934bb89eae8af6a946ac1' },
  { repo: 'docker/setup-buildx-action', tag: 'v4.3.0', sha: '37fe631027851001ddb9b187196cc803df7f5f0e' },
  { repo: 'github/codeql-action/upload-sarif', tag: 'v4.36.2', sha: '8aad20d150bbac5944a9f9d289da16a4b0d87c1e' },
  { repo: 'hashicorp/setup-terraform', tag: 'v4.0.1', sha: 'dfe3c3f87815947d99a8997f908cb6525fc44e9e' },
  { repo: 'peter-evans/create-pull-request', tag: 'v8.1.1', sha: '5f6978faf089d4d20b00c7766989d076bb2fc7f1' },
];

export const BASE_IMAGE: ImagePin = {
  image: 'node',
  tag: '22-bookworm-slim',
  digest: 'sha256:43ac6c60b8f89723f746e8a92ce91abd5017e627ce1ddfe4238355d3a30b772c',
  source: 'public Dockerfiles pinning node:22-bookworm-slim and node:22.23.3-bookworm-slim (one kept by Dependabot); not yet re-read from registry-1.docker.io',
};
