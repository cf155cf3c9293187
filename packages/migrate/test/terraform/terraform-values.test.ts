import { TerraformValues } from '../../src/terraform/terraform-values';

const values = new TerraformValues({
  variables: new Map<string, unknown>([
    ['memory', 2048],
    ['stage', 'prod'],
    ['settings', { timeout: 300, tags: ['a', 'b'] }],
  ]),
  locals: new Map<string, unknown>([
    ['table', 'orders-${var.stage}'],
    ['event', { scope: '${var.stage}', limit: 10 }],
    ['loop', '${local.loop}'],
    ['unknown', '${var.nope}'],
  ]),
});

describe('TerraformValues', () => {
  test('literals stay as they are', async () => {
    await expect(values.resolve(900)).resolves.toEqual({ ok: true, value: 900 });
    await expect(values.resolve('nodejs22.x')).resolves.toEqual({ ok: true, value: 'nodejs22.x' });
    await expect(values.resolve(undefined)).resolves.toEqual({ ok: true, value: undefined });
  });

  test('a whole-string reference keeps the value\'s type', async () => {
    await expect(values.resolve('${var.memory}')).resolves.toEqual({ ok: true, value: 2048 });
    await expect(values.resolve('${local.event}')).resolves.toEqual({ ok: true, value: { scope: 'prod', limit: 10 } });
  });

  test('templates, locals over variables, traversals', async () => {
    await expect(values.resolve('${local.table}-v2')).resolves.toEqual({ ok: true, value: 'orders-prod-v2' });
    await expect(values.resolve('${var.settings.timeout}')).resolves.toEqual({ ok: true, value: 300 });
    await expect(values.resolve('${var.settings["tags"][1]}')).resolves.toEqual({ ok: true, value: 'b' });
    await expect(values.resolve('${path.module}/src')).resolves.toEqual({ ok: true, value: './src' });
  });

  test('jsonencode of literal HCL, parsed by hcl2json', async () => {
    await expect(values.resolve('${jsonencode({ scope = "all", n = [1, var.memory] })}'))
      .resolves.toEqual({ ok: true, value: '{"n":[1,2048],"scope":"all"}' });
    await expect(values.resolve('${jsonencode(local.event)}')).resolves.toEqual({ ok: true, value: '{"scope":"prod","limit":10}' });
  });

  test('what Terraform knows only at apply time is unresolved, naming the expression', async () => {
    await expect(values.resolve('${aws_s3_bucket.b.bucket}')).resolves.toEqual({ ok: false, expression: 'aws_s3_bucket.b.bucket' });
    await expect(values.resolve('x-${var.missing}')).resolves.toEqual({ ok: false, expression: 'var.missing' });
    // the expression that stops it, not the local that leads there
    await expect(values.resolve('${local.unknown}')).resolves.toEqual({ ok: false, expression: 'var.nope' });
    await expect(values.resolve('${var.settings.nope}')).resolves.toEqual({ ok: false, expression: 'var.settings.nope' });
    await expect(values.resolve('${upper(var.stage)}')).resolves.toEqual({ ok: false, expression: 'upper(var.stage)' });
    await expect(values.resolve(['a', '${each.key}'])).resolves.toEqual({ ok: false, expression: 'each.key' });
    await expect(values.resolve('${jsonencode({ a = aws_x.y.id })}')).resolves.toEqual({ ok: false, expression: 'aws_x.y.id' });
  });

  test('a local that refers to itself stops instead of looping', async () => {
    await expect(values.resolve('${local.loop}')).resolves.toMatchObject({ ok: false });
  });
});
