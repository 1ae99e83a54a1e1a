/**
 * Tables from uploaded files: CSV (UTF-8, comma or semicolon) and the first sheet of an .xlsx — within
 * limits. Only the cells a file holds are kept (a single cell at XFD1048576 does not make a million empty
 * rows); data past the last row or column allowed, or a cell longer than Excel's own limit, is refused at once
 * with the limit in the message; a cell with a NUL or a lone surrogate is a row error. Reading pauses every
 * so often, so that other requests are answered while a large file is read.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError, errors } from '../../errors.js';
import { describeInvalidChar, invalidCharAt } from './text.js';
import { attr, localName, parseXml, pause } from './xml.js';
import { isZip, openZip, XLSX_KIND } from './zip.js';

const bad = (code: string, vi: string, en: string, details: Record<string, unknown> = {}) => errors.badRequest(code, vi, en, details);

export interface TableLimits {
  /** the last row, numbered as in the file (header included), that may hold data */
  maxRows: number;
  /** the last column that may hold data */
  maxColumns: number;
  /** characters in one cell (Excel's own limit is 32 767) */
  maxCellChars: number;
}

export const TABLE_LIMITS: TableLimits = { maxRows: 10_001, maxColumns: 64, maxCellChars: 32_767 };

const vn = (n: number) => n.toLocaleString('vi-VN');

/** Spreadsheet column name: 1 → A, 27 → AA, 16384 → XFD. */
export function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function tooManyRowsError(row: number, limits: TableLimits): AppError {
  return bad(
    'TOO_MANY_ROWS',
    `Tệp có dữ liệu ở dòng ${vn(row)}; mỗi lần nhập chỉ đọc tối đa ${vn(limits.maxRows)} dòng (kể cả dòng tiêu đề). Hãy chia tệp thành nhiều lần nhập.`,
    `The file has data on row ${row}; an import reads at most ${limits.maxRows} rows (header included). Split the file.`,
    { row, limit: limits.maxRows },
  );
}

export function tooManyColumnsError(row: number, col: number, limits: TableLimits): AppError {
  return bad(
    'TOO_MANY_COLUMNS',
    `Tệp có dữ liệu ở ô ${columnName(col)}${row} (cột thứ ${vn(col)}); chỉ đọc tối đa ${vn(limits.maxColumns)} cột.`,
    `The file has data in cell ${columnName(col)}${row} (column ${col}); at most ${limits.maxColumns} columns are read.`,
    { row, column: col, limit: limits.maxColumns },
  );
}

export function cellTooLongError(row: number, col: number, length: number, limits: TableLimits): AppError {
  return bad(
    'CELL_TOO_LONG',
    `Ô ${columnName(col)}${row} dài hơn ${vn(limits.maxCellChars)} ký tự (giới hạn của một ô Excel)${length < 0 ? ' hoặc có dấu ngoặc kép không được đóng' : ''}.`,
    `Cell ${columnName(col)}${row} is longer than ${limits.maxCellChars} characters${length < 0 ? ' or has an unclosed quote' : ''}.`,
    { row, column: col, limit: limits.maxCellChars },
  );
}

/** Cells holding a NUL or a lone surrogate, reported as row errors (at most this many). */
const MAX_TEXT_ERRORS = 50;
interface TextError {
  row: number;
  column: string;
  message: string;
}
function textError(row: number, col: number, s: string, at: number): TextError {
  return { row, column: columnName(col), message: `Ô ${columnName(col)}${row} có ký tự không hợp lệ (${describeInvalidChar(s, at)}); hãy xoá ký tự này.` };
}
function refuseTextErrors(found: TextError[]) {
  if (found.length === 0) return;
  throw bad(
    'INVALID_TEXT',
    `${found.length >= MAX_TEXT_ERRORS ? `Ít nhất ${MAX_TEXT_ERRORS}` : found.length} ô có ký tự không hợp lệ (ký tự NUL hoặc mã UTF-16 lẻ); chưa lưu gì.`,
    `${found.length} cells hold invalid characters (NUL or a lone surrogate); nothing was saved.`,
    { errors: found },
  );
}

