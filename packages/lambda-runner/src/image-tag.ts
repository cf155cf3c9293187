/**
 * The tag of an image reference, or `undefined` when it has none:
 * `123456789012.dkr.ecr.eu-west-1.amazonaws.com/jobs:1.4.2` → `1.4.2`,
 * `registry:5000/jobs` → none (the colon belongs to the host), `jobs@sha256:…` → none.
 * Format: https://docs.docker.com/reference/cli/docker/image/tag/
 */
export function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const name = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = name.indexOf(':');
  if (colon < 0) return undefined;
  const tag = name.slice(colon + 1);
  return tag === '' ? undefined : tag;
}
