/**
 * The relative links of the pages this package documents itself and the HCL
 * modules with lead somewhere: a moved file or folder fails here, not for a reader.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const PAGES = [
  'packages/cdktf/README.md',
  'templates/terraform/modules/ecs-scheduled-task/README.md',
  'templates/terraform/modules/ecs-batch-job/README.md',
  'templates/terraform/examples/nightly-job/README.md',
  'docs/deploying.md',
];

/** Link targets outside code blocks that are neither URLs nor anchors. */
function relativeLinks(page: string): string[] {
  const markdown = readFileSync(join(ROOT, page), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t) && !t.startsWith('#'));
}

test.each(PAGES)('%s: every relative link exists', (page) => {
  const missing = relativeLinks(page).filter((t) => !existsSync(join(dirname(join(ROOT, page)), t.replace(/#.*$/, ''))));
  expect(missing).toEqual([]);
});

test('the module READMEs link only to each other, as they are also vendored alone into infra/modules/', () => {
  for (const page of PAGES.filter((p) => p.startsWith('templates/terraform/modules/'))) {
    expect([page, relativeLinks(page).filter((t) => !/^\.\.\/[a-z-]+\/?$/.test(t))]).toEqual([page, []]);
  }
});
