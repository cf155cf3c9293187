import { hclLiteral } from '../../src/private/hcl-literal';
import { tsLiteral, tsString } from '../../src/private/ts-literal';

describe('tsLiteral', () => {
  test('writes single-quoted strings and quotes keys only when one must be', () => {
    expect(tsString("it's")).toBe("'it\\'s'");
    expect(tsLiteral({ a: 1, b: [true, 'x'] })).toBe("{ a: 1, b: [true, 'x'] }");
    expect(tsLiteral({ 'team': 'p', 'managed-by': 'e' })).toBe("{ 'team': 'p', 'managed-by': 'e' }");
    expect(tsLiteral({ a: undefined })).toBe('{}');
  });
});

describe('hclLiteral', () => {
  test('writes objects as aligned attributes and escapes template sequences', () => {
    expect(hclLiteral({ 'team': 'p', 'managed-by': 'e' })).toBe('{\n  team         = "p"\n  "managed-by" = "e"\n}');
    expect(hclLiteral(['a', 'b'])).toBe('["a", "b"]');
    expect(hclLiteral('${var.x} %{if}')).toBe('"$${var.x} %%{if}"');
    expect(hclLiteral({ rules: [{ n: 1 }] }, 2)).toBe('{\n    rules = [\n      {\n        n = 1\n      },\n    ]\n  }');
  });
});
