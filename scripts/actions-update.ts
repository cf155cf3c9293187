/**
 * `npx projen actions:update`: moves the action pins and the base image digest
 * (packages/ecs-batch-template/src/private/pins.ts) to the newest release of each
 * tracked major, and vendors each action's action.yml at its pinned SHA under
 * test/fixtures/actions/. Needs the network (api.github.com, registry-1.docker.io);
 * GITHUB_TOKEN, when set, raises GitHub's rate limit. Then `npx projen` rewrites
 * the workflows, and a changeset releases the template with the new pins.
 */
import { resolve } from 'path';
import { ActionsUpdate, fetchGet } from './lib/actions-update';
import { ACTION_PINS, BASE_IMAGE } from '../packages/ecs-batch-template/src/private/pins';

async function main() {
  const root = resolve(__dirname, '..');
  const result = await new ActionsUpdate(fetchGet, process.env.GITHUB_TOKEN).run(root, { actions: ACTION_PINS, image: BASE_IMAGE });
  console.log(result.changes.length > 0 ? result.changes.join('\n') : 'Every pin is current.');
  if (result.changes.length > 0) {
    console.log('\nNext: npx projen (rewrites the workflows), the tests, and a changeset for ecs-batch-template.');
  }
}

main().catch((error) => {
  console.error(`actions:update: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
