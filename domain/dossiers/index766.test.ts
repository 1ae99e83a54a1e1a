import { describe, expect, it } from 'vitest';
import { computeIndex766, type Index766Input } from './index766.js';
import { composeReport } from './report.js';
import { type Counters, zeroCounters } from './summary.js';
import { WorkingCalendar } from '../calendar/workingCalendar.js';
import { announcedOnTime, publishedOnTime, workingDaysBefore } from '../procedures/publicity.js';

const c = (x: Partial<Counters>): Counters => ({ ...zeroCounters(), ...x });
// a month: 200 received (120 online), 150 ended (40 early, 90 on time, 20 late), 50 open (10 late at the end)
const month = c({ receivedOnline: 120, receivedCounter: 80, early: 40, onTime: 90, late: 20, lateStart: 10 });
const report = composeReport(zeroCounters(), month, month);

const full: Index766Input = {
  procedures: { total: 50, online: 45, onlineWithDossiers: 30 },
  report,
  publicity: { announcedOnTime: { part: 18, whole: 20 }, publishedOnTime: { part: 20, whole: 20 }, synced: { part: 190, whole: 200 } },
  payment: { part: 30, whole: 60 },
  digitisation: { electronicResult: { part: 75, whole: 150 }, digitised: { part: 170, whole: 200 }, reused: { part: 60, whole: 200 } },
  feedback: { onTime: 9, judged: 12, dossiersWithFeedback: 4 },
  surveys: { answered: 80, dissatisfied: 6 },
};

