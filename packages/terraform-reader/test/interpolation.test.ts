import { hasInterpolation, splitTemplate } from '../src/interpolation';

describe('splitTemplate', () => {
  test('a literal is one text part', () => {
    expect(splitTemplate('rate(1 hour)')).toEqual([{ text: 'rate(1 hour)' }]);
    expect(splitTemplate('')).toEqual([{ text: '' }]);
  });

  test('expressions and text, in order', () => {
    expect(splitTemplate('orders-${var.stage}-${local.suffix}')).toEqual([
      { text: 'orders-' }, { expression: 'var.stage' }, { text: '-' }, { expression: 'local.suffix' },
    ]);
  });

  test('braces and quoted strings inside an expression do not end it', () => {
    const value = '${jsonencode({ a = "}", b = { c = "${var.x}" } })}';
    expect(splitTemplate(value)).toEqual([{ expression: 'jsonencode({ a = "}", b = { c = "${var.x}" } })' }]);
  });

  test('$${ is a literal ${', () => {
    expect(splitTemplate('$${not} ${var.x}')).toEqual([{ text: '${not} ' }, { expression: 'var.x' }]);
    expect(hasInterpolation('$${not}')).toBe(false);
  });

  test('template directives and unclosed expressions are not split', () => {
    expect(splitTemplate('%{if var.a}x%{endif}')).toBeUndefined();
    expect(splitTemplate('${var.a')).toBeUndefined();
    expect(hasInterpolation('%{if true}y%{endif}')).toBe(true);
  });
});
