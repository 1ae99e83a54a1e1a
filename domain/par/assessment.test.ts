import { describe, expect, it } from 'vitest';
import { type AppraisalAction, type AppraisalState, finalScore, itemPoints, nextAppraisal } from './assessment.js';
import type { CriteriaNode } from './criteriaSet.js';
import { tasksOnTime } from './dataSources.js';
import { parseSurveyRows } from './surveyTable.js';
import { previousIndex, unitTotals } from './results.js';
import type { ItemInput, ScoringRule } from './scoring.js';

const computed: ScoringRule = { kind: 'computed', source: 'dossiers_on_time', tiers: [{ atLeast: 98, share: 1 }, { atLeast: 90, share: 0.5 }] };

describe('item points', () => {
  const cases: [string, ScoringRule, number, ItemInput | null, { percent: number | null } | null, number | null | string][] = [
    ['computed from data: 99.86 % on time', computed, 2, null, { percent: 99.86 }, 2],
    ['computed from data: 97.99 % is the half tier', computed, 2, null, { percent: 97.99 }, 1],
    ['computed from data ignores what the unit typed', computed, 2, { value: 0 }, { percent: 100 }, 2],
    ['computed without data: the unit scores by hand', computed, 2, { value: 1.25 }, { percent: null }, 1.25],
    ['computed without data, nothing typed yet', computed, 2, null, { percent: null }, null],
    ['computed without data: above the maximum is refused', computed, 2, { value: 2.5 }, { percent: null }, 'SCORE_OUT_OF_RANGE'],
    ['manual, nothing typed yet', { kind: 'manual' }, 3, null, null, null],
    ['yes/no', { kind: 'yes_no' }, 1.5, { yes: true }, null, 1.5],
    ['yes/no given a number is refused', { kind: 'yes_no' }, 1.5, { value: 1.5 }, null, 'INVALID_SCORE'],
  ];
  it.each(cases)('%s', (_n, rule, max, input, data, expected) => {
    const d = data && { ...data, numerator: 0, denominator: 0 };
    if (typeof expected === 'string') expect(() => itemPoints({ max, rule }, input, d)).toThrow(expect.objectContaining({ code: expected }));
    else expect(itemPoints({ max, rule }, input, d)).toBe(expected);
  });
});

describe('appraisal of an item', () => {
  const cases: [AppraisalState | null, AppraisalAction, boolean, AppraisalState | string][] = [
    [null, 'accept', false, 'accepted'],
    [null, 'adjust', false, 'adjusted'],
    ['accepted', 'adjust', false, 'adjusted'],
    ['adjusted', 'accept', false, 'accepted'],
    [null, 'return', false, 'returned'],
    ['returned', 'accept', true, 'AWAITING_UNIT'],
    ['returned', 'answer', true, 'answered'],
    ['answered', 'adjust', true, 'adjusted'],
    ['answered', 'return', true, 'RETURNED_ONCE'],
    ['accepted', 'return', true, 'RETURNED_ONCE'],
    [null, 'answer', false, 'NOT_RETURNED'],
    ['answered', 'answer', true, 'NOT_RETURNED'],
  ];
  it.each(cases)('%s + %s (returned before: %s) → %s', (cur, action, before, expected) => {
    if (['accepted', 'adjusted', 'returned', 'answered'].includes(expected)) expect(nextAppraisal(cur, action, before)).toBe(expected);
    else expect(() => nextAppraisal(cur, action, before)).toThrow(expect.objectContaining({ code: expected }));
  });
  it('the appraised score counts once the item is appraised, the unit score before', () => {
    expect(finalScore({ selfScore: 2, appraisedScore: 1, appraisal: 'adjusted' })).toBe(1);
    expect(finalScore({ selfScore: 2, appraisedScore: 2, appraisal: 'accepted' })).toBe(2);
    expect(finalScore({ selfScore: 2, appraisedScore: null, appraisal: 'returned' })).toBe(2);
    expect(finalScore({ selfScore: 1.5, appraisedScore: null, appraisal: 'answered' })).toBe(1.5);
  });
});

describe('plan tasks done on time', () => {
  const t = (due: string | null, doneOn: string | null, notApplicable = false) => ({ due, doneOn, notApplicable });
  const cases: [string, ReturnType<typeof t>[], string, [number | null, number, number]][] = [
    ['done on the due day counts', [t('2026-06-30', '2026-06-30')], '2026-12-31', [100, 1, 1]],
    ['done a day late does not', [t('2026-06-30', '2026-07-01')], '2026-12-31', [0, 0, 1]],
    ['not yet due is left out', [t('2026-06-30', '2026-06-01'), t('2027-01-31', null)], '2026-12-31', [100, 1, 1]],
    ['not applicable and undated are left out', [t('2026-03-31', null), t(null, null), t('2026-03-31', null, true)], '2026-12-31', [0, 0, 1]],
    ['two of three', [t('2026-03-31', '2026-03-30'), t('2026-06-30', '2026-06-15'), t('2026-09-30', null)], '2026-12-31', [66.67, 2, 3]],
    ['no task: no data', [], '2026-12-31', [null, 0, 0]],
  ];
  it.each(cases)('%s', (_n, tasks, asOf, [percent, num, den]) => expect(tasksOnTime(tasks, asOf)).toEqual({ percent, numerator: num, denominator: den }));
});

