import { TimeZone } from '../../src';
import { ValidationError } from '../../src/errors';

describe('TimeZone', () => {
  test('validate remembers valid zones only: a bad name fails every time, under its own field', () => {
    expect(TimeZone.validate('europe/berlin')).toBe('Europe/Berlin');
    expect(TimeZone.validate('europe/berlin')).toBe('Europe/Berlin');
    expect(() => TimeZone.validate('Mars/Olympus_Mons', 'timeZone')).toThrow("timeZone: 'Mars/Olympus_Mons' is not an IANA time zone");
    expect(() => TimeZone.validate('Mars/Olympus_Mons', 'schedules[0].timeZone')).toThrow("schedules[0].timeZone: 'Mars/Olympus_Mons' is not an IANA time zone");
  });

  test('UTC_ALIASES are zones, each UTC, and cannot be changed', () => {
    for (const name of TimeZone.UTC_ALIASES) {
      expect(TimeZone.isUtc(name)).toBe(true);
      expect(TimeZone.isUtc(name.toLowerCase())).toBe(true);
    }
    expect(TimeZone.isUtc('Africa/Abidjan')).toBe(false);
    expect(() => TimeZone.UTC_ALIASES.push('Mars/Olympus_Mons')).toThrow(TypeError);
  });

  test('validate returns the canonical IANA name', () => {
    expect(TimeZone.validate('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(TimeZone.validate('asia/tokyo')).toBe('Asia/Tokyo');
    expect(TimeZone.validate('UTC')).toBe('UTC');
    expect(TimeZone.validate('Etc/GMT-9')).toBe('Etc/GMT-9');
  });

  test.each([
    ['Tokyo', undefined, "timeZone: 'Tokyo' is not an IANA time zone (e.g. Asia/Tokyo, Europe/Berlin, UTC)"],
    ['Mars/Olympus', '--tz', "--tz: 'Mars/Olympus' is not an IANA time zone (e.g. Asia/Tokyo, Europe/Berlin, UTC)"],
    ['', '--time-zone', '--time-zone: is empty (an IANA time zone, e.g. Asia/Tokyo or UTC)'],
    ['  ', undefined, 'timeZone: is empty (an IANA time zone, e.g. Asia/Tokyo or UTC)'],
    ['+09:00', undefined, "timeZone: '+09:00' is an offset, not an IANA time zone (e.g. Asia/Tokyo, Etc/GMT-9, UTC)"],
    ['-0330', undefined, "timeZone: '-0330' is an offset, not an IANA time zone (e.g. Asia/Tokyo, Etc/GMT-9, UTC)"],
  ])('validate(%j, %s) throws %s', (name, field, message) => {
    let error: unknown;
    try {
      TimeZone.validate(name, field);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field ?? 'timeZone');
    expect((error as ValidationError).message).toBe(message);
  });

  test('isUtc knows the aliases', () => {
    for (const name of ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/GMT+0', 'Zulu', 'Etc/Universal', 'utc']) expect(TimeZone.isUtc(name)).toBe(true);
    for (const name of ['Asia/Tokyo', 'Europe/London', 'Africa/Abidjan', 'Etc/GMT-1']) expect(TimeZone.isUtc(name)).toBe(false);
  });

  test('observesDst', () => {
    expect(TimeZone.observesDst('Asia/Tokyo', 2026)).toBe(false);
    expect(TimeZone.observesDst('Asia/Kolkata', 2026)).toBe(false);
    expect(TimeZone.observesDst('UTC')).toBe(false);
    expect(TimeZone.observesDst('America/New_York', 2026)).toBe(true);
    expect(TimeZone.observesDst('Europe/Berlin', 2026)).toBe(true);
    expect(TimeZone.observesDst('Australia/Sydney', 2026)).toBe(true);
    expect(TimeZone.observesDst('Australia/Lord_Howe', 2026)).toBe(true);
    expect(() => TimeZone.observesDst('Nowhere/Land')).toThrow(ValidationError);
  });
});
