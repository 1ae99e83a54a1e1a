/** Tables from uploaded files: CSV (UTF-8, comma or semicolon) and the first sheet of an .xlsx. */
import ExcelJS from 'exceljs';
import { errors } from '../../errors.js';

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

export function decodeUtf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw bad('ENCODING', 'Tệp CSV phải được lưu với mã hoá UTF-8 (Excel: "CSV UTF-8").', 'The CSV file must be UTF-8 encoded.');
  }
}

export async function readXlsx(buf: Buffer, minColumns = 1): Promise<string[][]> {
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
    for (let c = 1; c <= Math.max(minColumns, r.cellCount); c++) cells.push(r.getCell(c).text ?? '');
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}


const isZip = (buf: Buffer) => buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;

/** A .csv or .xlsx file as rows of cell texts; any other type is refused. */
export async function readTable(fileName: string, buf: Buffer, minColumns = 1): Promise<string[][]> {
  if (buf.length === 0) throw bad('EMPTY', 'Tệp rỗng.', 'The file is empty.');
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' && !isZip(buf)) return parseCsv(decodeUtf8(buf));
  if (ext === 'xlsx') return readXlsx(buf, minColumns);
  throw bad('FILE_TYPE', 'Chỉ nhận tệp .xlsx hoặc .csv.', 'Only .xlsx or .csv files are accepted.', { fileName });
}
