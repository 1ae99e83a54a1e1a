import { describe, expect, it } from 'vitest';
import { type CriteriaSet, leaves, setMaximum, validateSet } from './criteriaSet.js';
import { groupOf, parIndex, rankWithinType } from './results.js';
import { type ItemInput, scaleSurvey, scoreItem, type ScoringRule } from './scoring.js';

const TIERS: ScoringRule = { kind: 'tiers', tiers: [{ atLeast: 98, share: 1 }, { atLeast: 90, share: 0.5 }] };

describe('scoring rules', () => {
  const cases: [string, ScoringRule, number, ItemInput, number | string][] = [
    ['manual within range', { kind: 'manual' }, 2, { value: 1.5 }, 1.5],
    ['manual at zero', { kind: 'manual' }, 2, { value: 0 }, 0],
    ['manual at the maximum', { kind: 'manual' }, 2, { value: 2 }, 2],
    ['manual above the maximum', { kind: 'manual' }, 2, { value: 2.01 }, 'SCORE_OUT_OF_RANGE'],
    ['manual below zero', { kind: 'manual' }, 2, { value: -0.5 }, 'SCORE_OUT_OF_RANGE'],
    ['manual with three decimals', { kind: 'manual' }, 2, { value: 1.255 }, 'INVALID_SCORE'],
    ['yes', { kind: 'yes_no' }, 1.5, { yes: true }, 1.5],
    ['no', { kind: 'yes_no' }, 1.5, { yes: false }, 0],
    ['tiers: exactly 98 % is full', TIERS, 2, { percent: 98 }, 2],
    ['tiers: 97.99 % is half', TIERS, 2, { percent: 97.99 }, 1],
    ['tiers: exactly 90 % is half', TIERS, 2, { percent: 90 }, 1],
    ['tiers: 89.99 % is nothing', TIERS, 2, { percent: 89.99 }, 0],
    ['tiers: 100 %', TIERS, 2, { percent: 100 }, 2],
    ['tiers: 0 %', TIERS, 2, { percent: 0 }, 0],
    ['tiers: above 100 % is an error', TIERS, 2, { percent: 101 }, 'INVALID_PERCENT'],
    ['half of an odd maximum rounds to two decimals', TIERS, 1.25, { percent: 95 }, 0.63],
    ['deduction: none', { kind: 'deduction', perItem: 0.25 }, 1, { count: 0 }, 1],
    ['deduction: two', { kind: 'deduction', perItem: 0.25 }, 1, { count: 2 }, 0.5],
    ['deduction floored at zero', { kind: 'deduction', perItem: 0.25 }, 1, { count: 9 }, 0],
    ['deduction: a negative count is an error', { kind: 'deduction', perItem: 0.25 }, 1, { count: -1 }, 'INVALID_COUNT'],
    ['computed pro rata: 99.86 % of 2 points', { kind: 'computed', source: 'dossiers_on_time' }, 2, { percent: 99.86 }, 2],
    ['computed pro rata: 45 % of 3 points', { kind: 'computed', source: 'plan_tasks_on_time' }, 3, { percent: 45 }, 1.35],
    ['computed with tiers: 95 % on time', { kind: 'computed', source: 'dossiers_on_time', tiers: [{ atLeast: 98, share: 1 }, { atLeast: 90, share: 0.5 }] }, 2, { percent: 95 }, 1],
  ];
  it.each(cases)('%s', (_n, rule, max, input, expected) => {
    if (typeof expected === 'string') expect(() => scoreItem(rule, max, input)).toThrow(expect.objectContaining({ code: expected }));
    else expect(scoreItem(rule, max, input)).toBe(expected);
  });

  const survey: [number, number, number, number | string][] = [
    [85, 100, 20, 17],
    [100, 100, 30, 30],
    [0, 100, 20, 0],
    [7.3, 10, 20, 14.6],
    [2, 3, 20, 13.33],
    [101, 100, 20, 'SURVEY_OUT_OF_RANGE'],
  ];
  it.each(survey)('survey %d of %d scaled to %d', (raw, rawMax, share, expected) => {
    if (typeof expected === 'string') expect(() => scaleSurvey(raw, rawMax, share)).toThrow(expect.objectContaining({ code: expected }));
    else expect(scaleSurvey(raw, rawMax, share)).toBe(expected);
  });
});

