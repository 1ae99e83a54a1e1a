/**
 * A CSV file of any size read as a stream (the bulk import of dossier events): UTF-8 (a BOM is dropped),
 * comma or semicolon separated (as the first line says), RFC 4180 quotes, CRLF or LF. Rows come in groups,
 * each with the record number of its first row (the header is row 1; a quoted cell with line breaks is one row), with the bytes read so far, so that
 * a caller shows progress. Only a group is held in memory at a time. Limits: columns per row and characters per
 * cell; a NUL is a row error (valid UTF-8 has no lone surrogates; invalid UTF-8 is refused).
 */
import { errors } from '../../errors.js';
import { columnName } from './tables.js';

export interface CsvGroup {
  /** the row number (1 = the first line of the file) of rows[0] */
  first: number;
  rows: string[][];
  /** bytes of the file consumed so far */
  bytes: number;
}

export interface CsvStreamLimits {
  maxColumns: number;
  maxCellChars: number;
}

const encodingError = () => errors.badRequest('ENCODING', 'Tệp CSV phải được lưu với mã hoá UTF-8 (Excel: "CSV UTF-8").', 'The CSV file must be UTF-8 encoded.');

/** `groupChars`: text gathered before the complete rows in it are parsed and yielded as a group. */
export async function* csvGroups(source: AsyncIterable<Buffer | Uint8Array>, limits: CsvStreamLimits = { maxColumns: 64, maxCellChars: 32_767 }, groupChars = 256 * 1024): AsyncGenerator<CsvGroup> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let bytes = 0;
  let sep: string | null = null;
  let rowNo = 1;
  let first = true;
  const check = (row: string[], n: number) => {
    if (row.length > limits.maxColumns && row.slice(limits.maxColumns).some((c) => c !== '')) {
      throw errors.badRequest('TOO_MANY_COLUMNS', `Dòng ${n} có dữ liệu ở cột ${columnName(limits.maxColumns + 1)}, quá số cột cho phép (${limits.maxColumns}).`, `Row ${n} has data past column ${limits.maxColumns}.`, { row: n });
    }
    for (let i = 0; i < row.length; i++) {
      const c = row[i];
      if (c.length > limits.maxCellChars) throw errors.badRequest('CELL_TOO_LONG', `Ô ${columnName(i + 1)}${n} dài quá ${limits.maxCellChars.toLocaleString('vi-VN')} ký tự.`, `Cell ${columnName(i + 1)}${n} is longer than ${limits.maxCellChars} characters.`, { row: n });
      if (c.includes('\u0000')) throw errors.badRequest('INVALID_TEXT', `Ô ${columnName(i + 1)}${n} có ký tự NUL (U+0000); hãy xoá ký tự này.`, `Cell ${columnName(i + 1)}${n} holds a NUL.`, { row: n });
    }
  };
  /** Rows of `text` from `pos`: complete records only unless `final`; returns where it stopped. */
  const parse = (final: boolean, out: string[][]): number => {
    let pos = 0;
    // the next quote, searched once and again only once passed (a search per line would scan to the end each time)
    let quote = -2;
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      if (nl === -1 && !final) break;
      const end = nl === -1 ? text.length : nl;
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (quote === -1 || quote >= end) {
        // the common case: a line without quotes
        const line = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
        const row = line.split(sep!);
        check(row, rowNo);
        out.push(row);
        rowNo++;
        pos = end + 1;
        continue;
      }
      // a record with quotes, which may span lines
      const row: string[] = [];
      let cell = '';
      let i = pos;
      let quoted = false;
      let done = false;
      for (; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i++;
            } else if (i + 1 >= text.length && !final) break; // the next chunk may hold the doubled quote
            else quoted = false;
          } else cell += ch;
          if (cell.length > limits.maxCellChars) check([cell], rowNo);
        } else if (ch === '"' && cell === '') quoted = true;
        else if (ch === sep) {
          row.push(cell);
          cell = '';
        } else if (ch === '\n' || ch === '\r') {
          if (ch === '\r' && text[i + 1] === undefined && !final) break;
          if (ch === '\r' && text[i + 1] === '\n') i++;
          done = true;
          break;
        } else cell += ch;
      }
      if (!done && !final) break; // incomplete: wait for more text
      if (!done && quoted) throw errors.badRequest('BROKEN_CSV', `Tệp CSV bị lỗi: dấu ngoặc kép ở dòng ${rowNo} không được đóng.`, `Broken CSV: an unclosed quote at row ${rowNo}.`, { row: rowNo });
      row.push(cell);
      check(row, rowNo);
      out.push(row);
      rowNo++;
      pos = i + 1;
    }
    return pos;
  };
  const flush = (final: boolean): CsvGroup | null => {
    if (sep === null) {
      if (first) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      const nl = text.indexOf('\n');
      if (nl === -1 && !final && text.length < 65_536) return null;
      const line = text.slice(0, nl === -1 ? Math.min(text.length, 65_536) : nl);
      const commas = line.split(',').length;
      const semicolons = line.split(';').length;
      sep = semicolons > commas ? ';' : ',';
    }
    const start = rowNo;
    const rows: string[][] = [];
    const pos = parse(final, rows);
    text = text.slice(pos);
    return rows.length ? { first: start, rows, bytes } : null;
  };
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    try {
      text += decoder.decode(chunk, { stream: true });
    } catch {
      throw encodingError();
    }
    if (text.length < groupChars) continue;
    const g = flush(false);
    if (g) yield g;
  }
  try {
    text += decoder.decode();
  } catch {
    throw encodingError();
  }
  const g = flush(true);
  if (g) yield g;
}
