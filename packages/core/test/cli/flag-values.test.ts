import { FlagValues } from '../../src/cli/flag-values';
import { UsageError } from '../../src/cli/usage-error';

describe('FlagValues.integer', () => {
  test('parses integers, passes undefined through', () => {
    expect(FlagValues.integer('10', '--count')).toBe(10);
    expect(FlagValues.integer('-3', '--count')).toBe(-3);
    expect(FlagValues.integer(undefined, '--count')).toBeUndefined();
  });

  test.each(['ten', '1.5', '', '1e3', ' 5'])('%j is a usage error', (value) => {
    expect(() => FlagValues.integer(value, '--count')).toThrow(UsageError);
    expect(() => FlagValues.integer(value, '--count')).toThrow(`--count must be an integer (got '${value}')`);
  });
});

describe('FlagValues.instant', () => {
  test.each([
    ['2026-01-01', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T09:30', '2026-01-01T09:30:00.000Z'],
    ['2026-01-01T09:30:15', '2026-01-01T09:30:15.000Z'],
    ['2026-01-01T09:30:15.250Z', '2026-01-01T09:30:15.250Z'],
    ['2026-01-01T18:00:00+09:00', '2026-01-01T09:00:00.000Z'],
    ['2026-01-01T00:00:00-05:00', '2026-01-01T05:00:00.000Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('%s -> %s (no offset means UTC)', (value, iso) => {
    expect(FlagValues.instant(value, '--from')!.toISOString()).toBe(iso);
  });

  test.each(['tomorrow', '2026-1-1', '2026-02-30', '2027-02-29', '2026-01-01T25:00', '2026-01-01T10:60', '2026-13-01', '1767225600', '2026-01-01 00:00'])(
    '%j is a usage error', (value) => {
      expect(() => FlagValues.instant(value, '--from')).toThrow(UsageError);
      expect(() => FlagValues.instant(value, '--from')).toThrow(`--from must be an ISO-8601 date-time such as 2026-01-01T00:00:00Z (got '${value}')`);
    });
});