describe('criteria sets', () => {
  const set: CriteriaSet = {
    year: 2026,
    unitType: 'department',
    name: 'Mẫu',
    surveyShare: 20,
    areas: [
      { code: '1', name: 'Công tác chỉ đạo', max: 5, children: [{ code: '1.1', name: 'Kế hoạch', max: 2, rule: { kind: 'yes_no' }, evidenceRequired: true }, { code: '1.2', name: 'Báo cáo', max: 3, rule: TIERS }] },
      { code: '2', name: 'TTHC', max: 75, children: [{ code: '2.1', name: 'Đúng hạn', max: 75, rule: { kind: 'computed', source: 'dossiers_on_time' } }] },
    ],
  };
  it('a good set has no problems; its maximum includes the survey share', () => {
    expect(validateSet(set)).toEqual([]);
    expect(setMaximum(set)).toBe(100);
    expect(leaves(set).map((l) => [l.code, l.area])).toEqual([['1.1', '1'], ['1.2', '1'], ['2.1', '2']]);
  });
  it('names every problem with its item', () => {
    const bad: CriteriaSet = {
      ...set,
      areas: [
        { code: '1', name: 'Công tác chỉ đạo', max: 7, children: [{ code: '1.1', name: 'Kế hoạch', max: 2, rule: { kind: 'yes_no' } }, { code: '2.2', name: '', max: 3 }, { code: '1.1', name: 'Trùng', max: 1, rule: { kind: 'tiers', tiers: [{ atLeast: 120, share: 1 }] } }] },
      ],
    };
    expect(validateSet(bad).map((p) => [p.code, p.problem])).toEqual([
      ['1', 'CHILDREN_SUM'],
      ['2.2', 'CODE_NOT_UNDER_PARENT'],
      ['2.2', 'NO_NAME'],
      ['2.2', 'NO_RULE'],
      ['1.1', 'DUPLICATE_CODE'],
      ['1.1', 'INVALID_RULE'],
    ]);
  });
});

describe('results', () => {
  const idx: [number, number, number | null][] = [
    [85.5, 100, 85.5],
    [0, 100, 0],
    [59.99, 60, 99.98], // 5,999 hundredths of 6,000 → 99,983 %
    [53.97, 60, 89.95], // 89,95 % exactly
    [60, 60, 100],
    [45.1, 90, 50.11],
    [1, 3, 33.33],
    [0, 0, null], // nothing to score: no index
  ];
  it.each(idx)('index of %d / %d', (a, m, expected) => expect(parIndex(a, m)).toBe(expected));

  const groups: [number | null, string | null][] = [
    [100, 'A'],
    [90, 'A'],
    [89.99, 'B'],
    [80, 'B'],
    [79.99, 'C'],
    [0, 'C'],
    [null, null],
  ];
  it.each(groups)('group of %s', (i, g) => expect(groupOf(i)).toBe(g));
  it('groups are configurable', () => expect(groupOf(85, [{ name: 'Tốt', atLeast: 85 }, { name: 'Khá', atLeast: 70 }])).toBe('Tốt'));

  it('ranks within each unit type; equal indexes share a rank', () => {
    const rows = [
      { unit: 'a', unitType: 'department', index: 90 },
      { unit: 'b', unitType: 'department', index: 95.5 },
      { unit: 'c', unitType: 'department', index: 90 },
      { unit: 'd', unitType: 'department', index: 80 },
      { unit: 'x', unitType: 'commune', index: 70 },
      { unit: 'y', unitType: 'commune', index: null },
    ];
    expect(rankWithinType(rows).map((r) => [r.unit, r.rank])).toEqual([['a', 2], ['b', 1], ['c', 2], ['d', 4], ['x', 1], ['y', null]]);
  });
});
