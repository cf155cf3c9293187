import { HclEvaluationError, Scope, evaluateJsonValue, evaluateSource } from './hcl-evaluate';
import { HclSyntaxError, parseExpression } from './hcl-expression';
import { Unknown, Value, decodeJson } from './hcl-values';

/** The parity tests trust this evaluator, so it is checked against Terraform's documented behaviour. */

const scope = (vars: Record<string, Value>): Scope => ({
  lookup(name) {
    if (name === 'var') return vars;
    if (name === 'aws_sqs_queue') return { dlq: [new Unknown('aws_sqs_queue.dlq')] };
    throw new HclEvaluationError(`Reference to undeclared name "${name}"`);
  },
});
const ev = (source: string, vars: Record<string, Value> = {}): Value => evaluateSource(source, scope(vars));

describe('strings', () => {
  test('HCL rejects escape sequences it does not define, as Terraform does ("\\d")', () => {
    expect(() => parseExpression('replace(var.a, "/:\\d+$/", "")')).toThrow(HclSyntaxError);
    expect(ev('replace("arn:x:task-definition/nightly:12", "/:\\\\d+$/", "")')).toBe('arn:x:task-definition/nightly');
  });

  test('a template of one interpolation is the value itself; others are strings', () => {
    expect(ev('"${var.list}"', { list: ['a'] })).toEqual(['a']);
    expect(ev('"${var.n}-x"', { n: 3 })).toBe('3-x');
    expect(() => ev('"${var.n}-x"', { n: null })).toThrow(HclEvaluationError);
  });

  test('JSON-syntax strings keep literal text and evaluate ${...}', () => {
    expect(evaluateJsonValue('a\\"b ${var.x} $${y}', scope({ x: 'X' }))).toBe('a\\"b X ${y}');
  });
});

describe('operators', () => {
  test('&& and || evaluate both sides (HCL does not short-circuit)', () => {
    expect(() => ev('var.a == null || var.a.b', { a: null })).toThrow(HclEvaluationError);
    expect(ev('var.a == null || can(var.a.b)', { a: null })).toBe(true);
  });

  test('a conditional evaluates the branch it picks', () => {
    expect(ev('length(aws_sqs_queue.dlq) > 0 ? aws_sqs_queue.dlq[0].arn : null')).toEqual(new Unknown('aws_sqs_queue.dlq.arn'));
    expect(ev('false ? aws_sqs_queue.dlq[5].arn : "none"')).toBe('none');
  });

  test('equality is type-sensitive', () => {
    expect(ev('1 == "1"')).toBe(false);
    expect(ev('{ a = [1] } == { a = [1] }')).toBe(true);
  });

  test('precedence: comparison binds tighter than &&, && tighter than ||', () => {
    expect(ev('1 + 2 * 3 == 7 && !false || false')).toBe(true);
  });
});

describe('for expressions and functions', () => {
  test('maps iterate in key order, like Terraform', () => {
    expect(ev('[for k, v in var.m : "${k}=${v}"]', { m: { b: '2', a: '1' } })).toEqual(['a=1', 'b=2']);
    expect(ev('{ for o in var.l : o.n => o.v if o.v > 1 }', { l: [{ n: 'x', v: 1 }, { n: 'y', v: 2 }] })).toEqual({ y: 2 });
  });

  test('try and can catch evaluation errors only', () => {
    expect(ev('try(var.o.missing, "fallback")', { o: {} })).toBe('fallback');
    expect(ev('can(regex("^[0-9]+$", "12a"))')).toBe(false);
    expect(() => ev('nosuchfunction(1)')).toThrow('does not implement');
  });

  test('unknown values propagate with their expression', () => {
    const v = ev('replace(aws_sqs_queue.dlq[0].arn, "/:\\\\d+$/", "")');
    expect(v).toEqual(new Unknown('replace(aws_sqs_queue.dlq.arn, "/:\\\\d+$/", "")'));
  });

  test('jsonencode keeps the structure of a document with unknowns', () => {
    const v = ev('jsonencode({ Resource = "${aws_sqs_queue.dlq[0].arn}:*" })');
    expect(decodeJson(v)).toEqual({ Resource: expect.any(Unknown) });
    expect(ev('jsonencode({ b = 1, a = [true] })')).toBe('{"a":[true],"b":1}');
  });

  test('a JSON string with interpolations decodes to the same structure', () => {
    const v = evaluateJsonValue('{"Resource":"${aws_sqs_queue.dlq[0].arn}:*","Action":"x"}', scope({}));
    const viaTemplate = decodeJson(v) as any;
    const viaJsonencode = decodeJson(ev('jsonencode({ Resource = "${aws_sqs_queue.dlq[0].arn}:*", Action = "x" })')) as any;
    expect(viaTemplate.Resource.text).toBe(viaJsonencode.Resource.text);
  });
});
