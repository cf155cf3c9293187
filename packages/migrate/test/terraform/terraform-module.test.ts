import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TerraformModule } from '../../src/terraform/terraform-module';

describe('TerraformModule', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-tf-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('keeps each block\'s file, and lets tfvars override defaults in load order', async () => {
    writeFileSync(join(dir, 'a.tf'), 'variable "x" {\n  default = 1\n}\nvariable "y" {\n  default = "d"\n}\nvariable "z" {}\nlocals {\n  l = 5\n}\n');
    writeFileSync(join(dir, 'b.tf'), 'resource "aws_lambda_function" "f" {\n  handler = "a.b"\n}\ndata "archive_file" "z" {\n  source_dir = "src"\n}\n');
    writeFileSync(join(dir, 'terraform.tfvars'), 'x = 2\n');
    writeFileSync(join(dir, 'b.auto.tfvars'), 'x = 3\n');
    writeFileSync(join(dir, 'a.auto.tfvars'), 'y = "a"\n');
    const module = await TerraformModule.load({
      dir,
      tfFiles: [join(dir, 'a.tf'), join(dir, 'b.tf')],
      tfvarsFiles: [join(dir, 'terraform.tfvars'), join(dir, 'a.auto.tfvars'), join(dir, 'b.auto.tfvars')],
    });
    expect(module.resources('aws_lambda_function')).toEqual([
      expect.objectContaining({ type: 'aws_lambda_function', name: 'f', body: { handler: 'a.b' }, file: join(dir, 'b.tf'), line: 1 }),
    ]);
    expect(module.dataSource('archive_file', 'z')?.body).toEqual({ source_dir: 'src' });
    expect(module.resource('aws_lambda_function', 'nope')).toBeUndefined();
    expect([...module.scope.variables]).toEqual([['x', 3], ['y', 'a']]);
    expect([...module.scope.locals]).toEqual([['l', 5]]);
  });

  test('--var values win over every tfvars file', async () => {
    writeFileSync(join(dir, 'a.tf'), 'variable "x" {\n  default = 1\n}\n');
    writeFileSync(join(dir, 'terraform.tfvars'), 'x = 2\n');
    const files = { dir, tfFiles: [join(dir, 'a.tf')], tfvarsFiles: [join(dir, 'terraform.tfvars')] };
    const module = await TerraformModule.load(files, { x: '9' });
    expect([...module.scope.variables]).toEqual([['x', '9']]);
  });
});
