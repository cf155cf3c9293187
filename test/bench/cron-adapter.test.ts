import { cronReport } from '../../bench/lib/cron-adapter';
import { meetsTarget } from '../../bench/lib/verdict';

describe('cronReport', () => {
  const result = {
    name: 'cron: next 100 fire times of 2 expressions, parse included',
    ours: { medianMs: 2, minMs: 1.5, maxMs: 3 },
    baseline: { medianMs: 30, minMs: 28, maxMs: 35 },
    ratio: 15,
    disagreements: ['cron(0 0 31 * ? *): aws-cron-parser fire time 2: 2026-05-01T00:00:00.000Z, expected 2026-05-31T00:00:00.000Z'],
    expressions: 2,
    runs: 15,
    target: 10,
  };
  const report = cronReport(result);

  test('checks the speed-up as a ratio of at least the target, which --quick may check', () => {
    expect(report.checks).toEqual([
      { label: '@ecs-batch/core speed-up over aws-cron-parser', value: 15, unit: 'x', op: '>=', limit: 10, relative: true },
    ]);
    expect(meetsTarget(report.checks[0])).toBe(true);
  });

  test('tables both sides with median, min, max and speed against aws-cron-parser', () => {
    expect(report.tables[0].rows).toEqual([
      ['@ecs-batch/core', '15', '2.00 ms', '1.50 ms', '3.00 ms', '15.0×'],
      ['aws-cron-parser', '15', '30 ms', '28 ms', '35 ms', '1.0×'],
    ]);
  });

  test('lists each disagreement of aws-cron-parser with the brute force by expression', () => {
    expect(report.tables[1].rows).toEqual([
      ['`cron(0 0 31 * ? *)`', 'fire time 2: 2026-05-01T00:00:00.000Z, expected 2026-05-31T00:00:00.000Z'],
    ]);
  });
});