// ---- CSV ------------------------------------------------------------------------------------------

/** How many characters are read between pauses. */
const CSV_SLICE = 256 * 1024;

/** Semicolon when the first line (its first 64 K characters) has more semicolons than commas. */
function separatorOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  for (let i = 0; i < Math.min(text.length, 65_536); i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') break;
    if (ch === ',') commas++;
    else if (ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes), comma or semicolon separated. A
 * generator that yields every CSV_SLICE characters, so that the caller may pause there.
 */
function* csvSteps(text: string, limits: TableLimits, out: string[][]): Generator<void, void, void> {
  const sep = separatorOf(text);
  const found: TextError[] = [];
  let rowNo = 1;
  let row: string[] = [];
  let col = 1;
  let cell = '';
  let quoted = false;
  let nonEmpty = false;
  const endCell = () => {
    if (cell !== '') {
      if (col > limits.maxColumns) throw tooManyColumnsError(rowNo, col, limits);
      if (rowNo > limits.maxRows) throw tooManyRowsError(rowNo, limits);
      nonEmpty = true;
      const at = invalidCharAt(cell);
      if (at !== -1 && found.length < MAX_TEXT_ERRORS) found.push(textError(rowNo, col, cell, at));
    }
    if (col <= limits.maxColumns && rowNo <= limits.maxRows) row.push(cell);
    col++;
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (rowNo <= limits.maxRows) {
      out.push(row);
      row = [];
    } else if (nonEmpty) throw tooManyRowsError(rowNo, limits);
    // past the last row allowed nothing is kept: empty lines cost no memory
    col = 1;
    nonEmpty = false;
    rowNo++;
  };
  for (let i = 0; i < text.length; i++) {
    if (i % CSV_SLICE === 0 && i > 0) yield;
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      if (cell.length > limits.maxCellChars) throw cellTooLongError(rowNo, col, -1, limits);
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      cell += ch;
      if (cell.length > limits.maxCellChars) throw cellTooLongError(rowNo, col, cell.length, limits);
    }
  }
  if (quoted) throw bad('BROKEN_CSV', 'Tệp CSV bị lỗi: có dấu ngoặc kép không được đóng.', 'Broken CSV: an unclosed quote.');
  if (cell !== '' || row.length > 0) endRow();
  refuseTextErrors(found);
}

/** The whole CSV text at once (small texts: templates, tests). */
export function parseCsv(text: string, limits: TableLimits = TABLE_LIMITS): string[][] {
  const out: string[][] = [];
  for (const _ of csvSteps(text, limits, out));
  return out;
}

/** An uploaded CSV text, pausing between slices so that other requests go on. */
export async function readCsv(text: string, limits: TableLimits = TABLE_LIMITS): Promise<string[][]> {
  const out: string[][] = [];
  for (const _ of csvSteps(text, limits, out)) await pause();
  return out;
}

export function decodeUtf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw bad('ENCODING', 'Tệp CSV phải được lưu với mã hoá UTF-8 (Excel: "CSV UTF-8").', 'The CSV file must be UTF-8 encoded.');
  }
}

// ---- XLSX -----------------------------------------------------------------------------------------

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** The part of the workbook's first sheet (in the workbook's order), e.g. "xl/worksheets/sheet1.xml". */
async function firstSheetPart(workbookXml: string, relsXml: string | null, names: string[]): Promise<string | null> {
  let rid: string | undefined;
  await parseXml(workbookXml, { open: (t) => void (rid === undefined && localName(t) === 'sheet' && (rid = attr(t, 'id') ?? '')) }, XLSX_KIND);
  if (rid && relsXml) {
    let target: string | undefined;
    await parseXml(relsXml, { open: (t) => void (target === undefined && localName(t) === 'Relationship' && t.attributes.Id === rid && (target = t.attributes.Target)) }, XLSX_KIND);
    if (target) {
      const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      const normal = part.split('/').reduce<string[]>((acc, seg) => (seg === '..' ? acc.slice(0, -1) : seg === '.' ? acc : [...acc, seg]), []).join('/');
      if (names.includes(normal)) return normal;
    }
  }
  // no usable relationship: the lowest-numbered sheet part
  const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return sheets[0] ?? null;
}

