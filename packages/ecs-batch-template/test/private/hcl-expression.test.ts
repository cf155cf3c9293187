import { parse } from '@cdktf/hcl2json';
import { alignAttributes, hclExpression } from '../../src/private/hcl-expression';

describe('hclExpression', () => {
  test('a whole reference stays bare (a list stays a list); other strings are templates that keep their references', () => {
    expect(hclExpression('${local.subjects}')).toBe('local.subjects');
    expect(hclExpression('arn:${local.partition}:s3:::${aws_s3_bucket.state.bucket}/*')).toBe('"arn:${local.partition}:s3:::${aws_s3_bucket.state.bucket}/*"');
    expect(hclExpression('say "hi" \\ %{x}')).toBe('"say \\"hi\\" \\\\ %%{x}"');
  });

  test('one-line attributes aligned in runs, as terraform fmt does; a multi-line value is not padded', () => {
    expect(hclExpression({ Sid: 'A', Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Action: ['s3:*'] })).toBe([
      '{',
      '  Sid    = "A"',
      '  Effect = "Allow"',
      '  Condition = {',
      '    Bool = {',
      '      "aws:SecureTransport" = "false"',
      '    }',
      '  }',
      '  Action = ["s3:*"]',
      '}',
    ].join('\n'));
    expect(alignAttributes([{ key: 'a', text: '1' }, { key: 'long', text: '2' }], 2)).toBe('  a    = 1\n  long = 2');
  });

  test('the real HCL parser reads it back as the same value', async () => {
    const value = { Version: '2012-10-17', Statement: [{ Sid: 'X', Action: ['a:B', 'c:D'], Resource: 'arn:${local.p}:x', Condition: { StringEquals: { 'k:v': '${local.list}' } } }] };
    const parsed = await parse('x.tf', `locals {\n  doc = ${hclExpression(value, 2)}\n}\n`);
    expect(parsed.locals[0].doc).toEqual(value);
  });
});
