import { Check } from '../../bench/lib/result';
import { formatValue, meetsTarget, quickFailures, quickLimit } from '../../bench/lib/verdict';

const atMost = (value: number, relative = true): Check =>
  ({ label: 'template / fixture', value, unit: 'x', op: '<=', limit: 1.3, relative });
const atLeast = (value: number): Check =>
  ({ label: 'speedup', value, unit: 'x', op: '>=', limit: 10, relative: true });

describe('meetsTarget', () => {
  test('an upper bound is met at or below it', () => {
    expect(meetsTarget(atMost(1.3))).toBe(true);
    expect(meetsTarget(atMost(1.31))).toBe(false);
  });

  test('a lower bound is met at or above it', () => {
    expect(meetsTarget(atLeast(10))).toBe(true);
    expect(meetsTarget(atLeast(9.9))).toBe(false);
  });
});

describe('quick margin', () => {
  test('loosens an upper bound by multiplying and a lower bound by dividing', () => {
    expect(quickLimit(atMost(0))).toBeCloseTo(2.6);
    expect(quickLimit(atLeast(0))).toBeCloseTo(5);
    expect(quickLimit(atMost(0), 3)).toBeCloseTo(3.9);
  });

  test('a missed target within the margin does not fail --quick', () => {
    expect(meetsTarget(atMost(2))).toBe(false);
    expect(quickFailures([atMost(2), atLeast(6)])).toEqual([]);
  });

  test('beyond the margin, the failure names the number, the loosened limit and the target', () => {
    expect(quickFailures([atMost(2.7), atLeast(4)])).toEqual([
      'template / fixture: 2.70× is beyond <= 2.60× (target <= 1.30×, with a 2× margin for --quick)',
      'speedup: 4.00× is beyond >= 5.00× (target >= 10.0×, with a 2× margin for --quick)',
    ]);
  });

  test('absolute numbers are never checked by --quick, however far off', () => {
    expect(quickFailures([{ label: 'overhead', value: 500, unit: 's', op: '<=', limit: 30, relative: false }])).toEqual([]);
  });
});

describe('formatValue', () => {
  test('prints ratios, shares and seconds in their unit', () => {
    expect(formatValue(1.2345, 'x')).toBe('1.23×');
    expect(formatValue(12.345, 'x')).toBe('12.3×');
    expect(formatValue(7.25, '%')).toBe('7.3%');
    expect(formatValue(29.96, 's')).toBe('30.0 s');
  });
});
