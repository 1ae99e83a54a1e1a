import { describe, expect, it } from 'vitest';
import type { CriteriaNode } from './criteriaSet.js';
import { appraisalOpen, checkWindows, selfAssessmentOpen, selfProgress, submissionProblems } from './round.js';

const W = { selfFrom: '2026-11-01', selfTo: '2026-11-30', appraisalFrom: '2026-12-01', appraisalTo: '2026-12-20' };

describe('round windows', () => {
  const cases: [string, { submitted: boolean; reopenedUntil: string | null }, string, boolean][] = [
    ['the day before the window', { submitted: false, reopenedUntil: null }, '2026-10-31', false],
    ['the first day', { submitted: false, reopenedUntil: null }, '2026-11-01', true],
    ['the last day', { submitted: false, reopenedUntil: null }, '2026-11-30', true],
    ['the day after', { submitted: false, reopenedUntil: null }, '2026-12-01', false],
    ['submitted, inside the window', { submitted: true, reopenedUntil: null }, '2026-11-15', false],
    ['reopened by the administrator, after the window', { submitted: true, reopenedUntil: '2026-12-05' }, '2026-12-05', true],
    ['the reopening has run out', { submitted: true, reopenedUntil: '2026-12-05' }, '2026-12-06', false],
  ];
  it.each(cases)('%s', (_n, u, today, open) => expect(selfAssessmentOpen(W, u, today)).toBe(open));
  it('appraisal has its own window', () => {
    expect([appraisalOpen(W, '2026-11-30'), appraisalOpen(W, '2026-12-01'), appraisalOpen(W, '2026-12-20'), appraisalOpen(W, '2026-12-21')]).toEqual([false, true, true, false]);
  });
  it('refuses windows in the wrong order', () => {
    expect(() => checkWindows({ ...W, selfTo: '2026-10-01' })).toThrow(expect.objectContaining({ code: 'INVALID_WINDOW' }));
    expect(() => checkWindows({ ...W, appraisalFrom: '2026-10-01' })).toThrow(expect.objectContaining({ code: 'INVALID_WINDOW' }));
  });
});

describe('what a submission needs', () => {
  const areas: CriteriaNode[] = [
    {
      code: '1',
      name: 'A',
      max: 6,
      children: [
        { code: '1.1', name: 'Kế hoạch', max: 2, rule: { kind: 'yes_no' }, evidenceRequired: true },
        { code: '1.2', name: 'Báo cáo', max: 2, rule: { kind: 'manual' } },
        { code: '1.3', name: 'Đúng hạn', max: 2, rule: { kind: 'computed', source: 'dossiers_on_time' } },
      ],
    },
  ];
  const cases: [string, { itemCode: string; score: number | null; evidenceCount: number; explanation: string | null }[], string[]][] = [
    ['nothing scored', [], ['1.1:NOT_SCORED', '1.2:NOT_SCORED']],
    ['scored, evidence attached', [{ itemCode: '1.1', score: 2, evidenceCount: 1, explanation: null }, { itemCode: '1.2', score: 1, evidenceCount: 0, explanation: null }], []],
    ['scored without the required evidence', [{ itemCode: '1.1', score: 2, evidenceCount: 0, explanation: null }, { itemCode: '1.2', score: 1, evidenceCount: 0, explanation: null }], ['1.1:NO_EVIDENCE']],
    ['…or with a written reason instead', [{ itemCode: '1.1', score: 0, evidenceCount: 0, explanation: 'Chưa ban hành' }, { itemCode: '1.2', score: 1, evidenceCount: 0, explanation: null }], []],
    ['a blank reason is no reason', [{ itemCode: '1.1', score: 0, evidenceCount: 0, explanation: '  ' }, { itemCode: '1.2', score: 1, evidenceCount: 0, explanation: null }], ['1.1:NO_EVIDENCE']],
  ];
  it.each(cases)('%s', (_n, scores, expected) => {
    expect(submissionProblems(areas, scores).map((p) => `${p.itemCode}:${p.problem}`)).toEqual(expected);
  });
  it('progress counts computed items as scored', () => {
    expect(selfProgress(areas, [])).toEqual({ scored: 1, total: 3 });
    expect(selfProgress(areas, [{ itemCode: '1.2', score: 0 }])).toEqual({ scored: 2, total: 3 });
  });
  it('a computed item the system has no data for is the unit’s to score', () => {
    const noData = new Set(['1.3']);
    const rest = [{ itemCode: '1.1', score: 2, evidenceCount: 1, explanation: null }, { itemCode: '1.2', score: 1, evidenceCount: 0, explanation: null }];
    expect(submissionProblems(areas, rest, noData).map((p) => `${p.itemCode}:${p.problem}`)).toEqual(['1.3:NOT_SCORED']);
    expect(submissionProblems(areas, [...rest, { itemCode: '1.3', score: 1.5, evidenceCount: 0, explanation: null }], noData)).toEqual([]);
    expect(selfProgress(areas, [], noData)).toEqual({ scored: 0, total: 3 });
  });
});
