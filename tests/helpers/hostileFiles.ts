/**
 * Hostile uploads, made on the spot: zip archives assembled by hand (so that an entry may inflate to far more
 * than the file, or lie about its size), a sheet with one cell at XFD1048576, a docx with a character
 * reference no character has, a CSV of nothing but commas.
 */
import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: 0 | 8;
  data: Buffer;
  /** what the headers say the entry inflates to */
  declaredSize: number;
}

/** A zip archive of the entries as given (CRC-32 left at 0: no reader here checks it). */
export function zipOf(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The chunks deflated as they come (never all in memory), with the inflated size. */
export async function deflateChunks(chunks: Iterable<string | Buffer>, level = 9): Promise<{ data: Buffer; size: number }> {
  const z = createDeflateRaw({ level });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on('end', resolve));
  const write = (b: Buffer) => new Promise<void>((resolve) => (z.write(b) ? resolve() : z.once('drain', resolve)));
  let size = 0;
  for (const c of chunks) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(c);
    size += b.length;
    await write(b);
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), size };
}

/** `head`, then `filler` repeated until `bytes`, then `tail`, deflated as it streams. */
export function deflateRepeated(head: string, filler: string, bytes: number, tail: string): Promise<{ data: Buffer; size: number }> {
  const block = Buffer.from(filler.repeat(Math.max(1, Math.floor((1024 * 1024) / filler.length))));
  return deflateChunks(
    (function* () {
      yield head;
      for (let size = Buffer.byteLength(head); size + block.length < bytes; size += block.length) yield block;
      yield tail;
    })(),
  );
}

/**
 * An .xlsx like a real export gone large: rows of eight varied cells (about 14:1 compressed, as the 13,8 MB
 * file of issue 10 that inflated to 200 MB), the sheet inflating to `bytes`.
 */
export async function xlsxLargeSheet(bytes: number): Promise<Buffer> {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const { data, size } = await deflateChunks(
    (function* () {
      yield SHEET_HEAD;
      let written = 0;
      let batch = '';
      for (let r = 2; written < bytes; r++) {
        let row = `<row r="${r}">`;
        for (let c = 0; c < 8; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>HS-${(rand() % 60_000).toString(36)}</t></is></c>`;
        row += '</row>';
        written += row.length;
        batch += row;
        if (batch.length > 1_000_000) {
          yield batch;
          batch = '';
        }
      }
      yield batch;
      yield SHEET_TAIL;
    })(),
    6,
  );
  return zipOf([...(await workbookEntries(true)), { name: 'xl/worksheets/sheet1.xml', method: 8, data, declaredSize: size }]);
}

/** The entries of a small real workbook (exceljs), stored, with the sheet left out when asked. */
async function workbookEntries(withoutSheet: boolean): Promise<RawEntry[]> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').addRow(['a', 'b']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const out: RawEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || (withoutSheet && name === 'xl/worksheets/sheet1.xml')) continue;
    const data = await zip.files[name].async('nodebuffer');
    out.push({ name, method: 0, data, declaredSize: data.length });
  }
  return out;
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** An .xlsx whose sheet inflates to `bytes`; `lie` makes the headers declare a small size instead. */
export async function xlsxBomb(bytes: number, lie = false): Promise<Buffer> {
  const { data, size } = await deflateRepeated(SHEET_HEAD, '<row r="2"><c r="A2" t="inlineStr"><is><t>xxxxxxxxxxxxxxxxxxxxxxxxxx</t></is></c></row>', bytes, SHEET_TAIL);
  return zipOf([...(await workbookEntries(true)), { name: 'xl/worksheets/sheet1.xml', method: 8, data, declaredSize: lie ? 4096 : size }]);
}

/** An .xlsx (as exceljs writes it) with a header row and one more cell at `address`. */
export async function xlsxWithCellAt(address: string, header: string[] = ['a']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  ws.getCell(address).value = 'x';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An .xlsx with a header row and a cell that has a style but no value at `address`. */
export async function xlsxWithStyledEmptyCellAt(address: string, header: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  ws.getCell(address).style = { font: { bold: true } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An .xlsx with rows of the given cells (strings) — for limits on rows and cell text. */
export async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip with `n` empty entries named like parts of a workbook. */
export function zipWithEntries(n: number): Buffer {
  return zipOf(Array.from({ length: n }, (_, i) => ({ name: `xl/media/e${i}.bin`, method: 0 as const, data: Buffer.alloc(0), declaredSize: 0 })));
}

/** A .docx whose document.xml is `body` inside the usual wrapper. */
export async function docxWithBody(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The plan appendix table header (8 columns) and one task row with `text` as its task. */
export function appendixTable(text: string): string {
  const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  const header = ['TT', 'Nội dung CCHC', 'Nhiệm vụ cụ thể', 'Sản phẩm', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kinh phí'];
  return `<w:tbl><w:tr>${header.map(cell).join('')}</w:tr><w:tr>${['1', 'Cải cách thể chế', text, 'Báo cáo', 'Sở Nội vụ', '', 'Quý I', ''].map(cell).join('')}</w:tr></w:tbl>`;
}

/** A .docx whose document.xml inflates to `bytes` of paragraphs. */
export async function docxBomb(bytes: number): Promise<Buffer> {
  const head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const { data, size } = await deflateRepeated(head, '<w:p><w:r><w:t>xxxxxxxxxxxxxxxx</w:t></w:r></w:p>', bytes, '</w:body></w:document>');
  return zipOf([{ name: 'word/document.xml', method: 8, data, declaredSize: size }]);
}
