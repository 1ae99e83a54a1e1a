import { describe, expect, it } from 'vitest';
import { ministryReportKeys, parseReportingPeriod, reportDueDate, reportingLabel, reportingPeriodOn } from './reporting.js';

describe('reporting windows (Decree 09/2019/NĐ-CP)', () => {
  it.each([
    // key, from, to
    ['2026-Q1', '2025-12-15', '2026-03-14'],
    ['2026-Q2', '2026-03-15', '2026-06-14'],
    ['2026-Q3', '2026-06-15', '2026-09-14'],
    ['2026-Q4', '2026-09-15', '2026-12-14'],
    ['2026-6M', '2025-12-15', '2026-06-14'],
    ['2026-9M', '2025-12-15', '2026-09-14'],
    ['2026', '2025-12-15', '2026-12-14'],
    ['2023-Q3', '2023-06-15', '2023-09-14'],
    ['2026-01', '2025-12-15', '2026-01-14'],
    ['2026-03', '2026-02-15', '2026-03-14'],
    ['2024-03', '2024-02-15', '2024-03-14'], // across a leap February
    ['2026-12', '2026-11-15', '2026-12-14'],
    ['2000-Q1', '1999-12-15', '2000-03-14'], // across a century's year end
  ])('%s → %s – %s', (key, from, to) => {
    expect(parseReportingPeriod(key)).toMatchObject({ key, from, to, calendar: false });
  });

  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-6M', '2026-01-01', '2026-06-30'],
    ['2026-9M', '2026-01-01', '2026-09-30'],
    ['2026', '2026-01-01', '2026-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'], // leap year
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2100-02', '2100-02-01', '2100-02-28'], // not a leap year
    ['2000-02', '2000-02-01', '2000-02-29'], // a leap year
  ])('calendar %s → %s – %s', (key, from, to) => {
    expect(parseReportingPeriod(key, { calendar: true })).toMatchObject({ from, to, calendar: true });
  });

  it.each(['2026-Q5', '2026-Q0', '2026-13', '2026-00', '26', '2026-H1', '2026-6m', '', '2026-Q1 '])('refuses %j', (key) => {
    expect(parseReportingPeriod(key)).toBeNull();
  });

  it.each([
    ['2026-Q1', 20, '2026-03-20'],
    ['2026-6M', 20, '2026-06-20'],
    ['2026-Q3', 20, '2026-09-20'],
    ['2026-9M', 20, '2026-09-20'],
    ['2026', 20, '2026-12-20'],
    ['2026-02', 31, '2026-02-28'], // capped at the month's end
    ['2024-02', 30, '2024-02-29'],
    ['2026-Q1', 5, '2026-03-05'],
  ])('%s with due day %s is due %s', (key, dueDay, due) => {
    expect(reportDueDate(parseReportingPeriod(key)!, dueDay)).toBe(due);
  });

  it.each([
    ['2026-Q1', 'Quý I/2026'],
    ['2026-Q3', 'Quý III/2026'],
    ['2026-Q4', 'Quý IV/2026'],
    ['2026-6M', '6 tháng đầu năm 2026'],
    ['2026-9M', '9 tháng năm 2026'],
    ['2026', 'Năm 2026'],
    ['2026-03', 'Tháng 3/2026'],
  ])('%s is called %s', (key, label) => {
    expect(reportingLabel(parseReportingPeriod(key)!)).toBe(label);
  });

  it('the Ministry gets four reports a year', () => {
    expect(ministryReportKeys(2026)).toEqual(['2026-Q1', '2026-6M', '2026-Q3', '2026']);
  });

  it.each([
    ['2026-03-14', 'quarter', '2026-Q1'],
    ['2026-03-15', 'quarter', '2026-Q2'],
    ['2025-12-15', 'quarter', '2026-Q1'],
    ['2025-12-14', 'quarter', '2025-Q4'],
    ['2025-12-15', 'year', '2026'],
    ['2025-12-31', 'year', '2026'],
    ['2026-01-10', 'year', '2026'],
  ] as const)('%s falls in the %s window %s', (date, kind, key) => {
    expect(reportingPeriodOn(date, kind).key).toBe(key);
  });

  it('windows of a year cover every day once: Q1 to Q4 join end to start', () => {
    const qs = [1, 2, 3, 4].map((q) => parseReportingPeriod(`2026-Q${q}`)!);
    const year = parseReportingPeriod('2026')!;
    expect(qs[0].from).toBe(year.from);
    expect(qs[3].to).toBe(year.to);
    for (let i = 1; i < 4; i++) expect(new Date(qs[i].from).getTime() - new Date(qs[i - 1].to).getTime()).toBe(86_400_000);
  });
});
