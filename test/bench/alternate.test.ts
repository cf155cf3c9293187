import { alternate, roundOrder } from '../../bench/lib/alternate';

describe('roundOrder', () => {
  test('runs the sides in order on even rounds and reversed on odd ones', () => {
    expect(roundOrder(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(roundOrder(['a', 'b', 'c'], 1)).toEqual(['c', 'b', 'a']);
  });
});

describe('alternate', () => {
  test('alternates A B / B A, throws warm-up rounds away and keeps samples per side in order', async () => {
    const calls: string[] = [];
    const side = (label: string) => ({
      label,
      run: async (round: number) => {
        calls.push(`${label}${round}`);
        return round;
      },
    });
    const samples = await alternate([side('a'), side('b')], { rounds: 3, warmupRounds: 1 });
    expect(calls).toEqual(['a0', 'b0', 'b1', 'a1', 'a2', 'b2', 'b3', 'a3']);
    expect(samples.get('a')).toEqual([1, 2, 3]);
    expect(samples.get('b')).toEqual([1, 2, 3]);
  });

  test('rejects a round count that is not a positive integer', async () => {
    await expect(alternate([{ label: 'a', run: async () => 1 }], { rounds: 0 }))
      .rejects.toThrow('rounds: 0 is not a positive integer (1 or more runs per side)');
  });
});
