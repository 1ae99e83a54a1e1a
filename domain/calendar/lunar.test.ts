import { describe, expect, it } from 'vitest';
import { fromLunar, julianDay, dateOfJulianDay, tet, toLunar } from './lunar.js';

// Tết Nguyên đán in Vietnam, 2000–2030 (published calendars; REFERENCE.md §10 for 2025–2028).
const TET: [number, string][] = [
  [2000, '2000-02-05'], [2001, '2001-01-24'], [2002, '2002-02-12'], [2003, '2003-02-01'], [2004, '2004-01-22'],
  [2005, '2005-02-09'], [2006, '2006-01-29'], [2007, '2007-02-17'], [2008, '2008-02-07'], [2009, '2009-01-26'],
  [2010, '2010-02-14'], [2011, '2011-02-03'], [2012, '2012-01-23'], [2013, '2013-02-10'], [2014, '2014-01-31'],
  [2015, '2015-02-19'], [2016, '2016-02-08'], [2017, '2017-01-28'], [2018, '2018-02-16'], [2019, '2019-02-05'],
  [2020, '2020-01-25'], [2021, '2021-02-12'], [2022, '2022-02-01'], [2023, '2023-01-22'], [2024, '2024-02-10'],
  [2025, '2025-01-29'], [2026, '2026-02-17'], [2027, '2027-02-06'], [2028, '2028-01-26'], [2029, '2029-02-13'],
  [2030, '2030-02-02'], // new moon 23:07 on 2/2 at UTC+7 (China, UTC+8: 3/2)
];

// Giỗ Tổ Hùng Vương, 10/3 lunar.
const GIO_TO: [number, string][] = [
  [2019, '2019-04-14'], [2020, '2020-04-02'], [2021, '2021-04-21'], [2022, '2022-04-10'], [2023, '2023-04-29'],
  [2024, '2024-04-18'], [2025, '2025-04-07'], [2026, '2026-04-26'], [2027, '2027-04-16'], [2028, '2028-04-04'],
];

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each(TET)('Tết %i is %s', (y, date) => {
    expect(tet(y)).toBe(date);
    expect(toLunar(date)).toEqual({ year: y, month: 1, day: 1, leap: false });
  });

  it.each(GIO_TO)('Giỗ Tổ %i is %s', (y, date) => {
    expect(fromLunar({ year: y, month: 3, day: 10, leap: false })).toBe(date);
  });

  it.each([
    // where Vietnam (UTC+7) and China (UTC+8) differ
    ['1985-01-21', { year: 1985, month: 1, day: 1, leap: false }],
    ['2007-02-17', { year: 2007, month: 1, day: 1, leap: false }],
    // the day before Tết is the last day of month 12
    ['2026-02-16', { year: 2025, month: 12, day: 29, leap: false }],
    ['2025-01-28', { year: 2024, month: 12, day: 29, leap: false }],
    // leap months: 2020 had a leap 4th month, 2023 a leap 2nd month, 2025 a leap 6th month
    ['2020-05-23', { year: 2020, month: 4, day: 1, leap: true }],
    ['2023-03-22', { year: 2023, month: 2, day: 1, leap: true }],
    ['2025-07-25', { year: 2025, month: 6, day: 1, leap: true }],
    ['2024-02-29', { year: 2024, month: 1, day: 20, leap: false }],
  ] as const)('%s is lunar %j', (date, lunar) => {
    expect(toLunar(date)).toEqual(lunar);
    expect(fromLunar(lunar)).toBe(date);
  });

  it('round-trips every day from 1999 to 2031', () => {
    for (let jd = julianDay('1999-01-01'); jd <= julianDay('2031-12-31'); jd++) {
      const d = dateOfJulianDay(jd);
      expect(fromLunar(toLunar(d))).toBe(d);
    }
  });

  it('refuses lunar dates that do not exist', () => {
    expect(fromLunar({ year: 2024, month: 4, day: 1, leap: true })).toBeNull(); // 2024 has no leap month
    const days = [29, 30].map((d) => fromLunar({ year: 2026, month: 1, day: d, leap: false }));
    expect(days.filter((x) => x === null).length).toBeLessThanOrEqual(1);
  });
});
