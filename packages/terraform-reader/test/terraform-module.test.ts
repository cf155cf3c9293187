import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TerraformModule } from '../src';

const FIXTURES = join(__dirname, 'fixtures');
const ROOT = join(FIXTURES, 'root');

describe('TerraformModule.load (HCL)', () => {
  let module: TerraformModule;
  beforeAll(async () => {
    module = await TerraformModule.load(ROOT);
  });

  test('maps each block and attribute back to its file:line', () => {
    const rule = module.resource('aws_cloudwatch_event_rule', 'nightly')!;
    expect(rule).toMatchObject({ file: join(ROOT, 'main.tf'), line: 14, address: 'aws_cloudwatch_event_rule.nightly', modulePath: '' });
    expect(rule.attributes.schedule_expression.line).toBe(16);
    expect(rule.attributes.description.line).toBe(18);
    const target = module.resource('aws_cloudwatch_event_target', 'nightly')!;
    expect(target.line).toBe(26);
    expect(target.attributes['ecs_target.task_definition_arn'].line).toBe(31);
    expect(target.attributes['ecs_target[0].network_configuration.assign_public_ip'].line).toBe(39);
    expect(target.attributes['ecs_target.network_configuration.assign_public_ip'].line).toBe(39);
    expect(module.blocks.find((b) => b.kind === 'module')).toMatchObject({ name: 'job', line: 44, address: 'module.job' });
  });

  test('reads the comments above a block, at the end of its lines, and block comments', () => {
    const rule = module.resource('aws_cloudwatch_event_rule', 'nightly')!;
    expect(rule.comments).toEqual(['The nightly run.', 'Meant at 02:00 JST.', 'trailing on the header']);
    expect(rule.attributes.schedule_expression.comments).toEqual(['02:00 JST']);
    const target = module.resource('aws_cloudwatch_event_target', 'nightly')!;
    expect(target.comments).toEqual(['A block comment\n   over two lines']);
    expect(target.attributes['ecs_target.network_configuration.assign_public_ip'].comments).toEqual(['no NAT needed']);
  });

  test('a heredoc that looks like HCL is not read as blocks', () => {
    expect(module.blocks.map((b) => b.address)).not.toContain('not_a.block');
    expect(module.resource('aws_cloudwatch_event_rule', 'nightly')!.body.description).toContain('resource "not_a" "block" {');
  });

  test('terraform.tfvars over defaults; locals resolve through them', async () => {
    expect(module.scope.variables).toMatchObject({ stage: 'prod', memory: 512 });
    await expect(module.values.resolve('${local.name}')).resolves.toEqual({ resolved: true, value: 'report-prod' });
    await expect(module.values.resolve('${aws_iam_role.x.arn}')).resolves.toEqual({ resolved: false, expression: 'aws_iam_role.x.arn' });
  });

  test('--var over tfvars, and extra var files', async () => {
    const withVar = await TerraformModule.load(ROOT, { variables: { stage: 'qa' } });
    expect(withVar.scope.variables.stage).toBe('qa');
    await expect(withVar.children[0].values.resolve('${var.name}')).resolves.toEqual({ resolved: true, value: 'report-qa' });
  });

  test('follows a local module with its inputs: resolved inputs set, unknown ones shadow the default', async () => {
    const [child] = module.children;
    expect(child.modulePath).toBe('module.job');
    expect(child.dir).toBe(join(ROOT, 'modules', 'job'));
    const td = child.resource('aws_ecs_task_definition', 'job')!;
    expect(td).toMatchObject({ modulePath: 'module.job', line: 5 });
    await expect(child.values.resolve(td.body.family)).resolves.toEqual({ resolved: true, value: 'report-prod' });
    await expect(child.values.resolve('${var.memory}')).resolves.toEqual({ resolved: true, value: 512 });
    await expect(child.values.resolve('${var.role}')).resolves.toMatchObject({ resolved: false });
    expect(module.allModules().map((m) => m.modulePath)).toEqual(['', 'module.job']);
  });

  test('does not follow modules when told not to', async () => {
    expect((await TerraformModule.load(ROOT, { followModules: false })).children).toEqual([]);
  });
});

