/**
 * Reads an uploaded plan table (.csv, .xlsx or .docx) into rows in the template's column order.
 * A file that cannot be read gives one clear error, in Vietnamese, and nothing else happens.
 */
import { fold } from '../../../domain/text/normalize.js';
import { PLAN_COLUMN_LABELS, PLAN_COLUMNS, type PlanRow } from '../../../domain/plans/planTable.js';
import { errors } from '../../errors.js';
import { readDocxTables } from './docx.js';
import { decodeUtf8, readCsv, readXlsx, TABLE_LIMITS, type TableLimits } from '../files/tables.js';

export { parseCsv } from '../files/tables.js';

export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;
/** A plan's table: a few hundred tasks at most (the 2020 plan of Long An has 50); rows numbered as in the file. */
export const PLAN_TABLE_LIMITS: TableLimits = { ...TABLE_LIMITS, maxRows: 5_000 };

const bad = (code: string, vi: string, en: string, details: Record<string, unknown> = {}) => errors.badRequest(code, vi, en, details);

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
  if (kind === 'csv') return { kind, rows: toPlanRows(await readCsv(decodeUtf8(buf), PLAN_TABLE_LIMITS)) };
  if (kind === 'xlsx') return { kind, rows: toPlanRows(await readXlsx(buf, PLAN_COLUMNS.length, PLAN_TABLE_LIMITS)) };
  const doc = await readDocxTables(buf, PLAN_TABLE_LIMITS);
  return { kind, rows: doc.rows, text: doc.text };
}
