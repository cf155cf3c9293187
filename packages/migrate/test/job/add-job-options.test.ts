import { toAddJobOptions } from '../../src/job/add-job-options';
import { MigrationJob } from '../../src/migration-report';

const job = (overrides: Partial<MigrationJob>): MigrationJob => ({
  name: 'report',
  sourceFile: 'main.tf',
  source: 'terraform',
  schedule: ['cron(0 2 * * ? *)'],
  enabled: true,
  memoryMb: 1024,
  timeoutSeconds: 300,
  cpu: 1024,
  memory: 2048,
  environment: [],
  warnings: [],
  defaults: [],
  ...overrides,
});

describe('toAddJobOptions', () => {
  test('one addJob per schedule; UTC when the source gives no zone; the timeout in whole minutes', () => {
    const [{ options }] = toAddJobOptions({ jobs: [job({ schedule: ['rate(1 hour)', 'cron(0 2 * * ? *)'], timeoutSeconds: 61 })], warnings: [], unreadable: [] });
    expect(options).toEqual([
      { name: 'report', schedule: 'rate(1 hour)', timeZone: 'UTC', cpu: 1024, memory: 2048, timeoutMinutes: 2 },
      { name: 'report-2', schedule: 'cron(0 2 * * ? *)', timeZone: 'UTC', cpu: 1024, memory: 2048, timeoutMinutes: 2 },
    ]);
  });

  test('literal non-secret variables, the input as JSON, enabled only when false', () => {
    const [{ options }] = toAddJobOptions({
      jobs: [job({
        timeZone: 'Asia/Tokyo',
        input: { scope: 'all' },
        enabled: false,
        timeoutSeconds: 3,
        environment: [
          { name: 'TABLE', value: 'orders', secret: false },
          { name: 'DB_PASSWORD', value: 'x', secret: true },
          { name: 'BUCKET', value: null, expression: '!Ref B', secret: false },
        ],
      })],
      warnings: [],
      unreadable: [],
    });
    expect(options).toEqual([{
      name: 'report',
      schedule: 'cron(0 2 * * ? *)',
      timeZone: 'Asia/Tokyo',
      cpu: 1024,
      memory: 2048,
      timeoutMinutes: 1,
      environment: { TABLE: 'orders' },
      input: '{"scope":"all"}',
      enabled: false,
    }]);
  });

  test('no timeoutMinutes at Lambda\'s 900 s limit: the function was likely cut short there', () => {
    const [{ options }] = toAddJobOptions({ jobs: [job({ timeoutSeconds: 900 })], warnings: [], unreadable: [] });
    expect(options).toEqual([{ name: 'report', schedule: 'cron(0 2 * * ? *)', timeZone: 'UTC', cpu: 1024, memory: 2048 }]);
  });

  test('the extra names do not collide with other jobs', () => {
    const result = toAddJobOptions({ jobs: [job({ schedule: ['rate(1 hour)', 'rate(2 hours)'] }), job({ name: 'report-2' })], warnings: [], unreadable: [] });
    expect(result.flatMap((r) => r.options.map((o) => o.name))).toEqual(['report', 'report-3', 'report-2']);
  });
});