describe('Decision 766 on a month where every criterion has data (hand-computed)', () => {
  const idx = computeIndex766(full);
  const comp = (k: string) => idx.groups.flatMap((g) => g.components).find((x) => x.key === k)!;
  // judged = 150 ended + 50 open = 200; on time = 40 + 90 + 40 open on time = 170; late = 30
  const CASES: [string, number, number | null, string][] = [
    ['1.1', 5.4, 90, '18/20'], // 6 × 18/20
    ['1.2', 6, 100, '20/20'],
    ['1.3', 5.7, 95, '190/200'], // 6 × 0.95
    ['2.1', 17, 85, '170/200'], // 20 × 0.85
    ['3.1', 4, 90, '45/50'], // ≥ 80 %: full
    ['3.2', 2.67, 66.67, '30/45'], // 4 × 2/3
    ['3.3', 4, 60, '120/200'], // ≥ 50 %: full
    ['3.4', 5, 50, '30/60'], // 10 × 0.5
    ['4.1', 4, 50, '75/150'], // 8 × 0.5
    ['4.2', 7, 85, '170/200'], // ≥ 80 %: full
    ['4.3', 2.63, 30, '60/200'], // 7 × 0.3 / 0.8 = 2.625 → 2.63
    // (and 3/6 → 7 × 0.5 / 0.8 = 4.375 → 4.38 in tests/api/index766.test.ts)
    ['5.2', 4.5, 75, '9/12'], // 6 × 0.75
    // 5.4: 100 % − (30 late + 6 not satisfied + 4 with feedback)/200 = 80 %; 12 × 0.8 / 0.9 = 10.666… → 10.67
    ['5.4', 10.67, 80, '160/200'],
  ];
  it.each(CASES)('%s: %d points (%d %%, basis %s)', (key, points, rate, basis) => {
    expect(comp(key)).toMatchObject({ points, rate, basis });
  });
  it('is complete: the total of every component and the official band', () => {
    const sum = CASES.reduce((a, x) => a + x[1], 0);
    expect(idx.total).toBeCloseTo(sum, 2);
    expect(idx.total).toBe(78.57); // 5.4 + 6 + 5.7 + 17 + 4 + 2.67 + 4 + 5 + 4 + 7 + 2.63 + 4.5 + 10.67
    expect(idx).toMatchObject({ complete: true, band: 'fair', estimate: null, maxWithData: 100 });
  });

  it('without the new ingest fields and without feedback or surveys: those criteria are no data, not zero', () => {
    const bare = computeIndex766({ procedures: full.procedures, report });
    for (const k of ['1.1', '1.2', '1.3', '3.4', '4.1', '4.2', '4.3', '5.2', '5.4']) expect(bare.groups.flatMap((g) => g.components).find((x) => x.key === k)!.points).toBeNull();
    expect(bare.maxWithData).toBe(32);
    expect(bare.total).toBe(27.67);
    expect(bare.complete).toBe(false);
    expect(bare.band).toBeNull();
    // a field reported for no dossier (whole 0) is no data too
    const none = computeIndex766({ ...full, payment: { part: 0, whole: 0 }, digitisation: { electronicResult: null, digitised: { part: 0, whole: 0 }, reused: null } });
    expect(none.groups.find((g) => g.key === 'digitisation')).toMatchObject({ points: null, maxWithData: 0 });
  });

  it.each([
    ['no feedback input: no data', undefined, null, null],
    ['no feedback to judge: full 6', { onTime: 0, judged: 0, dossiersWithFeedback: 0 }, 6, '0/0'],
    ['all late: 0', { onTime: 0, judged: 5, dossiersWithFeedback: 5 }, 0, '0/5'],
  ])('5.2, %s', (_n, feedback, points, basis) => {
    const x = computeIndex766({ ...full, feedback }).groups[4].components[0];
    expect(x).toMatchObject({ points, basis });
  });

  it.each([
    ['≥ 90 %: full', { answered: 10, dissatisfied: 0 }, { onTime: 1, judged: 1, dossiersWithFeedback: 0 }, c({ receivedCounter: 100, onTime: 92, late: 8 }), 12, 92],
    ['surveys without feedback figures: said in the note', { answered: 10, dissatisfied: 2 }, null, c({ receivedCounter: 100, onTime: 100 }), 12, 98],
    ['more bad than judged never goes below 0', { answered: 100, dissatisfied: 100 }, null, c({ receivedCounter: 10, onTime: 5, late: 5 }), 0, 0],
    ['no survey answers: no data', null, null, c({ receivedCounter: 10, onTime: 10 }), null, null],
  ])('5.4, %s', (_n, surveys, feedback, counters, points, rate) => {
    const r = composeReport(zeroCounters(), counters, counters);
    const x = computeIndex766({ procedures: full.procedures, report: r, surveys, feedback }).groups[4].components[1];
    expect(x).toMatchObject({ points, rate });
    if (surveys && !feedback) expect(x.note).toContain('chưa gồm PAKN');
  });

  it('criteria that do not apply to communes get full points, with that basis', () => {
    const x = computeIndex766({ procedures: full.procedures, report, notApplicable: ['1.1', '1.2', '3.2'] });
    const comps = x.groups.flatMap((g) => g.components);
    expect(comps.find((k) => k.key === '1.1')).toMatchObject({ points: 6, basis: 'không áp dụng với cấp xã' });
    expect(comps.find((k) => k.key === '3.2')).toMatchObject({ points: 4 });
    expect(x.groups[0]).toMatchObject({ points: 12, maxWithData: 12 });
  });
});

describe('procedures announced and published on time, with the calendar (30/4 and 1/5/2026 are days off)', () => {
  const cal = new WorkingCalendar();
  it('5 working days before Thu 7/5/2026 skip the weekend and the holidays: Tue 28/4', () => {
    expect(workingDaysBefore(cal, '2026-05-07', 5)).toBe('2026-04-28');
  });
  it.each([
    ['on time across the holiday', '2026-04-28', '2026-05-07', true],
    ['late: only 4 working days before (it would be on time without the holidays)', '2026-04-29', '2026-05-07', false],
    ['on time, an ordinary week', '2026-03-02', '2026-03-09', true],
    ['late, the day before', '2026-03-06', '2026-03-09', false],
    ['no decision recorded: no data', null, '2026-03-09', null],
  ])('announced: %s', (_n, decisionDate, effectiveDate, expected) => {
    expect(announcedOnTime(cal, { decisionDate, effectiveDate, publishedDate: null })).toBe(expected);
  });
  it.each([
    ['published on the 5th working day after, across 30/4–3/5', '2026-04-28', '2026-05-07', true],
    ['published on the 6th working day after', '2026-04-28', '2026-05-08', false],
    ['not published yet: no data', '2026-04-28', null, null],
  ])('published: %s', (_n, decisionDate, publishedDate, expected) => {
    expect(publishedOnTime(cal, { decisionDate, effectiveDate: null, publishedDate })).toBe(expected);
  });
});
