import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyze, MigrationError } from '../src';
import { FIXTURES } from './contract';

describe('analyze', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a path that does not exist is a MigrationError naming the path', async () => {
    const missing = join(dir, 'nope');
    await expect(analyze(missing)).rejects.toThrow(MigrationError);
    await expect(analyze(missing)).rejects.toThrow(`${missing}: does not exist (a folder with Terraform, AWS SAM or Serverless Framework files)`);
  });

  const SCHEDULED = 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.b\n      Runtime: nodejs22.x\n'
    + '      Events:\n        E:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 hour)\n';

  test('HCL the parser rejects is a warning with the file and the line, and the run goes on', async () => {
    mkdirSync(join(dir, 'infra'));
    writeFileSync(join(dir, 'infra', 'ok.tf'), 'variable "a" {\n  default = 1\n}\n');
    writeFileSync(join(dir, 'infra', 'broken.tf'), 'resource "aws_lambda_function" "x" {\n  handler = "a.b"\n  timeout = \n}\n');
    writeFileSync(join(dir, 'template.yaml'), SCHEDULED);
    const report = await analyze(dir);
    expect(report.jobs.map((j) => j.name)).toEqual(['fn']);
    expect(report.unreadable).toEqual([{ file: 'infra/broken.tf', line: 3, reason: expect.stringMatching(/^Invalid expression; .* \(valid HCL, as terraform validate accepts it\)$/) }]);
    expect(report.warnings).toEqual([expect.stringMatching(/^infra\/broken\.tf:3: could not read: Invalid expression; .*: not migrated$/)]);
  });

  test('a tfvars file the parser rejects is a warning with the file and the line', async () => {
    writeFileSync(join(dir, 'main.tf'), 'variable "a" {}\n');
    writeFileSync(join(dir, 'terraform.tfvars'), 'a = "x"\nb = [\n');
    const report = await analyze(dir);
    expect(report.unreadable).toEqual([{ file: 'terraform.tfvars', line: expect.any(Number), reason: expect.any(String) }]);
    expect(report.warnings[0]).toMatch(/^terraform\.tfvars:\d+: could not read: /);
  });

  test('YAML that neither CloudFormation nor the framework reads is a warning with the file and line; the other files are read', async () => {
    mkdirSync(join(dir, 'sam'));
    writeFileSync(join(dir, 'sam', 'template.yaml'), 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [a,\n  b: c\n');
    mkdirSync(join(dir, 'good'));
    writeFileSync(join(dir, 'good', 'template.yaml'), SCHEDULED);
    const report = await analyze(dir);
    expect(report.jobs.map((j) => [j.name, j.sourceFile])).toEqual([['fn', 'good/template.yaml']]);
    expect(report.unreadable).toEqual([{ file: 'sam/template.yaml', line: 5, reason: expect.stringMatching(/\(valid YAML\)$/) }]);
    expect(report.unreadable[0].reason).not.toContain('\n');
    expect(report.warnings).toEqual([expect.stringMatching(/^sam\/template\.yaml:5: could not read: .* \(valid YAML\): not migrated$/)]);
  });

  test('a duplicate function key is read as the Serverless Framework reads it: the last one wins, with a warning', async () => {
    writeFileSync(join(dir, 'serverless.yml'), [
      'service: a', 'provider:', '  name: aws', '  runtime: nodejs22.x', 'functions:',
      '  a:', '    handler: a.first', '    events:', '      - schedule: rate(1 hour)',
      '  a:', '    handler: a.second', '    events:', '      - schedule: rate(2 hours)',
    ].join('\n'));
    const report = await analyze(dir);
    expect(report.jobs.map((j) => [j.name, j.handler, j.schedule])).toEqual([['a', 'a.second', ['rate(2 hours)']]]);
    expect(report.warnings).toEqual(['serverless.yml:10: key a is set twice; the last one wins, as in CloudFormation']);
    expect(report.unreadable).toEqual([]);
  });

  test('a folder without scheduled functions gives an empty report', async () => {
    writeFileSync(join(dir, 'README.md'), '# nothing here\n');
    writeFileSync(join(dir, 'template.yaml'), 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    await expect(analyze(dir)).resolves.toEqual({ jobs: [], warnings: [], unreadable: [] });
  });

  test('analyzing reads only: the folder is unchanged', async () => {
    const before = readdirSync(FIXTURES, { recursive: true }).sort();
    await analyze(FIXTURES);
    expect(readdirSync(FIXTURES, { recursive: true }).sort()).toEqual(before);
  });

  test('names stay unique across sources: the second cleanup becomes cleanup-2', async () => {
    const report = await analyze(FIXTURES);
    const names = report.jobs.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    expect(report.jobs.filter((j) => j.name.startsWith('cleanup')).map((j) => [j.name, j.sourceFile])).toEqual([
      ['cleanup', 'terraform-repo/functions.tf'],
      ['cleanup-2', 'sam-app/template.yaml'],
    ]);
    expect(report.jobs.find((j) => j.name === 'cleanup-2')?.warnings[0]).toBe("name: cleanup is another job's, so this one is cleanup-2");
    expect(report.jobs.map((j) => j.source)).toEqual([
      // terraform-credential-url 2, terraform-local-module 2, terraform-permissions 1, terraform-registry (rules 2, scheduler 2), terraform-repo 4, terraform-triggers 4, terraform-var-files 1; sam-app, sam-classes, sam-permissions; serverless-app, serverless-classes, serverless-permissions
      ...Array(18).fill('terraform'), ...Array(9).fill('sam'), ...Array(7).fill('serverless'), ...Array(3).fill('copilot'),
    ]);
  });

  test('build output and dependencies are not scanned', async () => {
    const template = 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.b\n      Runtime: nodejs22.x\n'
      + '      Events:\n        E:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 hour)\n';
    for (const skipped of ['node_modules/pkg', '.aws-sam/build', '.serverless', '.terraform/modules/x']) {
      mkdirSync(join(dir, skipped), { recursive: true });
      writeFileSync(join(dir, skipped, 'template.yaml'), template);
    }
    await expect(analyze(dir)).resolves.toEqual({ jobs: [], warnings: [], unreadable: [] });
    writeFileSync(join(dir, 'template.yaml'), template);
    expect((await analyze(dir)).jobs.map((j) => j.name)).toEqual(['fn']);
  });

  test('a job renamed to fit or to be unique says so', async () => {
    const fn = (id: string, name: string) => `  ${id}:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: ${name}\n`
      + '      Handler: a.b\n      Runtime: nodejs22.x\n      Events:\n        E:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 hour)\n';
    writeFileSync(join(dir, 'template.yaml'), `Resources:\n${fn('A', 'quarterly-revenue-reconciliation')}${fn('B', 'quarterly_revenue_reconciliation')}`);
    const report = await analyze(dir);
    expect(report.jobs.map((j) => [j.name, j.warnings[0]])).toEqual([
      // Cut after the last whole word that fits, not mid-word.
      ['quarterly-revenue', "name: quarterly-revenue-reconciliation is longer than 24 characters (ecs-batch-template's limit), so the job is quarterly-revenue"],
      ['quarterly-revenue-2', "name: quarterly-revenue-reconciliation is longer than 24 characters (ecs-batch-template's limit), so the job is quarterly-revenue-2"],
    ]);
  });
});
