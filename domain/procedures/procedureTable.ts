/** A procedure list (danh mục TTHC) read from rows, with row-level errors in Vietnamese. */
import { fold, nfc } from '../text/normalize.js';
import { type OnlineLevel, parseLevel, parseOnlineLevel, parseTimeLimit, type ProcedureLevel, type TimeLimit } from './procedure.js';

/** The last column, the national procedure code (MaTTHC of the national database), may be left out of a file. */
export const PROCEDURE_COLUMNS = ['code', 'name', 'field', 'level', 'agency', 'limit', 'online', 'fee', 'legalBasis', 'nationalCode'] as const;
export const PROCEDURE_LABELS = ['Mã TTHC', 'Tên TTHC', 'Lĩnh vực', 'Cấp thực hiện', 'Cơ quan thực hiện', 'Thời hạn giải quyết', 'Mức độ DVC trực tuyến', 'Phí, lệ phí', 'Căn cứ pháp lý', 'Mã TTHC quốc gia'];
const REQUIRED_COLUMNS = PROCEDURE_COLUMNS.length - 1;

/** Names the national portal gives a procedure (LayThuTuc's TENTTHC and LINHVUCTHUCHIEN), by national code. */
export type NationalNames = (nationalCode: string) => { name?: string | null; field?: string | null } | undefined;

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
  /** empty when the file does not give it */
  nationalCode: string;
  row: number;
}

export interface ProcedureRowError {
  row: number;
  column: (typeof PROCEDURE_COLUMNS)[number] | 'header';
  message: string;
}

export function isProcedureHeader(cells: string[]): boolean {
  const matches = (i: number) => [fold(PROCEDURE_COLUMNS[i]), fold(PROCEDURE_LABELS[i])].includes(fold(cells[i] ?? ''));
  return PROCEDURE_COLUMNS.slice(0, REQUIRED_COLUMNS).every((_, i) => matches(i)) && (!(cells[REQUIRED_COLUMNS] ?? '').trim() || matches(REQUIRED_COLUMNS));
}

/**
 * `national`: names the national portal gives procedures; a row with a national code and no name or field
 * takes them from there (the names one-stop systems sent with their dossiers, as LayThuTuc gives them).
 */
export function readProcedureTable(rows: ProcedureRow[], national: NationalNames = () => undefined): { procedures: ProcedureInput[]; errors: ProcedureRowError[] } {
  const procedures: ProcedureInput[] = [];
  const errors: ProcedureRowError[] = [];
  const seen = new Map<string, number>();
  const seenNational = new Map<string, number>();
  for (const { row, cells } of rows) {
    const c = PROCEDURE_COLUMNS.map((_, i) => nfc(cells[i] ?? ''));
    if (c.every((x) => !x)) continue;
    const [code, nameText, fieldText, levelText, agency, limitText, onlineText, fee, legalBasis, nationalCode] = c;
    const known = nationalCode ? national(nationalCode) : undefined;
    const name = nameText || nfc(known?.name ?? '');
    const field = fieldText || nfc(known?.field ?? '');
    const err = (column: ProcedureRowError['column'], message: string) => errors.push({ row, column, message });
    if (!code) err('code', 'Thiếu mã thủ tục.');
    else if (seen.has(code)) err('code', `Mã ${code} trùng với dòng ${seen.get(code)}.`);
    else seen.set(code, row);
    if (nationalCode && seenNational.has(nationalCode)) err('nationalCode', `Mã TTHC quốc gia ${nationalCode} trùng với dòng ${seenNational.get(nationalCode)}.`);
    else if (nationalCode) seenNational.set(nationalCode, row);
    if (!name) err('name', 'Thiếu tên thủ tục.');
    if (!field) err('field', 'Thiếu lĩnh vực.');
    const level = parseLevel(levelText);
    if (!level) err('level', `Cấp thực hiện "${levelText}" không hợp lệ (cấp tỉnh, cấp xã, trung ương).`);
    const limit = parseTimeLimit(limitText);
    if (!limit) err('limit', `Thời hạn "${limitText}" không đọc được (ví dụ: 15 ngày làm việc, 8 giờ).`);
    const onlineLevel = parseOnlineLevel(onlineText);
    if (!onlineLevel) err('online', `Mức độ trực tuyến "${onlineText}" không hợp lệ (toàn trình, một phần, để trống).`);
    if (code && name && field && level && limit && onlineLevel) {
      procedures.push({ code, name, field, level, agency, limit, onlineLevel, fee, legalBasis, nationalCode, row });
    }
  }
  if (rows.length === 0 || (procedures.length === 0 && errors.length === 0)) errors.push({ row: 0, column: 'header', message: 'Tệp không có dòng dữ liệu nào.' });
  return { procedures, errors };
}
