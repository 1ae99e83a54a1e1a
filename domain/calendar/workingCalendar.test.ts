import { describe, expect, it } from 'vitest';
import { ANNOUNCED_2025, ANNOUNCED_2026_TET } from './announced.js';
import { ruleDaysOff, toVietnamIso, WorkingCalendar } from './workingCalendar.js';

const vn = (s: string) => new Date(`${s}+07:00`);

describe('rule-based days off (Labour Code 2019, art. 112)', () => {
  it.each([
    // year, expected days off on working days (rest days are made up on the next working day)
    [2027, ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-02', '2027-09-03', '2027-11-24']],
    [2028, ['2028-01-03', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-31', '2028-04-04', '2028-05-01', '2028-05-02', '2028-09-01', '2028-09-04', '2028-11-24']],
  ])('%i', (year, expected) => {
    const days = ruleDaysOff(year).filter((d) => ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()));
    expect(days.map((d) => d.date)).toEqual(expected);
  });

  it('compensates a holiday on a Saturday with the next Monday', () => {
    const d = ruleDaysOff(2027).find((x) => x.date === '2027-05-03')!;
    expect(d).toMatchObject({ source: 'compensation', name: 'Nghỉ bù Ngày Quốc tế Lao động' });
  });

  it('Tết eve in the previous Gregorian year is counted in that year', () => {
    // Tết 2028 is 26/1/2028; Tết 2029 is 13/2/2029: no overlap. Tết 2031 is 23/1/2031, its eve 22/1/2031.
    expect(ruleDaysOff(2031).some((d) => d.date === '2031-01-22')).toBe(true);
  });
});

describe('announced schedules replace the rules for their year', () => {
  const cal = new WorkingCalendar([ANNOUNCED_2025, { year: 2026, daysOff: [...ANNOUNCED_2026_TET, ...ruleDaysOff(2026).filter((d) => !d.name.startsWith('Tết Nguyên đán') && !d.name.includes('Tết Nguyên đán'))], workingWeekendDays: [] }]);
  it.each([
    ['2025-01-24', true], // Friday before Tết
    ['2025-01-27', false],
    ['2025-02-03', true], // the rules would give a compensation day; the announcement does not
    ['2025-04-07', false],
    ['2025-04-26', true], // Saturday worked in exchange
    ['2025-05-02', false], // the Friday given in exchange
    ['2025-05-05', true],
    ['2025-09-01', false],
    ['2025-09-03', true],
    ['2026-02-13', true],
    ['2026-02-16', false],
    ['2026-02-20', false],
    ['2026-02-23', true],
    ['2026-04-27', false], // Giỗ Tổ 26/4/2026 is a Sunday: made up on Monday
    ['2026-11-24', false], // Vietnamese Culture Day (Resolution 30/NQ-CP, pending law)
    ['2026-11-22', false], // Sunday
  ])('%s working: %s', (d, working) => expect(cal.isWorkingDay(d)).toBe(working));

  it('lists the year with its sources', () => {
    expect(cal.daysOff(2025)[0]).toEqual({ date: '2025-01-01', name: 'Tết Dương lịch', source: 'announced' });
    expect(cal.workingWeekendDays(2025)).toEqual(['2025-04-26']);
  });
});

describe('an announcement that adds to the rules', () => {
  it('keeps the rule days and adds the announced ones (the announcement wins on a shared date)', () => {
    const cal = new WorkingCalendar([{ year: 2026, replacesRules: false, daysOff: ANNOUNCED_2026_TET, workingWeekendDays: [] }]);
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-16')).toBe(false);
    expect(cal.isWorkingDay('2026-04-30')).toBe(false); // from the rules
    expect(cal.daysOff(2026).find((d) => d.date === '2026-02-17')?.source).toBe('announced');
  });
});

describe('adding working time', () => {
  const cal = new WorkingCalendar([ANNOUNCED_2025, { year: 2026, daysOff: [...ANNOUNCED_2026_TET, ...ruleDaysOff(2026).filter((d) => !d.name.includes('Tết Nguyên đán'))], workingWeekendDays: [] }]);
  it.each([
    // from, working days, due
    ['2026-03-02T09:00:00', 1, '2026-03-03T09:00:00+07:00'],
    ['2026-03-02T09:00:00', 3, '2026-03-05T09:00:00+07:00'],
    ['2026-03-06T14:00:00', 1, '2026-03-09T14:00:00+07:00'], // over a weekend
    ['2026-03-02T17:30:00', 1, '2026-03-03T17:00:00+07:00'], // received after hours
    ['2026-03-02T06:00:00', 1, '2026-03-02T17:00:00+07:00'], // before opening
    ['2026-03-02T12:00:00', 1, '2026-03-03T11:30:00+07:00'], // during the lunch break
    ['2026-02-12T10:00:00', 3, '2026-02-24T10:00:00+07:00'], // across Tết 2026 (off 14–22/2)
    ['2025-01-23T15:00:00', 2, '2025-02-03T15:00:00+07:00'], // across Tết 2025 (off 25/1–2/2): Fri 24/1, then Mon 3/2
    ['2025-04-25T10:00:00', 1, '2025-04-26T10:00:00+07:00'], // into a Saturday worked in exchange
    ['2025-04-29T10:00:00', 1, '2025-05-05T10:00:00+07:00'], // across 30/4–4/5/2025
    ['2026-12-30T14:00:00', 2, '2027-01-04T14:00:00+07:00'], // across the year end (rules for 2027)
    ['2028-02-28T09:00:00', 2, '2028-03-01T09:00:00+07:00'], // leap year
  ])('%s + %i days → %s', (from, days, due) => {
    expect(toVietnamIso(cal.addWorkingDays(vn(from), days))).toBe(due);
  });

  it.each([
    ['2026-03-02T09:00:00', 4, '2026-03-02T14:30:00+07:00'],
    ['2026-03-02T11:00:00', 1, '2026-03-02T13:30:00+07:00'],
    ['2026-03-06T16:00:00', 2, '2026-03-09T08:30:00+07:00'],
  ])('%s + %i hours → %s', (from, hours, due) => {
    expect(toVietnamIso(cal.addWorkingHours(vn(from), hours))).toBe(due);
  });

  it.each([
    // a, b, working minutes, "days hours minutes"
    ['2026-03-02T09:00:00', '2026-03-03T09:00:00', 480, { days: 1, hours: 0, minutes: 0 }],
    ['2026-03-02T09:00:00', '2026-03-04T12:00:00', 1110, { days: 2, hours: 2, minutes: 30 }],
    ['2026-03-06T16:00:00', '2026-03-09T08:30:00', 120, { days: 0, hours: 2, minutes: 0 }],
    ['2026-02-12T10:00:00', '2026-02-24T10:00:00', 1440, { days: 3, hours: 0, minutes: 0 }],
    ['2026-03-03T09:00:00', '2026-03-02T09:00:00', 0, { days: 0, hours: 0, minutes: 0 }],
  ])('between %s and %s: %i minutes', (a, b, minutes, split) => {
    const m = cal.workingMinutesBetween(vn(a), vn(b));
    expect(m).toBe(minutes);
    expect(cal.split(m)).toEqual(split);
  });

  it('adding then measuring gives back the same working time', () => {
    for (const start of ['2026-02-10T08:15:00', '2025-12-31T16:45:00', '2025-04-24T11:00:00']) {
      for (const mins of [1, 59, 240, 480, 2400, 9600]) {
        const end = cal.addWorkingMinutes(vn(start), mins);
        expect(cal.workingMinutesBetween(vn(start), end)).toBe(mins);
      }
    }
  });
});
