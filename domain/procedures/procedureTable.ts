/** A procedure list (danh mục TTHC) read from rows, with row-level errors in Vietnamese. */
import { fold, nfc } from '../text/normalize.js';
import { type OnlineLevel, parseLevel, parseOnlineLevel, parseTimeLimit, type ProcedureLevel, type TimeLimit } from './procedure.js';

export const PROCEDURE_COLUMNS = ['code', 'name', 'field', 'level', 'agency', 'limit', 'online', 'fee', 'legalBasis'] as const;
export const PROCEDURE_LABELS = ['Mã TTHC', 'Tên TTHC', 'Lĩnh vực', 'Cấp thực hiện', 'Cơ quan thực hiện', 'Thời hạn giải quyết', 'Mức độ DVC trực tuyến', 'Phí, lệ phí', 'Căn cứ pháp lý'];

export interface ProcedureRow {
  row: number;
  cells: string[];
}

export interface ProcedureInput {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  agency: string;
  limit: TimeLimit;
  onlineLevel: OnlineLevel;
  fee: string;
  legalBasis: string;
  row: number;
}

export interface ProcedureRowError {
  row: number;
  column: (typeof PROCEDURE_COLUMNS)[number] | 'header';
  message: string;
}

export function isProcedureHeader(cells: string[]): boolean {
  return PROCEDURE_COLUMNS.every((c, i) => [fold(c), fold(PROCEDURE_LABELS[i])].includes(fold(cells[i] ?? '')));
}

export function readProcedureTable(rows: ProcedureRow[]): { procedures: ProcedureInput[]; errors: ProcedureRowError[] } {
  const procedures: ProcedureInput[] = [];
  const errors: ProcedureRowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const c = PROCEDURE_COLUMNS.map((_, i) => nfc(cells[i] ?? ''));
    if (c.every((x) => !x)) continue;
    const [code, name, field, levelText, agency, limitText, onlineText, fee, legalBasis] = c;
    const err = (column: ProcedureRowError['column'], message: string) => errors.push({ row, column, message });
    if (!code) err('code', 'Thiếu mã thủ tục.');
    else if (seen.has(code)) err('code', `Mã ${code} trùng với dòng ${seen.get(code)}.`);
    else seen.set(code, row);
    if (!name) err('name', 'Thiếu tên thủ tục.');
    if (!field) err('field', 'Thiếu lĩnh vực.');
    const level = parseLevel(levelText);
    if (!level) err('level', `Cấp thực hiện "${levelText}" không hợp lệ (cấp tỉnh, cấp xã, trung ương).`);
    const limit = parseTimeLimit(limitText);
    if (!limit) err('limit', `Thời hạn "${limitText}" không đọc được (ví dụ: 15 ngày làm việc, 8 giờ).`);
    const onlineLevel = parseOnlineLevel(onlineText);
    if (!onlineLevel) err('online', `Mức độ trực tuyến "${onlineText}" không hợp lệ (toàn trình, một phần, để trống).`);
    if (code && name && field && level && limit && onlineLevel) {
      procedures.push({ code, name, field, level, agency, limit, onlineLevel, fee, legalBasis, row });
    }
  }
  if (rows.length === 0 || (procedures.length === 0 && errors.length === 0)) errors.push({ row: 0, column: 'header', message: 'Tệp không có dòng dữ liệu nào.' });
  return { procedures, errors };
}
