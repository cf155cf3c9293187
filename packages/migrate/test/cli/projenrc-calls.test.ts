import { renderProjenrc } from '../../src/cli/projenrc-calls';
import { MigrationReport } from '../../src/migration-report';

const report: MigrationReport = {
  jobs: [{
    name: 'quote-job',
    sourceFile: 'template.yaml',
    source: 'sam',
    handler: 'index.handler',
    runtime: 'nodejs22.x',
    schedule: ['cron(0 2 * * ? *)'],
    enabled: false,
    input: { text: "it's \\ \"quoted\"\nline" },
    memoryMb: 128,
    timeoutSeconds: 3,
    cpu: 256,
    memory: 512,
    environment: [
      { name: 'GREETING', value: "l'été", secret: false },
      { name: 'my-var', value: 'x', secret: false },
      { name: 'TOKEN', value: 't', secret: true },
      { name: 'TABLE', value: null, expression: '!Ref Table', secret: false },
    ],
    warnings: ['a warning'],
    defaults: [],
  }],
  warnings: ['template.yaml: X: not migrated'],
  unreadable: [],
};

describe('renderProjenrc', () => {
  const text = renderProjenrc(report);

  test('prints calls that evaluate to the options, with every string escaped', () => {
    const calls: unknown[] = [];
    new Function('project', text)({ addJob: (o: unknown) => calls.push(o) });
    expect(calls).toEqual([{
      name: 'quote-job',
      schedule: 'cron(0 2 * * ? *)',
      timeZone: 'UTC',
      cpu: 256,
      memory: 512,
      timeoutMinutes: 1,
      environment: { 'GREETING': "l'été", 'my-var': 'x' },
      input: JSON.stringify(report.jobs[0].input),
      enabled: false,
    }]);
  });

  test('comments say what was left out and why', () => {
    expect(text.split('\n')).toEqual(expect.arrayContaining([
      '// quote-job: sam template.yaml, handler index.handler (nodejs22.x)',
      '  enabled: false, // disabled in the source: enable it when you switch over',
      '// left out of environment: TOKEN (looks like a secret), TABLE (!Ref Table, not a literal)',
      '// warning: a warning',
      '// Not migrated:',
      '// - template.yaml: X: not migrated',
    ]));
  });
});
