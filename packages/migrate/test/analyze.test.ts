import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
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

  test('HCL the parser rejects fails with the file and the line', async () => {
    writeFileSync(join(dir, 'ok.tf'), 'variable "a" {\n  default = 1\n}\n');
    writeFileSync(join(dir, 'broken.tf'), 'resource "aws_lambda_function" "x" {\n  handler = "a.b"\n  timeout = \n}\n');
    const error = await analyze(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).field).toBe(`${relative(process.cwd(), join(dir, 'broken.tf'))}:3`);
    expect((error as MigrationError).reason).toMatch(/^Invalid expression; .* \(valid HCL, as terraform validate accepts it\)$/);
  });

  test('a tfvars file the parser rejects fails with the file and the line', async () => {
    writeFileSync(join(dir, 'main.tf'), 'variable "a" {}\n');
    writeFileSync(join(dir, 'terraform.tfvars'), 'a = "x"\nb = [\n');
    await expect(analyze(dir)).rejects.toThrow(/terraform\.tfvars:\d+: /);
  });

  test('YAML the parser rejects (SAM or Serverless) fails with the file and the line', async () => {
    mkdirSync(join(dir, 'sam'));
    writeFileSync(join(dir, 'sam', 'template.yaml'), 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [a,\n  b: c\n');
    const error = (await analyze(dir).catch((e: unknown) => e)) as MigrationError;
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.field).toBe(`${relative(process.cwd(), join(dir, 'sam', 'template.yaml'))}:5`);
    expect(error.reason).toMatch(/\(valid YAML\)$/);
    expect(error.reason).not.toContain('\n');

    rmSync(join(dir, 'sam'), { recursive: true });
    writeFileSync(join(dir, 'serverless.yml'), 'service: a\nfunctions:\n  a:\n    handler: a.b\n  a:\n    handler: c.d\n');
    await expect(analyze(dir)).rejects.toThrow(/serverless\.yml:5: Map keys must be unique \(valid YAML\)/);
  });

  test('a folder without scheduled functions gives an empty report', async () => {
    writeFileSync(join(dir, 'README.md'), '# nothing here\n');
    writeFileSync(join(dir, 'template.yaml'), 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    await expect(analyze(dir)).resolves.toEqual({ jobs: [], warnings: [] });
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
      ...Array(4).fill('terraform'), ...Array(4).fill('sam'), ...Array(3).fill('serverless'),
    ]);
  });

  test('build output and dependencies are not scanned', async () => {
    const template = 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.b\n      Runtime: nodejs22.x\n'
      + '      Events:\n        E:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 hour)\n';
    for (const skipped of ['node_modules/pkg', '.aws-sam/build', '.serverless', '.terraform/modules/x']) {
      mkdirSync(join(dir, skipped), { recursive: true });
      writeFileSync(join(dir, skipped, 'template.yaml'), template);
    }
    await expect(analyze(dir)).resolves.toEqual({ jobs: [], warnings: [] });
    writeFileSync(join(dir, 'template.yaml'), template);
    expect((await analyze(dir)).jobs.map((j) => j.name)).toEqual(['fn']);
  });

  test('a job renamed to fit or to be unique says so', async () => {
    const fn = (id: string, name: string) => `  ${id}:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: ${name}\n`
      + '      Handler: a.b\n      Runtime: nodejs22.x\n      Events:\n        E:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 hour)\n';
    writeFileSync(join(dir, 'template.yaml'), `Resources:\n${fn('A', 'quarterly-revenue-reconciliation')}${fn('B', 'quarterly_revenue_reconciliation')}`);
    const report = await analyze(dir);
    expect(report.jobs.map((j) => [j.name, j.warnings[0]])).toEqual([
      ['quarterly-revenue-reconc', "name: quarterly-revenue-reconciliation is longer than 24 characters (ecs-batch-template's limit), so the job is quarterly-revenue-reconc"],
      ['quarterly-revenue-reco-2', "name: quarterly-revenue-reconciliation is longer than 24 characters (ecs-batch-template's limit), so the job is quarterly-revenue-reco-2"],
    ]);
  });
});
