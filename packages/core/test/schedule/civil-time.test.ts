import { civilFromDays, cronWeekday, daysFromCivil, daysInMonth, isLeapYear } from '../../src/schedule/civil-time';

describe('civil-time agrees with Date for every day from 1969 to 2200', () => {
  test('daysFromCivil, civilFromDays and cronWeekday', () => {
    const DAY = 86_400_000;
    for (let t = Date.UTC(1969, 0, 1); t < Date.UTC(2201, 0, 1); t += DAY) {
      const d = new Date(t);
      const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      const days = t / DAY;
      if (daysFromCivil(y, m, day) !== days) throw new Error(`daysFromCivil(${y}, ${m}, ${day}) = ${daysFromCivil(y, m, day)}, not ${days}`);
      const c = civilFromDays(days);
      if (c.year !== y || c.month !== m || c.day !== day) throw new Error(`civilFromDays(${days}) = ${JSON.stringify(c)}`);
      if (cronWeekday(y, m, day) !== d.getUTCDay() + 1) throw new Error(`cronWeekday(${y}, ${m}, ${day})`);
    }
    expect(cronWeekday(2026, 1, 4)).toBe(1); // a Sunday is 1
    expect(cronWeekday(2026, 1, 3)).toBe(7); // a Saturday is 7
  });

  test('daysInMonth and leap years', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
  });
});