/** Bytes as a stream of slices with a pause between them. */
function slowly(buf: Buffer, slice = 64 * 1024): Readable {
  return Readable.from(
    (async function* () {
      for (let i = 0; i < buf.length; i += slice) {
        yield buf.subarray(i, i + slice);
        await pause();
      }
    })(),
  );
}

/**
 * The first sheet of an .xlsx. The parts it needs are inflated within the zip limits (files/zip.ts) and
 * repacked, uncompressed, into a small workbook that exceljs's streaming reader reads row by row: the rows
 * are never all in memory as exceljs objects, and the reader stops at the first row past the limits.
 */
export async function readXlsx(buf: Buffer, minColumns = 1, limits: TableLimits = TABLE_LIMITS): Promise<string[][]> {
  const zip = await openZip(buf, XLSX_KIND);
  const workbook = await zip.read('xl/workbook.xml');
  if (!workbook) throw XLSX_KIND.broken();
  const rels = await zip.read('xl/_rels/workbook.xml.rels');
  const sheetPart = await firstSheetPart(workbook.toString('utf8'), rels?.toString('utf8') ?? null, zip.names());
  if (!sheetPart) throw bad('EMPTY', 'Tệp Excel không có trang tính nào.', 'The workbook has no worksheet.');
  const sheet = (await zip.read(sheetPart))!;
  const styles = await zip.read('xl/styles.xml');
  const shared = await zip.read('xl/sharedStrings.xml');

  // the order matters: relationships and shared strings before the sheet, so that exceljs reads the sheet
  // as it streams instead of parking it in a temporary file
  const small = new JSZip();
  small.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${SHEET_REL}" Target="worksheets/sheet1.xml"/></Relationships>`);
  small.file('xl/workbook.xml', workbook);
  if (styles) small.file('xl/styles.xml', styles);
  small.file('xl/sharedStrings.xml', shared ?? '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
  small.file('xl/worksheets/sheet1.xml', sheet);
  const repacked = await small.generateAsync({ type: 'nodebuffer', compression: 'STORE' });

  const rows: string[][] = [];
  const found: TextError[] = [];
  let last = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(slowly(repacked), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
    for await (const ws of reader) {
      for await (const r of ws) {
        const n = Number.isFinite(r.number) && r.number > last ? r.number : last + 1;
        last = n;
        const cells: string[] = [];
        r.eachCell({ includeEmpty: false }, (cell, col) => {
          const text = cell.text ?? '';
          if (text === '') return;
          if (n > limits.maxRows) throw tooManyRowsError(n, limits);
          if (col > limits.maxColumns) throw tooManyColumnsError(n, col, limits);
          if (text.length > limits.maxCellChars) throw cellTooLongError(n, col, text.length, limits);
          const at = invalidCharAt(text);
          if (at !== -1 && found.length < MAX_TEXT_ERRORS) found.push(textError(n, col, text, at));
          cells[col - 1] = text;
        });
        if (n <= limits.maxRows) rows[n - 1] = cells;
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw XLSX_KIND.broken();
  }
  refuseTextErrors(found);
  // rows as dense arrays, every row at least minColumns wide (as the template's columns)
  return Array.from(rows, (r) => {
    const cells = Array.from({ length: Math.max(minColumns, r?.length ?? 0) }, (_, i) => r?.[i] ?? '');
    return cells;
  });
}

/** A .csv or .xlsx file as rows of cell texts; any other type is refused. */
export async function readTable(fileName: string, buf: Buffer, minColumns = 1, limits: TableLimits = TABLE_LIMITS): Promise<string[][]> {
  if (buf.length === 0) throw bad('EMPTY', 'Tệp rỗng.', 'The file is empty.');
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' && !isZip(buf)) return readCsv(decodeUtf8(buf), limits);
  if (ext === 'xlsx') return readXlsx(buf, minColumns, limits);
  throw bad('FILE_TYPE', 'Chỉ nhận tệp .xlsx hoặc .csv.', 'Only .xlsx or .csv files are accepted.', { fileName });
}
