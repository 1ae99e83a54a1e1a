import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { csvGroups, type CsvStreamLimits } from './csvStream.js';

/** The file's bytes in chunks cut at `cuts` (byte offsets), as a stream delivers them. */
async function* chunks(bytes: Buffer, cuts: number[]) {
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    if (c > at) yield bytes.subarray(at, c);
    at = Math.max(at, c);
  }
}

/** `groupChars` 1: the rows are parsed after every chunk, so that every cut is a cut in the parser's input */
async function read(bytes: Buffer, cuts: number[] = [], limits?: CsvStreamLimits) {
  const rows: { row: number; cells: string[] }[] = [];
  let lastBytes = 0;
  for await (const g of csvGroups(chunks(bytes, cuts), limits, 1)) {
    g.rows.forEach((cells, i) => rows.push({ row: g.first + i, cells }));
    expect(g.bytes).toBeGreaterThanOrEqual(lastBytes);
    lastBytes = g.bytes;
  }
  return rows;
}

async function refused(bytes: Buffer, cuts: number[] = [], limits?: CsvStreamLimits) {
  try {
    await read(bytes, cuts, limits);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

const cases: { name: string; text: string; rows: string[][] }[] = [
  { name: 'comma, LF', text: 'a,b,c\n1,2,3\n', rows: [['a', 'b', 'c'], ['1', '2', '3']] },
  { name: 'no final newline', text: 'a,b\n1,2', rows: [['a', 'b'], ['1', '2']] },
  { name: 'CRLF', text: 'a,b\r\n1,2\r\n', rows: [['a', 'b'], ['1', '2']] },
  { name: 'semicolons (Excel in Vietnamese)', text: 'a;b;c\n1,5;2;3\n', rows: [['a', 'b', 'c'], ['1,5', '2', '3']] },
  { name: 'BOM dropped', text: '\ufeffa,b\n1,2\n', rows: [['a', 'b'], ['1', '2']] },
  { name: 'quoted separator', text: 'a,b\n"x,y",2\n', rows: [['a', 'b'], ['x,y', '2']] },
  { name: 'doubled quotes', text: 'a,b\n"say ""hi""",2\n', rows: [['a', 'b'], ['say "hi"', '2']] },
  { name: 'line break inside quotes is one row', text: 'a,b\n"line 1\nline 2",2\n3,4\n', rows: [['a', 'b'], ['line 1\nline 2', '2'], ['3', '4']] },
  { name: 'CRLF inside quotes kept', text: 'a,b\r\n"x\r\ny",2\r\n', rows: [['a', 'b'], ['x\r\ny', '2']] },
  { name: 'empty cells', text: 'a,b,c\n,,\n1,,3\n', rows: [['a', 'b', 'c'], ['', '', ''], ['1', '', '3']] },
  { name: 'Vietnamese text (multi-byte)', text: 'tên,đơn vị\nSở Nội vụ,"Ủy ban, tỉnh"\n', rows: [['tên', 'đơn vị'], ['Sở Nội vụ', 'Ủy ban, tỉnh']] },
  { name: 'quoted empty cell at the end', text: 'a,b\n1,""\n', rows: [['a', 'b'], ['1', '']] },
];

describe('csvGroups: a CSV file read as a stream', () => {
  it.each(cases)('$name — the same rows at every cut of the bytes', async ({ text, rows }) => {
    const bytes = Buffer.from(text, 'utf8');
    const whole = await read(bytes);
    expect(whole.map((r) => r.cells)).toEqual(rows);
    // every single cut (inside multi-byte characters, between "" and between \r and \n too), and a few pairs
    for (let c = 1; c < bytes.length; c++) expect((await read(bytes, [c])).map((r) => r.cells), `cut at ${c}`).toEqual(rows);
    for (let c = 1; c + 2 < bytes.length; c += 3) expect((await read(bytes, [c, c + 1, c + 2])).map((r) => r.cells)).toEqual(rows);
  });

  it('numbers rows as the file does: a quoted cell with line breaks is one row', async () => {
    const rows = await read(Buffer.from('h1,h2\n"a\nb",1\nc,2\n'));
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('a large file comes in several groups, numbered on, each row once', async () => {
    const n = 60_000;
    const text = 'code,value\n' + Array.from({ length: n }, (_, i) => (i % 7 === 0 ? `"c,${i}",${i}` : `c${i},${i}`)).join('\n') + '\n';
    const bytes = Buffer.from(text);
    const cuts = Array.from({ length: Math.floor(bytes.length / 65_536) }, (_, i) => (i + 1) * 65_536 - 3);
    let groups = 0;
    const seen: number[] = [];
    for await (const g of csvGroups(chunks(bytes, cuts))) {
      groups++;
      g.rows.forEach((cells, i) => {
        if (g.first + i > 1) {
          expect(cells[1]).toBe(String(g.first + i - 2));
          seen.push(g.first + i);
        }
      });
    }
    expect(groups).toBeGreaterThan(1);
    expect(seen.length).toBe(n);
    expect(seen[n - 1]).toBe(n + 1);
  });

  it.each([
    { name: 'an unclosed quote', text: 'a,b\n"open,2\n', code: 'BROKEN_CSV' },
    { name: 'a NUL in a cell', text: 'a,b\n1,x\u0000y\n', code: 'INVALID_TEXT' },
    { name: 'data past the column limit', text: 'a,b\n1,2,3,4\n', code: 'TOO_MANY_COLUMNS', limits: { maxColumns: 3, maxCellChars: 100 } },
    { name: 'a cell over the size limit', text: `a,b\n1,${'x'.repeat(50)}\n`, code: 'CELL_TOO_LONG', limits: { maxColumns: 10, maxCellChars: 20 } },
    { name: 'a quoted cell over the size limit', text: `a,b\n1,"${'x'.repeat(50)}"\n`, code: 'CELL_TOO_LONG', limits: { maxColumns: 10, maxCellChars: 20 } },
  ])('refuses $name with a row-level error', async ({ text, code, limits }) => {
    const e = await refused(Buffer.from(text), [], limits);
    expect(e.code).toBe(code);
    expect(e.details.row).toBe(2);
  });

  it('empty columns past the limit are allowed (Excel pads rows)', async () => {
    const rows = await read(Buffer.from('a,b\n1,2,,,\n'), [], { maxColumns: 2, maxCellChars: 100 });
    expect(rows[1].cells.slice(0, 2)).toEqual(['1', '2']);
  });

  it('refuses a file that is not UTF-8 (Windows-1258 from old Excel)', async () => {
    const e = await refused(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xd0, 0xe0, 0x2c, 0x31, 0x0a]));
    expect(e.code).toBe('ENCODING');
    expect(e.messageVi).toMatch(/UTF-8/);
  });

  it('an empty file gives no rows', async () => {
    expect(await read(Buffer.alloc(0))).toEqual([]);
  });
});
