/**
 * Satisfaction questionnaires (SIPAS, REFERENCE.md §6 and §16) as versioned data: elements, questions per
 * element (assessment, satisfaction, expectation), answer scales with a weight and a "satisfied" /
 * "not satisfied" flag per option, and the formula of each index. The ministry's method changes
 * (2640/QĐ-BNV 2017, 1001/QĐ-BNV 2023) and its exact formula is unverified: everything here is data, and the
 * computation only reads it.
 *
 * The index of an element is computed from three integer counters over the answers to its counted questions
 * (assessment and satisfaction; expectation questions are asked but never scored):
 *   answers, satisfied (answers whose option is marked satisfied), weightSum (Σ of the options' weights, 0–100).
 * - formula 'share'    : satisfied ÷ answers × 100 (the share of satisfied answers);
 * - formula 'weighted' : weightSum ÷ answers (e.g. A/B/C/D weighted 100/60/20/0 %).
 * The overall index is either the mean of the elements' indices (elements with answers only) or pooled over
 * every counted answer. Indices are percentages rounded half up to two decimals.
 */
import { DomainError } from '../errors.js';

export const ELEMENTS = ['access', 'procedure', 'staff', 'result', 'feedback'] as const;
export type ElementKey = string;

export const QUESTION_KINDS = ['assessment', 'satisfaction', 'expectation'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface ScaleOption {
  value: string;
  label: string;
  /** 0–100 */
  weight: number;
  satisfied: boolean;
  /** a "not satisfied" answer (Decision 766, 5.4) */
  dissatisfied: boolean;
}

export interface Scale {
  key: string;
  name: string;
  options: ScaleOption[];
}

export interface Element {
  key: ElementKey;
  name: string;
  formula: 'share' | 'weighted';
}

export interface Question {
  id: string;
  element: ElementKey;
  kind: QuestionKind;
  text: string;
  scale: string;
}

export interface QuestionnaireDef {
  elements: Element[];
  scales: Scale[];
  questions: Question[];
  overall: 'mean_of_elements' | 'pooled';
  /** fewer counted answers than this in an element (or overall): a warning that the sample is too small to rank */
  minSample: number;
}

export const LIKERT5: Scale = {
  key: 'likert5',
  name: 'Thang 5 mức (1 = rất không hài lòng … 5 = rất hài lòng)',
  options: [
    { value: '1', label: 'Rất không hài lòng', weight: 0, satisfied: false, dissatisfied: true },
    { value: '2', label: 'Không hài lòng', weight: 25, satisfied: false, dissatisfied: true },
    { value: '3', label: 'Bình thường', weight: 50, satisfied: false, dissatisfied: false },
    { value: '4', label: 'Hài lòng', weight: 75, satisfied: true, dissatisfied: false },
    { value: '5', label: 'Rất hài lòng', weight: 100, satisfied: true, dissatisfied: false },
  ],
};

export const ABCD: Scale = {
  key: 'abcd',
  name: 'Bốn mức A/B/C/D (trọng số 100/60/20/0 %)',
  options: [
    { value: 'A', label: 'Rất hài lòng', weight: 100, satisfied: true, dissatisfied: false },
    { value: 'B', label: 'Hài lòng', weight: 60, satisfied: true, dissatisfied: false },
    { value: 'C', label: 'Chưa hài lòng', weight: 20, satisfied: false, dissatisfied: true },
    { value: 'D', label: 'Không hài lòng', weight: 0, satisfied: false, dissatisfied: true },
  ],
};

/** Problems of a definition, in Vietnamese (empty when it is usable). */
export function checkQuestionnaire(q: QuestionnaireDef): string[] {
  const out: string[] = [];
  const el = new Set<string>();
  for (const e of q.elements) {
    if (!e.key || !e.name) out.push('Yếu tố phải có mã và tên.');
    if (el.has(e.key)) out.push(`Mã yếu tố "${e.key}" bị trùng.`);
    if (e.formula !== 'share' && e.formula !== 'weighted') out.push(`Công thức của yếu tố "${e.key}" phải là share hoặc weighted.`);
    el.add(e.key);
  }
  const sc = new Map<string, Scale>();
  for (const s of q.scales) {
    if (sc.has(s.key)) out.push(`Mã thang đo "${s.key}" bị trùng.`);
    if (s.options.length < 2) out.push(`Thang đo "${s.key}" phải có ít nhất 2 lựa chọn.`);
    const values = new Set<string>();
    for (const o of s.options) {
      if (values.has(o.value)) out.push(`Thang đo "${s.key}": giá trị "${o.value}" bị trùng.`);
      values.add(o.value);
      if (!Number.isInteger(o.weight) || o.weight < 0 || o.weight > 100) out.push(`Thang đo "${s.key}": trọng số của "${o.value}" phải là số nguyên từ 0 đến 100.`);
      if (o.satisfied && o.dissatisfied) out.push(`Thang đo "${s.key}": "${o.value}" không thể vừa hài lòng vừa không hài lòng.`);
    }
    sc.set(s.key, s);
  }
  const ids = new Set<string>();
  for (const x of q.questions) {
    if (!x.id || !x.text) out.push('Câu hỏi phải có mã và nội dung.');
    if (ids.has(x.id)) out.push(`Mã câu hỏi "${x.id}" bị trùng.`);
    ids.add(x.id);
    if (!el.has(x.element)) out.push(`Câu hỏi "${x.id}": yếu tố "${x.element}" không có.`);
    if (!sc.has(x.scale)) out.push(`Câu hỏi "${x.id}": thang đo "${x.scale}" không có.`);
    if (!(QUESTION_KINDS as readonly string[]).includes(x.kind)) out.push(`Câu hỏi "${x.id}": loại "${x.kind}" không hợp lệ.`);
  }
  if (!q.questions.some((x) => x.kind !== 'expectation')) out.push('Phiếu phải có ít nhất một câu hỏi đánh giá hoặc mức độ hài lòng.');
  if (q.overall !== 'mean_of_elements' && q.overall !== 'pooled') out.push('Chỉ số chung phải là mean_of_elements hoặc pooled.');
  if (!Number.isInteger(q.minSample) || q.minSample < 1) out.push('Cỡ mẫu tối thiểu phải là số nguyên dương.');
  return out;
}

export interface ElementCounters {
  answers: number;
  satisfied: number;
  weightSum: number;
}

export interface ResponseContribution {
  /** per element, the counters of this one response */
  byElement: Map<ElementKey, ElementCounters>;
  /** whether any answer is marked "not satisfied" */
  dissatisfied: boolean;
}

/**
 * Checks one response against the questionnaire and gives what it adds to the counters. Every counted
 * question must be answered once with an option of its scale; expectation questions may be left out.
 * Throws DomainError SURVEY_INVALID with Vietnamese messages.
 */
export function scoreResponse(q: QuestionnaireDef, answers: { questionId: string; value: string }[]): ResponseContribution {
  const problems: string[] = [];
  const questions = new Map(q.questions.map((x) => [x.id, x]));
  const scales = new Map(q.scales.map((s) => [s.key, s]));
  const seen = new Set<string>();
  const byElement = new Map<ElementKey, ElementCounters>();
  let dissatisfied = false;
  for (const a of answers) {
    const question = questions.get(a.questionId);
    if (!question) {
      problems.push(`Câu hỏi "${a.questionId}" không có trong phiếu.`);
      continue;
    }
    if (seen.has(a.questionId)) {
      problems.push(`Câu hỏi "${a.questionId}" được trả lời hai lần.`);
      continue;
    }
    seen.add(a.questionId);
    const option = scales.get(question.scale)?.options.find((o) => o.value === String(a.value));
    if (!option) {
      problems.push(`Câu hỏi "${a.questionId}": lựa chọn "${a.value}" không có trong thang đo.`);
      continue;
    }
    if (question.kind === 'expectation') continue;
    const c = byElement.get(question.element) ?? { answers: 0, satisfied: 0, weightSum: 0 };
    c.answers += 1;
    c.satisfied += option.satisfied ? 1 : 0;
    c.weightSum += option.weight;
    byElement.set(question.element, c);
    if (option.dissatisfied) dissatisfied = true;
  }
  const missing = q.questions.filter((x) => x.kind !== 'expectation' && !seen.has(x.id)).map((x) => x.id);
  if (missing.length) problems.push(`Chưa trả lời câu hỏi: ${missing.join(', ')}.`);
  if (problems.length) throw new DomainError('SURVEY_INVALID', problems.join(' '), { problems });
  return { byElement, dissatisfied };
}

/** Half up to two decimals on the decimal text, so binary error does not round .005 down (1.005 → 1.01). */
export const round2 = (x: number) => (String(x).includes('e') ? Math.round(x * 100) / 100 : Number(`${Math.round(Number(`${x}e2`))}e-2`));

export interface ElementIndex {
  key: ElementKey;
  name: string;
  answers: number;
  /** percent, two decimals; null when there is no answer */
  index: number | null;
  smallSample: boolean;
}

export interface SatisfactionIndex {
  elements: ElementIndex[];
  overall: { answers: number; index: number | null; smallSample: boolean };
}

export function elementIndex(formula: Element['formula'], c: ElementCounters): number | null {
  if (c.answers === 0) return null;
  return round2(formula === 'share' ? (c.satisfied * 100) / c.answers : c.weightSum / c.answers);
}

/** The index per element and overall from the summed counters. */
export function computeSatisfaction(q: QuestionnaireDef, counters: Map<ElementKey, ElementCounters>): SatisfactionIndex {
  const zero = { answers: 0, satisfied: 0, weightSum: 0 };
  const elements = q.elements.map((e) => {
    const c = counters.get(e.key) ?? zero;
    return { key: e.key, name: e.name, answers: c.answers, index: elementIndex(e.formula, c), smallSample: c.answers < q.minSample };
  });
  const answers = elements.reduce((a, e) => a + e.answers, 0);
  let index: number | null = null;
  if (answers > 0) {
    if (q.overall === 'mean_of_elements') {
      // the mean of the unrounded element indices, then rounded once
      const raw = q.elements
        .map((e) => {
          const c = counters.get(e.key) ?? zero;
          return c.answers ? (e.formula === 'share' ? (c.satisfied * 100) / c.answers : c.weightSum / c.answers) : null;
        })
        .filter((x): x is number => x !== null);
      index = round2(raw.reduce((a, x) => a + x, 0) / raw.length);
    } else {
      // pooled: every counted answer by its own element's formula
      let sum = 0;
      for (const e of q.elements) {
        const c = counters.get(e.key) ?? zero;
        sum += e.formula === 'share' ? c.satisfied * 100 : c.weightSum;
      }
      index = round2(sum / answers);
    }
  }
  return { elements, overall: { answers, index, smallSample: answers < q.minSample } };
}

/**
 * The demo's questionnaire: the five elements of the published structure (REFERENCE.md §6), a few questions
 * each, on the 1–5 scale. A SAMPLE: the questions are this system's wording, not the ministry's form.
 */
export function sampleQuestionnaire(): QuestionnaireDef {
  const el = (key: string, name: string): Element => ({ key, name, formula: 'share' });
  const q = (id: string, element: string, kind: QuestionKind, text: string): Question => ({ id, element, kind, text, scale: 'likert5' });
  return {
    elements: [
      el('access', 'Tiếp cận dịch vụ'),
      el('procedure', 'Thủ tục hành chính'),
      el('staff', 'Công chức giải quyết công việc'),
      el('result', 'Kết quả giải quyết'),
      el('feedback', 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị'),
    ],
    scales: [LIKERT5],
    questions: [
      q('1.1', 'access', 'assessment', 'Nơi tiếp nhận và trả kết quả dễ tìm, có đủ chỗ ngồi và trang thiết bị.'),
      q('1.2', 'access', 'satisfaction', 'Ông/Bà hài lòng với việc tiếp cận dịch vụ.'),
      q('2.1', 'procedure', 'assessment', 'Thủ tục được niêm yết công khai, đầy đủ, chính xác.'),
      q('2.2', 'procedure', 'satisfaction', 'Ông/Bà hài lòng với thủ tục hành chính.'),
      q('3.1', 'staff', 'assessment', 'Công chức có thái độ lịch sự, hướng dẫn đầy đủ, dễ hiểu.'),
      q('3.2', 'staff', 'satisfaction', 'Ông/Bà hài lòng với công chức giải quyết hồ sơ.'),
      q('4.1', 'result', 'assessment', 'Kết quả đúng quy định, đầy đủ, chính xác và đúng hẹn.'),
      q('4.2', 'result', 'satisfaction', 'Ông/Bà hài lòng với kết quả giải quyết.'),
      q('5.1', 'feedback', 'satisfaction', 'Ông/Bà hài lòng với việc tiếp nhận, xử lý góp ý, phản ánh (nếu có).'),
      q('5.2', 'feedback', 'expectation', 'Ông/Bà mong đợi việc tiếp nhận, xử lý phản ánh được cải thiện ở mức nào?'),
    ],
    overall: 'mean_of_elements',
    minSample: 30,
  };
}