describe('unreadable input is data', () => {
  test('a file hcl2json rejects is reported with its line and reason, the rest still read', async () => {
    const module = await TerraformModule.load(join(FIXTURES, 'broken'));
    expect(module.blocks).toEqual([]);
    expect(module.unreadable).toEqual([{ file: join(FIXTURES, 'broken', 'main.tf'), line: 6, reason: expect.stringContaining('(valid HCL, as terraform validate accepts it)') }]);
  });

  test('a module source that is not a folder of .tf files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reader-'));
    writeFileSync(join(dir, 'main.tf'), 'module "gone" {\n  source = "./gone"\n}\n');
    const module = await TerraformModule.load(dir);
    expect(module.allUnreadable()).toEqual([{ file: join(dir, 'main.tf'), line: 1, reason: 'module "gone": source "./gone" is not a folder of .tf files' }]);
  });
});

describe('synthesized CDKTF (cdk.tf.json)', () => {
  test('reads blocks with their lines and construct paths', async () => {
    const module = await TerraformModule.load(join(FIXTURES, 'cdktf'));
    const rule = module.resource('aws_cloudwatch_event_rule', 'nightly_rule_ABC123')!;
    expect(rule).toMatchObject({ line: 5, comments: ['construct batch/nightly/rule'] });
    expect(rule.attributes.schedule_expression.line).toBe(8);
    const target = module.resource('aws_cloudwatch_event_target', 'nightly_target_DEF456')!;
    expect(target.attributes['ecs_target.network_configuration.assign_public_ip'].line).toBe(16);
    expect(module.scope.variables.stage).toBe('dev');
  });

  test('a cdk.tf.json file given alone', async () => {
    const module = await TerraformModule.load(join(FIXTURES, 'cdktf', 'cdk.tf.json'));
    expect(module.resources('aws_cloudwatch_event_target')).toHaveLength(1);
  });
});

describe('variable definitions files, as Terraform loads them', () => {
  // https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence
  test('autoVarFiles: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) in lexical order; no other', () => {
    const names = ['z.auto.tfvars', 'prod.tfvars', 'terraform.tfvars.json', 'b.auto.tfvars.json', 'terraform.tfvars', 'a.auto.tfvars', 'dev.tfvars.json', 'main.tf', 'b.auto.tfvars'];
    expect(TerraformModule.autoVarFiles(names)).toEqual(['terraform.tfvars', 'terraform.tfvars.json', 'a.auto.tfvars', 'b.auto.tfvars', 'b.auto.tfvars.json', 'z.auto.tfvars']);
    expect(TerraformModule.autoVarFiles(['/x/env/terraform.tfvars.json', '/x/a/b.auto.tfvars'])).toEqual(['/x/env/terraform.tfvars.json', '/x/a/b.auto.tfvars']);
    expect(names.filter((n) => TerraformModule.isVarFile(n))).toEqual(['z.auto.tfvars', 'prod.tfvars', 'terraform.tfvars.json', 'b.auto.tfvars.json', 'terraform.tfvars', 'a.auto.tfvars', 'dev.tfvars.json', 'b.auto.tfvars']);
  });

  test('load reads the JSON ones too, each later file winning, then var files, then --var', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfvars-json-'));
    writeFileSync(join(dir, 'main.tf'), 'variable "a" {}\nvariable "b" {}\nvariable "c" {}\nvariable "d" {}\nvariable "e" {}\n');
    writeFileSync(join(dir, 'terraform.tfvars'), 'a = "tfvars"\nb = "tfvars"\nc = "tfvars"\nd = "tfvars"\ne = "tfvars"\n');
    writeFileSync(join(dir, 'terraform.tfvars.json'), JSON.stringify({ b: 'tfvars.json', c: 'tfvars.json', d: 'tfvars.json', e: 'tfvars.json' }));
    writeFileSync(join(dir, 'a.auto.tfvars.json'), JSON.stringify({ c: 'a.auto.tfvars.json', d: 'a.auto.tfvars.json', e: 'a.auto.tfvars.json' }));
    writeFileSync(join(dir, 'b.auto.tfvars'), 'd = "b.auto.tfvars"\ne = "b.auto.tfvars"\n');
    writeFileSync(join(dir, 'prod.tfvars'), 'e = "prod.tfvars"\n');
    expect((await TerraformModule.load(dir)).scope.variables).toEqual({
      a: 'tfvars', b: 'tfvars.json', c: 'a.auto.tfvars.json', d: 'b.auto.tfvars', e: 'b.auto.tfvars',
    });
    const withFile = await TerraformModule.load(dir, { varFiles: [join(dir, 'prod.tfvars')] });
    expect(withFile.scope.variables.e).toBe('prod.tfvars');
    const withVar = await TerraformModule.load(dir, { varFiles: [join(dir, 'prod.tfvars')], variables: { e: 'cli' } });
    expect(withVar.scope.variables.e).toBe('cli');
  });
});
