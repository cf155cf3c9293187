import { join } from 'path';
import { Linter } from '../src';

const REPO = join(__dirname, '..', '..', '..');

describe('the product lints clean', () => {
  test.each(['templates/terraform/modules/ecs-scheduled-task', 'templates/terraform/modules/ecs-batch-job', 'templates/terraform/examples', 'templates/terraform'])('%s', async (path) => {
    const report = await Linter.lint({ paths: [join(REPO, path)] });
    expect(report.unreadable).toEqual([]);
    expect(report.roots.length).toBeGreaterThan(0);
    expect(report.findings).toEqual([]);
  });
});
