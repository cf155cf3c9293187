import { createHash } from 'crypto';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/**
 * A stable, readable name for a resource the user did not name: the construct
 * path below the stack, joined with '-', cut to `maxLength` with a hash of the
 * full path so two long paths cannot collide.
 */
export function defaultName(construct: Construct, maxLength: number): string {
  const stack = TerraformStack.of(construct);
  const scopes = construct.node.scopes;
  const components = scopes.slice(scopes.indexOf(stack) + 1).map((c) => c.node.id);
  const readable = components.join('-').replace(/[^A-Za-z0-9_-]/g, '');
  if (readable.length > 0 && readable.length <= maxLength) {
    return readable;
  }
  const hash = createHash('sha256').update(components.join('/')).digest('hex').slice(0, 8);
  return `${readable.slice(0, maxLength - hash.length - 1)}-${hash}`;
}