describe('a unit’s totals', () => {
  const areas: CriteriaNode[] = [
    { code: '1', name: 'A', max: 3, children: [{ code: '1.1', name: 'x', max: 1, rule: { kind: 'yes_no' } }, { code: '1.2', name: 'y', max: 2, rule: { kind: 'manual' } }] },
    { code: '2', name: 'B', max: 5, children: [{ code: '2.1', name: 'z', max: 5, rule: { kind: 'manual' } }] },
  ];
  const set = { areas, surveyShare: 2 };
  it('before the appraisal: the unit’s own scores, no appraised score', () => {
    const r = unitTotals(set, [{ itemCode: '1.1', selfScore: 1, appraisedScore: null, appraisal: null }, { itemCode: '1.2', selfScore: 0.1, appraisedScore: null, appraisal: null }, { itemCode: '2.1', selfScore: 0.2, appraisedScore: null, appraisal: null }], null);
    expect(r).toMatchObject({ selfScore: 1.3, appraisedScore: null, surveyScore: null, maxScore: 10, achieved: 1.3, index: 13, appraisedItems: 0, items: 3 });
  });
  it('after: adjusted items count with the appraiser’s score, unappraised ones with the unit’s; the survey adds', () => {
    const r = unitTotals(
      set,
      [
        { itemCode: '1.1', selfScore: 1, appraisedScore: 1, appraisal: 'accepted' },
        { itemCode: '1.2', selfScore: 2, appraisedScore: 1.5, appraisal: 'adjusted' },
        { itemCode: '2.1', selfScore: 4.33, appraisedScore: null, appraisal: 'returned' },
      ],
      1.67,
    );
    expect(r).toMatchObject({ selfScore: 7.33, appraisedScore: 6.83, surveyScore: 1.67, achieved: 8.5, index: 85, appraisedItems: 2 });
    expect(r.areas).toEqual([
      { code: '1', name: 'A', max: 3, self: 3, final: 2.5, index: 83.33 },
      { code: '2', name: 'B', max: 5, self: 4.33, final: 4.33, index: 86.6 },
    ]);
  });
  it('an item never scored counts as zero', () => {
    expect(unitTotals(set, [], null)).toMatchObject({ selfScore: 0, achieved: 0, index: 0 });
  });
  it('the index rounds half up at the second decimal: 2/3 → 66.67', () => {
    expect(unitTotals({ areas: [areas[0]], surveyShare: 0 }, [{ itemCode: '1.2', selfScore: 2, appraisedScore: null, appraisal: null }], null).index).toBe(66.67);
  });
});

describe('comparison with the previous year', () => {
  const prev = new Map<number, number | null>([
    [1, 88.5],
    [2, 91],
    [3, 79.25],
  ]);
  const cases: [string, number, number[], ReturnType<typeof previousIndex>][] = [
    ['the same unit', 1, [], { index: 88.5, fromUnitIds: [1] }],
    ['a unit that came from one assessed unit', 10, [2, 20], { index: 91, fromUnitIds: [2] }],
    ['a unit merged from two assessed units: no single figure', 11, [2, 3], { index: null, fromUnitIds: [2, 3] }],
    ['a new unit', 12, [30], null],
  ];
  it.each(cases)('%s', (_n, id, cameFrom, expected) => expect(previousIndex(id, cameFrom, prev)).toEqual(expected));
});

describe('survey file rows', () => {
  const head = ['Mã đơn vị', 'Tên đơn vị', 'Điểm', 'Điểm tối đa'];
  it('reads points with a decimal comma, and names every bad row', () => {
    const { rows, errors } = parseSurveyRows([head, ['TN.STP', 'Sở Tư pháp', '85,5', '100'], ['', 'x', '1', '2'], ['TN.A', 'A', '101', '100'], ['TN.B', 'B', 'abc', '100'], ['TN.C', 'C', '5', '0'], ['TN.STP', 'lặp', '1', '100'], ['', '', '', '']]);
    expect(rows).toEqual([{ row: 2, code: 'TN.STP', raw: 85.5, rawMax: 100 }]);
    expect(errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7]);
    expect(errors[1].message).toContain('lớn hơn điểm tối đa');
    expect(errors[4].message).toContain('dòng 2');
  });
  it('wants its header', () => {
    expect(parseSurveyRows([['Mã', 'Điểm']]).errors).toEqual([{ row: 1, message: expect.stringContaining('Mã đơn vị | Tên đơn vị | Điểm | Điểm tối đa') }]);
  });
});
