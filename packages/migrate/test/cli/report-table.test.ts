import { renderTable } from '../../src/cli/report-table';

describe('renderTable', () => {
  test('aligned columns, a line per extra schedule, then the warnings', () => {
    const text = renderTable({
      jobs: [
        {
          name: 'a',
          sourceFile: 'serverless.yml',
          source: 'serverless',
          handler: 'a.h',
          runtime: 'nodejs22.x',
          schedule: ['cron(0 8 * * ? *)', 'cron(0 20 * * ? *)'],
          timeZone: 'America/New_York',
          enabled: true,
          memoryMb: 1024,
          timeoutSeconds: 6,
          cpu: 1024,
          memory: 2048,
          environment: [],
          codePath: '.',
          warnings: [],
          defaults: [],
        },
        {
          name: 'long-name',
          sourceFile: 'main.tf',
          source: 'terraform',
          schedule: ['rate(1 hour)'],
          enabled: false,
          memoryMb: 128,
          timeoutSeconds: 3,
          cpu: 256,
          memory: 512,
          environment: [],
          warnings: ['container image x: wrap it'],
          defaults: [],
        },
      ],
      warnings: ['main.tf: r: not migrated'],
      unreadable: [],
    });
    expect(text).toBe([
      'NAME       SOURCE      SCHEDULE            TIME ZONE         ENABLED  LAMBDA        FARGATE CPU/MEMORY  RUNTIME     FILE',
      'a          serverless  cron(0 8 * * ? *)   America/New_York  yes      1024 MB, 6 s  1024 / 2048         nodejs22.x  serverless.yml',
      '                       cron(0 20 * * ? *)',
      'long-name  terraform   rate(1 hour)        UTC               no       128 MB, 3 s   256 / 512           -           main.tf',
      '',
      'To resolve by hand:',
      '  long-name',
      '    - container image x: wrap it',
      '',
      'Not migrated:',
      '  - main.tf: r: not migrated',
      '',
      '2 jobs from scheduled Lambda functions; ecs-batch-migrate --projenrc prints the addJob calls.',
      '',
    ].join('\n'));
  });
});
