import { median, ratioOfMedians, summarize } from '../../bench/lib/stats';

describe('median', () => {
  test('is the middle sample of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  test('is the mean of the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('ignores one outlier: the point of using it on a shared machine', () => {
    expect(median([100, 101, 99, 5000, 100])).toBe(100);
  });

  test('rejects no samples and non-finite ones, naming the field', () => {
    expect(() => median([])).toThrow('samples: empty (at least one run is needed)');
    expect(() => median([1, NaN])).toThrow('samples: 1, NaN (finite numbers only)');
  });
});

describe('summarize', () => {
  test('gives runs, median, min and max', () => {
    expect(summarize([3, 1, 2])).toEqual({ runs: 3, median: 2, min: 1, max: 3 });
  });

  test('does not reorder the caller\'s samples', () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('ratioOfMedians', () => {
  test('is subject over baseline: above 1 means slower', () => {
    expect(ratioOfMedians([130, 120, 140], [100, 90, 110])).toBeCloseTo(1.3);
    expect(ratioOfMedians([10, 10], [100, 100])).toBeCloseTo(0.1);
  });

  test('refuses a zero baseline instead of returning Infinity', () => {
    expect(() => ratioOfMedians([1], [0])).toThrow('baseline: median is 0 (a ratio needs a positive baseline)');
  });
});
