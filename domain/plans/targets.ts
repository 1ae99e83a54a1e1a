/**
 * Target lines of a plan (chỉ tiêu), e.g. "Toàn tỉnh có trên 45% dịch vụ công được cung cấp trực tuyến ở
 * mức độ 3": each percentage in a line becomes a structured target (comparator, value, unit) with the words
 * that follow it as its subject. A line may hold several; a line with none stays text only.
 */
export type Comparator = '>' | '>=' | '<' | '<=' | '=';

export interface StructuredTarget {
  comparator: Comparator;
  value: number;
  unit: '%';
  /** what is measured, as the line says it */
  subject: string;
}

const WORDS: [RegExp, Comparator][] = [
  [/(?:trên|hơn|vượt)\s*$/i, '>'],
  [/(?:từ|ít nhất|tối thiểu|không dưới|đạt(?: tối thiểu)?)\s*$/i, '>='],
  [/(?:dưới|ít hơn)\s*$/i, '<'],
  [/(?:không quá|tối đa|không vượt quá)\s*$/i, '<='],
];

const NUMBER = /(>=|≥|<=|≤|>|<)?\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%/g;

export function parseTargets(line: string): StructuredTarget[] {
  const text = line.normalize('NFC');
  const out: StructuredTarget[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    let comparator: Comparator = '>=';
    const sym = m[1];
    if (sym) comparator = sym === '≥' ? '>=' : sym === '≤' ? '<=' : (sym as Comparator);
    else for (const [re, c] of WORDS) if (re.test(before)) comparator = c;
    if (/trở lên/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10))) comparator = '>=';
    const after = text.slice(m.index + m[0].length).replace(/^\s*(?:trở lên)?\s*/, '');
    const subject = after.split(/[.;]|,\s|\s(?:và|;)\s|\s\d{1,3}(?:[.,]\d+)?\s*%/)[0].trim().slice(0, 120);
    out.push({ comparator, value: Number(m[2].replace(',', '.')), unit: '%', subject });
  }
  return out;
}
