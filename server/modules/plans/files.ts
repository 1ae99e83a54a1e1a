/**
 * Reads an uploaded plan table (.csv, .xlsx or .docx) into rows in the template's column order.
 * A file that cannot be read gives one clear error, in Vietnamese, and nothing else happens.
 */
import ExcelJS from 'exceljs';
import { fold } from '../../../domain/text/normalize.js';
import { PLAN_COLUMN_LABELS, PLAN_COLUMNS, type PlanRow } from '../../../domain/plans/planTable.js';
import { errors } from '../../errors.js';
import { readDocxTables } from './docx.js';

export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;

const bad = (code: string, vi: string, en: string, details: Record<string, unknown> = {}) => errors.badRequest(code, vi, en, details);

/** RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes), comma or semicolon separated. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw bad('BROKEN_CSV', 'Tệp CSV bị lỗi: có dấu ngoặc kép không được đóng.', 'Broken CSV: an unclosed quote.');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function decodeUtf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw bad('ENCODING', 'Tệp CSV phải được lưu với mã hoá UTF-8 (Excel: "CSV UTF-8").', 'The CSV file must be UTF-8 encoded.');
  }
}

async function readXlsx(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw bad('BROKEN_XLSX', 'Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx.', 'The Excel file is broken or not an .xlsx file.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw bad('EMPTY', 'Tệp Excel không có trang tính nào.', 'The workbook has no worksheet.');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(PLAN_COLUMNS.length, r.cellCount); c++) cells.push(r.getCell(c).text ?? '');
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

const HEADER_KEYS = PLAN_COLUMNS.map((c) => [fold(c), fold(PLAN_COLUMN_LABELS[c])]);

function isHeader(cells: string[]): boolean {
  return cells.slice(0, PLAN_COLUMNS.length).every((cell, i) => {
    const f = fold(cell).replace(/\s*\(.*\)$/, '');
    return HEADER_KEYS[i].some((k) => k.replace(/\s*\(.*\)$/, '') === f);
  });
}

/** Rows under the header, numbered as in the spreadsheet (header = row 1 if it is the first line). */
function toPlanRows(table: string[][]): PlanRow[] {
  const headerAt = table.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt === -1) throw bad('EMPTY', 'Tệp không có dữ liệu.', 'The file is empty.');
  const header = table[headerAt];
  if (!isHeader(header) || header.slice(PLAN_COLUMNS.length).some((c) => c.trim() !== '')) {
    throw bad(
      'WRONG_COLUMNS',
      `Các cột không đúng mẫu. Cần đúng ${PLAN_COLUMNS.length} cột theo thứ tự: ${PLAN_COLUMNS.map((c) => PLAN_COLUMN_LABELS[c]).join(', ')}.`,
      `Wrong columns. Expected, in this order: ${PLAN_COLUMNS.join(', ')}.`,
      { expected: PLAN_COLUMNS.map((c) => PLAN_COLUMN_LABELS[c]), found: header.filter((c) => c.trim() !== '') },
    );
  }
  return table.slice(headerAt + 1).map((cells, i) => {
    const row: Record<string, unknown> = { row: headerAt + i + 2 };
    PLAN_COLUMNS.forEach((c, k) => (row[c] = cells[k] ?? ''));
    return row as PlanRow;
  });
}

export type PlanFileKind = 'csv' | 'xlsx' | 'docx';

export function fileKind(fileName: string, buf: Buffer): PlanFileKind {
  const ext = fileName.toLowerCase().split('.').pop();
  const zip = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  if (ext === 'csv' && !zip) return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'docx') return 'docx';
  throw errors.badRequest('FILE_TYPE', 'Chỉ nhận tệp .xlsx, .csv hoặc .docx.', 'Only .xlsx, .csv or .docx files are accepted.', { fileName });
}

export async function readPlanFile(fileName: string, buf: Buffer): Promise<{ kind: PlanFileKind; rows: PlanRow[]; text?: string }> {
  if (buf.length === 0) throw bad('EMPTY', 'Tệp rỗng.', 'The file is empty.');
  const kind = fileKind(fileName, buf);
  if (kind === 'csv') return { kind, rows: toPlanRows(parseCsv(decodeUtf8(buf))) };
  if (kind === 'xlsx') return { kind, rows: toPlanRows(await readXlsx(buf)) };
  const doc = await readDocxTables(buf);
  return { kind, rows: doc.rows, text: doc.text };
}
