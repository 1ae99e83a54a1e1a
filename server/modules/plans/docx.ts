/**
 * Reads the task table of a plan decision in Word (.docx) laid out like the appendix of
 * Decision 4976/QĐ-UBND: TT | Nội dung CCHC | Nhiệm vụ cụ thể | Sản phẩm | Cơ quan chủ trì |
 * Cơ quan phối hợp | Thời gian thực hiện | Kinh phí. The task number sits at the start of the task text
 * ("1.4. Xác định…"); vertically merged cells continue the task above.
 */
import type { PlanRow } from '../../../domain/plans/planTable.js';
import { fold } from '../../../domain/text/normalize.js';
import { errors } from '../../errors.js';
import { type TableLimits, TABLE_LIMITS, cellTooLongError, tooManyRowsError } from '../files/tables.js';
import { parseXml } from '../files/xml.js';
import { DOCX_KIND, openZip } from '../files/zip.js';

interface Cell {
  text: string;
  continued: boolean;
}

interface Document {
  /** the paragraphs outside tables */
  text: string;
  /** the top-level tables, as rows of cells (a cell spanning n grid columns gives n cells) */
  tables: Cell[][][];
}

/**
 * The paragraphs and tables of word/document.xml, read with an XML parser (linear whatever the input;
 * character references are checked, so `&#99999999;` is a broken file, not a crash). A table inside a cell
 * gives its text to that cell. Rows past the limit are refused; a cell spans at most the column limit.
 */
async function readDocument(xml: string, limits: TableLimits): Promise<Document> {
  const body: string[] = [];
  const tables: Cell[][][] = [];
  let depth = 0; // tables open
  let rows: Cell[][] = [];
  let row: Cell[] | null = null;
  let cell: { paras: string[]; continued: boolean; span: number } | null = null;
  let para: string | null = null;
  let inRun = 0;
  let inText = false;
  const tooLong = () => {
    if (cell && para !== null && para.length > limits.maxCellChars) throw cellTooLongError(rows.length + 1, (row?.length ?? 0) + 1, para.length, limits);
  };
  await parseXml(
    xml,
    {
      open(t) {
        switch (t.name) {
          case 'w:tbl':
            depth++;
            if (depth === 1) rows = [];
            break;
          case 'w:tr':
            if (depth === 1) {
              if (rows.length >= limits.maxRows) throw tooManyRowsError(rows.length + 1, limits);
              row = [];
            }
            break;
          case 'w:tc':
            if (depth === 1 && row) cell = { paras: [], continued: false, span: 1 };
            break;
          case 'w:vMerge':
            if (depth === 1 && cell && (t.attributes['w:val'] === undefined || t.attributes['w:val'] === 'continue')) cell.continued = true;
            break;
          case 'w:gridSpan':
            if (depth === 1 && cell) cell.span = Math.max(1, Math.min(Number(t.attributes['w:val']) || 1, limits.maxColumns));
            break;
          case 'w:p':
            para = '';
            break;
          case 'w:r':
            inRun++;
            break;
          case 'w:t':
            inText = true;
            break;
          case 'w:tab':
            if (inRun && para !== null) para += ' ';
            break;
          case 'w:br':
            if (inRun && para !== null) para += '\n';
            break;
        }
      },
      text(x) {
        if (inText && para !== null) {
          para += x;
          tooLong();
        }
      },
      close(t) {
        switch (t.name) {
          case 'w:t':
            inText = false;
            break;
          case 'w:r':
            inRun = Math.max(0, inRun - 1);
            break;
          case 'w:p':
            if (para !== null) {
              if (cell) cell.paras.push(para);
              else if (depth === 0) body.push(para);
            }
            para = null;
            break;
          case 'w:tc':
            if (depth === 1 && row && cell) {
              const text = cell.continued ? '' : cell.paras.join('\n').trim();
              for (let i = 0; i < cell.span && row.length < limits.maxColumns; i++) row.push({ text: i === 0 ? text : '', continued: cell.continued });
              cell = null;
            }
            break;
          case 'w:tr':
            if (depth === 1 && row) rows.push(row);
            row = null;
            break;
          case 'w:tbl':
            if (depth === 1) tables.push(rows);
            depth = Math.max(0, depth - 1);
            break;
        }
      },
    },
    DOCX_KIND,
  );
  return { text: body.join('\n'), tables };
}

const TASK_NUMBER = /^(\d{1,2}\.\d{1,3})\.?\s+/;

export async function readDocxTables(buf: Buffer, limits: TableLimits = TABLE_LIMITS): Promise<{ rows: PlanRow[]; text: string }> {
  const zip = await openZip(buf, DOCX_KIND);
  const xml = await zip.read('word/document.xml');
  if (!xml) throw DOCX_KIND.broken();
  const { text, tables } = await readDocument(xml.toString('utf8'), limits);
  for (const rows of tables) {
    const headerAt = rows.findIndex((r) => {
      const f = fold(r.map((c) => c.text).join(' | '));
      return f.includes('nhiem vu') && f.includes('chu tri') && r.length >= 8;
    });
    if (headerAt === -1) continue;
    const out: PlanRow[] = [];
    rows.slice(headerAt + 1).forEach((cells, i) => {
      const t = cells.map((c) => c.text);
      if (t.every((x) => /^\(?\d*\)?$/.test(x))) return; // column numbers (1) (2) … or an empty row
      const task = t[2] ?? '';
      const m = TASK_NUMBER.exec(task);
      const isArea = !m && /^\d{1,2}$/.test(t[0]) && !task;
      out.push({
        row: headerAt + i + 2,
        number: m ? m[1] : isArea ? t[0] : '',
        area: t[1] ?? '',
        task,
        products: t[3] ?? '',
        lead: t[4] ?? '',
        coordinating: t[5] ?? '',
        timeframe: t[6] ?? '',
        budget: t[7] ?? '',
      });
    });
    return { rows: out, text };
  }
  throw errors.badRequest(
    'NO_TABLE',
    'Không tìm thấy bảng phân công nhiệm vụ (8 cột: TT, Nội dung CCHC, Nhiệm vụ, Sản phẩm, Chủ trì, Phối hợp, Thời gian, Kinh phí) trong tệp Word.',
    'No task table with the 8 expected columns was found in the Word file.',
  );
}
