import { describe, expect, it } from 'vitest';
import { ABCD, checkQuestionnaire, computeSatisfaction, type ElementCounters, LIKERT5, type QuestionnaireDef, round2, sampleQuestionnaire, scoreResponse } from './questionnaire.js';

const two = (formula: 'share' | 'weighted', overall: QuestionnaireDef['overall'], scale = 'likert5'): QuestionnaireDef => ({
  elements: [
    { key: 'a', name: 'A', formula },
    { key: 'b', name: 'B', formula },
  ],
  scales: [LIKERT5, ABCD],
  questions: [
    { id: 'a1', element: 'a', kind: 'satisfaction', text: 'a1', scale },
    { id: 'a2', element: 'a', kind: 'expectation', text: 'a2', scale },
    { id: 'b1', element: 'b', kind: 'assessment', text: 'b1', scale },
  ],
  overall,
  minSample: 3,
});

const sum = (q: QuestionnaireDef, responses: [string, string][][]) => {
  const m = new Map<string, ElementCounters>();
  let dissatisfied = 0;
  for (const r of responses) {
    const c = scoreResponse(q, r.map(([questionId, value]) => ({ questionId, value })));
    if (c.dissatisfied) dissatisfied++;
    for (const [k, v] of c.byElement) {
      const acc = m.get(k) ?? { answers: 0, satisfied: 0, weightSum: 0 };
      m.set(k, { answers: acc.answers + v.answers, satisfied: acc.satisfied + v.satisfied, weightSum: acc.weightSum + v.weightSum });
    }
  }
  return { m, dissatisfied };
};

describe('satisfaction index', () => {
  // [case, formula, overall, scale, responses, element a, element b, overall, dissatisfied responses]
  const CASES: [string, 'share' | 'weighted', QuestionnaireDef['overall'], string, [string, string][][], number | null, number | null, number | null, number][] = [
    ['1–5, share of 4 and 5', 'share', 'mean_of_elements', 'likert5', [[['a1', '5'], ['b1', '4']], [['a1', '3'], ['b1', '2']], [['a1', '4'], ['b1', '1'], ['a2', '1']]], 66.67, 33.33, 50, 2],
    ['1–5, weighted 0/25/50/75/100', 'weighted', 'mean_of_elements', 'likert5', [[['a1', '5'], ['b1', '4']], [['a1', '3'], ['b1', '2']]], 75, 50, 62.5, 1],
    ['A/B/C/D weighted 100/60/20/0', 'weighted', 'pooled', 'abcd', [[['a1', 'A'], ['b1', 'B']], [['a1', 'C'], ['b1', 'D']], [['a1', 'B'], ['b1', 'B']]], 60, 40, 50, 1],
    ['A/B/C/D share of A and B', 'share', 'pooled', 'abcd', [[['a1', 'A'], ['b1', 'C']], [['a1', 'B'], ['b1', 'D']], [['a1', 'D'], ['b1', 'B']]], 66.67, 33.33, 50, 3],
    // 2 of 3 → 66.666… ; mean of 66.666… and 100 → 83.333… rounds once
    ['mean of unrounded elements', 'share', 'mean_of_elements', 'likert5', [[['a1', '5'], ['b1', '5']], [['a1', '5'], ['b1', '4']], [['a1', '1'], ['b1', '4']]], 66.67, 100, 83.33, 1],
    ['no response at all', 'share', 'mean_of_elements', 'likert5', [], null, null, null, 0],
  ];
  it.each(CASES)('%s', (_n, formula, overall, scale, responses, a, b, all, dis) => {
    const q = two(formula, overall, scale);
    const { m, dissatisfied } = sum(q, responses);
    const r = computeSatisfaction(q, m);
    expect(r.elements.map((e) => e.index)).toEqual([a, b]);
    expect(r.overall.index).toBe(all);
    expect(dissatisfied).toBe(dis);
    expect(r.overall.answers).toBe(responses.length * 2);
    expect(r.overall.smallSample).toBe(responses.length * 2 < 3);
  });

  it('an element with no answers has no index and does not pull the mean down', () => {
    const q = two('share', 'mean_of_elements');
    const r = computeSatisfaction(q, new Map([['a', { answers: 4, satisfied: 3, weightSum: 0 }]]));
    expect(r.elements).toEqual([
      { key: 'a', name: 'A', answers: 4, index: 75, smallSample: false },
      { key: 'b', name: 'B', answers: 0, index: null, smallSample: true },
    ]);
    expect(r.overall).toEqual({ answers: 4, index: 75, smallSample: false });
  });

  it.each([
    [1.005, 1.01],
    [12.345, 12.35],
    [0.125, 0.13],
    [2.675, 2.68],
    [99.994999, 99.99],
    [100, 100],
  ])('rounds %d half up to %d', (x, y) => expect(round2(x)).toBe(y));

  it('a weighted index rounds at .005 half up (1 answer of 3 at 60, 2 at 0 → 20; 1 of 8 at 100 → 12.5)', () => {
    const q = two('weighted', 'pooled', 'abcd');
    expect(computeSatisfaction(q, new Map([['a', { answers: 8, satisfied: 0, weightSum: 100 }]])).elements[0].index).toBe(12.5);
    // 2.675 % would round down in binary; 107 / 40 = 2.675
    expect(computeSatisfaction(q, new Map([['a', { answers: 40, satisfied: 0, weightSum: 107 }]])).elements[0].index).toBe(2.68);
  });

  it.each([
    ['an unknown question', [['zz', '5'], ['a1', '5'], ['b1', '5']], 'Câu hỏi "zz" không có trong phiếu.'],
    ['a value outside the scale', [['a1', '6'], ['b1', '5']], 'Câu hỏi "a1": lựa chọn "6" không có trong thang đo.'],
    ['a question answered twice', [['a1', '5'], ['a1', '4'], ['b1', '5']], 'Câu hỏi "a1" được trả lời hai lần.'],
    ['a counted question left out', [['a1', '5']], 'Chưa trả lời câu hỏi: b1.'],
  ])('refuses %s in Vietnamese', (_n, answers, message) => {
    const q = two('share', 'pooled');
    expect(() => scoreResponse(q, (answers as string[][]).map(([questionId, value]) => ({ questionId, value })))).toThrow(message);
  });

  it('the sample questionnaire has the five elements and is valid', () => {
    const q = sampleQuestionnaire();
    expect(q.elements.map((e) => e.key)).toEqual(['access', 'procedure', 'staff', 'result', 'feedback']);
    expect(checkQuestionnaire(q)).toEqual([]);
  });

  it('a broken definition is explained', () => {
    const q = two('share', 'pooled');
    q.questions.push({ id: 'a1', element: 'x', kind: 'satisfaction', text: 't', scale: 'nope' });
    expect(checkQuestionnaire(q)).toEqual(['Mã câu hỏi "a1" bị trùng.', 'Câu hỏi "a1": yếu tố "x" không có.', 'Câu hỏi "a1": thang đo "nope" không có.']);
  });
});
