/**
 * Survey points (điểm điều tra xã hội học) per unit, as the survey team sends them until the survey module
 * exists: Mã đơn vị | Tên đơn vị | Điểm | Điểm tối đa. The points are scaled to the set's survey share.
 */
import { fold } from '../text/normalize.js';
import { type RowError, parsePoints } from './setTable.js';

export const SURVEY_COLUMNS = ['Mã đơn vị', 'Tên đơn vị', 'Điểm', 'Điểm tối đa'] as const;

export interface SurveyRow {
  row: number;
  code: string;
  raw: number;
  rawMax: number;
}

/** Rows of the file (header first) → one entry per unit, or the rows' errors in Vietnamese. */
export function parseSurveyRows(table: string[][]): { rows: SurveyRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: SurveyRow[] = [];
  const header = (table[0] ?? []).map((h) => fold(h));
  const want = SURVEY_COLUMNS.map((c) => fold(c));
  if (want.some((w, i) => header[i] !== w)) return { rows, errors: [{ row: 1, message: `Dòng tiêu đề phải là: ${SURVEY_COLUMNS.join(' | ')}.` }] };
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => !c?.trim())) return;
    const before = errors.length;
    const code = (cells[0] ?? '').trim();
    const raw = parsePoints(cells[2] ?? '');
    const rawMax = parsePoints(cells[3] ?? '');
    if (!code) errors.push({ row, message: 'Thiếu mã đơn vị.' });
    else if (seen.has(code)) errors.push({ row, message: `Mã đơn vị ${code} đã có ở dòng ${seen.get(code)}.` });
    if (raw === null) errors.push({ row, message: `Điểm "${cells[2] ?? ''}" không phải là số hợp lệ.` });
    if (rawMax === null || rawMax === 0) errors.push({ row, message: `Điểm tối đa "${cells[3] ?? ''}" phải là số lớn hơn 0.` });
    else if (raw !== null && raw > rawMax) errors.push({ row, message: `Điểm ${cells[2]} lớn hơn điểm tối đa ${cells[3]}.` });
    if (code) seen.set(code, row);
    if (errors.length === before) rows.push({ row, code, raw: raw!, rawMax: rawMax! });
  });
  return { rows, errors };
}
